import { isBareSubHeader, isRowNumberHeader, matchColumn, matchHeader, matchJoined } from './catalogMatch';

describe('matchHeader', () => {
  it.each([
    // header or alias, through case, diacritics, punctuation, NFD
    ['Mã đơn vị', 'ma_don_vi'],
    ['MA DON VI', 'ma_don_vi'],
    ['Số đoàn viên'.normalize('NFD'), 'so_dv'],
    // line breaks and repeated spaces
    ['Tổng số\nCBCCVCLĐ', 'tong_so_ld'],
    ['Số   đoàn\r\nviên', 'so_dv'],
    // footnote marks: (*), *, (1), superscripts
    ['Số đoàn viên (*)', 'so_dv'],
    ['Số đoàn viên*', 'so_dv'],
    ['Số đoàn viên (1)', 'so_dv'],
    ['Số đoàn viên²', 'so_dv'],
    ['Số đoàn viên⁽⁴⁾', 'so_dv'],
    // units in parentheses
    ['Số đoàn viên (người)', 'so_dv'],
    ['Số cán bộ CĐCS (đơn vị)', 'can_bo_cd'],
    ['Kinh phí công đoàn đã thu (triệu đồng)', 'kp_thu'],
    // TCVN3 and VNI: "Mã đơn vị", "Tổng số đoàn viên", "Số đoàn viên"
    ['M· ®¬n vÞ', 'ma_don_vi'],
    ['Tæng sè ®oµn viªn', 'so_dv'],
    ['Soá ñoaøn vieân', 'so_dv'],
    // a TCVN3 header with a superscript footnote (¹ is also TCVN3's ạ)
    ['Sè ®oµn viªn¹', 'so_dv'],
  ])('%j → %s', (header, key) => {
    expect(matchHeader(header)).toBe(key);
  });

  it('the year column is not a bare sub-header (without diacritics "Năm" reads like "Nam")', () => {
    expect(matchHeader('Năm')).toBe('nam');
    expect(isBareSubHeader('Năm')).toBe(false);
  });

  it('bare sub-headers never match alone', () => {
    for (const h of ['Tổng số', 'Nữ', 'Có', 'Số lượng', 'Tæng sè', 'N÷', 'Cã']) expect(matchHeader(h)).toBeUndefined();
  });
});

describe('isBareSubHeader', () => {
  it('knows the sub-headers that need a group, also with a unit or in TCVN3', () => {
    expect(isBareSubHeader('Tổng số')).toBe(true);
    expect(isBareSubHeader('Nữ (người)')).toBe(true);
    expect(isBareSubHeader('Cã')).toBe(true); // TCVN3 "Có", too short for the detector
    expect(isBareSubHeader('Số đoàn viên')).toBe(false);
  });
});

describe('matchJoined', () => {
  it.each([
    ['Số đoàn viên', 'Tổng số', 'so_dv'],
    ['Đoàn viên', 'Tổng số', 'so_dv'],
    ['Đoàn viên', 'Số lượng', 'so_dv'],
    ['Số đoàn viên', 'Đầu năm', 'so_dv_dau_ky'], // the catalog header itself, joined
    ['Đoàn viên', 'Kết nạp mới', 'dv_ket_nap_moi'],
    ['Tổng số CBCCVCLĐ', 'Số lượng', 'tong_so_ld'],
    ['Lao động', 'Đủ điều kiện gia nhập', 'so_ld_du_dk'],
    ['Số hộ nghèo, cận nghèo', 'Cuối năm', 'ho_ngheo_cuoi_ky'],
    ['Kinh phí công đoàn (triệu đồng)', 'Đã thu', 'kp_thu'],
  ])('%s + %s → %s', (group, sub, key) => {
    expect(matchJoined(group, sub)).toBe(key);
  });

  it('a breakdown sub-header names nothing', () => {
    expect(matchJoined('Số đoàn viên', 'Nữ')).toBeUndefined();
    expect(matchJoined('Khu vực', 'Nhà nước')).toBeUndefined();
  });
});

describe('matchColumn', () => {
  it('own text first, then group + sub, nearest group first', () => {
    expect(matchColumn(['Kết quả thực hiện', 'Công khai tài chính'])).toEqual({ key: 'cong_khai_tc', used: [1] });
    expect(matchColumn(['Số đoàn viên', 'Tổng số'])).toEqual({ key: 'so_dv', used: [0, 1] });
    // "Số lượng" + "Tổng số" names nothing; the outer group does.
    expect(matchColumn(['Đoàn viên', 'Số lượng', 'Tổng số'])).toEqual({ key: 'so_dv', used: [0, 2] });
    // The group alone never names a sub column: "Nữ" under "Số đoàn viên" is not so_dv.
    expect(matchColumn(['Số đoàn viên', 'Nữ'])).toBeUndefined();
    expect(matchColumn([])).toBeUndefined();
  });
});

describe('isRowNumberHeader', () => {
  it.each(['STT', 'TT', 'Số TT', 'S.T.T', 'stt'])('%s', (h) => expect(isRowNumberHeader(h)).toBe(true));
  it('other headers are not', () => expect(isRowNumberHeader('Mã')).toBe(false));
});

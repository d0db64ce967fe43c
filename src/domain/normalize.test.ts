import { columnDef } from './catalog';
import { canonicalFix, normalizeCell, parseVietnameseNumber } from './normalize';

const def = (k: string) => columnDef(k)!;

describe('parseVietnameseNumber', () => {
  it.each([
    ['9.000', 9000],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ['1,5', 1.5],
    ['12', 12],
    ['1.5', 1.5], // a lone dot without three digits after it: the English decimal habit
    ['-5', -5],
    ['1.234,5', 1234.5],
  ])('%s → %d', (text, n) => expect(parseVietnameseNumber(text)).toBe(n));
  it.each(['12 người', 'abc', '1.23.4', '', '1,2,3'])('%s is not a number', (t) => expect(parseVietnameseNumber(t)).toBeUndefined());
});

describe('normalizeCell', () => {
  it('ints: numbers, number text, dashes, negatives, fractions', () => {
    expect(normalizeCell(120, def('so_dv'))).toEqual({ value: 120, issues: [] });
    expect(normalizeCell('9.000', def('so_dv'))).toEqual({ value: 9000, issues: [] });
    expect(normalizeCell(null, def('so_dv'))).toEqual({ issues: [] });
    expect(normalizeCell('  ', def('so_dv'))).toEqual({ issues: [] });
    const dash = normalizeCell('-', def('so_dv'));
    expect(dash.value).toBeUndefined();
    expect(dash.issues.map((i) => [i.rule, i.severity])).toEqual([['not_a_number', 'warning']]);
    expect(normalizeCell('x', def('so_dv')).issues[0].severity).toBe('warning');
    expect(normalizeCell('12 người', def('so_dv')).issues.map((i) => [i.rule, i.severity])).toEqual([['not_a_number', 'error']]);
    expect(normalizeCell(-3, def('so_dv')).issues[0].rule).toBe('negative');
    expect(normalizeCell('1,5', def('so_dv')).issues[0].rule).toBe('not_integer');
    expect(normalizeCell(2.5, def('so_dv')).value).toBeUndefined();
    expect(normalizeCell(true, def('so_dv')).issues[0].rule).toBe('not_a_number');
  });

  it('money in đồng beyond 10^9', () => {
    expect(normalizeCell('2.500.000.000', def('kp_thu')).value).toBe(2_500_000_000);
  });

  it('bools: the listed yes and no words; blank is missing, not Không', () => {
    for (const yes of ['có', 'Có', 'co', 'x', 'X', '✓', '✔', '1', 'yes', 'y', 'true', 'đã', 'rồi', 'đạt', 'CÓ']) {
      expect(normalizeCell(yes, def('co_ke_hoach')).value).toBe(true);
    }
    for (const no of ['không', 'khong', '0', 'no', 'n', 'false', 'chưa', 'KHÔNG']) {
      expect(normalizeCell(no, def('co_ke_hoach')).value).toBe(false);
    }
    expect(normalizeCell(1, def('co_ke_hoach')).value).toBe(true);
    expect(normalizeCell(true, def('co_ke_hoach')).value).toBe(true);
    expect(normalizeCell(null, def('co_ke_hoach')).value).toBeUndefined();
    const bad = normalizeCell('có lẽ', def('co_ke_hoach'));
    expect(bad.issues[0].rule).toBe('invalid_choice');
    expect(bad.issues[0].message).toContain('Hãy gõ Có hoặc Không');
  });

  it('choices: variants, case and diacritics; old rating scale is refused with a hint', () => {
    expect(normalizeCell('HTT', def('xep_loai')).value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(normalizeCell('hoan thanh xuat sac', def('xep_loai')).value).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(normalizeCell('KHT', def('xep_loai')).value).toBe('Không hoàn thành nhiệm vụ');
    expect(normalizeCell('Hoàn thành nhiệm vụ'.normalize('NFD'), def('xep_loai')).value).toBe('Hoàn thành nhiệm vụ');
    expect(normalizeCell('KVNN', def('khu_vuc')).value).toBe('Nhà nước');
    expect(normalizeCell('FDI', def('khu_vuc')).value).toBe('Ngoài nhà nước');
    expect(normalizeCell('LĐLĐ huyện', def('cap')).value).toBe('CĐ cấp trên');
    const old = normalizeCell('Vững mạnh', def('xep_loai'));
    expect(old.value).toBeUndefined();
    expect(old.issues[0].rule).toBe('invalid_choice');
    expect(old.issues[0].message).toContain('cách cũ');
    const typo = normalizeCell('Tốt lắm', def('xep_loai'));
    expect(typo.issues[0].message).toBe(
      '"Tốt lắm" không phải là mức xếp loại. Chọn một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ.',
    );
  });

  it('legacy TCVN3 text is converted and reported, with a fix', () => {
    const name = normalizeCell('C«ng ®oµn tr­êng', def('ten_don_vi'));
    expect(name.value).toBe('Công đoàn trường');
    expect(name.issues[0]).toMatchObject({ rule: 'legacy_encoding', severity: 'warning', fix: { value: 'Công đoàn trường' } });
    const rating = normalizeCell('Hoµn thµnh tèt nhiÖm vô', def('xep_loai'));
    expect(rating.value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(rating.issues[0].rule).toBe('legacy_encoding');
  });

  it('text: NFC, spaces; error values are formula_error', () => {
    expect(normalizeCell('  Trường   THPT  ', def('ten_don_vi')).value).toBe('Trường THPT');
    expect(normalizeCell('Trường'.normalize('NFD'), def('ten_don_vi')).value).toBe('Trường');
    expect(normalizeCell({ error: '#REF!' }, def('so_dv')).issues[0].rule).toBe('formula_error');
  });
});

describe('canonicalFix', () => {
  it('offers number text → number, variant → canonical, bool word → Có/Không', () => {
    expect(canonicalFix('9.000', def('so_dv'), 9000)).toEqual({ value: 9000, label: 'Đổi thành số 9.000' });
    expect(canonicalFix('HTT', def('xep_loai'), 'Hoàn thành tốt nhiệm vụ')?.value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(canonicalFix('x', def('co_ke_hoach'), true)?.value).toBe('Có');
    expect(canonicalFix('Có', def('co_ke_hoach'), true)).toBeUndefined();
    expect(canonicalFix(12, def('so_dv'), 12)).toBeUndefined();
  });
});

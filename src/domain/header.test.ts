import { findTable, matchHeader } from './header';
import type { SheetGrid } from './grid';

describe('matchHeader', () => {
  it.each([
    ['Mã đơn vị', 'ma_don_vi'],
    ['MÃ CĐCS', 'ma_don_vi'],
    ['Tên đơn vị/CĐCS', 'ten_don_vi'],
    ['Ten don vi', 'ten_don_vi'], // no diacritics
    ['Số ĐV', 'so_dv'],
    ['so dv', 'so_dv'],
    ['Tổng số CB, CC, VC, LĐ', 'tong_so_ld'],
    ['Kinh phí công đoàn đã thu (đồng)', 'kp_thu'], // trailing unit in parentheses
    ['Xếp loại chất lượng', 'xep_loai'],
    ['  Số   đoàn viên  ', 'so_dv'],
    ['Số đoàn viên'.normalize('NFD'), 'so_dv'], // NFD text
  ])('%s → %s', (header, key) => {
    expect(matchHeader(header)).toBe(key);
  });
  it('unknown headers give undefined', () => {
    expect(matchHeader('Ghi chú')).toBeUndefined();
    expect(matchHeader('')).toBeUndefined();
  });
});

describe('findTable', () => {
  it('skips title rows and merged cells above the header; finds reordered and extra columns', () => {
    const grid: SheetGrid = {
      name: 'S',
      rows: [
        ['LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH', null, null],
        ['BẢNG TỔNG HỢP SỐ LIỆU NĂM 2024', null, null], // merged in Excel: only the first cell holds text
        [],
        ['STT', 'Ten CDCS', 'Ghi chú', 'Số ĐV', 'Mã', 'Khu vực'],
        [1, 'CĐCS A', '', 10, 'CD1', 'Nhà nước'],
      ],
    };
    const t = findTable(grid)!;
    expect(t.headerRow).toBe(4);
    expect(t.titleYear).toBe(2024);
    expect(Object.fromEntries(t.keyCol)).toEqual({ ten_don_vi: 1, so_dv: 3, ma_don_vi: 4, khu_vuc: 5 });
    expect(t.columns.map((c) => c.role)).toEqual(['row_number', 'data', 'unknown', 'data', 'data', 'data']);
    expect(t.lastCol).toBe(5);
    expect(t.lastRow).toBe(5);
  });

  it('needs three catalog headers including the code or the name', () => {
    expect(findTable({ name: 'S', rows: [['Số ĐV', 'Khu vực', 'Xếp loại']] })).toBeUndefined();
    expect(findTable({ name: 'S', rows: [['Mã đơn vị', 'Khu vực']] })).toBeUndefined();
    expect(findTable({ name: 'S', rows: [['Mã đơn vị', 'Khu vực', 'Xếp loại']] })?.headerRow).toBe(1);
  });

  it('looks only at the first 30 rows', () => {
    const rows: SheetGrid['rows'] = [...Array.from({ length: 30 }, () => ['x']), ['Mã đơn vị', 'Khu vực', 'Xếp loại']];
    expect(findTable({ name: 'S', rows })).toBeUndefined();
  });

  it("recognises the product's own columns from an earlier run and keeps them out of the table", () => {
    const grid: SheetGrid = {
      name: 'S',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', null, 'Kết quả: Bao phủ', 'Lỗi dữ liệu'],
        ['CD1', 'A', 'Nhà nước', null, 'Đạt', 0],
      ],
    };
    const t = findTable(grid)!;
    expect(t.lastCol).toBe(2);
    expect(t.outputCols).toEqual([4, 5]);
    expect([...t.keyCol.keys()]).toEqual(['ma_don_vi', 'ten_don_vi', 'khu_vuc']);
  });

  it('lastUsedCol counts cells without a header in the table rows, so status columns never cover them', () => {
    const grid: SheetGrid = {
      name: 'S',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Khu vực'],
        ['CD1', 'A', 'Nhà nước', null, null, 'ghi chú riêng'],
      ],
    };
    const t = findTable(grid)!;
    expect(t.lastCol).toBe(2);
    expect(t.lastUsedCol).toBe(5);
  });

  it('a second column with the same meaning is marked duplicate', () => {
    const t = findTable({ name: 'S', rows: [['Mã đơn vị', 'Tên đơn vị', 'Số ĐV', 'Tổng số đoàn viên']] })!;
    expect(t.columns.map((c) => c.role)).toEqual(['data', 'data', 'data', 'duplicate']);
    expect(t.keyCol.get('so_dv')).toBe(2);
  });
});

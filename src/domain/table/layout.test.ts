import type { CellRange, RawCell, SheetGrid } from '../grid';
import { findTable } from './layout';

function m(top: number, left: string, bottom: number, right: string): CellRange {
  return { top, left: left.charCodeAt(0) - 65, bottom, right: right.charCodeAt(0) - 65 };
}
const _ = null;

describe('findTable on a two-row header', () => {
  // Rows 1–2 title (year 2024), rows 4–5 the band, data from row 6.
  const rows: RawCell[][] = [
    ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN X'],
    ['BÁO CÁO KẾT QUẢ NĂM 2024'],
    [],
    ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', _, 'Kết quả thực hiện', _],
    [_, _, _, 'Tổng số', 'Nữ', 'Công khai tài chính', 'Đối thoại'],
    [1, 'CD01', 'CĐCS A', 40, 25, 'Có', 'Không'],
    [2, 'CD02', 'CĐCS B', 30, 10, 'Có', 'Có'],
  ];
  const merges = [m(4, 'A', 5, 'A'), m(4, 'B', 5, 'B'), m(4, 'C', 5, 'C'), m(4, 'D', 4, 'E'), m(4, 'F', 4, 'G'), m(6, 'F', 7, 'F')];
  const t = findTable({ name: 'S', rows, merges })!;

  it('headerTop is the band top, headerRow its bottom (data rows start right below)', () => {
    expect(t.headerTop).toBe(4);
    expect(t.headerRow).toBe(5);
    expect(t.lastRow).toBe(7);
    expect(t.titleYear).toBe(2024);
  });

  it('each column: role, key, header as read with its group', () => {
    // By hand: D is so_dv through "Số đoàn viên" + "Tổng số"; E ("Nữ") and G ("Đối thoại": not a
    // catalog header) are unknown, shown with their group.
    expect(t.columns.map((c) => [c.col, c.role, c.key, c.header])).toEqual([
      [0, 'row_number', undefined, 'STT'],
      [1, 'data', 'ma_don_vi', 'Mã đơn vị'],
      [2, 'data', 'ten_don_vi', 'Tên đơn vị'],
      [3, 'data', 'so_dv', 'Số đoàn viên — Tổng số'],
      [4, 'unknown', undefined, 'Số đoàn viên — Nữ'],
      [5, 'data', 'cong_khai_tc', 'Kết quả thực hiện — Công khai tài chính'],
      [6, 'unknown', undefined, 'Kết quả thực hiện — Đối thoại'],
    ]);
    expect(t.columns[4].group).toBe('Số đoàn viên');
    expect(t.columns[1].group).toBeUndefined();
    expect(Object.fromEntries(t.keyCol)).toEqual({ ma_don_vi: 1, ten_don_vi: 2, so_dv: 3, cong_khai_tc: 5 });
    expect(t.lastCol).toBe(6);
  });

  it('merges passed through are those reaching the header row and below', () => {
    // D4:E4 and F4:G4 end above row 5; the identity merges end on it; F6:F7 is in the data.
    expect(t.merges).toEqual([m(4, 'A', 5, 'A'), m(4, 'B', 5, 'B'), m(4, 'C', 5, 'C'), m(6, 'F', 7, 'F')]);
  });
});

describe('findTable: an earlier run’s columns on a two-row header', () => {
  it('status columns written on the bottom band row are output, not a continuation of a group', () => {
    // No merges known. "Kết quả thực hiện" at F4 continues over G4 (G5 has a sub-header); H is the
    // blank gap the product leaves; I5/J5 are its own headers.
    const rows: RawCell[][] = [
      [],
      [],
      [],
      ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', _, 'Kết quả thực hiện', _, _, _, _],
      [_, _, _, 'Tổng số', 'Nữ', 'Công khai tài chính', 'Có Ban nữ công quần chúng', _, 'Kết quả: Bao phủ', 'Lỗi dữ liệu'],
      [1, 'CD01', 'CĐCS A', 40, 25, 'Có', 'Không', _, 'Đạt', 0],
      [2, 'CD02', 'CĐCS B', 30, 10, 'Có', 'Có', _, 'Chưa đạt', 1],
    ];
    const t = findTable({ name: 'S', rows })!;
    expect([t.headerTop, t.headerRow]).toEqual([4, 5]);
    expect(t.outputCols).toEqual([8, 9]);
    expect(t.outputLastRow).toBe(7);
    expect(t.lastCol).toBe(6);
    expect(t.lastUsedCol).toBe(6);
    expect(t.keyCol.get('ban_nu_cong')).toBe(6);
  });
});

describe('findTable: money units in the header', () => {
  it('records the scale and the unit text on money columns', () => {
    const rows: RawCell[][] = [
      ['Mã đơn vị', 'Tên đơn vị', 'Kinh phí công đoàn đã thu (triệu đồng)', 'Kinh phí, đoàn phí phải thu (1.000đ)', 'Kinh phí CĐCS được sử dụng (đồng)', 'Số đoàn viên (người)'],
      ['CD01', 'A', 12.5, 9000, 3000000, 40],
    ];
    const t = findTable({ name: 'S', rows })!;
    const byKey = Object.fromEntries(t.columns.map((c) => [c.key, [c.moneyScale, c.moneyUnit]]));
    // By hand: triệu đồng = 1,000,000; 1.000đ = 1,000; đồng = 1; a count column gets no scale.
    expect(byKey).toEqual({
      ma_don_vi: [undefined, undefined],
      ten_don_vi: [undefined, undefined],
      kp_thu: [1000000, '(triệu đồng)'],
      kp_phai_thu: [1000, '(1.000đ)'],
      kp_su_dung: [1, '(đồng)'],
      so_dv: [undefined, undefined],
    });
  });

  it('a unit on the group applies to the columns under it; a column’s own unit wins', () => {
    // "Kinh phí công đoàn (tr.đ)" over "Đã thu" | "Phải thu (nghìn đồng)".
    const rows: RawCell[][] = [
      ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Kinh phí công đoàn (tr.đ)', _],
      [_, _, _, 'Đã thu', 'Phải thu (nghìn đồng)'],
      ['CD01', 'A', 'Nhà nước', 12, 15000],
    ];
    const t = findTable({ name: 'S', rows, merges: [m(1, 'A', 2, 'A'), m(1, 'B', 2, 'B'), m(1, 'C', 2, 'C'), m(1, 'D', 1, 'E')] })!;
    expect(t.columns.filter((c) => c.moneyScale).map((c) => [c.key, c.moneyScale, c.moneyUnit])).toEqual([
      ['kp_thu', 1000000, '(tr.đ)'],
      ['kp_phai_thu', 1000, '(nghìn đồng)'],
    ]);
  });
});

describe('findTable: TCVN3 header', () => {
  it('reads the converted header and shows it in Unicode', () => {
    const rows: RawCell[][] = [
      ['STT', 'M· ®¬n vÞ', 'Tªn ®¬n vÞ', 'Sè ®oµn viªn', 'Kinh phÝ c«ng ®oµn ®· thu (triÖu ®ång)'],
      [1, 'CD01', 'A', 40, 12],
    ];
    const t = findTable({ name: 'S', rows })!;
    expect(t.headerRow).toBe(1);
    expect(t.columns.map((c) => [c.key, c.header])).toEqual([
      [undefined, 'STT'],
      ['ma_don_vi', 'Mã đơn vị'],
      ['ten_don_vi', 'Tên đơn vị'],
      ['so_dv', 'Số đoàn viên'],
      ['kp_thu', 'Kinh phí công đoàn đã thu (triệu đồng)'],
    ]);
    expect(t.columns[4].moneyScale).toBe(1000000);
  });
});

describe('findTable: title year', () => {
  it('a year in a group header of the band is not a title year', () => {
    // "Năm 2023" merged C1:D1 over two count columns; nothing above the band: no title year.
    const rows: RawCell[][] = [
      ['Mã đơn vị', 'Tên đơn vị', 'Năm 2023', _],
      [_, _, 'Số đoàn viên', 'Tổng số CBCCVCLĐ'],
      ['CD01', 'A', 40, 50],
    ];
    const t = findTable({ name: 'S', rows, merges: [m(1, 'A', 2, 'A'), m(1, 'B', 2, 'B'), m(1, 'C', 1, 'D')] })!;
    expect([t.headerTop, t.headerRow]).toEqual([1, 2]);
    expect(Object.fromEntries(t.keyCol)).toEqual({ ma_don_vi: 0, ten_don_vi: 1, so_dv: 2, tong_so_ld: 3 });
    expect(t.titleYear).toBeUndefined();
  });
});

describe('findTable: one-row headers keep today’s results', () => {
  it('headerTop equals headerRow', () => {
    const grid: SheetGrid = { name: 'S', rows: [[], ['Mã đơn vị', 'Tên đơn vị', 'Khu vực'], ['CD01', 'A', 'Nhà nước']] };
    const t = findTable(grid)!;
    expect([t.headerTop, t.headerRow]).toEqual([2, 2]);
  });

  it('the source column of a merged master table', () => {
    const t = findTable({ name: 'S', rows: [['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Nguồn']] })!;
    expect(t.columns.map((c) => c.role)).toEqual(['data', 'data', 'data', 'source']);
  });
});

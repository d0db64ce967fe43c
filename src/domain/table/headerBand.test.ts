import type { CellRange, RawCell, SheetGrid } from '../grid';
import { findHeaderBand, readBand } from './headerBand';

/** A merge from A1-style bounds: rows 1-based, columns as letters. */
function m(top: number, left: string, bottom: number, right: string): CellRange {
  return { top, left: left.charCodeAt(0) - 65, bottom, right: right.charCodeAt(0) - 65 };
}

/** Column letter → catalog key (or '?' for a column that names nothing), for the band found. */
function keysOf(grid: SheetGrid): Record<string, string> {
  const band = findHeaderBand(grid)!;
  return Object.fromEntries(band.columns.map((c) => [String.fromCharCode(65 + c.col), c.match?.key ?? '?']));
}

const _ = null;

// The two-row header of spec/layouts.md: identity cells merged down over rows 3–4, `Số đoàn viên`
// merged across D3:E3 over `Tổng số | Nữ`, `Kết quả thực hiện` across F3:G3 over two yes/no columns.
const TWO_ROW: RawCell[][] = [
  ['BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024', _, _, _, _, _, _, _],
  [],
  ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', _, 'Kết quả thực hiện', _, 'Xếp loại'],
  [_, _, _, 'Tổng số', 'Nữ', 'Công khai tài chính', 'Có Ban nữ công quần chúng', _],
  [1, 'CD01', 'CĐCS Trường A', 40, 25, 'Có', 'Không', 'HTT'],
];
const TWO_ROW_MERGES = [m(1, 'A', 1, 'H'), m(3, 'A', 4, 'A'), m(3, 'B', 4, 'B'), m(3, 'C', 4, 'C'), m(3, 'D', 3, 'E'), m(3, 'F', 3, 'G'), m(3, 'H', 4, 'H')];
// By hand: A STT (no key), B Mã đơn vị, C Tên đơn vị, D "Số đoàn viên" + "Tổng số" (joined) = so_dv,
// E "Số đoàn viên" + "Nữ" names nothing (a breakdown), F and G by their own text, H Xếp loại.
const TWO_ROW_KEYS = { A: '?', B: 'ma_don_vi', C: 'ten_don_vi', D: 'so_dv', E: '?', F: 'cong_khai_tc', G: 'ban_nu_cong', H: 'xep_loai' };

describe('findHeaderBand: two-row header with group cells', () => {
  it('with the merges known: band rows 3–4, group text counts for every column it spans', () => {
    const grid: SheetGrid = { name: 'S', rows: TWO_ROW, merges: TWO_ROW_MERGES };
    const band = findHeaderBand(grid)!;
    expect([band.top, band.bottom]).toEqual([3, 4]);
    expect(keysOf(grid)).toEqual(TWO_ROW_KEYS);
    // E's texts: the group over it, then its own "Nữ".
    expect(band.columns.find((c) => c.col === 4)!.texts.map((t) => t.text)).toEqual(['Số đoàn viên', 'Nữ']);
    // B's merged-down text appears once, from row 3.
    expect(band.columns.find((c) => c.col === 1)!.texts).toEqual([{ text: 'Mã đơn vị', row: 3, span: 1 }]);
  });

  it('without merges (lost by the tool that saved the file): a blank right of a group text continues it over the sub-headers', () => {
    const grid: SheetGrid = { name: 'S', rows: TWO_ROW };
    const band = findHeaderBand(grid)!;
    expect([band.top, band.bottom]).toEqual([3, 4]);
    expect(keysOf(grid)).toEqual(TWO_ROW_KEYS);
  });

  it('a group whose first column has no sub-header names that column itself', () => {
    // D3:E3 "Số đoàn viên" over (blank) | "Trong đó nữ": D is so_dv on its own text, E is a breakdown.
    const rows: RawCell[][] = [
      ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số đoàn viên', _],
      [_, _, _, _, 'Trong đó nữ'],
      ['CD01', 'A', 'Nhà nước', 40, 25],
    ];
    const grid: SheetGrid = { name: 'S', rows, merges: [m(1, 'A', 2, 'A'), m(1, 'B', 2, 'B'), m(1, 'C', 2, 'C'), m(1, 'D', 1, 'E')] };
    expect(findHeaderBand(grid)).toMatchObject({ top: 1, bottom: 2 });
    expect(keysOf(grid)).toEqual({ A: 'ma_don_vi', B: 'ten_don_vi', C: 'khu_vuc', D: 'so_dv', E: '?' });
  });

  it('a merged header cell over two columns without sub-headers is one wide column, not two', () => {
    // "Tên đơn vị" merged B1:C1 (a wide name column): C is not a second, duplicate name column.
    const grid: SheetGrid = {
      name: 'S',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', _, 'Khu vực'],
        ['CD01', 'CĐCS A', _, 'Nhà nước'],
      ],
      merges: [m(1, 'B', 1, 'C'), m(2, 'B', 2, 'C')],
    };
    expect(findHeaderBand(grid)).toMatchObject({ top: 1, bottom: 1 });
    expect(keysOf(grid)).toEqual({ A: 'ma_don_vi', B: 'ten_don_vi', D: 'khu_vuc' });
  });
});

describe('findHeaderBand: three-row band', () => {
  // Row 2: identity merged down to row 4; "Đoàn viên" across D2:F2; "Kết quả thực hiện" across G2:I2.
  // Row 3: "Số lượng" across D3:E3; "Kết nạp mới" merged down F3:F4; "Thi đua" across G3:H3;
  //        "Công khai tài chính" merged down I3:I4.
  // Row 4: "Tổng số" | "Nữ" under "Số lượng"; two yes/no columns under "Thi đua".
  const rows: RawCell[][] = [
    ['LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI'],
    ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đoàn viên', _, _, 'Kết quả thực hiện', _, _],
    [_, _, _, 'Số lượng', _, 'Kết nạp mới', 'Thi đua', _, 'Công khai tài chính'],
    [_, _, _, 'Tổng số', 'Nữ', _, 'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên', 'Phát động thi đua chuyển đổi số', _],
    [1, 'CD01', 'CĐCS A', 40, 20, 3, 'Có', 'Có', 'Không'],
  ];
  const merges = [
    m(2, 'A', 4, 'A'), m(2, 'B', 4, 'B'), m(2, 'C', 4, 'C'), m(2, 'D', 2, 'F'), m(2, 'G', 2, 'I'),
    m(3, 'D', 3, 'E'), m(3, 'F', 4, 'F'), m(3, 'G', 3, 'H'), m(3, 'I', 4, 'I'),
  ];

  it('reads rows 2–4; a bare sub-header matches through a group above it', () => {
    const grid: SheetGrid = { name: 'S', rows, merges };
    expect(findHeaderBand(grid)).toMatchObject({ top: 2, bottom: 4 });
    // By hand: D = "Đoàn viên" + "Tổng số" → so_dv (the nearer group "Số lượng" + "Tổng số" names
    // nothing); E = … "Nữ" → nothing; F = "Đoàn viên" + "Kết nạp mới" → dv_ket_nap_moi;
    // G, H, I by their own text.
    expect(keysOf(grid)).toEqual({
      A: '?', B: 'ma_don_vi', C: 'ten_don_vi', D: 'so_dv', E: '?', F: 'dv_ket_nap_moi',
      G: 'dang_ky_thi_dua', H: 'phat_dong_cds', I: 'cong_khai_tc',
    });
    expect(readBand(grid, 2, 4).find((c) => c.col === 3)!.texts.map((t) => t.text)).toEqual(['Đoàn viên', 'Số lượng', 'Tổng số']);
  });

  it('a text row right above that names nothing stays out; the band keeps its three rows', () => {
    // Same band one row lower (rows 3–5). Row 2 ("Phụ lục số liệu" over A:C when read as a group
    // typed without merging) could only join as a group, and no joined text with it names a column.
    const shifted: RawCell[][] = [['Phụ lục 1'], ['Phụ lục số liệu', _, _, 'xem ghi chú'], ...rows.slice(1)];
    const grid: SheetGrid = { name: 'S', rows: shifted, merges: merges.map((r) => ({ ...r, top: r.top + 1, bottom: r.bottom + 1 })) };
    expect(findHeaderBand(grid)).toMatchObject({ top: 3, bottom: 5 });
  });
});

describe('findHeaderBand: where the band ends', () => {
  it('identity merged down, groups that name nothing alone: the top row alone does not make a table, the band does', () => {
    // Row 1 by itself names only Mã and Tên (2 < 3); with row 2 the joined headers name three more.
    const rows: RawCell[][] = [
      ['Mã đơn vị', 'Tên đơn vị', 'Lao động', _, 'Đoàn viên', _],
      [_, _, 'Tổng số', 'Đủ điều kiện', 'Tổng số', 'Kết nạp mới'],
      ['CD01', 'A', 50, 45, 40, 2],
    ];
    const grid: SheetGrid = { name: 'S', rows, merges: [m(1, 'A', 2, 'A'), m(1, 'B', 2, 'B'), m(1, 'C', 1, 'D'), m(1, 'E', 1, 'F')] };
    expect(findHeaderBand(grid)).toMatchObject({ top: 1, bottom: 2 });
    expect(keysOf(grid)).toEqual({ A: 'ma_don_vi', B: 'ten_don_vi', C: 'tong_so_ld', D: 'so_ld_du_dk', E: 'so_dv', F: 'dv_ket_nap_moi' });
  });

  it('stops at the first row that holds a unit, even one with only text under a group', () => {
    // "Ghi chú" merged C1:D1; row 2 is all text, but it has a unit code and name: data starts there.
    const grid: SheetGrid = {
      name: 'S',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Ghi chú', _, 'Khu vực'],
        ['CD01', 'CĐCS A', 'mới', 'thành lập', 'Nhà nước'],
      ],
      merges: [m(1, 'C', 1, 'D')],
    };
    expect(findHeaderBand(grid)).toMatchObject({ top: 1, bottom: 1 });
  });

  it('a column-number row under the band is not a sub-header row', () => {
    const numbered = [...TWO_ROW.slice(0, 4), ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'], TWO_ROW[4]];
    expect(findHeaderBand({ name: 'S', rows: numbered, merges: TWO_ROW_MERGES })).toMatchObject({ top: 3, bottom: 4 });
    const lettered = [...TWO_ROW.slice(0, 4), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], TWO_ROW[4]];
    expect(findHeaderBand({ name: 'S', rows: lettered })).toMatchObject({ top: 3, bottom: 4 });
  });

  it('a section heading merged across right under the band is not a sub-header row', () => {
    const rows = [...TWO_ROW.slice(0, 4), ['I. KHỐI HÀNH CHÍNH', _, _, _, _, _, _, _], TWO_ROW[4]];
    const grid: SheetGrid = { name: 'S', rows, merges: [...TWO_ROW_MERGES, m(5, 'A', 5, 'H')] };
    expect(findHeaderBand(grid)).toMatchObject({ top: 3, bottom: 4 });
  });

  it('a title merged across right above a one-row header stays out of the band', () => {
    const grid: SheetGrid = {
      name: 'S',
      rows: [['BẢNG TỔNG HỢP', _, _], ['Mã đơn vị', 'Tên đơn vị', 'Khu vực'], ['CD01', 'A', 'Nhà nước']],
      merges: [m(1, 'A', 1, 'C')],
    };
    expect(findHeaderBand(grid)).toMatchObject({ top: 2, bottom: 2 });
  });

  it('a title merged across right above a two-row header stays out of the band', () => {
    const rows = [TWO_ROW[0], ...TWO_ROW.slice(2)];
    const merges = [m(1, 'A', 1, 'H'), ...TWO_ROW_MERGES.slice(1).map((r) => ({ ...r, top: r.top - 1, bottom: r.bottom - 1 }))];
    expect(findHeaderBand({ name: 'S', rows, merges })).toMatchObject({ top: 2, bottom: 3 });
  });
});

describe('findHeaderBand: header text', () => {
  it('TCVN3 header row (old .VnTime template) is converted before matching', () => {
    // Typed with .VnTime: "Mã đơn vị", "Tên đơn vị", "Số đoàn viên", "Khu vực", "Xếp loại".
    const grid: SheetGrid = { name: 'S', rows: [['STT', 'M· ®¬n vÞ', 'Tªn ®¬n vÞ', 'Sè ®oµn viªn', 'Khu vùc', 'XÕp lo¹i']] };
    expect(keysOf(grid)).toEqual({ A: '?', B: 'ma_don_vi', C: 'ten_don_vi', D: 'so_dv', E: 'khu_vuc', F: 'xep_loai' });
    expect(findHeaderBand(grid)!.columns[1].texts[0].text).toBe('Mã đơn vị');
  });

  it('TCVN3 group over TCVN3 sub-headers', () => {
    // "Số đoàn viên" over "Tổng số" | "Nữ".
    const rows: RawCell[][] = [
      ['M· ®¬n vÞ', 'Tªn ®¬n vÞ', 'Sè ®oµn viªn', _],
      [_, _, 'Tæng sè', 'N÷'],
      ['CD01', 'A', 40, 20],
    ];
    expect(keysOf({ name: 'S', rows })).toEqual({ A: 'ma_don_vi', B: 'ten_don_vi', C: 'so_dv', D: '?' });
  });

  it('footnote marks, units in parentheses and line breaks', () => {
    const grid: SheetGrid = {
      name: 'S',
      rows: [['Mã đơn vị (1)', 'Tên đơn vị*', 'Tổng số\nCBCCVCLĐ¹', 'Số đoàn viên (*)\n(người)', 'Số cán bộ CĐCS (2) (người)', 'Tỷ lệ (%)']],
    };
    expect(keysOf(grid)).toEqual({ A: 'ma_don_vi', B: 'ten_don_vi', C: 'tong_so_ld', D: 'so_dv', E: 'can_bo_cd', F: '?' });
  });
});

import type { CellRange, RawCell, SheetGrid } from '../../grid';
import { findTable } from '../layout';
import { classifyRows } from './classify';

const _ = null;
const HEADER = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số đoàn viên', 'Công khai tài chính'];
//               A      B             C             D          E               F

function classify(rows: RawCell[][], merges?: CellRange[]) {
  const grid: SheetGrid = { name: 'S', rows, ...(merges ? { merges } : {}) };
  const layout = findTable(grid);
  if (!layout) throw new Error('no table');
  const k = classifyRows(grid, layout);
  const byRow = (from: number) => k.kinds.slice(from - k.first);
  return { ...k, byRow };
}

describe('classifyRows: sections, subtotals, grand total, breakdown, footer', () => {
  const rows: RawCell[][] = [
    ['BÁO CÁO KẾT QUẢ NĂM 2024'], // 1
    HEADER, // 2
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'], // 3
    ['I', _, 'KHỐI TRƯỜNG HỌC'], // 4
    [1, 'CD01', 'CĐCS Trường A', 'Nhà nước', 20, 'Có'], // 5
    [2, 'CD02', 'CĐCS Trường B', 'Nhà nước', 30, 'Không'], // 6
    [_, _, 'Cộng khối trường học', _, 50, 1], // 7
    ['II', _, 'Khối doanh nghiệp'], // 8
    [3, 'CD03', 'CĐCS Công ty May', 'Ngoài nhà nước', 40, 'Có'], // 9
    [_, _, 'Cộng II', _, 40, 1], // 10
    [_, _, 'Tổng cộng', _, 90, 2], // 11
    [_, _, 'Trong đó: nữ', _, 45], // 12
    [], // 13
    [_, _, 'Người lập biểu', _, _, 'TM. BAN THƯỜNG VỤ'], // 14
    [_, _, '(Ký, ghi rõ họ tên)'], // 15
    [_, _, 'Nguyễn Văn An'], // 16
  ];
  const k = classify(rows);

  it('every row has its kind', () => {
    expect(k.first).toBe(3);
    expect(k.kinds).toEqual([
      'column_numbers', // 3
      'section_heading', // 4
      'unit', // 5
      'unit', // 6
      'subtotal', // 7
      'section_heading', // 8
      'unit', // 9
      'subtotal', // 10
      'grand_total', // 11
      'breakdown', // 12
      'blank', // 13
      'footer', // 14
      'footer', // 15
      'footer', // 16
    ]);
  });

  it('units carry the section they stand under', () => {
    expect(k.units).toEqual([5, 6, 9]);
    expect(k.sections).toEqual(['I. KHỐI TRƯỜNG HỌC', 'I. KHỐI TRƯỜNG HỌC', 'II. Khối doanh nghiệp']);
  });

  it('each subtotal adds its block; the grand total adds every unit', () => {
    // Units are indexed 0 (row 5), 1 (row 6), 2 (row 9).
    expect(k.totals).toEqual([
      { row: 7, kind: 'subtotal', label: 'Cộng khối trường học', from: 0, to: 2, section: 'I. KHỐI TRƯỜNG HỌC' },
      { row: 10, kind: 'subtotal', label: 'Cộng II', from: 2, to: 3, section: 'II. Khối doanh nghiệp' },
      { row: 11, kind: 'grand_total', label: 'Tổng cộng', from: 0, to: 3 },
    ]);
  });
});

describe('classifyRows: grand total on top, merged across the label cells; template rows; bare Cộng at the end', () => {
  const rows: RawCell[][] = [
    HEADER, // 1
    ['Tổng cộng', _, _, _, 60, 2], // 2 (A2:C2 merged)
    [1, 'CD01', 'CĐCS A', 'Nhà nước', 20, 'Có'], // 3
    [2, 'CD02', 'CĐCS B', 'Nhà nước', 25, 'Có'], // 4
    [3, 'CD03', 'CĐCS C', 'Nhà nước', 15, 'Không'], // 5
    [_, 'Cộng', _, _, 60], // 6: a bare Cộng with no unit after it
    ...Array.from({ length: 10 }, (_v, i): RawCell[] => [i + 4, _, _, _, 0, _]), // 7–16: STT and a formula giving 0
    [_, _, 'Người lập biểu'], // 17
  ];
  const k = classify(rows, [{ top: 2, left: 0, bottom: 2, right: 2 }]);

  it('kinds', () => {
    // By hand: row 2 grand total (label in the STT cell of the merge), units 3–5, row 6 the bare
    // Cộng with no unit after it = grand total, ten template rows, then the signature (the
    // template rows separate it from the last total) = footer.
    expect(k.kinds).toEqual(['grand_total', 'unit', 'unit', 'unit', 'grand_total', ...Array(10).fill('template'), 'footer']);
    expect(k.totals).toEqual([
      { row: 2, kind: 'grand_total', label: 'Tổng cộng', from: 0, to: 3 },
      { row: 6, kind: 'grand_total', label: 'Cộng', from: 0, to: 3 },
    ]);
    expect(k.sections).toEqual([undefined, undefined, undefined]);
  });
});

describe('classifyRows: a bare Cộng between blocks is a subtotal', () => {
  it('with units before and after it', () => {
    const k = classify([
      HEADER,
      [1, 'CD01', 'CĐCS A', 'Nhà nước', 20],
      [2, 'CD02', 'CĐCS B', 'Nhà nước', 25],
      [_, _, 'Cộng:', _, 45], // 4: units before and after → subtotal of rows 2–3
      [3, 'CD03', 'CĐCS C', 'Nhà nước', 15],
      [_, _, 'Cộng', _, 15], // 6: nothing after → grand total (all three units)
    ]);
    expect(k.kinds).toEqual(['unit', 'unit', 'subtotal', 'unit', 'grand_total']);
    expect(k.totals).toEqual([
      { row: 4, kind: 'subtotal', label: 'Cộng:', from: 0, to: 2 },
      { row: 6, kind: 'grand_total', label: 'Cộng', from: 0, to: 3 },
    ]);
  });
});

describe('classifyRows: nested blocks and a subtotal right under its heading', () => {
  it('Cộng khối I after Cộng cụm 2 adds the units since heading I', () => {
    const k = classify([
      HEADER, // 1
      ['I', _, 'KHỐI HÀNH CHÍNH'], // 2 (level 2)
      [1, _, 'Cụm phía Bắc'], // 3 (level 3)
      [_, 'CD01', 'CĐCS A', 'Nhà nước', 10], // 4
      [_, 'CD02', 'CĐCS B', 'Nhà nước', 20], // 5
      [_, _, 'Cộng cụm phía Bắc', _, 30], // 6
      [2, _, 'Cụm phía Nam'], // 7
      [_, 'CD03', 'CĐCS C', 'Nhà nước', 5], // 8
      [_, _, 'Cộng cụm phía Nam', _, 5], // 9
      [_, _, 'Cộng khối I', _, 35], // 10
    ]);
    expect(k.kinds).toEqual(['section_heading', 'section_heading', 'unit', 'unit', 'subtotal', 'section_heading', 'unit', 'subtotal', 'subtotal']);
    expect(k.sections).toEqual(['Cụm phía Bắc', 'Cụm phía Bắc', 'Cụm phía Nam']);
    expect(k.totals.map((t) => [t.row, t.from, t.to, t.section])).toEqual([
      [6, 0, 2, 'Cụm phía Bắc'],
      [9, 2, 3, 'Cụm phía Nam'],
      [10, 0, 3, 'I. KHỐI HÀNH CHÍNH'], // all three units, since heading I
    ]);
  });

  it('a subtotal right under its heading adds the units that follow it', () => {
    const k = classify([
      HEADER, // 1
      ['A', _, 'KHỐI SỰ NGHIỆP'], // 2
      [_, _, 'Cộng khối sự nghiệp', _, 30], // 3
      [1, 'CD01', 'CĐCS A', 'Nhà nước', 10], // 4
      [2, 'CD02', 'CĐCS B', 'Nhà nước', 20], // 5
      ['B', _, 'KHỐI DOANH NGHIỆP'], // 6
      [3, 'CD03', 'CĐCS C', 'Ngoài nhà nước', 7], // 7
    ]);
    expect(k.totals).toEqual([{ row: 3, kind: 'subtotal', label: 'Cộng khối sự nghiệp', from: 0, to: 2, section: 'A. KHỐI SỰ NGHIỆP' }]);
    expect(k.sections).toEqual(['A. KHỐI SỰ NGHIỆP', 'A. KHỐI SỰ NGHIỆP', 'B. KHỐI DOANH NGHIỆP']);
  });
});

describe('classifyRows: what stays a unit', () => {
  it('a name with no code and blank data that is not a heading is a unit with missing data', () => {
    const k = classify([HEADER, [1, 'CD01', 'CĐCS A', 'Nhà nước', 10], [2, _, 'CĐCS Trường Mầm non Hoa Sen'], [3, 'CD03', 'CĐCS C', 'Nhà nước', 7]]);
    expect(k.kinds).toEqual(['unit', 'unit', 'unit']);
  });

  it('a unit with a code is a unit whatever its name says', () => {
    const k = classify([HEADER, [1, 'CD01', 'Cộng đồng dân cư số 1', 'Nhà nước', 10], [2, 'CD02', 'KHỐI CƠ QUAN TỈNH', 'Nhà nước', 12]]);
    expect(k.kinds).toEqual(['unit', 'unit']);
  });

  it('numbers with no code and no name: a unit with missing identity, as before', () => {
    const k = classify([HEADER, [1, 'CD01', 'CĐCS A', 'Nhà nước', 10], [2, _, _, 'Nhà nước', 12]]);
    expect(k.kinds).toEqual(['unit', 'unit']);
  });

  it('a name-only row right after the last unit (no blank row) is not footer', () => {
    const k = classify([HEADER, [1, 'CD01', 'CĐCS A', 'Nhà nước', 10], [2, _, 'CĐCS Trường B']]);
    expect(k.kinds).toEqual(['unit', 'unit']);
  });
});

describe('classifyRows: merges in the data', () => {
  it('Khu vực merged down from the heading row over its block: still a heading', () => {
    const k = classify(
      [
        HEADER, // 1
        ['I', _, 'Khối trường học', 'Nhà nước'], // 2: D2:D4 merged
        [1, 'CD01', 'CĐCS A', _, 10], // 3
        [2, 'CD02', 'CĐCS B', _, 20], // 4
      ],
      [{ top: 2, left: 3, bottom: 4, right: 3 }],
    );
    expect(k.kinds).toEqual(['section_heading', 'unit', 'unit']);
  });
});

describe('classifyRows: breakdown rows under a total', () => {
  it('Trong đó: opens it, the rows without code and STT right after continue it', () => {
    const k = classify([
      HEADER, // 1
      [_, _, 'Tổng cộng', _, 30], // 2
      [_, _, 'Trong đó:'], // 3
      [_, _, 'Nữ', _, 12], // 4
      [_, _, '- Khu vực nhà nước', _, 30], // 5
      [1, 'CD01', 'CĐCS A', 'Nhà nước', 10], // 6
      [2, 'CD02', 'CĐCS B', 'Nhà nước', 20], // 7
    ]);
    expect(k.kinds).toEqual(['grand_total', 'breakdown', 'breakdown', 'breakdown', 'unit', 'unit']);
    expect(k.units).toEqual([6, 7]);
  });
});

describe('classifyRows: TCVN3 labels', () => {
  it('Tæng céng and Céng khèi are recognised', () => {
    const k = classify([HEADER, [1, 'CD01', 'CĐCS A', 'Nhà nước', 10], [_, _, 'Céng khèi I', _, 10], [_, _, 'Tæng céng', _, 10]]);
    expect(k.kinds).toEqual(['unit', 'subtotal', 'grand_total']);
    expect(k.totals.map((t) => t.label)).toEqual(['Cộng khối I', 'Tổng cộng']);
  });
});

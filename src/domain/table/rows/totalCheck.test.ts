/**
 * total_row_mismatch through the engine: subtotals against their block, grand totals against
 * every unit (never the subtotals), yes/no counts, money typed in triệu đồng, text ignored.
 */
import { checkSheet } from '../../check';
import type { CellRange, RawCell, SheetGrid } from '../../grid';
import { findPreset } from '../../presets';
import type { CheckResult } from '../../result';

const set = findPreset('bd-cdvc-2024')!;
const _ = null;
const HEADER = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số đoàn viên', 'Kinh phí công đoàn đã thu (triệu đồng)', 'Công khai tài chính'];
//               A      B             C             D          E               F                                          G

function check(rows: RawCell[][], merges?: CellRange[]): CheckResult {
  const grid: SheetGrid = { name: 'S', rows, ...(merges ? { merges } : {}) };
  const out = checkSheet(grid, { targetSet: set, year: 2024 });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}
const totals = (r: CheckResult) => r.problems.filter((p) => p.rule === 'total_row_mismatch');

describe('total rows: blocks and sums', () => {
  const rows: RawCell[][] = [
    HEADER, // 1
    ['I', _, 'KHỐI TRƯỜNG HỌC'], // 2
    [1, 'CD01', 'CĐCS A', 'Nhà nước', 20, 1.5, 'Có'], // 3
    [2, 'CD02', 'CĐCS B', 'Nhà nước', 30, 2, 'Không'], // 4
    [_, _, 'Cộng khối trường học', _, 52, 3.5, 1], // 5: E wrong (20 + 30 = 50); F right (1,5 + 2); G right (one Có)
    ['II', _, 'KHỐI DOANH NGHIỆP'], // 6
    [3, 'CD03', 'CĐCS C', 'Ngoài nhà nước', 40, 0.25, 'Có'], // 7
    [_, _, 'Cộng khối doanh nghiệp', _, 40, 0.25, 2], // 8: G wrong (one Có in the block)
    [_, _, 'Tổng cộng', _, 90, 3.8, 'x'], // 9: E right (20+30+40, subtotals not added); F wrong (3,75); G text ignored
  ];
  const r = check(rows);

  it('only the wrong cells, each at its place', () => {
    expect(totals(r).map((p) => p.cell)).toEqual(['E5', 'G8', 'F9']);
    expect(totals(r).map((p) => (p.rule === 'total_row_mismatch' ? p.expected : undefined))).toEqual([50, 1, 3.75]);
  });

  it('the message names the block and the right sum, and what to type', () => {
    expect(totals(r)[0].message).toBe(
      'Ô E5: Dòng "Cộng khối trường học" ghi 52 nhưng tổng của khối "I. KHỐI TRƯỜNG HỌC" (2 đơn vị, dòng 3–4) là 50 (cột "Số đoàn viên"). Hãy sửa thành 50 hoặc dùng công thức =SUM(E3:E4).',
    );
    expect(totals(r)[1].message).toBe(
      'Ô G8: Dòng "Cộng khối doanh nghiệp" ghi 2 nhưng trong khối "II. KHỐI DOANH NGHIỆP" (1 đơn vị, dòng 7) có 1 đơn vị trả lời "Có" (cột "Công khai tài chính"). Hãy sửa thành 1.',
    );
    // Money is shown in the unit it was typed in; no =SUM over a range that holds subtotals.
    expect(totals(r)[2].message).toBe(
      'Ô F9: Dòng "Tổng cộng" ghi 3,8 triệu đồng nhưng tổng của tất cả 3 đơn vị của bảng (không cộng các dòng cộng khối) là 3,75 triệu đồng (cột "Kinh phí công đoàn đã thu"). Hãy sửa thành 3,75 triệu đồng.',
    );
  });

  it('a count in a yes/no column of a total row is never invalid_choice; headings and totals are not units', () => {
    expect(r.problems.filter((p) => p.rule === 'invalid_choice')).toEqual([]);
    expect(r.units.map((u) => u.row)).toEqual([3, 4, 7]);
    expect(r.units.map((u) => u.section)).toEqual(['I. KHỐI TRƯỜNG HỌC', 'I. KHỐI TRƯỜNG HỌC', 'II. KHỐI DOANH NGHIỆP']);
  });
});

describe('total rows: a grand total directly under the header', () => {
  it('adds every unit below it', () => {
    const r = check([
      HEADER,
      ['Tổng cộng', _, _, _, 61, _, 2], // 2: E wrong (20 + 25 + 15 = 60); G right (two Có)
      [1, 'CD01', 'CĐCS A', 'Nhà nước', 20, _, 'Có'],
      [2, 'CD02', 'CĐCS B', 'Nhà nước', 25, _, 'Có'],
      [3, 'CD03', 'CĐCS C', 'Nhà nước', 15, _, 'Không'],
    ], [{ top: 2, left: 0, bottom: 2, right: 2 }]);
    expect(totals(r).map((p) => p.cell)).toEqual(['E2']);
    expect(totals(r)[0].message).toContain('là 60');
    expect(totals(r)[0].message).toContain('=SUM(E3:E5)');
    expect(r.units.map((u) => u.row)).toEqual([3, 4, 5]);
  });
});

describe('merged values in the data', () => {
  it('Khu vực merged down: every row of the merge has it, no required_missing, one problem for a bad value', () => {
    const rows: RawCell[][] = [
      HEADER,
      [1, 'CD01', 'CĐCS A', 'Nhà nước', 20], // D2:D3 merged
      [2, 'CD02', 'CĐCS B', _, 25],
      [3, 'CD03', 'CĐCS C', 'Khu vực lạ', 15], // D4:D5 merged, a value that is no choice
      [4, 'CD04', 'CĐCS D', _, 10],
    ];
    const r = check(rows, [{ top: 2, left: 3, bottom: 3, right: 3 }, { top: 4, left: 3, bottom: 5, right: 3 }]);
    const onD = r.problems.filter((p) => p.col === 3);
    // By hand: D3 takes "Nhà nước" from D2; D5 takes the unknown value of D4, whose one problem is on D4.
    expect(onD.map((p) => `${p.rule}@${p.cell}`)).toEqual(['invalid_choice@D4']);
  });
});

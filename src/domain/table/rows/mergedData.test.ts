import type { RawCell, SheetGrid } from '../../grid';
import { DataMerges, fillMergesDown } from './mergedData';

const _ = null;

describe('fillMergesDown', () => {
  // Header row 1; D2:D4 "Nhà nước" merged down over three units; A5:C5 "Tổng cộng" merged across.
  const rows: RawCell[][] = [
    ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khu vực'],
    [1, 'CD01', 'A', 'Nhà nước'],
    [2, 'CD02', 'B', _],
    [3, 'CD03', 'C'],
    ['Tổng cộng', _, _, _],
  ];
  const grid: SheetGrid = {
    name: 'S',
    rows,
    merges: [
      { top: 2, left: 3, bottom: 4, right: 3 },
      { top: 5, left: 0, bottom: 5, right: 2 },
      { top: 1, left: 4, bottom: 3, right: 4 }, // starts in the header: not data
    ],
  };

  it('a merge down gives its value to every row it spans', () => {
    const filled = fillMergesDown(grid, 1);
    expect(filled.rows.map((r) => r[3] ?? null)).toEqual(['Khu vực', 'Nhà nước', 'Nhà nước', 'Nhà nước', _]);
  });

  it('a merge across keeps its value in its first cell only, and the input is not changed', () => {
    const filled = fillMergesDown(grid, 1);
    expect(filled.rows[4]).toEqual(['Tổng cộng', _, _, _]);
    expect(rows[2][3]).toBeNull();
    // Rows without a merge are shared, not copied.
    expect(filled.rows[0]).toBe(rows[0]);
  });

  it('a grid without merges is returned as it is', () => {
    const plain: SheetGrid = { name: 'S', rows };
    expect(fillMergesDown(plain, 1)).toBe(plain);
  });
});

describe('DataMerges', () => {
  const m = new DataMerges([{ top: 6, left: 3, bottom: 9, right: 3 }, { top: 10, left: 0, bottom: 10, right: 2 }, { top: 2, left: 0, bottom: 5, right: 0 }], 5, 20);
  it('covered: inside a merge but not its first cell', () => {
    expect(m.covered(6, 3)).toBe(false);
    expect(m.covered(7, 3)).toBe(true);
    expect(m.covered(10, 1)).toBe(true);
    expect(m.covered(10, 0)).toBe(false);
    expect(m.covered(4, 0)).toBe(false); // that merge is in the header
  });
  it('inMergeDown: a merge over several rows, first cell included', () => {
    expect(m.inMergeDown(6, 3)).toBe(true);
    expect(m.inMergeDown(10, 1)).toBe(false);
    expect(m.empty).toBe(false);
    expect(new DataMerges([], 5, 20).empty).toBe(true);
  });
});

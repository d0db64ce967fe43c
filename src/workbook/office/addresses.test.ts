import { charsToPoints, chunkAddresses, colsAddress, parseRect, rectAddress, rectsFromCells, rowsAddress, runs, type Pos } from './addresses';

test('addresses of rectangles, rows and columns', () => {
  expect(rectAddress({ r1: 5, c1: 10, r2: 9, c2: 10 })).toBe('K5:K9');
  expect(rectAddress({ r1: 7, c1: 27, r2: 7, c2: 27 })).toBe('AB7');
  expect(rowsAddress(3, 3)).toBe('3:3');
  expect(colsAddress(0, 2)).toBe('A:C');
  expect(parseRect('$B$2:A1')).toEqual({ r1: 1, c1: 0, r2: 2, c2: 1 });
  expect(parseRect('E2')).toEqual({ r1: 2, c1: 4, r2: 2, c2: 4 });
  expect(parseRect('A1:B2:C3')).toBeUndefined();
  expect(parseRect('A0')).toBeUndefined();
  expect(parseRect('XFE1')).toBeUndefined();
});

test('runs of consecutive numbers', () => {
  expect(runs([1, 2, 3, 7, 9, 10])).toEqual([
    [1, 3],
    [7, 7],
    [9, 10],
  ]);
  expect(runs([4, 4, 5])).toEqual([[4, 5]]);
  expect(runs([])).toEqual([]);
});

describe('rectsFromCells', () => {
  const covers = (cells: Pos[]) => {
    const rects = rectsFromCells(cells);
    const covered = new Set<string>();
    for (const r of rects) for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) covered.add(`${row}:${col}`);
    expect(covered).toEqual(new Set(cells.map((p) => `${p.row}:${p.col}`)));
    expect(rects.reduce((n, r) => n + (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1), 0)).toBe(cells.length); // no overlap
    return rects;
  };

  test('a status column: runs down the column', () => {
    const rows = [5, 6, 7, 9, 10, 15];
    expect(covers(rows.map((row) => ({ row, col: 10 }))).map(rectAddress)).toEqual(['K5:K7', 'K9:K10', 'K15']);
  });

  test('a block of equal runs in neighbouring columns becomes one rectangle', () => {
    const cells: Pos[] = [];
    for (let row = 5; row <= 100; row++) for (let col = 10; col <= 14; col++) cells.push({ row, col });
    expect(covers(cells).map(rectAddress)).toEqual(['K5:O100']);
  });

  test('a header row: runs along the row', () => {
    const cells = [0, 1, 2, 3, 4, 5, 6].map((col) => ({ row: 3, col }));
    expect(covers(cells).map(rectAddress)).toEqual(['A3:G3']);
  });

  test('scattered cells are covered exactly', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const cells: Pos[] = [];
    for (let row = 1; row <= 200; row++) for (let col = 0; col < 8; col++) if (rnd() < 0.6) cells.push({ row, col });
    const rects = covers(cells);
    expect(rects.length).toBeLessThan(cells.length);
  });
});

test('chunkAddresses joins with commas under the limit', () => {
  expect(chunkAddresses(['A1', 'B2:B9', 'C3'], 8)).toEqual(['A1,B2:B9', 'C3']);
  const many = Array.from({ length: 3000 }, (_, i) => `K${i * 2 + 1}`);
  const chunks = chunkAddresses(many);
  expect(chunks.every((c) => c.length <= 4000)).toBe(true);
  expect(chunks.join(',').split(',')).toEqual(many);
});

test('column widths: characters to points', () => {
  expect(charsToPoints(10)).toBe(56.25);
  expect(charsToPoints(22)).toBe(119.25);
});

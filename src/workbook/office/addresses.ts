/**
 * A1 addresses for the Office adapter: rectangles, whole rows and columns, and the grouping of
 * scattered cells into few rectangles so a format is applied once per group (RangeAreas), never
 * cell by cell.
 */
import { columnIndex, columnLetters } from '../../domain/grid';

/** Excel's last row (1-based). */
export const MAX_ROWS = 1_048_576;

/**
 * `Worksheet.getRanges(address)` refuses addresses over 8,192 characters (Excel add-ins
 * troubleshooting, "Range return character limit"), and users report failures a little below
 * that (office-js#5198). We stay well under.
 */
export const MAX_ADDRESS_CHARS = 4_000;

/** A rectangle of cells: 1-based rows, 0-based columns, inclusive (the plan's conventions). */
export interface Rect {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/**
 * @example
 * rectAddress({ r1: 5, c1: 10, r2: 9, c2: 10 }) // 'K5:K9'
 * rectAddress({ r1: 7, c1: 10, r2: 7, c2: 10 }) // 'K7'
 */
export function rectAddress(r: Rect): string {
  const a = columnLetters(r.c1) + r.r1;
  const b = columnLetters(r.c2) + r.r2;
  return a === b ? a : `${a}:${b}`;
}

/**
 * Whole rows, 1-based inclusive.
 *
 * @example
 * rowsAddress(5, 7) // '5:7'
 */
export function rowsAddress(r1: number, r2: number): string {
  return `${r1}:${r2}`;
}

/**
 * Whole columns, 0-based inclusive.
 *
 * @example
 * colsAddress(10, 12) // 'K:M'
 */
export function colsAddress(c1: number, c2: number): string {
  return `${columnLetters(c1)}:${columnLetters(c2)}`;
}

/**
 * `F12`, `A1:C3`, `$A$1:$B$2` → a normalised rectangle; undefined for anything else.
 *
 * @example
 * parseRect('B2:A1') // { r1: 1, c1: 0, r2: 2, c2: 1 }
 */
export function parseRect(ref: string): Rect | undefined {
  const [a, b = a, extra] = ref.trim().split(':');
  if (extra !== undefined) return undefined;
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return undefined;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const col = columnIndex(m[1].toUpperCase());
  if (row < 1 || row > MAX_ROWS || col > 16383) return undefined;
  return { row, col };
}

/**
 * Runs of consecutive integers in a sorted list.
 *
 * @example
 * runs([1, 2, 3, 7, 9, 10]) // [[1, 3], [7, 7], [9, 10]]
 */
export function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n > last[1]) out.push([n, n]);
  }
  return out;
}

/** A cell position: 1-based row, 0-based column. */
export interface Pos {
  readonly row: number;
  readonly col: number;
}

/**
 * Few rectangles covering exactly these cells: runs down each column merged across columns,
 * or runs along each row merged down rows, whichever gives the shorter address. Status
 * columns (one style per cell, down a column) take the first; header rows take the second.
 *
 * @example
 * rectsFromCells([{ row: 5, col: 10 }, { row: 6, col: 10 }, { row: 5, col: 11 }, { row: 6, col: 11 }])
 * // [{ r1: 5, c1: 10, r2: 6, c2: 11 }]
 */
export function rectsFromCells(cells: readonly Pos[]): Rect[] {
  if (cells.length === 0) return [];
  const byCol = mergeRuns(cells, (p) => p.col, (p) => p.row, (major, lo, hi) => ({ r1: lo, r2: hi, c1: major, c2: major }), 'col');
  const byRow = mergeRuns(cells, (p) => p.row, (p) => p.col, (major, lo, hi) => ({ r1: major, r2: major, c1: lo, c2: hi }), 'row');
  return addressLength(byRow) < addressLength(byCol) ? byRow : byCol;
}

function addressLength(rects: readonly Rect[]): number {
  return rects.reduce((n, r) => n + rectAddress(r).length + 1, 0);
}

/**
 * Runs along the minor axis for each major line, then identical runs on consecutive major
 * lines are joined into one rectangle.
 */
function mergeRuns(
  cells: readonly Pos[],
  major: (p: Pos) => number,
  minor: (p: Pos) => number,
  make: (major: number, lo: number, hi: number) => Rect,
  axis: 'row' | 'col',
): Rect[] {
  const lines = new Map<number, number[]>();
  for (const p of cells) {
    const k = major(p);
    let list = lines.get(k);
    if (!list) lines.set(k, (list = []));
    list.push(minor(p));
  }
  const keys = [...lines.keys()].sort((a, b) => a - b);
  // open rectangles by "lo:hi" of their run, extended while the next line has the same run
  const out: Rect[] = [];
  let open = new Map<string, { rect: Rect; last: number }>();
  for (const k of keys) {
    const next = new Map<string, { rect: Rect; last: number }>();
    for (const [lo, hi] of runs(lines.get(k)!.sort((a, b) => a - b))) {
      const id = `${lo}:${hi}`;
      const prev = open.get(id);
      if (prev && prev.last === k - 1) {
        const r = prev.rect;
        const grown = axis === 'col' ? { ...r, c2: k } : { ...r, r2: k };
        next.set(id, { rect: grown, last: k });
        open.delete(id);
      } else {
        next.set(id, { rect: make(k, lo, hi), last: k });
      }
    }
    for (const { rect } of open.values()) out.push(rect);
    open = next;
  }
  for (const { rect } of open.values()) out.push(rect);
  return out.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/**
 * Joins addresses with commas into strings of at most `maxChars` characters.
 *
 * @example
 * chunkAddresses(['A1', 'B2:B9', 'C3'], 8) // ['A1,B2:B9', 'C3']
 */
export function chunkAddresses(addresses: readonly string[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Column width in points for a width in characters (the plan's unit, as in OOXML). Excel's
 * character unit is the maximum digit width of the default font (7 px for Calibri 11 at 96 dpi)
 * plus 5 px of padding; the Office API takes points (¾ px).
 *
 * @example
 * charsToPoints(10) // 56.25
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * What the engine reads: the cells of one sheet as the user sees them.
 * Adapters (xlsx, Office) fill it; the domain never touches a workbook.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

/** One cell's value: text, number, boolean, an error value, or null for an empty cell. */
export type RawCell = string | number | boolean | CellError | null;

/** A rectangle of cells: 1-based rows, 0-based columns, both ends included (as `a1()` takes them). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A sheet as a 2-D array: `rows[r][c]` is the cell at row r+1, column c+1 (A1 is `rows[0][0]`).
 * Rows may be shorter than others; a missing entry is an empty cell. A formula whose result is
 * empty text reads as `''`, which is not blank for placing the product's columns.
 */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
  /**
   * Per row (index r − 1, for the rows in `rows`), the last 0-based column holding a cell without
   * a value — one that only carries a format, or a formula without a result (−1 for none). Such a
   * cell is the user's: the product never writes over it. Adapters that cannot tell leave it out;
   * one that knows only a bounding box may report more than there is, never less.
   */
  readonly blankCellExtent?: ArrayLike<number>;
  /** Merged ranges of the sheet. Adapters that cannot tell leave it out. */
  readonly merges?: readonly CellRange[];
  /** 1-based numbers of hidden (or filtered-out) rows, ascending. Adapters that cannot tell leave it out. */
  readonly hiddenRows?: readonly number[];
}

/**
 * Whether two ranges share a cell.
 *
 * @example
 * rangesOverlap({ top: 1, left: 0, bottom: 1, right: 3 }, { top: 1, left: 3, bottom: 4, right: 3 }) // true
 */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && typeof (value as CellError).error === 'string';
}

/**
 * Column letters for a 0-based column index.
 *
 * @example
 * columnLetters(0) // 'A'
 * columnLetters(27) // 'AB'
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * 0-based column index for column letters.
 *
 * @example
 * columnIndex('AB') // 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * A1 address from a 1-based row and a 0-based column.
 *
 * @example
 * a1(12, 5) // 'F12'
 */
export function a1(row: number, col: number): string {
  return columnLetters(col) + row;
}

/** The cell at 1-based row and 0-based column, or null. */
export function cellAt(grid: SheetGrid, row: number, col: number): RawCell {
  const r = grid.rows[row - 1];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

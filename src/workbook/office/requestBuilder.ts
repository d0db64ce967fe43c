/// <reference types="office-js" />
/**
 * The one way the Office adapter writes cell contents — status columns, `Tổng hợp`, `Kiểm tra`,
 * fixes, their undo, imported returns: scattered cell writes become rectangles of 2-D arrays, with
 * `null` for the cells a rectangle covers but leaves unchanged ("Use null in 2-D arrays to leave
 * specific cells unchanged while updating others", docs/excel/excel-add-ins-blank-null-values.md),
 * each sized by the measured UTF-8 length of the JSON it carries, so that no request comes near
 * Excel on the web's 5 MB limit (docs/excel/performance.md, "Payload size limit best practices").
 *
 * Text that must stay text (`=1+1`, `+84…`, `TRUE`, `00123` typed by a user) travels, where
 * ExcelApi 1.16 is supported, as `valuesAsJson` String values — a typed cell value that Excel
 * stores as text whatever the cell's number format (docs/excel/excel-data-types-concepts.md); a
 * `valuesAsJson` array cannot hold `null`, so those go as rectangles that are text throughout.
 * Elsewhere the cell is formatted as text (`@`) before the value is written, then given its
 * final number format: a format change does not re-read what a cell holds.
 */
import { rectsFromCells, type Pos, type Rect } from './addresses';
import { cost, jsonBytes } from './stats';

type Scalar = string | number | boolean;

/** One cell to write: 1-based row, 0-based column. */
export interface CellPut {
  readonly row: number;
  readonly col: number;
  /** A value Excel reads as typed (numbers, booleans, `#N/A`, '' to empty the cell). */
  readonly value?: Scalar;
  /** A text that must be stored as text, never as a formula, number, date or boolean. */
  readonly text?: string;
  /** A formula (`=SUM(A1:A3)`), put back by undo. */
  readonly formula?: string;
  /** The number format the cell ends with (none: left as the write leaves it). */
  readonly numberFormat?: string;
  /** The cell's number format before the write, when known (a text-formatted cell needs General first for a number or formula). */
  readonly fromFormat?: string;
}

/** One piece of work: commands queued together, with their request size (data measured, overhead estimated). */
export interface Op {
  readonly bytes: number;
  /** Queues the commands; `ws` gives the sheet's proxy for the request being built. */
  readonly queue: () => void;
}

/** Rows between two written rows that start a new rectangle instead of sending nulls across them. */
const MAX_GAP_ROWS = 20;
/** Columns of nulls a rectangle may span between two written cells of a row before it is split. */
const MAX_GAP_COLS = 20;

interface Grid {
  readonly first: number;
  readonly last: number;
  readonly c1: number;
  readonly c2: number;
  readonly cells: readonly CellPut[];
}

/**
 * Groups cells into row bands (consecutive rows, small gaps) and, inside a band, column spans
 * (small gaps), so that each rectangle is mostly written cells.
 */
function rectangles(cells: readonly CellPut[]): Grid[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const bands: CellPut[][] = [];
  for (const c of sorted) {
    const band = bands[bands.length - 1];
    if (band && c.row - band[band.length - 1].row <= MAX_GAP_ROWS + 1) band.push(c);
    else bands.push([c]);
  }
  const out: Grid[] = [];
  for (const band of bands) {
    const cols = [...new Set(band.map((c) => c.col))].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (const col of cols) {
      const s = spans[spans.length - 1];
      if (s && col - s[1] <= MAX_GAP_COLS + 1) s[1] = col;
      else spans.push([col, col]);
    }
    for (const [c1, c2] of spans) {
      const inSpan = band.filter((c) => c.col >= c1 && c.col <= c2);
      out.push({ first: inSpan[0].row, last: inSpan[inSpan.length - 1].row, c1, c2, cells: inSpan });
    }
  }
  return out;
}

/** Request bytes of one row of each array: `[…]` of values or nulls (`null` is 4 bytes, a comma 1). */
function rowBytes(entries: readonly unknown[]): number {
  return jsonBytes(entries);
}

export interface BuildOptions {
  /** Largest request one rectangle may make, bytes (several rectangles then pack into one sync). */
  readonly budget: number;
  /** Whether `valuesAsJson` (ExcelApi 1.16) is there for text. */
  readonly json: boolean;
}

/**
 * The operations that write these cells, each under the budget by the measured size of its arrays.
 *
 * @param range gives the Range of a rectangle (0-based row and column, sizes) in the request being built
 */
export function buildWrites(
  cells: readonly CellPut[],
  range: (row: number, col: number, rows: number, cols: number) => Excel.Range,
  options: BuildOptions,
): Op[] {
  const ops: Op[] = [];
  const jsonText = options.json ? cells.filter((c) => c.text !== undefined) : [];
  const rest = options.json ? cells.filter((c) => c.text === undefined || c.numberFormat !== undefined) : cells;
  for (const g of rectangles(rest)) blockOps(ops, g, range, options);
  if (jsonText.length) textOps(ops, jsonText, range, options.budget);
  return ops;
}

/** 2-D arrays of one rectangle, cut into row slices under the budget. */
function blockOps(
  ops: Op[],
  g: Grid,
  range: (row: number, col: number, rows: number, cols: number) => Excel.Range,
  options: BuildOptions,
): void {
  const width = g.c2 - g.c1 + 1;
  const byRow = new Map<number, CellPut[]>();
  for (const c of g.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const nulls = (): null[] => new Array<null>(width).fill(null);
  // One row of each array: before-format, formulas, values, after-format.
  const rowArrays = (row: number) => {
    const before: (string | null)[] = nulls();
    const formulas: (string | null)[] = nulls();
    const values: (Scalar | null)[] = nulls();
    const after: (string | null)[] = nulls();
    for (const c of byRow.get(row) ?? []) {
      const i = c.col - g.c1;
      if (c.formula !== undefined) {
        // In a text-formatted cell a formula would stay text: General first.
        if (c.fromFormat === '@') before[i] = 'General';
        formulas[i] = c.formula;
      } else if (c.text !== undefined) {
        // With valuesAsJson the text goes in textOps and only its final format is set here.
        if (!options.json) {
          if (c.fromFormat !== '@') before[i] = '@';
          values[i] = c.text;
        }
      } else if (c.value !== undefined) {
        // A number or boolean in a text-formatted cell would become text: General first.
        if (c.fromFormat === '@') before[i] = 'General';
        values[i] = c.value;
      }
      const current = before[i] ?? c.fromFormat;
      if (c.numberFormat !== undefined && c.numberFormat !== current) after[i] = c.numberFormat;
    }
    return { before, formulas, values, after };
  };
  let start = g.first;
  while (start <= g.last) {
    let end = start;
    let bytes = 0;
    const rows: ReturnType<typeof rowArrays>[] = [];
    while (end <= g.last) {
      const r = rowArrays(end);
      const b = rowBytes(r.before) + rowBytes(r.formulas) + rowBytes(r.values) + rowBytes(r.after);
      if (rows.length && bytes + b > options.budget) break;
      rows.push(r);
      bytes += b;
      end++;
    }
    const first = start;
    const height = rows.length;
    start = end;
    const pick = (k: 'before' | 'formulas' | 'values' | 'after') => {
      const arr = rows.map((r) => r[k] as unknown[]);
      return arr.some((row) => row.some((x) => x !== null)) ? arr : undefined;
    };
    const before = pick('before');
    const formulas = pick('formulas');
    const values = pick('values');
    const after = pick('after');
    const arrays = [before, formulas, values, after].filter((a) => a !== undefined);
    if (arrays.length === 0) continue;
    const payload = arrays.reduce((n, a) => n + jsonBytes(a), 0);
    ops.push({
      bytes: cost(1, arrays.length, payload),
      queue: () => {
        const r = range(first - 1, g.c1, height, width);
        if (before) r.numberFormat = before as string[][];
        if (formulas) r.formulas = formulas as string[][];
        if (values) r.values = values as Scalar[][];
        if (after) r.numberFormat = after as string[][];
      },
    });
  }
}

/** `valuesAsJson` Strings, in rectangles that are text throughout (no nulls allowed there). */
function textOps(
  ops: Op[],
  cells: readonly CellPut[],
  range: (row: number, col: number, rows: number, cols: number) => Excel.Range,
  budget: number,
): void {
  const text = new Map<string, string>();
  const positions: Pos[] = cells.map((c) => {
    text.set(`${c.row}:${c.col}`, c.text!);
    return { row: c.row, col: c.col };
  });
  for (const rect of rectsFromCells(positions)) sliceRect(ops, rect, text, range, budget);
}

function sliceRect(
  ops: Op[],
  rect: Rect,
  text: ReadonlyMap<string, string>,
  range: (row: number, col: number, rows: number, cols: number) => Excel.Range,
  budget: number,
): void {
  const width = rect.c2 - rect.c1 + 1;
  let row = rect.r1;
  while (row <= rect.r2) {
    const data: Excel.CellValue[][] = [];
    let bytes = 0;
    const first = row;
    while (row <= rect.r2) {
      const line: Excel.CellValue[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) line.push({ type: 'String', basicValue: text.get(`${row}:${c}`) ?? '' } as Excel.CellValue);
      const b = jsonBytes(line);
      if (data.length && bytes + b > budget) break;
      data.push(line);
      bytes += b;
      row++;
    }
    const height = data.length;
    ops.push({
      bytes: cost(1, 1, bytes),
      queue: () => {
        range(first - 1, rect.c1, height, width).valuesAsJson = data;
      },
    });
  }
}

/** A1 references and ranges. */
import { a1, columnIndex } from '../../domain/grid';

export interface Range {
  /** 1-based rows, 0-based columns, inclusive. */
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** `F12` → { row: 12, col: 5 }; `$F$12` accepted. Undefined when not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnIndex(m[1].toUpperCase()) };
}

/** `A1:C3` or `B2` → a normalised range. */
export function parseRange(ref: string): Range | undefined {
  const [a, b = a] = ref.split(':');
  const p = parseCellRef(a);
  const q = parseCellRef(b);
  if (!p || !q) return undefined;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

export function formatRange(r: Range): string {
  const a = a1(r.r1, r.c1);
  const b = a1(r.r2, r.c2);
  return a === b ? a : `${a}:${b}`;
}

export function unionRange(a: Range | undefined, b: Range): Range {
  if (!a) return b;
  return { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
}

/** A sheet name as used in a formula or hyperlink location: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

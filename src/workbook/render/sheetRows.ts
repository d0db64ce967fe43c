/**
 * The rows of a document sheet as they are built top to bottom (Tổng hợp, Tiến độ): each line
 * appended gets its 1-based row number, and a wide line (title, subtitle, note) spans the table's
 * width with a height for its wrapped text.
 */
import type { TargetSet } from '../../domain/targetSet';
import type { CellSpec } from '../plan';
import { rowHeightFor } from './rowHeight';

export type Row = (CellSpec | null)[];

export interface SheetRows {
  readonly rows: Row[];
  readonly merges: string[];
  /** Row heights in points, by 1-based row. */
  readonly heights: Record<number, number>;
  /** Appends a row; returns its 1-based number. */
  line(cells: Row): number;
  /** Appends one text merged across A…`lastCol`, as tall as it wraps at `fontSize`. */
  wide(v: string, s: CellSpec['s'], fontSize: number): number;
}

/**
 * @param lastCol the table's last column letter (wide lines end there)
 * @param fullWidth the table's width in characters (for the wrapped height)
 * @example
 * const b = sheetRows('H', 120);
 * b.wide('BÁO CÁO …', 'title', 14); // 1
 * b.line([{ v: 'STT' }]);           // 2
 */
export function sheetRows(lastCol: string, fullWidth: number): SheetRows {
  const rows: Row[] = [];
  const merges: string[] = [];
  const heights: Record<number, number> = {};
  const line = (cells: Row): number => {
    rows.push(cells);
    return rows.length;
  };
  const wide = (v: string, s: CellSpec['s'], fontSize: number): number => {
    const r = line([{ v, s }]);
    merges.push(`A${r}:${lastCol}${r}`);
    heights[r] = Math.max(fontSize * 1.5, rowHeightFor([v], [fullWidth], fontSize));
    return r;
  };
  return { rows, merges, heights, line, wide };
}

/**
 * The line under a document's title naming the program it reports on.
 *
 * @example
 * programLine(findPreset('bd-cdvc-2024')!) // 'Thực hiện Chương trình số 06/CTr-CĐVC …, mục II — …'
 */
export function programLine(set: TargetSet): string {
  return `Thực hiện ${set.document}${set.section ? `, ${set.section}` : ''}${set.title ? ` — ${set.title}` : ''}`;
}

/**
 * Which rows below the header are units, and which are totals: a short view of the row kinds
 * of spec/layouts.md, which table/rows/classify.ts works out (section headings, subtotals,
 * footers, template rows, … are not units).
 */
import type { SheetGrid } from './grid';
import type { TableLayout } from './header';
import { classifyRows } from './table/rows/classify';

export interface TableRows {
  /** 1-based rows of unit rows, top to bottom. */
  readonly units: readonly number[];
  /** 1-based rows of total rows (subtotals and grand totals). */
  readonly totals: readonly number[];
}

/**
 * @example
 * tableRows(grid, layout) // { units: [5, 6, 7], totals: [8] }
 */
export function tableRows(grid: SheetGrid, layout: TableLayout): TableRows {
  const rows = classifyRows(grid, layout);
  return { units: rows.units, totals: rows.totals.map((t) => t.row).sort((a, b) => a - b) };
}

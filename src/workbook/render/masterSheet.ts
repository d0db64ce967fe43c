/**
 * The master data table that intake builds: catalog headers in row 1 (frozen), one row per unit,
 * `Nguồn` last. Every value is written as a value: text from a return never becomes a formula.
 */
import { columnDef } from '../../domain/catalog';
import type { MergeResult } from '../../domain/merge';
import type { CellSpec, SheetSpec } from '../plan';

/**
 * @example
 * workbook.apply({ sheets: [masterSheet(mergeReturns(files, { targetSet }))] });
 */
export function masterSheet(merged: MergeResult): SheetSpec {
  const rows = merged.master.rows.map((r, i) =>
    r.map((v): CellSpec | null => {
      // An error value (#REF!) cannot be typed as a value; the return's own report names it.
      if (v === null || typeof v === 'object') return null;
      return i === 0 ? { v, s: 'data_header' } : { v };
    }),
  );
  return {
    name: merged.master.name,
    rows,
    colWidths: [...merged.keys.map((k) => Math.min(36, Math.max(12, Math.ceil((columnDef(k)?.header.length ?? 10) * 0.7)))), 30],
    rowHeights: { 1: 48 },
    freeze: { rows: 1, cols: 2 },
  };
}

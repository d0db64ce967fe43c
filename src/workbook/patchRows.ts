/**
 * The rows of a data-sheet patch as both adapters apply them: sorted by row, rows outside
 * 1…maxRow dropped, two entries for one row merged (later cells win).
 */
import type { CellSpec, DataSheetPatch } from './plan';

export interface PatchRow {
  readonly row: number;
  readonly cells: readonly (CellSpec | null)[];
}

/**
 * @example
 * patchRows({ rows: [{ row: 5, cells: [a] }, { row: 2, cells: [b] }], … }) // rows 2, then 5
 */
export function patchRows(patch: DataSheetPatch, maxRow = Infinity): PatchRow[] {
  const byRow = new Map<number, PatchRow>();
  for (const r of patch.rows) {
    if (!(r.row >= 1 && r.row <= maxRow)) continue;
    const prev = byRow.get(r.row);
    if (!prev) {
      byRow.set(r.row, r);
      continue;
    }
    const cells = [...prev.cells];
    r.cells.forEach((c, i) => (cells[i] = c));
    byRow.set(r.row, { row: r.row, cells });
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/**
 * Merged cells in the data (spec/layouts.md, "Rows inside the table"): `Khu vực` or `Đơn vị cấp
 * trên` merged down over a block of units gives its value to every row of the merge, so no
 * covered cell is `required_missing`. A merge across columns (`Tổng cộng` over STT, code and
 * name; a heading typed across the row) keeps its value in its first cell only: the columns it
 * covers to the right stay blank, as the user reads them.
 */
import type { CellRange, RawCell, SheetGrid } from '../../grid';

/**
 * The merges of the table's data rows, looked up by cell.
 *
 * @example
 * const merges = new DataMerges(layout.merges, layout.headerRow, layout.lastRow);
 * merges.covered(8, 3) // true when D7:D9 is merged
 */
export class DataMerges {
  private readonly byRow = new Map<number, CellRange[]>();

  /**
   * @param merges the sheet's merges; those starting at or above `headerRow` belong to the header
   * @param headerRow the band's last row: data rows start below it
   * @param lastRow the table's last row (a merge formatted down the sheet stops there)
   */
  constructor(merges: readonly CellRange[], headerRow: number, lastRow: number) {
    for (const m of merges) {
      if (m.top <= headerRow) continue;
      for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
    }
  }

  /** Whether no merge reaches the data rows (the common case: nothing to look up). */
  get empty(): boolean {
    return this.byRow.size === 0;
  }

  /** The merge holding a cell, if any (1-based row, 0-based column). */
  at(row: number, col: number): CellRange | undefined {
    const list = this.byRow.get(row);
    if (!list) return undefined;
    for (const m of list) if (m.left <= col && col <= m.right) return m;
    return undefined;
  }

  /**
   * Whether a cell is covered by a merge that starts in another cell: it shows the merge's value
   * but holds none of its own (and the product never writes into it).
   *
   * @example
   * new DataMerges([{ top: 6, left: 3, bottom: 9, right: 3 }], 5, 20).covered(7, 3) // true
   */
  covered(row: number, col: number): boolean {
    const m = this.at(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** Whether a cell is part of a merge spanning several rows (its first cell or a covered one). */
  inMergeDown(row: number, col: number): boolean {
    const m = this.at(row, col);
    return m !== undefined && m.bottom > m.top;
  }
}

/**
 * The grid the data is read from: each merge in the data rows gives its value to every row it
 * spans, in its first column. Rows without a merge are shared with the input grid (no copy).
 *
 * @example
 * // D6:D9 merged, D6 = 'Nhà nước'
 * fillMergesDown(grid, 5).rows[7][3] // 'Nhà nước' (D8)
 */
export function fillMergesDown(grid: SheetGrid, headerRow: number): SheetGrid {
  const merges = (grid.merges ?? []).filter((m) => m.top > headerRow && m.bottom > m.top);
  if (!merges.length) return grid;
  const rows = grid.rows.slice() as RawCell[][];
  const copied = new Set<number>();
  for (const m of merges) {
    const value = grid.rows[m.top - 1]?.[m.left];
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    // Rows past the last one with a value hold nothing to read: the merge stops there.
    const bottom = Math.min(m.bottom, grid.rows.length);
    for (let r = m.top + 1; r <= bottom; r++) {
      if (!copied.has(r)) {
        const line = (grid.rows[r - 1] ?? []).slice();
        rows[r - 1] = line;
        copied.add(r);
      }
      rows[r - 1][m.left] = value;
    }
  }
  return { ...grid, rows };
}

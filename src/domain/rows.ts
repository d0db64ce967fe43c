/**
 * Which rows below the header are units: blank rows are skipped, totals rows ("Tổng cộng",
 * "Tổng", "Cộng", "Tổng số" in the name or code cell) are set apart (spec/columns.md).
 */
import type { RawCell, SheetGrid } from './grid';
import type { TableLayout } from './header';
import { matchKey } from './text';

const TOTAL_WORDS = new Set(['tong cong', 'tong', 'cong', 'tong so']);
/** A cheap first look (NFC or NFD, any case) before the exact comparison. */
const MAY_BE_TOTAL = /^\s*(t|c)(o|ô|ổ|ộ|Ô|Ổ|Ộ|O)/i;

function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export interface TableRows {
  /** 1-based rows of unit rows, top to bottom. */
  readonly units: readonly number[];
  /** 1-based rows of totals rows. */
  readonly totals: readonly number[];
}

/**
 * @example
 * tableRows(grid, layout) // { units: [5, 6, 7], totals: [8] }
 */
export function tableRows(grid: SheetGrid, layout: TableLayout): TableRows {
  const tableCols = layout.columns.filter((c) => c.role !== 'output').map((c) => c.col);
  const nameCols = ['ten_don_vi', 'ma_don_vi'].map((k) => layout.keyCol.get(k)).filter((c): c is number => c !== undefined);
  const units: number[] = [];
  const totals: number[] = [];
  // Plain loops: this runs once per row of tables of 100,000 rows.
  for (let row = layout.headerRow + 1; row <= layout.lastRow; row++) {
    const cells = grid.rows[row - 1];
    if (!cells) continue;
    let blank = true;
    for (let i = 0; i < tableCols.length && blank; i++) blank = isBlank(cells[tableCols[i]]);
    if (blank) continue;
    let isTotal = false;
    for (let i = 0; i < nameCols.length && !isTotal; i++) {
      const v = cells[nameCols[i]];
      // Only short cells can say "Tổng cộng" (9 letters); unit names are not worth normalising here.
      isTotal = typeof v === 'string' && v.length <= 16 && MAY_BE_TOTAL.test(v) && TOTAL_WORDS.has(matchKey(v));
    }
    (isTotal ? totals : units).push(row);
  }
  return { units, totals };
}

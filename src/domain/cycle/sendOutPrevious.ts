/**
 * Last year's own figures of each unit, read from last year's master table (`--previous`), shown
 * as read-only reference beside the input cells of a send-out return. Read with the data table's
 * own rules (header band, row kinds, money units), so any master the product reads will do.
 */
import { columnDef } from '../catalog';
import { cellAt, type RawCell, type SheetGrid } from '../grid';
import { findTable, type TableLayout } from '../header';
import { normalizeCell, type Value } from '../normalize';
import { tableRows } from '../rows';
import { codeKey } from './register';

/** One unit's figures in an earlier year, by catalog key (cells left blank are absent). */
export interface UnitFigures {
  readonly year: number;
  readonly values: Readonly<Record<string, Value>>;
}

/** Every unit's figures of one earlier year, by unit code. */
export interface PreviousFigures {
  /** The year the figures belong to. */
  readonly year: number;
  /** `codeKey(ma_don_vi)` (register.ts: trimmed, case aside) → the unit's figures. */
  readonly byCode: ReadonlyMap<string, UnitFigures>;
}

function rowYear(grid: SheetGrid, layout: TableLayout, row: number): number | undefined {
  const col = layout.keyCol.get('nam');
  if (col === undefined) return undefined;
  const v = normalizeCell(cellAt(grid, row, col), columnDef('nam')!).value;
  return typeof v === 'number' ? v : undefined;
}

/**
 * The figures of the latest year before `year` in the first sheet that holds a data table: rows
 * whose `Năm` is that year (a master without a `Năm` column counts as `year − 1`). Each cell is
 * read as the check reads it (money in đồng, choices canonical, yes/no as true/false); a cell
 * that cannot be read is kept as typed. The first row of a code wins. Undefined when no sheet
 * holds a table or no row is of an earlier year.
 *
 * @example
 * previousFigures([masterGrid], 2025)?.byCode.get('cd01') // { year: 2024, values: { so_dv: 120, … } }
 */
export function previousFigures(sheets: readonly SheetGrid[], year: number): PreviousFigures | undefined {
  for (const grid of sheets) {
    const layout = findTable(grid);
    if (!layout) continue;
    const codeCol = layout.keyCol.get('ma_don_vi');
    if (codeCol === undefined) continue;
    const units = tableRows(grid, layout).units;
    // Without a Năm column the whole master is last year's.
    const years = units.map((r) => (layout.keyCol.has('nam') ? rowYear(grid, layout, r) : year - 1));
    const earlier = years.filter((y): y is number => y !== undefined && y < year);
    if (earlier.length === 0) return undefined;
    const chosen = earlier.reduce((a, b) => (b > a ? b : a));
    const byCode = new Map<string, UnitFigures>();
    units.forEach((r, i) => {
      if (years[i] !== chosen) return;
      const code = cellAt(grid, r, codeCol);
      const key = typeof code === 'string' || typeof code === 'number' ? codeKey(String(code)) : '';
      if (!key || byCode.has(key)) return;
      byCode.set(key, { year: chosen, values: rowValues(grid, layout, r) });
    });
    return { year: chosen, byCode };
  }
  return undefined;
}

function rowValues(grid: SheetGrid, layout: TableLayout, row: number): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const c of layout.columns) {
    if (c.role !== 'data' || !c.key) continue;
    const def = columnDef(c.key);
    if (!def) continue;
    const raw: RawCell = cellAt(grid, row, c.col);
    const read = normalizeCell(raw, def, c.moneyScale ? { moneyScale: c.moneyScale } : undefined).value;
    if (read !== undefined) values[c.key] = read;
    else if (typeof raw === 'string' && raw.trim()) values[c.key] = raw.trim();
    else if (typeof raw === 'number') values[c.key] = raw;
  }
  return values;
}

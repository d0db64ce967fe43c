/**
 * An in-memory InteractivePort for the pane's tests: sheets as grids, every call recorded.
 * Written plans add or replace whole sheets (their values); the data-sheet patch is recorded only.
 */
import { columnIndex } from '../domain/grid';
import type { RawCell, SheetGrid } from '../domain/grid';
import type { CellSnapshot, CellWrite, InteractivePort } from '../workbook/interactive';
import type { ClearPlan, OutputPlan } from '../workbook/plan';

export interface MemoryPort extends InteractivePort {
  readonly sheets: Map<string, RawCell[][]>;
  readonly calls: { readonly op: string; readonly args: readonly unknown[] }[];
  /** Cells (`Sheet!A1`) holding a formula: writeCells leaves them alone, as the contract says. */
  readonly formulas: Set<string>;
  cell(sheet: string, a1: string): RawCell;
}

function position(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A port over copies of the given grids. */
export function memoryPort(grids: readonly SheetGrid[]): MemoryPort {
  const sheets = new Map<string, RawCell[][]>(grids.map((g) => [g.name, g.rows.map((r) => [...r])]));
  const calls: MemoryPort['calls'] = [];
  const formulas = new Set<string>();
  const rowsOf = (sheet: string): RawCell[][] => {
    const rows = sheets.get(sheet);
    if (!rows) throw new Error(`no sheet ${sheet}`);
    return rows;
  };
  const get = (sheet: string, a1: string): RawCell => {
    const { row, col } = position(a1);
    return rowsOf(sheet)[row]?.[col] ?? null;
  };
  const set = (sheet: string, a1: string, value: RawCell): void => {
    const { row, col } = position(a1);
    const rows = rowsOf(sheet);
    while (rows.length <= row) rows.push([]);
    rows[row][col] = value;
  };
  return {
    sheets,
    calls,
    formulas,
    cell: get,
    async sheetNames() {
      calls.push({ op: 'sheetNames', args: [] });
      return [...sheets.keys()];
    },
    async readSheet(name: string) {
      calls.push({ op: 'readSheet', args: [name] });
      return { name, rows: rowsOf(name).map((r) => [...r]) };
    },
    async apply(plan: OutputPlan) {
      calls.push({ op: 'apply', args: [plan] });
      for (const s of plan.sheets) sheets.set(s.name, s.rows.map((r) => r.map((c) => (c ? (c.v as RawCell) : null))));
    },
    async selectCell(sheet: string, cell: string) {
      calls.push({ op: 'selectCell', args: [sheet, cell] });
    },
    async writeCells(sheet: string, writes: readonly CellWrite[]) {
      calls.push({ op: 'writeCells', args: [sheet, writes] });
      const snapshots: CellSnapshot[] = [];
      for (const w of writes) {
        if (formulas.has(`${sheet}!${w.cell}`)) continue;
        snapshots.push({ cell: w.cell, value: get(sheet, w.cell) });
        set(sheet, w.cell, w.value);
      }
      return { snapshots, changed: [] };
    },
    async restoreCells(sheet: string, snapshots: readonly CellSnapshot[]) {
      calls.push({ op: 'restoreCells', args: [sheet, snapshots] });
      for (const s of snapshots) set(sheet, s.cell, s.value);
      return { changed: [] };
    },
    async clear(plan: ClearPlan) {
      calls.push({ op: 'clear', args: [plan] });
      for (const name of plan.sheets) sheets.delete(name);
    },
  };
}

/**
 * An empty data-entry workbook for a target set: the data table with exactly the columns the
 * set needs (header in row 1, frozen), drop-down lists for choice and yes/no columns, and the
 * editable `Chỉ tiêu` sheet.
 */
import { columnDef } from '../../domain/catalog';
import { columnsForSet } from '../../domain/columnsForSet';
import { columnLetters } from '../../domain/grid';
import type { TargetSet } from '../../domain/targetSet';
import { targetSetToRows, TARGET_SHEET_NAME } from '../../domain/targetSheet';
import type { CellSpec, OutputPlan, SheetSpec, ValidationSpec } from '../plan';

export const DATA_SHEET_NAME = 'Dữ liệu CĐCS';

/** Rows that get drop-down lists in a new template. */
const TEMPLATE_ROWS = 1000;

/**
 * @example
 * templatePlan(findPreset('bd-cdvc-2024')!).sheets.map((s) => s.name) // ['Dữ liệu CĐCS', 'Chỉ tiêu']
 */
export function templatePlan(set: TargetSet): OutputPlan {
  const keys = columnsForSet(set);
  const header: CellSpec[] = keys.map((k) => ({ v: columnDef(k)?.header ?? k, s: 'data_header' }));
  const validations: ValidationSpec[] = [];
  keys.forEach((k, c) => {
    const def = columnDef(k);
    const range = `${columnLetters(c)}2:${columnLetters(c)}${TEMPLATE_ROWS + 1}`;
    if (def?.type === 'bool') validations.push({ range, list: ['Có', 'Không'] });
    if (def?.type === 'choice') validations.push({ range, list: (def.choices ?? []).map((ch) => ch.value) });
  });
  const data: SheetSpec = {
    name: DATA_SHEET_NAME,
    rows: [header],
    colWidths: keys.map((k) => Math.min(40, Math.max(12, Math.ceil((columnDef(k)?.header.length ?? 10) * 0.75)))),
    rowHeights: { 1: 48 },
    freeze: { rows: 1, cols: 2 },
    validations,
  };
  return { sheets: [data, targetSheetSpec(set)] };
}

/** The `Chỉ tiêu` sheet for a set, ready to edit in Excel. */
export function targetSheetSpec(set: TargetSet): SheetSpec {
  const rows = targetSetToRows(set).map((r) => r.map((v): CellSpec | null => (v === null ? null : { v })));
  return { name: TARGET_SHEET_NAME, rows, colWidths: [14, 40, 50, 26, 18, 18, 20, 14, 10, 14, 16, 14, 9, 9, 30, 14, 10] };
}

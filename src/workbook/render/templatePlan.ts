/**
 * An empty data-entry workbook for a target set: the data table with exactly the columns the
 * set needs (header in row 1, frozen), each column wide enough for its longest allowed value,
 * drop-down lists for choice and yes/no columns, whole-number rules on counts and non-negative
 * amounts on money columns (each with a Vietnamese input message), and the `Chỉ tiêu` sheet.
 */
import { columnDef, type ColumnDef } from '../../domain/catalog';
import { columnsForSet } from '../../domain/columnsForSet';
import { columnLetters } from '../../domain/grid';
import type { TargetSet } from '../../domain/targetSet';
import { targetSheetLayout, TARGET_SHEET_NAME, type TargetColumn } from '../../domain/targetSheet';
import type { CellSpec, NumberRuleSpec, OutputPlan, SheetSpec, ValidationSpec } from '../plan';
import type { StyleKey } from '../styles';
import { rowHeightFor } from './rowHeight';
import { maxOf } from '../../domain/arrays';

export const DATA_SHEET_NAME = 'Dữ liệu CĐCS';

/** Rows that get drop-down lists and number rules in a new template. */
const TEMPLATE_ROWS = 1000;

/** Header row height (points): three lines of a wrapped header. */
const HEADER_HEIGHT = 48;
const HEADER_LINES = 3;

/** Widest value each type may hold, in characters, beyond what its choices say. */
const TYPE_MIN_WIDTH: Readonly<Record<ColumnDef['type'], number>> = {
  text: 12,
  int: 10,
  // '1.000.000.000.000' (a trillion đồng, dots every three digits).
  money: 18,
  bool: 9,
  choice: 12,
  year: 8,
};
/** Names of units are long ("CĐCS Trường Trung học phổ thông chuyên Lê Quý Đôn"). */
const TEXT_WIDTH: Readonly<Record<string, number>> = { ten_don_vi: 42, don_vi_cap_tren: 32, ma_don_vi: 12 };

/**
 * Width (characters) of a data column: its longest allowed value plus margin, and at least a
 * third of its header (the header wraps onto three lines), never more than 48.
 *
 * @example
 * dataColumnWidth(columnDef('xep_loai')!) // 31 — 'Hoàn thành xuất sắc nhiệm vụ' is 28 characters
 */
export function dataColumnWidth(def: ColumnDef): number {
  const longest = maxOf(maxOf(0, (def.choices ?? []).map((c) => c.value.length)), def.type === 'bool' ? ['Không'.length] : []);
  const value = Math.max(TEXT_WIDTH[def.key] ?? TYPE_MIN_WIDTH[def.type], longest + 3);
  const header = Math.ceil(def.header.length / HEADER_LINES) + 3;
  return Math.min(48, Math.max(value, header));
}

/** The number rule of a count, amount or year column on `range`; undefined for the others. */
export function numberRule(def: ColumnDef, range: string): NumberRuleSpec | undefined {
  const error = { title: 'Giá trị không hợp lệ', text: '' };
  switch (def.type) {
    case 'int':
      return {
        range,
        type: 'whole',
        min: 0,
        prompt: { title: titleFor(def, 'Số nguyên không âm'), text: `${def.header}: gõ số nguyên từ 0 trở lên, ví dụ 25. Để trống nếu chưa có số liệu.` },
        error: { ...error, text: `Cột "${def.header}" chỉ nhận số nguyên từ 0 trở lên, ví dụ 25.` },
      };
    case 'money':
      return {
        range,
        type: 'decimal',
        min: 0,
        prompt: { title: titleFor(def, 'Số tiền (đồng)'), text: `${def.header}: gõ số tiền bằng đồng, từ 0 trở lên, ví dụ 15000000. Để trống nếu chưa có số liệu.` },
        error: { ...error, text: `Cột "${def.header}" chỉ nhận số tiền từ 0 trở lên, gõ bằng số, ví dụ 15000000.` },
      };
    case 'year':
      return {
        range,
        type: 'whole',
        min: 2000,
        max: 2100,
        prompt: { title: 'Năm báo cáo', text: 'Gõ năm có bốn chữ số, ví dụ 2025.' },
        error: { ...error, text: 'Cột "Năm" chỉ nhận năm có bốn chữ số, từ 2000 đến 2100, ví dụ 2025.' },
      };
    default:
      return undefined;
  }
}

/** The message box title: the column's header when it fits Excel's 32 characters, else what to type. */
function titleFor(def: ColumnDef, generic: string): string {
  return def.header.length <= 32 ? def.header : generic;
}

/** The list validation (with its input message) of a yes/no or choice column on `range`. */
export function listRule(def: ColumnDef, range: string): ValidationSpec | undefined {
  if (def.type === 'bool') return { range, list: ['Có', 'Không'], prompt: { title: titleFor(def, 'Có hoặc Không'), text: `${def.header}: chọn Có hoặc Không trong danh sách.` } };
  if (def.type === 'choice') {
    const list = (def.choices ?? []).map((ch) => ch.value);
    return { range, list, prompt: { title: titleFor(def, 'Chọn trong danh sách'), text: `${def.header}: chọn trong danh sách: ${list.join('; ')}.` } };
  }
  return undefined;
}

/**
 * @example
 * templatePlan(findPreset('bd-cdvc-2024')!).sheets.map((s) => s.name) // ['Dữ liệu CĐCS', 'Chỉ tiêu']
 */
export function templatePlan(set: TargetSet): OutputPlan {
  const keys = columnsForSet(set);
  const header: CellSpec[] = keys.map((k) => ({ v: columnDef(k)?.header ?? k, s: 'data_header' }));
  const validations: ValidationSpec[] = [];
  const numberRules: NumberRuleSpec[] = [];
  keys.forEach((k, c) => {
    const def = columnDef(k);
    if (!def) return;
    const range = `${columnLetters(c)}2:${columnLetters(c)}${TEMPLATE_ROWS + 1}`;
    const list = listRule(def, range);
    if (list) validations.push(list);
    const rule = numberRule(def, range);
    if (rule) numberRules.push(rule);
  });
  const data: SheetSpec = {
    name: DATA_SHEET_NAME,
    rows: [header],
    colWidths: keys.map((k) => {
      const def = columnDef(k);
      return def ? dataColumnWidth(def) : 12;
    }),
    rowHeights: { 1: HEADER_HEIGHT },
    freeze: { rows: 1, cols: 2 },
    validations,
    numberRules,
    // Printed for checking by hand: all columns on one landscape page width, the header on every page.
    page: { landscape: true, fitToWidth: true, printTitleRows: [1, 1] },
  };
  return { sheets: [data, targetSheetSpec(set)] };
}

/** Widths of the `Chỉ tiêu` table's columns, by field. */
const TARGET_WIDTHS: Readonly<Record<TargetColumn['field'], number>> = {
  stt: 6,
  label: 48,
  target: 24,
  manualValue: 14,
  description: 60,
  id: 18,
  kind: 26,
  first: 18,
  second: 18,
  values: 26,
  unitTarget: 12,
  perUnit: 10,
  level: 12,
  sector: 16,
  where: 16,
  fromYear: 9,
  toYear: 9,
  unitLabel: 10,
};

/**
 * The `Chỉ tiêu` sheet for a set, ready for a secretary: `STT`, `Chỉ tiêu`, `Mục tiêu` first as
 * a bordered table, the technical columns grouped and collapsed to the right, the sheet
 * protected without a password except the `Mục tiêu` cells (and `Kết quả nhập tay` on manual
 * indicators), which have a light fill.
 */
export function targetSheetSpec(set: TargetSet): SheetSpec {
  const layout = targetSheetLayout(set);
  const { columns, headerRow } = layout;
  const visible = columns.filter((c) => !c.technical).length;
  const lastVisible = columnLetters(visible - 1);
  const widths = columns.map((c) => TARGET_WIDTHS[c.field]);
  const rows: (CellSpec | null)[][] = layout.rows.map((r) => r.map((v): CellSpec | null => (v === null ? null : { v })));
  const heights: Record<number, number> = {};
  const merges: string[] = [`A${layout.titleRow}:${lastVisible}${layout.titleRow}`];

  rows[layout.titleRow - 1] = [{ v: layout.rows[layout.titleRow - 1][0], s: 'title' }];
  heights[layout.titleRow] = 24;
  // Label in B, value in C stretched over the visible table's width.
  const valueWidth = widths.slice(2, visible).reduce((a, b) => a + b, 0);
  for (const r of [...layout.metaRows, layout.instructionRow]) {
    const [, label, value] = layout.rows[r - 1];
    rows[r - 1] = [null, { v: label, s: 'meta_label' }, { v: value, s: r === layout.instructionRow ? 'note' : 'cell' }];
    merges.push(`C${r}:${lastVisible}${r}`);
    heights[r] = Math.max(18, rowHeightFor([undefined, undefined, String(value ?? '')], [0, 0, valueWidth], 12));
  }
  rows[headerRow - 1] = columns.map((c) => ({ v: c.header, s: (c.technical ? 'code_header' : 'table_header') as StyleKey }));
  heights[headerRow] = 32;
  layout.indicators.forEach((ind, i) => {
    const r = headerRow + 1 + i;
    const values = layout.rows[r - 1];
    rows[r - 1] = columns.map((c, col): CellSpec => {
      const v = values[col] ?? null;
      const editable = c.field === 'target' || (c.field === 'manualValue' && ind.kind === 'manual');
      const s: StyleKey = editable ? 'cell_input' : c.field === 'stt' ? 'cell_stt' : 'cell';
      return { v, s };
    });
    heights[r] = Math.max(18, rowHeightFor(values.map((v) => (typeof v === 'string' ? v : undefined)).slice(0, visible), widths, 12));
  });
  const firstTechnical = columns.findIndex((c) => c.technical);
  return {
    name: TARGET_SHEET_NAME,
    rows,
    colWidths: widths,
    rowHeights: heights,
    merges,
    protection: { allowFormatColumns: true, allowFormatRows: true },
    columnGroups: firstTechnical < 0 ? [] : [{ from: firstTechnical, to: columns.length - 1, collapsed: true }],
    page: { landscape: true, fitToWidth: true, printTitleRows: [headerRow, headerRow] },
  };
}

/**
 * One send-out return (spec/interfaces.md "Send-out: one pre-filled return per unit"): the data
 * table with exactly the columns the target set needs, its one row pre-filled with the unit's
 * identity (locked) and yellow input cells for the rest, last year's own figures to the right as
 * grey read-only reference, drop-downs and number rules with input messages, an instructions
 * block in Vietnamese above the table, and the sheet protected without a password.
 *
 * The layout is made so that intake reads the filled return with zero problems:
 * - the title and instructions sit above the header row (title rows; the title names the year
 *   first, so a year found in the rows above the table is this one);
 * - the reference block's headers stand in the row ABOVE the header row and its values in the
 *   unit's row: a header beside the table's own would be read as an unknown column (a warning),
 *   while values without a header right of the table are not the table's.
 */
import { COLUMNS, columnDef, type ColumnDef } from '../../domain/catalog';
import { columnsForSet } from '../../domain/columnsForSet';
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import { sendOutFileName } from '../../domain/cycle/sendOutName';
import type { UnitFigures } from '../../domain/cycle/sendOutPrevious';
import { a1, columnLetters } from '../../domain/grid';
import type { Value } from '../../domain/normalize';
import type { TargetSet } from '../../domain/targetSet';
import type { CellSpec, InputMessage, NumberRuleSpec, OutputPlan, PromptSpec, SheetSpec, ValidationSpec } from '../plan';
import { rowHeightFor } from './rowHeight';
import { DATA_SHEET_NAME, dataColumnWidth, listRule, numberRule } from './templatePlan';

/** What one return is made from. */
export interface SendOutInput {
  readonly set: TargetSet;
  /** The year the return reports (its `Năm` cell). */
  readonly year: number;
  readonly unit: RegisterUnit;
  /** The unit's own figures of an earlier year (last year's master), shown as reference. */
  readonly previous?: UnitFigures;
  /** The file name the return is sent as (default `sendOutFileName(code, year)`), quoted in the instructions. */
  readonly fileName?: string;
}

/** Where things are on a return's data sheet (1-based rows, 0-based columns). */
export interface SendOutLayout {
  readonly columns: readonly string[];
  readonly headerRow: number;
  /** The unit's row: identity cells locked, the others the input cells. */
  readonly dataRow: number;
  /** Catalog keys pre-filled and locked. */
  readonly locked: readonly string[];
  /** Catalog keys the unit types (unlocked). */
  readonly inputs: readonly string[];
  /** First column of the reference block (after one empty column), when there is one. */
  readonly referenceCol?: number;
  /** Catalog keys of the reference block, left to right. */
  readonly referenceKeys: readonly string[];
}

/** Rows of the sheet above the instructions: title, program, unit, blank. */
const TITLE_ROW = 1;
const INSTRUCTIONS_TITLE_ROW = 5;
const HEADER_HEIGHT = 48;
/** Width of the empty column between the table and the reference block. */
const GAP_WIDTH = 3;

/**
 * The columns of the unit's return: the set's (columnsForSet), plus `don_vi_cap_tren` and `cap`
 * when the register gives them (they are the unit's identity), in catalog order.
 *
 * @example
 * sendOutColumns(set, { code: 'CD01', name: '…', parent: 'CĐ Ngành GD', contact: {}, row: 2 })
 * // ['ma_don_vi', 'ten_don_vi', 'don_vi_cap_tren', 'khu_vuc', 'nam', 'so_dv', …]
 */
export function sendOutColumns(set: TargetSet, unit: RegisterUnit): string[] {
  const needed = new Set(columnsForSet(set));
  if (unit.parent) needed.add('don_vi_cap_tren');
  if (unit.level) needed.add('cap');
  return COLUMNS.map((c) => c.key).filter((k) => needed.has(k));
}

/** The identity values the register gives for the unit, by catalog key (the year as `nam`). */
function identityValues(unit: RegisterUnit, year: number): Map<string, string | number> {
  const out = new Map<string, string | number>([
    ['ma_don_vi', unit.code],
    ['ten_don_vi', unit.name],
    ['nam', year],
  ]);
  if (unit.parent) out.set('don_vi_cap_tren', unit.parent);
  if (unit.sector) out.set('khu_vuc', unit.sector);
  if (unit.level) out.set('cap', unit.level);
  return out;
}

/** A message box title: the header when it fits Excel's 32 characters, else `generic`. */
function promptTitle(header: string, generic: string): string {
  return header.length <= 32 ? header : generic;
}

/** The message on the header of a pre-filled, locked identity column. */
function givenPrompt(header: string, key: string): InputMessage {
  const text =
    key === 'nam'
      ? 'Năm báo cáo, đã điền sẵn: không sửa.'
      : `${header}: đã điền sẵn theo danh bạ của công đoàn cấp trên, không sửa. Nếu sai, hãy báo công đoàn cấp trên.`;
  return { title: promptTitle(header, 'Đã điền sẵn'), text };
}

/** A reference value as the unit reads it: numbers as numbers, yes/no as Có/Không. */
function referenceCell(v: Value | undefined): CellSpec {
  if (v === undefined) return { v: null, s: 'cell_reference' };
  if (typeof v === 'boolean') return { v: v ? 'Có' : 'Không', s: 'cell_reference' };
  return { v, s: 'cell_reference' };
}

/** The instruction lines, in the order a unit works: type, leave locked cells, check, save and send. */
function instructions(input: SendOutInput, layout: SendOutLayout, fileName: string): string[] {
  const { year, unit } = input;
  const defs = layout.inputs.map((k) => columnDef(k)).filter((d): d is ColumnDef => d !== undefined);
  const inputCols = layout.inputs.map((k) => layout.columns.indexOf(k));
  // Inputs are in column order: the first and last are the block's ends.
  const first = columnLetters(inputCols[0] ?? 0);
  const last = columnLetters(inputCols[inputCols.length - 1] ?? 0);
  const lockedHeaders = layout.locked.map((k) => columnDef(k)?.header ?? k);
  const how: string[] = [];
  if (defs.some((d) => d.type === 'bool' || d.type === 'choice')) how.push('ô Có/Không và ô có danh sách: bấm mũi tên bên phải ô và chọn');
  if (defs.some((d) => d.type === 'int')) how.push('số lượng: gõ số nguyên, ví dụ 25');
  if (defs.some((d) => d.type === 'money')) how.push('số tiền: gõ số đồng, không dấu chấm, ví dụ 15000000');
  const lines = [
    `Nhập số liệu năm ${year} của đơn vị vào các ô nền vàng ở dòng ${layout.dataRow} (từ cột ${first} đến cột ${last}). Chỉ các ô nền vàng sửa được, các ô khác đã khóa.`,
    `Các ô ${lockedHeaders.join(', ')} đã điền sẵn và khóa: không sửa. Nếu thông tin đơn vị sai, hãy báo công đoàn cấp trên để sửa danh bạ.`,
    `Bấm vào một ô nền vàng để xem cách nhập${how.length ? `; ${how.join('; ')}` : ''}. Ô chưa có số liệu thì để trống.`,
  ];
  if (layout.referenceCol !== undefined && input.previous) {
    const from = columnLetters(layout.referenceCol);
    const to = columnLetters(layout.referenceCol + layout.referenceKeys.length - 1);
    lines.push(`Các ô nền xám từ cột ${from} đến cột ${to} là số liệu năm ${input.previous.year} của chính đơn vị, chỉ để đối chiếu: không cần sửa.`);
  }
  lines.push(
    `Nhập xong, lưu tệp ở dạng Excel (.xlsx), giữ nguyên tên tệp "${fileName}", rồi gửi lại tệp này cho ${unit.parent ? unit.parent : 'công đoàn cấp trên'} theo cách đã được hướng dẫn (thư điện tử, Zalo…).`,
    'Không đổi tên sheet, không thêm, xóa hay chuyển cột, không chép số liệu sang tệp khác.',
  );
  return lines;
}

/**
 * Where the table, the unit's row and the reference block go.
 *
 * @example
 * sendOutLayout(input).dataRow // 14 with six instruction lines
 */
export function sendOutLayout(input: SendOutInput): SendOutLayout {
  const columns = sendOutColumns(input.set, input.unit);
  const given = identityValues(input.unit, input.year);
  const locked = columns.filter((k) => given.has(k));
  const inputs = columns.filter((k) => !given.has(k));
  const lines = 5 + (input.previous ? 1 : 0);
  // Instructions, one blank row, the reference headers' row, then the header.
  const headerRow = INSTRUCTIONS_TITLE_ROW + lines + 3;
  return {
    columns,
    headerRow,
    dataRow: headerRow + 1,
    locked,
    inputs,
    ...(input.previous ? { referenceCol: columns.length + 1 } : {}),
    referenceKeys: input.previous ? inputs : [],
  };
}

/**
 * The plan of one return workbook: its one sheet `Dữ liệu CĐCS`, opened on it.
 *
 * @example
 * createXlsx().applySync(sendOutPlan({ set, year: 2025, unit })) // then toBytes()
 */
export function sendOutPlan(input: SendOutInput): OutputPlan {
  return { sheets: [sendOutSheet(input)], activeSheet: DATA_SHEET_NAME };
}

/** The return's data sheet (see the file comment for the layout). */
export function sendOutSheet(input: SendOutInput): SheetSpec {
  const layout = sendOutLayout(input);
  const { columns, headerRow, dataRow, referenceCol, referenceKeys } = layout;
  const fileName = input.fileName ?? sendOutFileName(input.unit.code, input.year);
  const given = identityValues(input.unit, input.year);
  const defs = columns.map((k) => columnDef(k));
  const widths: number[] = defs.map((d) => (d ? dataColumnWidth(d) : 12));
  const lastCol = columnLetters(columns.length - 1);
  const tableWidth = widths.reduce((a, b) => a + b, 0);

  const rows: (CellSpec | null)[][] = [];
  const heights: Record<number, number> = {};
  const merges: string[] = [];
  const put = (row: number, col: number, cell: CellSpec): void => {
    const line = (rows[row - 1] ??= []);
    while (line.length < col) line.push(null);
    line[col] = cell;
  };
  const banner = (row: number, cell: CellSpec, height: number): void => {
    put(row, 0, cell);
    if (columns.length > 1) merges.push(`A${row}:${lastCol}${row}`);
    heights[row] = height;
  };

  // The title names the year first: intake takes a year from the rows above a table.
  banner(TITLE_ROW, { v: `BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM ${input.year}`, s: 'title' }, 24);
  const program = `Theo ${input.set.document}`;
  banner(TITLE_ROW + 1, { v: program, s: 'subtitle' }, Math.max(18, rowHeightFor([program], [tableWidth], 13)));
  const unitLine = `Đơn vị: ${input.unit.name} (mã ${input.unit.code})`;
  banner(TITLE_ROW + 2, { v: unitLine, s: 'section' }, Math.max(20, rowHeightFor([unitLine], [tableWidth], 13)));
  put(INSTRUCTIONS_TITLE_ROW, 0, { v: 'HƯỚNG DẪN', s: 'section' });
  instructions(input, layout, fileName).forEach((text, i) => {
    const line = `${i + 1}. ${text}`;
    banner(INSTRUCTIONS_TITLE_ROW + 1 + i, { v: line, s: 'note' }, Math.max(18, rowHeightFor([line], [tableWidth], 12)));
  });

  const validations: ValidationSpec[] = [];
  const numberRules: NumberRuleSpec[] = [];
  // Each header says what goes under it: the input cell's own message, or that the cell is given.
  const prompts: PromptSpec[] = [];
  columns.forEach((k, c) => {
    const def = defs[c];
    const header = def?.header ?? k;
    put(headerRow, c, { v: header, s: 'data_header' });
    const v = given.get(k);
    put(dataRow, c, v !== undefined ? { v, s: 'cell' } : { v: null, s: 'cell_input' });
    const cell = a1(dataRow, c);
    const list = def && v === undefined ? listRule(def, cell) : undefined;
    if (list) validations.push(list);
    const rule = def && v === undefined ? numberRule(def, cell) : undefined;
    if (rule) numberRules.push(rule);
    const prompt = list?.prompt ?? rule?.prompt ?? (v !== undefined ? givenPrompt(header, k) : { title: promptTitle(header, 'Ô nhập'), text: `${header}: gõ theo đúng thông tin của đơn vị.` });
    prompts.push({ range: a1(headerRow, c), prompt });
    // A text input has no rule to carry its message: the message alone.
    if (v === undefined && !list && !rule) prompts.push({ range: cell, prompt });
  });
  heights[headerRow] = Math.max(HEADER_HEIGHT, rowHeightFor(columns.map((k) => columnDef(k)?.header ?? k), widths, 12));
  // A long unit name wraps in its cell: Excel does not grow a row a program wrote.
  const givenTexts = columns.map((k) => {
    const v = given.get(k);
    return typeof v === 'string' ? v : undefined;
  });
  heights[dataRow] = Math.max(18, rowHeightFor(givenTexts, widths, 12));

  if (referenceCol !== undefined && input.previous) {
    widths.push(GAP_WIDTH);
    const previous = input.previous;
    referenceKeys.forEach((k, i) => {
      const def = columnDef(k);
      put(headerRow - 1, referenceCol + i, { v: `Năm trước (${previous.year}): ${def?.header ?? k}`, s: 'reference_header' });
      prompts.push({
        range: a1(headerRow - 1, referenceCol + i),
        prompt: { title: `Số liệu năm ${previous.year}`, text: `${def?.header ?? k}: số liệu năm ${previous.year} của chính đơn vị, chỉ để đối chiếu; không cần sửa.` },
      });
      put(dataRow, referenceCol + i, referenceCell(previous.values[k]));
      widths.push(Math.max(14, def ? dataColumnWidth(def) : 12));
    });
    // The reference headers are longer than the table's ("Năm trước (2024): …"): their own height.
    const refTexts = (rows[headerRow - 2] ?? []).map((c) => (c && typeof c.v === 'string' ? c.v : undefined));
    heights[headerRow - 1] = Math.max(HEADER_HEIGHT, rowHeightFor(refTexts, widths, 12));
  }

  return {
    name: DATA_SHEET_NAME,
    rows,
    colWidths: widths,
    rowHeights: heights,
    merges,
    validations,
    numberRules,
    prompts,
    protection: { allowFormatColumns: true, allowFormatRows: true },
    page: { landscape: true, fitToWidth: true },
  };
}

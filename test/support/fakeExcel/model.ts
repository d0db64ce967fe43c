/**
 * The state behind the fake Excel: sheets of cells with values, formulas, number formats,
 * formats and hyperlinks, plus merges, widths, heights, panes, validations and page layout.
 * And the one piece of Excel's behaviour the product must defend against: text typed into a
 * cell that is not formatted as text is *interpreted* — `=…` becomes a formula, `+84…` and
 * `-5` become numbers or formulas, `TRUE` a boolean, `#N/A` an error.
 */
import { columnIndex, columnLetters } from '../../../src/domain/grid';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** 0-based, inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export interface Border {
  style: string;
  color?: string;
  weight?: string;
}

export interface CellFormat {
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; underline?: string; color?: string; size?: number; name?: string };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  shrinkToFit?: boolean;
  /** RangeFormat.protection.locked (ExcelApi 1.2); absent means locked, Excel's default. */
  locked?: boolean;
  borders?: { top?: Border; bottom?: Border; left?: Border; right?: Border };
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface Cell {
  /** The value as `values` returns it, except that errors keep their text here too. */
  v: string | number | boolean | null;
  t: ValueType;
  /** `=…` when the cell holds a formula. */
  f?: string;
  /** Number format code. */
  nf: string;
  fmt?: CellFormat;
  link?: Hyperlink;
}

export interface PageLayout {
  orientation?: string;
  paperSize?: string;
  centerHorizontally?: boolean;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  /** PageLayout.setPrintTitleColumns (ExcelApi 1.9), e.g. '$A:$B'. */
  printTitleColumns?: string;
  /** PageLayout.setPrintArea (ExcelApi 1.9). */
  printArea?: string;
  /** HeaderFooter.centerFooter of defaultForAllPages (ExcelApi 1.9). */
  footer?: string;
  margins?: Record<string, number>;
}

export interface Chart {
  type: string;
  /** A1 address of the source data. */
  source: string;
  seriesBy: string;
  name?: string;
  title?: string;
  legend?: string;
  /** Top-left and bottom-right cells. */
  at?: [string, string];
}

export interface Sheet {
  name: string;
  charts: Chart[];
  cells: Map<number, Cell>;
  colWidths: Map<number, number>;
  /** 0-based columns hidden by the user (Range.columnHidden). */
  hiddenCols: Set<number>;
  /** Worksheet.visibility (ExcelApi 1.1). */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  rowHeights: Map<number, number>;
  merges: Rect[];
  freeze: { rows: number; cols: number } | null;
  validations: { rect: Rect; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  page: PageLayout;
  /** WorksheetProtection.protect options while protected. */
  protectionOptions?: Record<string, unknown>;
  /** Column groups (Range.group('ByColumns'), ExcelApi 1.10), 0-based; collapsed by hideGroupDetails. */
  columnGroups: { c1: number; c2: number; collapsed: boolean }[];
  /** Worksheet protection (WorksheetProtection.protected, ExcelApi 1.2). */
  protected: boolean;
  /** Excel Tables (ListObjects) on the sheet; `rect` includes the header row. */
  tables: Table[];
  /** 0-based rows hidden by the user (Range.rowHidden, ExcelApi 1.2). */
  hiddenRows: Set<number>;
}

/** An Excel Table (docs/excel/excel-add-ins-tables.md): a name and the cells it covers, header row first. */
export interface Table {
  name: string;
  rect: Rect;
}

/**
 * A workbook-scoped defined name referring to one cell. It holds the sheet itself, not its name:
 * Excel rewrites a name's formula when its sheet is renamed, and shows `#REF!` once it is deleted.
 */
export interface DefinedName {
  name: string;
  sheet: Sheet;
  address: string;
  visible: boolean;
}

export interface Book {
  sheets: Sheet[];
  names: DefinedName[];
  active: Sheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Workbook.readOnly (ExcelApi 1.8): "Returns true if the workbook is open in read-only mode." */
  readOnly: boolean;
  /** Workbook structure protection (WorkbookProtection.protected, ExcelApi 1.7): no sheet added, deleted, moved or renamed. */
  structureProtected: boolean;
}

export const key = (r: number, c: number): number => r * MAX_COL + c;
export const rowOf = (k: number): number => Math.floor(k / MAX_COL);
export const colOf = (k: number): number => k % MAX_COL;

export function newSheet(name: string): Sheet {
  return { name, charts: [], cells: new Map(), colWidths: new Map(), hiddenCols: new Set(), visibility: 'Visible', rowHeights: new Map(), merges: [], freeze: null, validations: [], page: {}, protected: false, tables: [], hiddenRows: new Set(), columnGroups: [] };
}

export const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

// ---- addresses ----

function parseCellRef(s: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (!m) return undefined;
  const r = Number(m[2]) - 1;
  const c = columnIndex(m[1].toUpperCase());
  if (r < 0 || r >= MAX_ROW || c < 0 || c >= MAX_COL) return undefined;
  return { r, c };
}

/**
 * One area: `A1`, `A1:C3`, `A:C`, `3:5`, with `$` allowed; an optional `Sheet!` prefix is
 * returned separately.
 */
export function parseArea(text: string): { sheet?: string; rect: Rect } | undefined {
  let s = text.trim();
  let sheet: string | undefined;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    sheet = s.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    s = s.slice(bang + 1);
  }
  const [a, b = a, extra] = s.split(':');
  if (extra !== undefined || !a) return undefined;
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  let rect: Rect | undefined;
  if (cols.test(a) && cols.test(b) && s.includes(':')) {
    const c1 = columnIndex(cols.exec(a)![1].toUpperCase());
    const c2 = columnIndex(cols.exec(b)![1].toUpperCase());
    rect = { r1: 0, r2: MAX_ROW - 1, c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
  } else if (rows.test(a) && rows.test(b) && s.includes(':')) {
    const r1 = Number(rows.exec(a)![1]) - 1;
    const r2 = Number(rows.exec(b)![1]) - 1;
    if (r1 < 0 || r2 < 0) return undefined;
    rect = { r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: 0, c2: MAX_COL - 1 };
  } else {
    const p = parseCellRef(a);
    const q = parseCellRef(b);
    if (!p || !q) return undefined;
    rect = { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
  }
  if (rect.c2 >= MAX_COL || rect.r2 >= MAX_ROW) return undefined;
  return { sheet, rect };
}

export function cellAddress(r: number, c: number): string {
  return columnLetters(c) + (r + 1);
}

export function rectAddress(rect: Rect): string {
  const a = cellAddress(rect.r1, rect.c1);
  const b = cellAddress(rect.r2, rect.c2);
  return a === b ? a : `${a}:${b}`;
}

/** `'Sheet'!A1:B2`, quoting like Excel when the name needs it. */
export function qualified(sheet: string, rect: Rect): string {
  const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${rectAddress(rect)}`;
}

export const cellCount = (r: Rect): number => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);

export const intersects = (a: Rect, b: Rect): boolean => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export const contains = (outer: Rect, inner: Rect): boolean =>
  outer.r1 <= inner.r1 && outer.c1 <= inner.c1 && outer.r2 >= inner.r2 && outer.c2 >= inner.c2;

/**
 * Keys of the existing cells inside a rectangle. Walks the cell map rather than the rectangle
 * when the rectangle is the bigger of the two (whole columns, the whole sheet).
 */
export function existingKeys(sheet: Sheet, rect: Rect): number[] {
  const out: number[] = [];
  if (cellCount(rect) > sheet.cells.size) {
    for (const k of sheet.cells.keys()) {
      const r = rowOf(k);
      const c = colOf(k);
      if (r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2) out.push(k);
    }
    return out;
  }
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) if (sheet.cells.has(key(r, c))) out.push(key(r, c));
  return out;
}

export function cellAt(sheet: Sheet, r: number, c: number): Cell {
  const k = key(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) sheet.cells.set(k, (cell = { v: null, t: 'Empty', nf: 'General' }));
  return cell;
}

/** Drops a cell that holds nothing any more (keeps the map small and `workbookState` tidy). */
export function tidy(sheet: Sheet, k: number): void {
  const cell = sheet.cells.get(k);
  if (cell && cell.t === 'Empty' && !cell.f && cell.nf === 'General' && !cell.fmt && !cell.link) sheet.cells.delete(k);
}

/** The used range: cells with a value or formula (and, unless valuesOnly, any format). */
export function usedRect(sheet: Sheet, valuesOnly: boolean): Rect | undefined {
  let rect: Rect | undefined;
  for (const [k, cell] of sheet.cells) {
    const has = cell.t !== 'Empty' || !!cell.f || (!valuesOnly && (cell.nf !== 'General' || !!cell.fmt || !!cell.link));
    if (!has) continue;
    const r = rowOf(k);
    const c = colOf(k);
    if (!rect) rect = { r1: r, c1: c, r2: r, c2: c };
    else {
      if (r < rect.r1) rect.r1 = r;
      if (r > rect.r2) rect.r2 = r;
      if (c < rect.c1) rect.c1 = c;
      if (c > rect.c2) rect.c2 = c;
    }
  }
  return rect;
}

// ---- what Excel makes of typed input ----

export const ERROR_VALUES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A string written into a cell's `values`, as Excel stores it. In a cell formatted as text
 * (`@`) the string is kept as it is. Anything else is read as if typed: a leading `=`, `+`, `-`
 * or `@` makes a formula (numbers aside), numbers become numbers, TRUE/FALSE booleans and error
 * literals errors. (Dates and percentages are not modelled.)
 */
export function interpret(text: string, numberFormat: string): Pick<Cell, 'v' | 't' | 'f'> {
  if (text === '') return { v: null, t: 'Empty' };
  if (numberFormat === '@') return { v: text, t: 'String' };
  if (NUMBER.test(text.trim())) return { v: Number(text.trim()), t: 'Double' };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { v: upper === 'TRUE', t: 'Boolean' };
  if (ERROR_VALUES.includes(upper)) return { v: upper, t: 'Error' };
  const first = text[0];
  if ((first === '=' && text.length > 1) || first === '+' || first === '-' || first === '@') {
    const formula = first === '=' ? text : '=' + text;
    return { ...evaluate(formula), f: formula };
  }
  return { v: text, t: 'String' };
}

/**
 * The value of a formula. Only arithmetic on number literals is computed (`=1+1` → 2);
 * anything else is `#NAME?`, which is all the tests need to see a formula happened.
 */
export function evaluate(formula: string): Pick<Cell, 'v' | 't'> {
  const body = formula.replace(/^=/, '').replace(/^@/, '');
  if (/^[\d\s.+\-*/()]+$/.test(body)) {
    const n = arithmetic(body);
    if (n !== undefined && Number.isFinite(n)) return { v: n, t: 'Double' };
    if (n !== undefined) return { v: '#DIV/0!', t: 'Error' };
  }
  return { v: '#NAME?', t: 'Error' };
}

/** A tiny recursive-descent evaluator for + - * / and parentheses. */
function arithmetic(src: string): number | undefined {
  const s = src.replace(/\s+/g, '');
  let i = 0;
  const num = (): number | undefined => {
    if (s[i] === '(') {
      i++;
      const v = sum();
      if (s[i] !== ')') return undefined;
      i++;
      return v;
    }
    if (s[i] === '-' || s[i] === '+') {
      const sign = s[i++] === '-' ? -1 : 1;
      const v = num();
      return v === undefined ? undefined : sign * v;
    }
    const m = /^(\d+\.?\d*|\.\d+)/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return Number(m[0]);
  };
  const product = (): number | undefined => {
    let v = num();
    while (v !== undefined && (s[i] === '*' || s[i] === '/')) {
      const op = s[i++];
      const w = num();
      if (w === undefined) return undefined;
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const sum = (): number | undefined => {
    let v = product();
    while (v !== undefined && (s[i] === '+' || s[i] === '-')) {
      const op = s[i++];
      const w = product();
      if (w === undefined) return undefined;
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  const v = sum();
  return i === s.length ? v : undefined;
}

// ---- references to other sheets ----

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `'Tổng hợp'!` or `TongHop!` for this sheet, in any case (Excel matches sheet names case-insensitively). */
function sheetRefRe(name: string, flags = 'i'): RegExp {
  const quoted = `'${name.replace(/'/g, "''")}'`;
  return new RegExp(`(${escapeRe(quoted)}|(?<![\\w.'])${escapeRe(name)})!`, flags);
}

/** Whether a formula refers to a cell of the named sheet. */
export function refersTo(formula: string, sheet: string): boolean {
  return sheetRefRe(sheet).test(formula);
}

/** The formula as Excel shows it once the sheet is deleted: each reference becomes `#REF!`. */
export function replaceSheetRef(formula: string, sheet: string): string {
  return formula.replace(sheetRefRe(sheet, 'gi'), '#REF!').replace(/#REF!\$?[A-Z]{1,3}\$?\d+/g, '#REF!');
}

/**
 * The current value of a formula that is one reference to another sheet's cell (`='Tổng hợp'!B5`):
 * enough to see a link keep working or break. Undefined for any other formula.
 */
export function referencedValue(book: Book, formula: string): Pick<Cell, 'v' | 't'> | undefined {
  const m = /^=('(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(formula);
  if (!m) return undefined;
  const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
  const sheet = book.sheets.find((s) => sameName(s.name, name));
  if (!sheet) return { v: '#REF!', t: 'Error' };
  const cell = sheet.cells.get(key(Number(m[3]) - 1, columnIndex(m[2].toUpperCase())));
  return cell && cell.t !== 'Empty' ? { v: cell.v, t: cell.t } : { v: 0, t: 'Double' };
}

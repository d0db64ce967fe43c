/**
 * The workbook's editable target sheet `Chỉ tiêu`: a target set written as cells a secretary can
 * change (targets, lines removed or added) and read back as a TargetSet. Reading is tolerant of
 * what users do in Excel: rows moved, columns reordered, numbers typed as text or as numbers,
 * Vietnamese typed without diacritics. Every problem names its cell and says what to type.
 */
import { CAP_CAP_TREN, CAP_CDCS, COLUMNS, columnDef, KV_NN, KV_NNN, type ColumnDef, type ColumnType } from './catalog';
import { appendAll, maxOf } from './arrays';
import { a1, isCellError, type RawCell, type SheetGrid } from './grid';
import { toNumber } from './rational';
import {
  formatTarget,
  formatTargets,
  parseAmount,
  parseTarget,
  parseTargetNumber,
  parseTargets,
} from './targetText';
import { knownComparator, type TargetField } from './targetDirection';
import {
  isFractionKind,
  isYearTargets,
  type Comparator,
  type Condition,
  type Indicator,
  type IndicatorFormula,
  type IndicatorKind,
  type Scope,
  type Target,
  type TargetSet,
  type YearTarget,
} from './targetSet';
import { cleanText, matchKey } from './text';
import { GO } from './wording';

/** Name of the workbook sheet that holds the editable target set. */
export const TARGET_SHEET_NAME = 'Chỉ tiêu';

/** Vietnamese names of the indicator kinds, as the `Loại` column shows them with the code. */
export const KIND_NAMES: Readonly<Record<IndicatorKind, string>> = {
  ratio: 'Tỷ lệ',
  unit_threshold: 'Tỷ lệ đơn vị đạt ngưỡng',
  unit_share: 'Tỷ lệ đơn vị',
  unit_count: 'Số đơn vị',
  sum: 'Tổng',
  mean: 'Bình quân',
  change: 'Tăng thêm',
  reduction: 'Mức giảm',
  manual: 'Nhập tay',
};

const KINDS = Object.keys(KIND_NAMES) as IndicatorKind[];

/**
 * The `Loại` cell text for a kind: Vietnamese name and code.
 *
 * @example
 * kindText('unit_share') // 'Tỷ lệ đơn vị (unit_share)'
 */
export function kindText(kind: IndicatorKind): string {
  return `${KIND_NAMES[kind]} (${kind})`;
}

// ---------------------------------------------------------------------------------------------
// Layout

/** Metadata rows: label in column A, value in column B. */
const META = {
  id: 'Mã bộ chỉ tiêu',
  title: 'Tên chương trình',
  document: 'Văn bản',
  documentNumber: 'Số hiệu',
  issuer: 'Cơ quan ban hành',
  parentIssuer: 'Cơ quan cấp trên',
  place: 'Địa danh',
  section: 'Mục',
  source: 'Nguồn',
  milestones: 'Mốc thời gian',
} as const;
type MetaField = keyof typeof META;

const INSTRUCTION_LABEL = 'Hướng dẫn';
const INSTRUCTION =
  'Sửa cột Mục tiêu (ô nền vàng), ví dụ ≥ 90%, > 95%, ≤ 0, 90%–95%, ≥ 9.000; với chỉ tiêu Nhập tay, gõ số đạt được vào cột Kết quả nhập tay. ' +
  'Các ô khác được khóa để tránh sửa nhầm (khóa không có mật khẩu). Muốn xóa dòng chỉ tiêu không dùng hoặc thêm dòng mới: ' +
  'Xem lại › Bỏ bảo vệ trang tính (Review › Unprotect Sheet), rồi bấm dấu + phía trên bảng để mở các cột kỹ thuật. ' +
  'Dòng mới cần Mã chưa trùng, Loại là một trong: ratio, unit_threshold, unit_share, unit_count, sum, mean, ' +
  'change, reduction, manual, và cột ghi bằng mã cột của bảng số liệu (ví dụ so_dv).';

/** The indicator table's columns; read back by header text in any order (a sheet written by an older version had `Mã` first and `Mục tiêu` in column O). */
const TABLE = {
  id: { header: 'Mã', aliases: ['Mã chỉ tiêu', 'ID'] },
  label: { header: 'Chỉ tiêu', aliases: ['Tên chỉ tiêu', 'Nhãn'] },
  description: { header: 'Diễn giải', aliases: ['Mô tả', 'Nội dung', 'Trích văn bản'] },
  kind: { header: 'Loại', aliases: ['Loại chỉ tiêu', 'Kiểu'] },
  first: { header: 'Tử số / Cột', aliases: ['Tử số', 'Cột', 'Cột đầu', 'Cột đầu kỳ'] },
  second: { header: 'Mẫu số / Cột cuối', aliases: ['Mẫu số', 'Cột cuối', 'Cột cuối kỳ'] },
  values: { header: 'Giá trị điều kiện', aliases: ['Điều kiện', 'Giá trị'] },
  unitTarget: { header: 'Ngưỡng mỗi đơn vị', aliases: ['Ngưỡng', 'Ngưỡng đơn vị'] },
  perUnit: { header: 'Theo đơn vị', aliases: ['Xét từng đơn vị'] },
  level: { header: 'Cấp', aliases: ['Cấp công đoàn'] },
  sector: { header: 'Khu vực', aliases: [] },
  where: { header: 'Chỉ tính khi', aliases: ['Chỉ tính đơn vị', 'Điều kiện phạm vi'] },
  fromYear: { header: 'Từ năm', aliases: [] },
  toYear: { header: 'Đến năm', aliases: [] },
  target: { header: 'Mục tiêu', aliases: ['Chỉ tiêu đặt ra', 'Mức'] },
  manualValue: { header: 'Kết quả nhập tay', aliases: ['Kết quả', 'Giá trị nhập tay'] },
  unitLabel: { header: 'Đơn vị tính', aliases: ['ĐVT'] },
} as const;
type TableField = keyof typeof TABLE;
const TABLE_FIELDS = Object.keys(TABLE) as TableField[];

const LEVEL_ALL = 'Tất cả';
const YES = 'Có';

type Cell = string | number | null;

function levelText(level: Scope['level']): string {
  if (level === 'all') return LEVEL_ALL;
  return level ?? CAP_CDCS;
}

function indicatorRow(ind: Indicator): Record<TableField, Cell> {
  const row: Record<TableField, Cell> = {
    id: ind.id,
    label: ind.label,
    description: ind.description ?? null,
    kind: kindText(ind.kind),
    first: null,
    second: null,
    values: null,
    unitTarget: null,
    perUnit: null,
    level: levelText(ind.scope.level),
    sector: ind.scope.sector ?? null,
    where: ind.scope.where ?? null,
    fromYear: ind.scope.years ? ind.scope.years[0] : null,
    toYear: ind.scope.years ? ind.scope.years[1] : null,
    target: formatTargets(ind.target, isFractionKind(ind.kind)),
    manualValue: null,
    unitLabel: null,
  };
  switch (ind.kind) {
    case 'ratio':
      row.first = ind.num;
      row.second = ind.den;
      if (ind.perUnit) row.perUnit = YES;
      break;
    case 'unit_threshold':
      row.first = ind.num;
      row.second = ind.den;
      row.unitTarget = formatTarget(ind.unitTarget, true);
      break;
    case 'unit_share':
    case 'unit_count':
      row.first = ind.condition.column;
      if ('values' in ind.condition) row.values = ind.condition.values.join('; ');
      break;
    case 'sum':
    case 'mean':
      row.first = ind.column;
      break;
    case 'change':
    case 'reduction':
      row.first = ind.start;
      row.second = ind.end;
      break;
    case 'manual':
      row.manualValue = ind.value ?? null;
      row.unitLabel = ind.unitLabel ?? null;
      break;
  }
  return row;
}

/** The first column of the written table: a row number for people (the reader ignores it). */
export const STT_HEADER = 'STT';

/** One column of the written table, from column A. */
export interface TargetColumn {
  readonly field: TableField | 'stt';
  readonly header: string;
  /** A column only someone adding an indicator needs: the template groups these and collapses the group. */
  readonly technical: boolean;
}

/** Where things are on the written `Chỉ tiêu` sheet (1-based rows), for the renderer to style them. */
export interface TargetSheetLayout {
  /** Cell values from A1; null is an empty cell. */
  readonly rows: Cell[][];
  /** The title row: "Chỉ tiêu theo <document>". */
  readonly titleRow: number;
  /** Metadata rows: label in column B, value in column C. */
  readonly metaRows: readonly number[];
  readonly instructionRow: number;
  readonly headerRow: number;
  readonly columns: readonly TargetColumn[];
  /** The indicator of each row below the header, in order. */
  readonly indicators: readonly Indicator[];
}

/**
 * The table's columns in the order written: what a secretary reads and edits first (`STT`,
 * `Chỉ tiêu`, `Mục tiêu`, `Kết quả nhập tay` when the set has a manual indicator, the document's
 * words), then the technical ones.
 */
function tableColumns(set: TargetSet): TargetColumn[] {
  const manual = set.indicators.some((i) => i.kind === 'manual');
  const front: TableField[] = ['label', 'target', ...(manual ? (['manualValue'] as const) : []), 'description'];
  const back = TABLE_FIELDS.filter((f) => !front.includes(f));
  return [
    { field: 'stt', header: STT_HEADER, technical: false },
    ...front.map((f) => ({ field: f, header: TABLE[f].header, technical: false })),
    ...back.map((f) => ({ field: f, header: TABLE[f].header, technical: true })),
  ];
}

/**
 * The `Chỉ tiêu` sheet for a set: a title naming the program document (its number and date,
 * never a file), metadata rows (label in B, value in C), one instruction row, a blank row, then
 * the indicator table (header row, one row per indicator). Targets are Vietnamese text
 * ("≥ 15%"); years and manual results are numbers.
 *
 * @example
 * const layout = targetSheetLayout(findPreset('bd-cdvc-2024')!);
 * layout.rows[layout.headerRow - 1].slice(0, 3) // ['STT', 'Chỉ tiêu', 'Mục tiêu']
 */
export function targetSheetLayout(set: TargetSet): TargetSheetLayout {
  const meta: Record<MetaField, string | null> = {
    title: set.title,
    document: set.document,
    documentNumber: set.documentNumber,
    issuer: set.issuer,
    parentIssuer: set.parentIssuer ?? null,
    place: set.place ?? null,
    section: set.section ?? null,
    milestones: set.milestones && set.milestones.length > 0 ? set.milestones.join('; ') : null,
    // The seed file a built-in set was taken from means nothing to a reader: not written.
    source: null,
    id: set.id,
  };
  const rows: Cell[][] = [[`Chỉ tiêu theo ${set.document || set.title}`], []];
  const metaRows: number[] = [];
  for (const f of Object.keys(meta) as MetaField[]) {
    if (meta[f] === null || meta[f] === '') continue;
    rows.push([null, META[f], meta[f]]);
    metaRows.push(rows.length);
  }
  rows.push([null, INSTRUCTION_LABEL, INSTRUCTION]);
  const instructionRow = rows.length;
  rows.push([]);
  const columns = tableColumns(set);
  rows.push(columns.map((c) => c.header));
  const headerRow = rows.length;
  set.indicators.forEach((ind, i) => {
    const cells = indicatorRow(ind);
    rows.push(columns.map((c) => (c.field === 'stt' ? i + 1 : cells[c.field])));
  });
  return { rows, titleRow: 1, metaRows, instructionRow, headerRow, columns, indicators: set.indicators };
}

/**
 * The `Chỉ tiêu` sheet's cells from A1 (see targetSheetLayout).
 *
 * @example
 * const rows = targetSetToRows(findPreset('bd-cdvc-2024')!);
 * rows[0] // ['Chỉ tiêu theo Chương trình số 06/CTr-CĐVC ngày 16/9/2024']
 */
export function targetSetToRows(set: TargetSet): Cell[][] {
  return targetSheetLayout(set).rows;
}

// ---------------------------------------------------------------------------------------------
// Reading

interface ProblemBase {
  /** A1 address of the cell on the `Chỉ tiêu` sheet. */
  readonly cell: string;
  /** Vietnamese: what is wrong and what to type instead (without the cell address). */
  readonly message: string;
}

/** A problem on the target sheet, discriminated by `code`. */
export type TargetSheetProblem = ProblemBase &
  (
    | { readonly code: 'no_table' }
    | { readonly code: 'missing_column' }
    | { readonly code: 'empty_table' }
    | { readonly code: 'missing_field' }
    | { readonly code: 'duplicate_id' }
    | { readonly code: 'unknown_kind' }
    | { readonly code: 'unknown_column' }
    | { readonly code: 'unfit_column' }
    | { readonly code: 'unknown_value' }
    | { readonly code: 'bad_value' }
    | { readonly code: 'bad_target' }
  );

export type TargetSheetProblemCode = TargetSheetProblem['code'];

export type TargetSheetResult =
  | { readonly ok: true; readonly value: TargetSet }
  | { readonly ok: false; readonly problems: TargetSheetProblem[] };

/** Id given to a set whose sheet has no `Mã bộ chỉ tiêu` row: a set the user made. */
export const CUSTOM_SET_ID = 'tuy-chinh';

function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (isCellError(cell)) return cell.error;
  if (typeof cell === 'boolean') return cell ? YES : 'Không';
  if (typeof cell === 'number') return String(cell);
  return cleanText(cell);
}

function isBlank(cell: RawCell): boolean {
  return cellText(cell) === '';
}

/** matchKey of every header and alias → field. */
const HEADER_KEYS: ReadonlyMap<string, TableField> = new Map(
  TABLE_FIELDS.flatMap((f) => [TABLE[f].header, ...TABLE[f].aliases].map((h) => [matchKey(h), f] as const)),
);

function headerMap(row: readonly RawCell[]): Map<TableField, number> {
  const found = new Map<TableField, number>();
  row.forEach((cell, col) => {
    if (typeof cell !== 'string') return;
    const field = HEADER_KEYS.get(matchKey(cell));
    if (field && !found.has(field)) found.set(field, col);
  });
  return found;
}

/** The header row: the first with `Mã` and `Loại` and at least three known headers. */
function findHeader(grid: SheetGrid): { row: number; cols: Map<TableField, number> } | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const cols = headerMap(grid.rows[r] ?? []);
    if (cols.has('id') && cols.has('kind') && cols.size >= 3) return { row: r + 1, cols };
  }
  return undefined;
}

function readMeta(grid: SheetGrid, beforeRow: number): Partial<Record<MetaField, string>> {
  const labels = new Map((Object.keys(META) as MetaField[]).map((f) => [matchKey(META[f]), f] as const));
  const out: Partial<Record<MetaField, string>> = {};
  for (let r = 0; r < beforeRow - 1; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const field = typeof row[c] === 'string' ? labels.get(matchKey(row[c] as string)) : undefined;
      if (!field || out[field] !== undefined) continue;
      // The value is the first filled cell to the right of the label.
      for (let v = c + 1; v < row.length; v++) {
        const text = cellText(row[v]);
        if (text !== '') {
          out[field] = text;
          break;
        }
      }
      break;
    }
  }
  return out;
}

/** Catalog columns by key, header and alias (matchKey); a spelling shared by two columns is dropped. */
const COLUMN_KEYS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string | null>();
  for (const c of COLUMNS) {
    for (const name of [c.key, c.header, ...c.aliases]) {
      const k = matchKey(name);
      const prev = map.get(k);
      map.set(k, prev === undefined || prev === c.key ? c.key : null);
    }
  }
  const out = new Map<string, string>();
  for (const [k, v] of map) if (v !== null) out.set(k, v);
  return out;
})();

/** The catalog entry a typed column reference means: its key (`so_dv`), header or an alias. */
function resolveColumn(text: string): ColumnDef | undefined {
  const exact = columnDef(text.trim().toLowerCase());
  if (exact) return exact;
  const key = COLUMN_KEYS.get(matchKey(text));
  return key ? columnDef(key) : undefined;
}

const KIND_KEYS: ReadonlyMap<string, IndicatorKind> = (() => {
  const map = new Map<string, IndicatorKind>();
  const extra: Partial<Record<IndicatorKind, string[]>> = {
    ratio: ['tỉ lệ', 'tỷ lệ phần trăm'],
    unit_threshold: ['tỉ lệ đơn vị đạt ngưỡng', 'đơn vị đạt ngưỡng', 'ngưỡng'],
    unit_share: ['tỉ lệ đơn vị', 'tỷ lệ đơn vị đạt', 'tỉ lệ đơn vị đạt'],
    unit_count: ['đếm đơn vị', 'số lượng đơn vị'],
    sum: ['tổng số', 'tổng cộng', 'cộng'],
    mean: ['trung bình', 'bình quân mỗi đơn vị'],
    change: ['tăng', 'số tăng thêm', 'chênh lệch'],
    reduction: ['giảm', 'tỷ lệ giảm', 'tỉ lệ giảm'],
    manual: ['nhập tay', 'tự nhập', 'thủ công'],
  };
  for (const k of KINDS) {
    for (const name of [k, KIND_NAMES[k], kindText(k), ...(extra[k] ?? [])]) map.set(matchKey(name), k);
  }
  return map;
})();

function resolveKind(text: string): IndicatorKind | undefined {
  // "Tỷ lệ (ratio)": the code in brackets wins over whatever the name says.
  const code = /\(\s*([a-z_]+)\s*\)/i.exec(text);
  if (code && (KINDS as string[]).includes(code[1].toLowerCase())) return code[1].toLowerCase() as IndicatorKind;
  return KIND_KEYS.get(matchKey(text));
}

const BOOL_YES = new Set(['co', 'x', '✓', '✔', '1', 'yes', 'y', 'true', 'dung']);
const BOOL_NO = new Set(['khong', '0', 'no', 'n', 'false', 'sai']);

function readBool(cell: RawCell): boolean | undefined | 'bad' {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell);
  if (text === '') return undefined;
  const k = matchKey(text) || text;
  if (BOOL_YES.has(k)) return true;
  if (BOOL_NO.has(k)) return false;
  return 'bad';
}

const LEVEL_ALL_KEYS = new Set(['tat ca', 'tat ca cac cap', 'cac cap', 'moi cap', 'all']);
const SECTOR_NONE_KEYS = new Set(['tat ca', 'ca hai', 'all']);

function choiceValue(def: ColumnDef, text: string): string | undefined {
  const k = matchKey(text);
  for (const ch of def.choices ?? []) {
    if (matchKey(ch.value) === k || ch.variants.some((v) => matchKey(v) === k)) return ch.value;
  }
  return undefined;
}

const TYPE_NAMES: Readonly<Record<ColumnType, string>> = {
  text: 'chữ',
  int: 'số nguyên',
  money: 'số tiền',
  bool: 'Có/Không',
  choice: 'lựa chọn',
  year: 'năm',
};

/** What a column may be in each role: numbers for ratios and sums, a Có/Không or choice for conditions. */
const NUMERIC: readonly ColumnType[] = ['int', 'money'];
const CONDITION: readonly ColumnType[] = ['bool', 'choice'];

function listColumns(types: readonly ColumnType[]): string {
  return COLUMNS.filter((c) => types.includes(c.type) && c.key !== 'cap' && c.key !== 'khu_vuc')
    .slice(0, 4)
    .map((c) => c.key)
    .join(', ');
}

function fractionExamples(fraction: boolean): string {
  return fraction
    ? '≥ 90%, > 95%, 90%–95%, hoặc theo năm: đến 2025: ≥ 80%; đến 2030: ≥ 85%'
    : '≥ 9.000, ≥ 1, ≤ 0, hoặc theo năm: đến 2025: ≥ 250; đến 2030: ≥ 300';
}

/** The first column right of the table's known headers: where a missing column would go. */
function nextColumn(cols: ReadonlyMap<TableField, number>): number {
  return maxOf(-1, cols.values()) + 1;
}

/** Reads one indicator line; problems are pushed, undefined when the line cannot be used. */
class LineReader {
  readonly problems: TargetSheetProblem[] = [];

  constructor(
    private readonly row: readonly RawCell[],
    private readonly rowNo: number,
    private readonly cols: ReadonlyMap<TableField, number>,
    private readonly headerRow: number,
    /** The sheet's `Mã bộ chỉ tiêu`: which built-in set a bare number typed over a target follows. */
    private readonly setId?: string,
  ) {}

  raw(f: TableField): RawCell {
    const c = this.cols.get(f);
    if (c === undefined) return null;
    const v = this.row[c];
    return v === undefined ? null : v;
  }

  text(f: TableField): string {
    return cellText(this.raw(f));
  }

  /** The cell of a field; a field whose column is missing points at the header row. */
  cell(f: TableField): string {
    const c = this.cols.get(f);
    return c === undefined ? a1(this.headerRow, nextColumn(this.cols)) : a1(this.rowNo, c);
  }

  problem(p: TargetSheetProblem): undefined {
    this.problems.push(p);
    return undefined;
  }

  missing(f: TableField, what: string): undefined {
    const where = this.cols.has(f) ? '' : ` (bảng chưa có cột "${TABLE[f].header}": thêm cột này vào dòng tiêu đề)`;
    return this.problem({ code: 'missing_field', cell: this.cell(f), message: `Thiếu ${what}${where}.` });
  }

  column(f: 'first' | 'second' | 'where', role: string, types: readonly ColumnType[]): string | undefined {
    const text = this.text(f);
    if (text === '') return this.missing(f, `${role} — gõ mã cột của bảng số liệu, ví dụ ${listColumns(types)}`);
    const def = resolveColumn(text);
    if (!def) {
      return this.problem({
        code: 'unknown_column',
        cell: this.cell(f),
        message: `Không có cột "${text}" trong bảng số liệu chuẩn. Gõ mã cột (${role}), ví dụ ${listColumns(types)}.`,
      });
    }
    if (!types.includes(def.type)) {
      return this.problem({
        code: 'unfit_column',
        cell: this.cell(f),
        message:
          `Cột ${def.key} (${def.header}) là cột ${TYPE_NAMES[def.type]}, không dùng làm ${role} được. ` +
          `Chọn một cột ${types.map((t) => TYPE_NAMES[t]).join(' hoặc ')}, ví dụ ${listColumns(types)}.`,
      });
    }
    return def.key;
  }

  condition(): Condition | undefined {
    const key = this.column('first', 'cột điều kiện', CONDITION);
    if (key === undefined) return undefined;
    const def = columnDef(key)!;
    const text = this.text('values');
    if (def.type === 'bool') {
      // A Có/Không column counts units where it is Có; "Có" typed here changes nothing.
      if (text !== '' && matchKey(text) !== 'co') {
        return this.problem({
          code: 'bad_value',
          cell: this.cell('values'),
          message: `Cột ${key} là cột Có/Không: chỉ tiêu đếm các đơn vị ghi "Có". Để trống ô Giá trị điều kiện.`,
        });
      }
      return { column: key };
    }
    const options = (def.choices ?? []).map((c) => c.value);
    if (text === '') return this.missing('values', `Giá trị điều kiện cho cột ${key} — gõ một hoặc vài giá trị, cách nhau bằng dấu ;: ${options.join('; ')}`);
    const chosen = new Set<string>();
    for (const part of text.split(/[;,\n]+/).map((p) => p.trim()).filter((p) => p !== '')) {
      const values = this.choiceValues(def, part);
      if (!values) {
        return this.problem({
          code: 'unknown_value',
          cell: this.cell('values'),
          message: `"${part}" không phải là giá trị của cột ${key}. Gõ một hoặc vài giá trị, cách nhau bằng dấu ;: ${options.join('; ')}.`,
        });
      }
      values.forEach((v) => chosen.add(v));
    }
    // Catalog order, so "HTT; HTXS" and "HTXS; HTT" are the same condition.
    return { column: key, values: options.filter((o) => chosen.has(o)) };
  }

  /** One typed value, or "… trở lên" / "HTT+" on the ordered xếp loại scale (best first). */
  choiceValues(def: ColumnDef, part: string): string[] | undefined {
    const options = (def.choices ?? []).map((c) => c.value);
    // Checked first: matchKey drops the "+", which would turn "HTT+" into plain "HTT".
    const m = def.key === 'xep_loai' ? /^(.*?)(?:\s*\+|\s+trở lên|\s+tro len)$/i.exec(part.normalize('NFC')) : null;
    if (m) {
      const base = choiceValue(def, m[1]);
      return base ? options.slice(0, options.indexOf(base) + 1) : undefined;
    }
    const one = choiceValue(def, part);
    return one ? [one] : undefined;
  }

  /**
   * A target cell read with the comparator it was typed over (targetDirection.ts): a bare number
   * keeps the indicator's direction, an explicit comparator wins.
   */
  private parseTargetCell(raw: RawCell, fraction: boolean, field: TargetField, list: boolean) {
    const known = knownComparator(this.setId, this.text('id'), field);
    const read = (bare: Comparator | undefined) =>
      typeof raw === 'number' ? parseTargetNumber(raw, fraction, bare) : list ? parseTargets(cellText(raw), fraction, bare) : parseTarget(cellText(raw), fraction, bare);
    const parsed = read(known);
    // A bare 0 with no known direction: "≥ 0" is met by every unit, so it is surely not what was
    // meant (`≤ 0`, none at all). The user says which rather than the direction being guessed.
    if (known === undefined && parsed && !isYearTargets(parsed) && parsed.value.n === 0 && !parsed.upper) {
      const lower = read('<=');
      if (lower && !isYearTargets(lower) && lower.comparator !== parsed.comparator) return { parsed, bareZero: true };
    }
    return { parsed, bareZero: false };
  }

  target(kind: IndicatorKind): Target | YearTarget[] | undefined {
    const fraction = isFractionKind(kind);
    const raw = this.raw('target');
    if (isBlank(raw)) return this.missing('target', `Mục tiêu — gõ, ví dụ: ${fractionExamples(fraction)}`);
    const { parsed, bareZero } = this.parseTargetCell(raw, fraction, 'target', true);
    if (bareZero) {
      return this.problem({
        code: 'bad_target',
        cell: this.cell('target'),
        message: `Mục tiêu "${cellText(raw)}" chưa rõ chiều: "≥ 0" thì đơn vị nào cũng đạt. Nếu muốn không có đơn vị nào, gõ ≤ 0; nếu đúng là "từ 0 trở lên", gõ cả dấu: ≥ 0.`,
      });
    }
    if (parsed) return parsed;
    const text = cellText(raw);
    const hint =
      !fraction && text.includes('%')
        ? ` Chỉ tiêu loại ${KIND_NAMES[kind]} là một con số, không phải tỷ lệ: bỏ dấu %.`
        : '';
    return this.problem({
      code: 'bad_target',
      cell: this.cell('target'),
      message: `Không hiểu mục tiêu "${text}".${hint} Gõ, ví dụ: ${fractionExamples(fraction)}.`,
    });
  }

  unitTarget(): Target | undefined {
    const raw = this.raw('unitTarget');
    if (isBlank(raw)) return this.missing('unitTarget', 'Ngưỡng mỗi đơn vị — gõ, ví dụ: ≥ 15%');
    const { parsed } = this.parseTargetCell(raw, true, 'unitTarget', false);
    if (parsed && !isYearTargets(parsed)) return parsed;
    return this.problem({
      code: 'bad_target',
      cell: this.cell('unitTarget'),
      message: `Không hiểu ngưỡng "${cellText(raw)}". Gõ tỷ lệ mỗi đơn vị phải đạt, ví dụ: ≥ 15% hoặc > 50%.`,
    });
  }

  year(f: 'fromYear' | 'toYear'): number | undefined | 'bad' {
    const raw = this.raw(f);
    if (isBlank(raw)) return undefined;
    const text = cellText(raw);
    if (/^\d{4}$/.test(text)) return Number(text);
    this.problem({
      code: 'bad_value',
      cell: this.cell(f),
      message: `"${text}" không phải là một năm. Gõ năm có 4 chữ số, ví dụ 2025, hoặc để trống.`,
    });
    return 'bad';
  }

  scope(): Scope | undefined {
    let ok = true;
    const scope: { level?: string; sector?: string; where?: string; years?: [number, number] } = {};

    const levelText = this.text('level');
    if (levelText !== '') {
      const k = matchKey(levelText);
      const capDef = columnDef('cap')!;
      const level = LEVEL_ALL_KEYS.has(k) ? 'all' : choiceValue(capDef, levelText);
      if (level === undefined) {
        ok = false;
        this.problem({
          code: 'unknown_value',
          cell: this.cell('level'),
          message: `Không hiểu cấp "${levelText}". Gõ ${CAP_CDCS}, ${CAP_CAP_TREN} hoặc ${LEVEL_ALL} (để trống là ${CAP_CDCS}).`,
        });
      } else if (level !== CAP_CDCS) scope.level = level;
    }

    const sectorText = this.text('sector');
    if (sectorText !== '' && !SECTOR_NONE_KEYS.has(matchKey(sectorText))) {
      const sector = choiceValue(columnDef('khu_vuc')!, sectorText);
      if (sector === undefined) {
        ok = false;
        this.problem({
          code: 'unknown_value',
          cell: this.cell('sector'),
          message: `Không hiểu khu vực "${sectorText}". Gõ ${KV_NN} hoặc ${KV_NNN}, hoặc để trống để tính cả hai khu vực.`,
        });
      } else scope.sector = sector;
    }

    if (this.text('where') !== '') {
      const where = this.column('where', 'cột "Chỉ tính khi" (chỉ tính các đơn vị ghi Có ở cột này)', ['bool']);
      if (where === undefined) ok = false;
      else scope.where = where;
    }

    const from = this.year('fromYear');
    const to = this.year('toYear');
    if (from === 'bad' || to === 'bad') ok = false;
    else if (from !== undefined && to !== undefined) {
      if (from > to) {
        ok = false;
        this.problem({
          code: 'bad_value',
          cell: this.cell('toYear'),
          message: `Đến năm ${to} đứng trước Từ năm ${from}. Gõ năm cuối của giai đoạn, không nhỏ hơn ${from}.`,
        });
      } else scope.years = [from, to];
    } else if (from !== undefined || to !== undefined) {
      ok = false;
      const f = from === undefined ? 'fromYear' : 'toYear';
      this.missing(f, `${TABLE[f].header} — một giai đoạn cần cả năm đầu và năm cuối, ví dụ 2021 và 2025`);
    }
    return ok ? scope : undefined;
  }

  manual(): { value?: number; unitLabel?: string } | undefined {
    const out: { value?: number; unitLabel?: string } = {};
    const raw = this.raw('manualValue');
    if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) out.value = raw;
    else if (!isBlank(raw)) {
      const amount = typeof raw === 'string' ? parseAmount(raw) : undefined;
      if (!amount) {
        return this.problem({
          code: 'bad_value',
          cell: this.cell('manualValue'),
          message: `"${cellText(raw)}" không phải là một số. Gõ kết quả đạt được bằng số, ví dụ 2, hoặc để trống nếu chưa có.`,
        });
      }
      out.value = toNumber(amount);
    }
    const unit = this.text('unitLabel');
    if (unit !== '') out.unitLabel = unit;
    return out;
  }

  formula(kind: IndicatorKind): IndicatorFormula | undefined {
    switch (kind) {
      case 'ratio': {
        const num = this.column('first', 'tử số', NUMERIC);
        const den = this.column('second', 'mẫu số', NUMERIC);
        const per = readBool(this.raw('perUnit'));
        if (per === 'bad') {
          this.problem({
            code: 'bad_value',
            cell: this.cell('perUnit'),
            message: `Không hiểu "${this.text('perUnit')}". Gõ "Có" để xét đạt/chưa đạt từng đơn vị, hoặc để trống.`,
          });
          return undefined;
        }
        if (num === undefined || den === undefined) return undefined;
        return { kind, num, den, ...(per === true ? { perUnit: true } : {}) };
      }
      case 'unit_threshold': {
        const num = this.column('first', 'tử số', NUMERIC);
        const den = this.column('second', 'mẫu số', NUMERIC);
        const unitTarget = this.unitTarget();
        if (num === undefined || den === undefined || unitTarget === undefined) return undefined;
        return { kind, num, den, unitTarget };
      }
      case 'unit_share':
      case 'unit_count': {
        const condition = this.condition();
        return condition ? { kind, condition } : undefined;
      }
      case 'sum':
      case 'mean': {
        const column = this.column('first', kind === 'sum' ? 'cột cần cộng' : 'cột cần tính bình quân', NUMERIC);
        return column ? { kind, column } : undefined;
      }
      case 'change':
      case 'reduction': {
        const start = this.column('first', 'cột đầu kỳ', NUMERIC);
        const end = this.column('second', 'cột cuối kỳ', NUMERIC);
        return start && end ? { kind, start, end } : undefined;
      }
      case 'manual': {
        const m = this.manual();
        return m ? { kind, ...m } : undefined;
      }
    }
  }

  read(): Indicator | undefined {
    const id = this.text('id');
    const kindCell = this.text('kind');
    const kind = kindCell === '' ? undefined : resolveKind(kindCell);
    if (id === '') this.missing('id', 'Mã chỉ tiêu — gõ một mã ngắn không dấu, ví dụ ty_le_moi');
    if (kindCell === '') {
      this.missing('kind', `Loại chỉ tiêu — gõ một trong: ${KINDS.join(', ')}`);
    } else if (kind === undefined) {
      this.problem({
        code: 'unknown_kind',
        cell: this.cell('kind'),
        message: `Không hiểu loại chỉ tiêu "${kindCell}". Gõ một trong: ${KINDS.map(kindText).join(', ')}.`,
      });
    }
    if (kind === undefined) return undefined;
    const formula = this.formula(kind);
    const scope = this.scope();
    const target = this.target(kind);
    if (id === '' || !formula || !scope || !target) return undefined;
    const label = this.text('label');
    const description = this.text('description');
    return {
      ...formula,
      id,
      label: label === '' ? id : label,
      ...(description !== '' ? { description } : {}),
      scope,
      target,
    };
  }
}

/** A line is an indicator when it names an id, a kind, a column or a target; others are notes. */
function isIndicatorLine(line: LineReader): boolean {
  return (['id', 'kind', 'first', 'second', 'target'] as const).some((f) => line.text(f) !== '');
}

/**
 * Reads the `Chỉ tiêu` sheet back into a target set. Metadata rows are found by their label
 * anywhere above the table; the table by its header row (`Mã`, `Loại`, …, any column order).
 * Blank rows and rows without id, kind, column or target (notes) are skipped. `Loại` may be the
 * code or the Vietnamese name; columns may be catalog keys, headers or aliases; targets text or
 * numbers. A sheet without `Mã bộ chỉ tiêu` gets the id `tuy-chinh`. Any problem makes the
 * result not ok, so a half-read set is never used silently.
 *
 * @example
 * const read = readTargetSheet({ name: 'Chỉ tiêu', rows: targetSetToRows(findPreset('bd-cdvc-2024')!) });
 * read.ok && read.value.indicators.length // 8
 */
export function readTargetSheet(grid: SheetGrid): TargetSheetResult {
  const header = findHeader(grid);
  if (!header) {
    return {
      ok: false,
      problems: [
        {
          code: 'no_table',
          cell: 'A1',
          message:
            'Không tìm thấy bảng chỉ tiêu. Cần một dòng tiêu đề có các cột Mã, Chỉ tiêu, Loại, Tử số / Cột, Mẫu số / Cột cuối, Mục tiêu; ' +
            `hãy ${GO.copySet} rồi sửa.`,
        },
      ],
    };
  }
  const problems: TargetSheetProblem[] = [];
  if (!header.cols.has('target')) {
    problems.push({
      code: 'missing_column',
      cell: a1(header.row, nextColumn(header.cols)),
      message: 'Bảng chỉ tiêu chưa có cột "Mục tiêu". Thêm cột có tiêu đề Mục tiêu và gõ mục tiêu cho từng dòng, ví dụ ≥ 90%.',
    });
  }

  const indicators: Indicator[] = [];
  const seen = new Map<string, string>();
  const setId = readMeta(grid, header.row).id;
  for (let r = header.row; r < grid.rows.length; r++) {
    const line = new LineReader(grid.rows[r] ?? [], r + 1, header.cols, header.row, setId);
    if (!isIndicatorLine(line)) continue;
    const ind = line.read();
    appendAll(problems, line.problems);
    const id = line.text('id');
    if (id !== '') {
      const key = id.toLowerCase();
      const first = seen.get(key);
      if (first) {
        problems.push({
          code: 'duplicate_id',
          cell: line.cell('id'),
          message: `Mã "${id}" đã dùng ở ô ${first}. Đổi thành một mã chưa có trong bảng, ví dụ ${id}_2.`,
        });
        continue;
      }
      seen.set(key, line.cell('id'));
    }
    if (ind) indicators.push(ind);
  }

  if (seen.size === 0 && problems.length === 0) {
    problems.push({
      code: 'empty_table',
      cell: a1(header.row + 1, 0),
      message: 'Bảng chỉ tiêu chưa có dòng nào. Thêm ít nhất một dòng dưới dòng tiêu đề: Mã, Chỉ tiêu, Loại, cột số liệu và Mục tiêu.',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const meta = readMeta(grid, header.row);
  const milestones = (meta.milestones ?? '')
    .split(/[;\n]+/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
  const value: TargetSet = {
    id: meta.id ?? CUSTOM_SET_ID,
    title: meta.title ?? '',
    document: meta.document ?? '',
    documentNumber: meta.documentNumber ?? '',
    issuer: meta.issuer ?? '',
    ...(meta.parentIssuer !== undefined ? { parentIssuer: meta.parentIssuer } : {}),
    ...(meta.place !== undefined ? { place: meta.place } : {}),
    ...(meta.section !== undefined ? { section: meta.section } : {}),
    ...(meta.source !== undefined ? { source: meta.source } : {}),
    ...(milestones.length > 0 ? { milestones } : {}),
    indicators,
  };
  return { ok: true, value };
}

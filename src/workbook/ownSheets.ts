/**
 * Which sheets are the product's own, and under which names it writes them.
 *
 * The product never overwrites, clears or deletes a sheet it did not write (spec/layouts.md,
 * "Which sheet"). A sheet is the product's when a marker the adapter wrote points at it (it
 * survives a rename), or when it carries the header row the product writes there AND is named
 * like one of the product's sheets (`Tổng hợp`, `Tổng hợp (2)`, …): a user's copy of last year's
 * summary kept under another name stays the user's. When the usual name is taken by a user's
 * sheet, the product writes under the first free name `Tổng hợp (2)`, `Tổng hợp (3)`, … and says so.
 */
import type { SheetGrid } from '../domain/grid';
import { readSheetSafely, type SheetInfo, type WorkbookPort } from './port';

/** The sheets the product writes whole. */
export type OwnSheetKind = 'summary' | 'problems' | 'unitList' | 'intake' | 'register' | 'tracking' | 'progress';

/** The usual name of each of the product's sheets. */
export const OWN_SHEET_TITLE: Readonly<Record<OwnSheetKind, string>> = {
  summary: 'Tổng hợp',
  problems: 'Kiểm tra',
  unitList: 'Danh sách đơn vị',
  /** Beside the master table of an intake: one row per file read (render/intakeSheet.ts). */
  intake: 'Nhập báo cáo',
  /** The unit register (`chitieu register`, render/registerSheet.ts): the user adds contacts to it. */
  register: 'Danh bạ CĐCS',
  /** Who has sent a return, beside an intake given a register (render/trackingSheet.ts). */
  tracking: 'Theo dõi nộp báo cáo',
  /** Each indicator year by year, when the data holds several years (render/progressSheet.ts). */
  progress: 'Tiến độ',
};

export const OWN_SHEET_KINDS: readonly OwnSheetKind[] = ['summary', 'problems', 'unitList', 'intake', 'register', 'tracking', 'progress'];

/** The names the product's sheets get in one workbook. */
export type OwnSheetNames = Readonly<Record<OwnSheetKind, string>>;

/** The usual names, for a workbook that has none of them yet. */
export const DEFAULT_OWN_SHEET_NAMES: OwnSheetNames = OWN_SHEET_TITLE;

/**
 * Header rows the product writes on each sheet, in every version it has written (a workbook
 * checked by an older version must still be recognised). A row matches when its first non-empty
 * cells are exactly these texts.
 */
const SIGNATURES: Readonly<Record<OwnSheetKind, readonly (readonly string[])[]>> = {
  summary: [
    ['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đạt/Chưa đạt', 'Số đơn vị có số liệu'],
    ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Số đơn vị có số liệu'],
  ],
  problems: [['STT', 'Ô', 'Mã đơn vị', 'Tên đơn vị', 'Cột', 'Quy tắc', 'Mức độ', 'Nội dung']],
  unitList: [['STT', 'Chỉ tiêu', 'Mã đơn vị', 'Tên đơn vị']],
  intake: [['STT', 'Tệp', 'Trạng thái', 'Đơn vị đã nhập']],
  // The whole header row: a data table may start STT, Mã đơn vị, Tên đơn vị, Đơn vị cấp trên, …
  register: [['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Khu vực', 'Cấp', 'Người liên hệ', 'Điện thoại', 'Email']],
  tracking: [['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Tình trạng', 'Tệp']],
  // The second header row: each year's three columns, for two years at least.
  progress: [['Kết quả', 'Mục tiêu', 'Đánh giá', 'Kết quả', 'Mục tiêu', 'Đánh giá']],
};

/** The product's header rows sit near the top; a larger sheet is not scanned further. */
const SIGNATURE_SCAN_ROWS = 60;

/**
 * The marker an adapter writes with each of the product's sheets: a hidden workbook-scoped
 * defined name `_ChiTieu.<kind>` referring to the sheet's A1. Excel rewrites a name's reference
 * when the sheet is renamed and does not copy workbook names with a copied sheet, so the marker
 * follows the product's sheet and never a user's copy of it.
 *
 * @example
 * markName('summary') // '_ChiTieu.summary'
 */
export function markName(kind: OwnSheetKind): string {
  return '_ChiTieu.' + kind;
}

/**
 * The kind a defined name marks, and the sheet its reference (`'Tổng hợp'!$A$1`, with or without
 * a leading `=`) points at; undefined for any other name or a broken reference (`#REF!`).
 *
 * @example
 * readMark('_ChiTieu.summary', "='Tổng hợp (2)'!$A$1") // { kind: 'summary', sheet: 'Tổng hợp (2)' }
 */
export function readMark(name: string, reference: string): { kind: OwnSheetKind; sheet: string } | undefined {
  const kind = OWN_SHEET_KINDS.find((k) => markName(k) === name);
  if (!kind) return undefined;
  const ref = reference.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(ref);
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : /^([^'!#]+)!/.exec(ref)?.[1];
  return sheet === undefined ? undefined : { kind, sheet };
}

/** Sheet names compare as Excel compares them: case-insensitively. */
export const sheetKey = (name: string): string => name.normalize('NFC').toLowerCase();

function rowStartsWith(row: readonly unknown[], texts: readonly string[]): boolean {
  let i = 0;
  for (const v of row) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string' || v.trim() !== texts[i]) return false;
    if (++i === texts.length) return true;
  }
  return false;
}

/**
 * The kind of product sheet a sheet's content shows, or undefined for a user's sheet.
 *
 * @example
 * contentKind({ name: 'x', rows: [['KẾT QUẢ…'], [], ['STT', 'Ô', 'Mã đơn vị', 'Tên đơn vị', 'Cột', 'Quy tắc', 'Mức độ', 'Nội dung']] }) // 'problems'
 */
export function contentKind(grid: SheetGrid): OwnSheetKind | undefined {
  const scan = Math.min(SIGNATURE_SCAN_ROWS, grid.rows.length);
  for (let r = 0; r < scan; r++) {
    const row = grid.rows[r];
    if (!row || row.length === 0) continue;
    for (const kind of OWN_SHEET_KINDS) {
      if (SIGNATURES[kind].some((sig) => rowStartsWith(row, sig))) return kind;
    }
  }
  return undefined;
}

/**
 * The kind whose name (usual or numbered, `Tổng hợp (2)`) the sheet carries, if any.
 *
 * @example
 * kindByName('TỔNG HỢP (3)') // 'summary'
 */
export function kindByName(name: string): OwnSheetKind | undefined {
  const key = sheetKey(name).replace(/\s*\(\d+\)$/, '');
  return OWN_SHEET_KINDS.find((k) => sheetKey(OWN_SHEET_TITLE[k]) === key);
}

/** Excel's sheet-name limit. */
const MAX_SHEET_NAME = 31;

/**
 * The first name not taken: the usual one, then `Tổng hợp (2)`, `Tổng hợp (3)`, …
 *
 * @example
 * freeSheetName('Tổng hợp', ['tổng hợp', 'Dữ liệu']) // 'Tổng hợp (2)'
 */
export function freeSheetName(title: string, taken: readonly string[]): string {
  const keys = new Set(taken.map(sheetKey));
  if (!keys.has(sheetKey(title))) return title;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = title.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!keys.has(sheetKey(name))) return name;
  }
}

/** The sheets of a workbook, with visibility and the product's markers where the adapter knows them. */
export async function listSheets(port: WorkbookPort): Promise<SheetInfo[]> {
  if (port.sheetInfos) return port.sheetInfos();
  return (await port.sheetNames()).map((name) => ({ name, hidden: false }));
}

/**
 * The product's own sheets present in the workbook, by kind. A marker wins; otherwise a sheet
 * named like the kind (usual or numbered name) whose content is the product's. Sheets whose
 * content cannot be read are left to the user.
 *
 * @example
 * await findOwnSheets(port, await listSheets(port)) // Map { 'summary' => 'Tổng hợp (2)' }
 */
export async function findOwnSheets(port: WorkbookPort, sheets: readonly SheetInfo[]): Promise<Map<OwnSheetKind, string>> {
  const own = new Map<OwnSheetKind, string>();
  for (const s of sheets) if (s.mark && !own.has(s.mark)) own.set(s.mark, s.name);
  const marked = new Set([...own.values()].map(sheetKey));
  // Prefer the usual name over a numbered one when both hold the product's content.
  const candidates = sheets
    .filter((s) => !marked.has(sheetKey(s.name)))
    .map((s) => ({ s, kind: kindByName(s.name) }))
    .filter((c): c is { s: SheetInfo; kind: OwnSheetKind } => c.kind !== undefined && !own.has(c.kind))
    .sort((a, b) => a.s.name.length - b.s.name.length);
  for (const { s, kind } of candidates) {
    if (own.has(kind)) continue;
    const grid = await readSheetSafely(port, s.name);
    if (grid && contentKind(grid) === kind) own.set(kind, s.name);
  }
  return own;
}

/** Where the product writes its sheets this run, and what it tells the user about names. */
export interface OwnSheetPlacement {
  readonly names: OwnSheetNames;
  /** Every sheet of the workbook that is the product's (they are never data sheets). */
  readonly own: ReadonlySet<string>;
  /** By kind, a Vietnamese sentence when that sheet goes under another name than the usual one. */
  readonly notices: Readonly<Partial<Record<OwnSheetKind, string>>>;
}

/**
 * Decides the names of the product's sheets: its own sheet when there is one (whatever its
 * name now), else the usual name when free, else the first free numbered name.
 *
 * @example
 * placeOwnSheets(sheets, new Map()).names.summary // 'Tổng hợp (2)' when the user has a 'Tổng hợp'
 */
export function placeOwnSheets(sheets: readonly SheetInfo[], own: ReadonlyMap<OwnSheetKind, string>): OwnSheetPlacement {
  const taken = sheets.map((s) => s.name);
  const names = {} as Record<OwnSheetKind, string>;
  const notices: Partial<Record<OwnSheetKind, string>> = {};
  for (const kind of OWN_SHEET_KINDS) {
    const existing = own.get(kind);
    if (existing !== undefined) {
      names[kind] = existing;
      continue;
    }
    const title = OWN_SHEET_TITLE[kind];
    const name = freeSheetName(title, taken);
    taken.push(name);
    names[kind] = name;
    if (name !== title) {
      const user = sheets.find((s) => sheetKey(s.name) === sheetKey(title))?.name ?? title;
      notices[kind] = `Tệp đã có sheet "${user}" của người dùng: sheet này được giữ nguyên, kết quả ghi vào sheet "${name}".`;
    }
  }
  return { names, own: new Set([...own.values()].map(sheetKey)), notices };
}

/**
 * Finds the product's sheets and places this run's.
 *
 * @example
 * const placement = await resolveOwnSheets(port, await listSheets(port));
 */
export async function resolveOwnSheets(port: WorkbookPort, sheets: readonly SheetInfo[]): Promise<OwnSheetPlacement> {
  return placeOwnSheets(sheets, await findOwnSheets(port, sheets));
}

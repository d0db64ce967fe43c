/**
 * Intake of many returns into one master table (spec/interfaces.md `merge`). Pure: takes each
 * file's name and sheets (or the reason it could not be read) and gives the master grid, where
 * each master row came from, and a report per file.
 *
 * Duplicates and corrections: a unit is the pair (ma_don_vi, year). When two files hold the same
 * unit, the later file in the given order replaces the earlier one's row. A file whose unit rows
 * are, cell for cell, the same as a file already taken is a duplicate and adds nothing, whatever
 * its name.
 */
import { appendAll } from './arrays';
import { columnDef } from './catalog';
import { checkSheet } from './check';
import { sheetYear } from './table/sheetYear';
import { columnsForSet } from './columnsForSet';
import { cellAt, type RawCell, type SheetGrid } from './grid';
import { findTable, SOURCE_HEADER, type TableLayout } from './header';

export { SOURCE_HEADER };
import { normalizeCell } from './normalize';
import type { Problem } from './problem';
import { tableRows } from './rows';
import { fillMergesDown } from './table/rows/mergedData';
import type { TargetSet } from './targetSet';
import { cleanText } from './text';

export const MASTER_SHEET_NAME = 'Dữ liệu CĐCS';

export type ReturnFile =
  /**
   * `saved`: when the file says it was last saved (docProps/core.xml `dcterms:modified`), ISO 8601.
   * `register`: the file's `Danh bạ CĐCS` sheet (an earlier master's), never read for units.
   */
  | { readonly file: string; readonly sheets: readonly SheetGrid[]; readonly saved?: string; readonly register?: SheetGrid }
  | { readonly file: string; readonly rejected: string };

export type FileStatus = 'accepted' | 'replaced' | 'duplicate' | 'rejected';

export interface FileReport {
  readonly file: string;
  readonly status: FileStatus;
  /** Unit rows of this file that are in the master. */
  readonly units: number;
  /** Unit rows the file holds. */
  readonly unitsInFile: number;
  /** Why rejected, or what happened to its rows (Vietnamese). */
  readonly reason?: string;
  /** Problems found in this file, at cells of this file. */
  readonly problems: readonly (Problem & { readonly file: string })[];
  /**
   * The code (trimmed, as written) and name of each unit row of the file that has a code, in
   * the file's order: what chasing (cycle/chasing.ts) matches against the register.
   */
  readonly unitCodes?: readonly { readonly code: string; readonly name?: string; readonly from?: string; readonly year: number }[];
}

export interface MasterRowSource {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface MergeResult {
  /** The master table: header in row 1, then one row per unit, the `Nguồn` column last. */
  readonly master: SheetGrid;
  /** Catalog keys of the master's columns, in order (without Nguồn). */
  readonly keys: readonly string[];
  /** Where each master row (from row 2) came from. */
  readonly sources: readonly MasterRowSource[];
  readonly files: readonly FileReport[];
}

export interface MergeOptions {
  readonly targetSet: TargetSet;
  /** Year for rows that give none (no Năm column, no year in the title). */
  readonly year?: number;
  readonly today?: Date;
}

interface Extracted {
  /** Position of the file in the input list (names may repeat across folders). */
  readonly index: number;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly unitKey: string | undefined;
  readonly cells: ReadonlyMap<string, RawCell>;
  readonly year: number;
  /** The row's `Nguồn` when it comes from a master table built earlier (kept as it was). */
  readonly source?: string;
}

function findDataSheet(sheets: readonly SheetGrid[]): { grid: SheetGrid; layout: TableLayout } | undefined {
  for (const grid of sheets) {
    const layout = findTable(grid);
    if (layout) return { grid, layout };
  }
  return undefined;
}

function rowYear(grid: SheetGrid, layout: TableLayout, row: number, fallback: number): number {
  const col = layout.keyCol.get('nam');
  if (col === undefined) return fallback;
  const v = normalizeCell(cellAt(grid, row, col), columnDef('nam')!).value;
  return typeof v === 'number' ? v : fallback;
}

/** Money columns whose header names nghìn or triệu đồng: key → factor to đồng. */
function moneyScales(layout: TableLayout): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of layout.columns) if (c.role === 'data' && c.key && c.moneyScale && c.moneyScale !== 1) out.set(c.key, c.moneyScale);
  return out;
}

/** A return's amount in the master's unit, đồng (its header may say triệu đồng); anything unreadable is copied as typed. */
function inDong(raw: RawCell, key: string, scales: ReadonlyMap<string, number>): RawCell {
  const scale = scales.get(key);
  if (scale === undefined) return raw;
  const value = normalizeCell(raw, columnDef(key)!, { moneyScale: scale }).value;
  return typeof value === 'number' ? value : raw;
}

/** Code and name of each coded unit row, as chasing needs them. */
function codesOf(rows: readonly Extracted[]): { code: string; name?: string; from?: string; year: number }[] {
  const out: { code: string; name?: string; from?: string; year: number }[] = [];
  for (const r of rows) {
    const code = normalizeCell(r.cells.get('ma_don_vi') ?? null, columnDef('ma_don_vi')!).value;
    if (typeof code !== 'string' || !code) continue;
    const name = normalizeCell(r.cells.get('ten_don_vi') ?? null, columnDef('ten_don_vi')!).value;
    // A row of an earlier master came from the file its Nguồn names (`bao-cao-CD001.xlsx, dòng 2`).
    const from = r.source === undefined ? undefined : /^(.+), dòng \d+$/.exec(r.source)?.[1];
    out.push({ code, ...(typeof name === 'string' && name ? { name } : {}), ...(from ? { from } : {}), year: r.year });
  }
  return out;
}

function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function fingerprint(rows: readonly Extracted[], keys: readonly string[]): string {
  return JSON.stringify(rows.map((r) => [r.year, ...keys.map((k) => r.cells.get(k) ?? null)]));
}

/**
 * @example
 * const m = mergeReturns([{ file: 'a.xlsx', sheets: [gridA] }, { file: 'b.xlsx', rejected: 'Tệp .xls cũ' }], { targetSet });
 * m.files.map((f) => f.status) // ['accepted', 'rejected']
 */
export function mergeReturns(files: readonly ReturnFile[], options: MergeOptions): MergeResult {
  const set = options.targetSet;
  const today = options.today ?? new Date();
  const keys = new Set(columnsForSet(set));
  const perFile: { file: string; rows: Extracted[]; problems: FileReport['problems']; rejected?: string }[] = [];

  files.forEach((f, index) => {
    if ('rejected' in f) {
      perFile.push({ file: f.file, rows: [], problems: [], rejected: f.rejected });
      return;
    }
    const found = findDataSheet(f.sheets);
    if (!found) {
      perFile.push({
        file: f.file,
        rows: [],
        problems: [],
        rejected: 'Không tìm thấy bảng số liệu CĐCS (cần dòng tiêu đề có "Mã đơn vị" hoặc "Tên đơn vị" và ít nhất hai cột chuẩn khác). Hãy dùng mẫu nhập liệu.',
      });
      return;
    }
    const { grid, layout } = found;
    // A value merged down over a block of units (`Khu vực`) is every unit's (layouts.md).
    const data = fillMergesDown(grid, layout.headerRow);
    const { units } = tableRows(grid, layout);
    if (units.length === 0) {
      perFile.push({ file: f.file, rows: [], problems: [], rejected: 'Bảng số liệu không có dòng đơn vị nào.' });
      return;
    }
    if (layout.keyCol.has('don_vi_cap_tren')) keys.add('don_vi_cap_tren');
    // Rows without a Năm value take the return's year: title, sheet name, file name (table/sheetYear.ts).
    const year = sheetYear({ option: options.year, titleRows: grid.rows.slice(0, layout.headerTop - 1), sheetName: grid.name, fileName: f.file, today }).year;
    const codeCol = layout.keyCol.get('ma_don_vi');
    const scales = moneyScales(layout);
    const rows: Extracted[] = units.map((row) => {
      const cells = new Map<string, RawCell>();
      for (const [key, col] of layout.keyCol) cells.set(key, inDong(cellAt(data, row, col), key, scales));
      const code = codeCol === undefined ? undefined : cellAt(data, row, codeCol);
      const y = rowYear(data, layout, row, year);
      const unitKey = typeof code === 'string' && cleanText(code) ? `${y}|${cleanText(code).toLocaleLowerCase('vi')}` : typeof code === 'number' ? `${y}|${code}` : undefined;
      const sourceCol = layout.columns.find((c) => c.role === 'source')?.col;
      const source = sourceCol === undefined ? undefined : cellAt(grid, row, sourceCol);
      return { index, file: f.file, sheet: grid.name, row, unitKey, cells, year: y, ...(typeof source === 'string' && source ? { source } : {}) };
    });
    const checked = checkSheet(grid, { targetSet: set, year: options.year, fileName: f.file, today: options.today });
    const problems = checked.ok ? checked.value.problems.map((p) => ({ ...p, file: f.file })) : [];
    perFile.push({ file: f.file, rows, problems });
  });

  const keyList = [...columnsForSet(set), ...(keys.has('don_vi_cap_tren') && !columnsForSet(set).includes('don_vi_cap_tren') ? ['don_vi_cap_tren'] : [])];
  // Later files replace earlier rows of the same unit and year; identical content is a duplicate.
  const seenContent = new Map<string, string>();
  // Unit → the file that supplies it. Rows of one unit twice inside one file both stay (the
  // master's check then reports duplicate_unit); only a later file replaces an earlier one.
  const supplier = new Map<string, number>();
  const rowOf = new Map<string, Extracted>();
  const sameRow = (a: Extracted, b: Extracted) => a.year === b.year && keyList.every((k) => sameCell(a.cells.get(k), b.cells.get(k)));
  // A file whose every unit row is already held, cell for cell (e.g. a return imported before
  // into the master table), changes nothing: the file that holds them.
  const alreadyHeld = (rows: readonly Extracted[]): string | undefined => {
    if (rows.length === 0 || rows.some((r) => r.unitKey === undefined)) return undefined;
    const holders = rows.map((r) => rowOf.get(r.unitKey as string));
    if (holders.some((h, i) => !h || !sameRow(h, rows[i]))) return undefined;
    return holders[0]?.file;
  };
  const order: Extracted[] = [];
  // By position in the input list: the same file may be given twice.
  const duplicateOf = new Map<number, string>();
  perFile.forEach((f, index) => {
    if (f.rejected) return;
    const fp = fingerprint(f.rows, keyList);
    const earlier = seenContent.get(fp) ?? alreadyHeld(f.rows);
    if (earlier !== undefined) {
      duplicateOf.set(index, earlier);
      return;
    }
    seenContent.set(fp, f.file);
    for (const r of f.rows) {
      if (r.unitKey !== undefined) {
        supplier.set(r.unitKey, r.index);
        rowOf.set(r.unitKey, r);
      }
      order.push(r);
    }
  });
  const replacer = (r: Extracted): string | undefined => {
    if (r.unitKey === undefined) return undefined;
    const index = supplier.get(r.unitKey);
    return index !== undefined && index !== r.index ? perFile[index].file : undefined;
  };
  // A replacing row takes the place of the row it replaces, so the master keeps the order of first arrival.
  const fromSupplier = new Map<string, Extracted[]>();
  for (const r of order) {
    if (r.unitKey === undefined || replacer(r) !== undefined) continue;
    const list = fromSupplier.get(r.unitKey);
    if (list) list.push(r);
    else fromSupplier.set(r.unitKey, [r]);
  }
  const kept: Extracted[] = [];
  const placed = new Set<string>();
  for (const r of order) {
    if (r.unitKey === undefined) kept.push(r);
    else if (!placed.has(r.unitKey)) {
      placed.add(r.unitKey);
      appendAll(kept, fromSupplier.get(r.unitKey) ?? []);
    }
  }

  const header: RawCell[] = [...keyList.map((k) => columnDef(k)?.header ?? k), SOURCE_HEADER];
  const body: RawCell[][] = kept.map((r) => [
    ...keyList.map((k) => (k === 'nam' ? r.year : (r.cells.get(k) ?? null))),
    r.source ?? `${r.file}, dòng ${r.row}`,
  ]);

  const reports: FileReport[] = perFile.map((f, index) => {
    if (f.rejected) return { file: f.file, status: 'rejected', units: 0, unitsInFile: 0, reason: f.rejected, problems: [] };
    const dup = duplicateOf.get(index);
    if (dup !== undefined) {
      return { file: f.file, status: 'duplicate', units: 0, unitsInFile: f.rows.length, reason: `Nội dung giống hệt tệp "${dup}" đã nhập; không nhập lại.`, problems: f.problems, unitCodes: codesOf(f.rows) };
    }
    const unitCodes = codesOf(f.rows);
    const inMaster = f.rows.filter((r) => replacer(r) === undefined).length;
    const replacers = [...new Set(f.rows.map(replacer).filter((x): x is string => x !== undefined))];
    const note = replacers.length ? `${f.rows.length - inMaster} đơn vị được thay bằng số liệu trong tệp ${replacers.map((x) => `"${x}"`).join(', ')} (nhận sau).` : undefined;
    return {
      file: f.file,
      status: inMaster === 0 ? 'replaced' : 'accepted',
      units: inMaster,
      unitsInFile: f.rows.length,
      ...(note ? { reason: note } : {}),
      problems: f.problems,
      unitCodes,
    };
  });

  return {
    master: { name: MASTER_SHEET_NAME, rows: [header, ...body] },
    keys: keyList,
    sources: kept.map((r) => ({ file: r.file, sheet: r.sheet, row: r.row })),
    files: reports,
  };
}

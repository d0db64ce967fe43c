/**
 * "Nhập báo cáo CĐCS" in the Office pane, as a plain async function over the interactive port
 * (tested without React): read each picked return, merge them after the workbook's existing
 * master table, write the master sheet, check it.
 *
 * In the pane the returns are read in the engine worker (useIntake passes `loadReader`); the
 * default reader (readReturnBytes, with fflate) is loaded with a dynamic import on the first
 * import, so the script Excel loads at start stays free of it (test/e2e/bundle.test.ts).
 */
import { chaseReturns, returnsSeen, type ChaseReport } from '../domain/cycle/chasing';
import { readRegister, REGISTER_SHEET_NAME } from '../domain/cycle/register';
import { cellAt, columnLetters, type RawCell, type SheetGrid } from '../domain/grid';
import { findTable } from '../domain/header';
import { MASTER_SHEET_NAME, mergeReturns, type FileReport, type FileStatus, type ReturnFile } from '../domain/merge';
import type { CheckResult } from '../domain/result';
import { tableRows } from '../domain/rows';
import type { TargetSet } from '../domain/targetSet';
import type { InteractivePort } from '../workbook/interactive';
import { listSheets, resolveOwnSheets } from '../workbook/ownSheets';
import { intakeSheet } from '../workbook/render/intakeSheet';
import { masterSheet } from '../workbook/render/masterSheet';
import { trackingSheet } from '../workbook/render/trackingSheet';
import { runCheck } from '../workbook/runCheck';
import { stringsFor, type Strings } from './i18n';
import { hasSheet } from './paneActions';
import { UserMessage } from './userMessage';

/** One return to import: its name and its bytes, or how to read them (read one file at a time). */
export interface IntakeFile {
  readonly name: string;
  readonly bytes: Uint8Array | (() => Promise<Uint8Array>);
}

/** Bytes → sheets or the reason the file cannot be used (readReturnBytes; in the pane, in its worker). */
export type ReturnReader = (file: string, bytes: Uint8Array) => ReturnFile | Promise<ReturnFile>;

/** What the import is doing, for the progress label. */
export type IntakeStep =
  | { readonly kind: 'load' }
  | { readonly kind: 'read'; readonly index: number; readonly total: number; readonly file: string }
  | { readonly kind: 'write' }
  | { readonly kind: 'check' };

export interface IntakeOptions {
  /** The pane's strings, for the refusals and the reasons of unreadable files (default Vietnamese). */
  readonly t?: Strings;
  /** Called before each step; awaited, so the caller can let the pane paint its label. */
  readonly onStep?: (step: IntakeStep) => void | Promise<void>;
  /** Where the xlsx reader comes from (default: the lazily loaded readReturnBytes). */
  readonly loadReader?: () => Promise<ReturnReader>;
}

/** What rewriting the master sheet would remove that the merged master does not carry over. */
export interface LostContent {
  /** Headers (or letters, for unheaded columns) of the master's columns with data that are not kept. */
  readonly columns: readonly string[];
  /** Totals rows of the master (they are not unit rows, so the merge leaves them out). */
  readonly totalsRows: number;
}

/** The import ran: the master sheet was written, or nothing needed to change. */
export interface IntakeDone {
  readonly kind: 'done';
  /** One report per imported file, in the order given. */
  readonly files: readonly FileReport[];
  /** The existing master table's own report (which of its units later files replaced); none without one. */
  readonly previous?: FileReport;
  /** The master sheet was rewritten (false: every file was a duplicate or unusable, nothing changed). */
  readonly written: boolean;
  /** Unit rows in the master sheet now (0 when there is none). */
  readonly masterUnits: number;
  /** The master sheet checked after the import (problems at master cells); none without a master. */
  readonly check?: CheckResult;
  /**
   * Who has sent a return, when the workbook has a readable `Danh bạ CĐCS` sheet: the units of
   * the master before the import and of every file count (also written as `Theo dõi nộp báo cáo`).
   */
  readonly chase?: ChaseReport;
}

/** The import would drop content the user added to the master: ask first. */
export interface IntakeConfirm {
  readonly kind: 'confirm';
  readonly lost: LostContent;
  /**
   * Writes anyway. It reads the master sheet again and merges the files already read, so edits
   * made while the question was shown are kept; new content at risk makes it ask again.
   */
  readonly proceed: () => Promise<IntakeOutcome>;
}

export type IntakeOutcome = IntakeDone | IntakeConfirm;

/** The reader arrives as its own chunk, fetched on the first import only. */
const lazyReader = async (): Promise<ReturnReader> =>
  (await import(/* webpackChunkName: "intake" */ '../workbook/readReturn')).readReturnBytes;

const NOTHING_LOST: LostContent = { columns: [], totalsRows: 0 };

function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function hasContent(grid: SheetGrid): boolean {
  return grid.rows.some((r) => r.some((v) => !isBlank(v)));
}

/** Columns with data in unit rows that the new master has no place for, and totals rows. */
export function lostContent(grid: SheetGrid, keys: readonly string[]): LostContent {
  const layout = findTable(grid);
  if (!layout) return NOTHING_LOST;
  const { units, totals } = tableRows(grid, layout);
  const kept = new Set<number>(layout.outputCols);
  const header = new Map<number, string>();
  for (const c of layout.columns) {
    header.set(c.col, c.header);
    // Output columns are the product's old results: stale after an import, they go without asking.
    if (c.role === 'source' || c.role === 'output' || (c.role === 'data' && c.key && keys.includes(c.key))) kept.add(c.col);
  }
  const columns: string[] = [];
  for (let col = 0; col <= layout.lastUsedCol; col++) {
    if (kept.has(col)) continue;
    if (units.some((row) => !isBlank(cellAt(grid, row, col)))) columns.push(header.get(col) ?? columnLetters(col));
  }
  return { columns, totalsRows: totals.length };
}

function within(lost: LostContent, allowed: LostContent): boolean {
  return lost.totalsRows <= allowed.totalsRows && lost.columns.every((c) => allowed.columns.includes(c));
}

async function readOne(f: IntakeFile, read: ReturnReader, t: Strings): Promise<ReturnFile> {
  let bytes: Uint8Array;
  try {
    bytes = typeof f.bytes === 'function' ? await f.bytes() : f.bytes;
  } catch {
    return { file: f.name, rejected: t.intakeUnreadable };
  }
  try {
    return await read(f.name, bytes);
  } catch (e) {
    // The reader refuses bad files with a reason and does not throw; should it still, one odd
    // file must not stop the others from going in.
    return { file: f.name, rejected: t.intakeUnexpected(e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * Imports returns into the workbook's `Dữ liệu CĐCS` sheet. The existing master goes first into
 * mergeReturns, then the files in the order given: rows already there stay (with their Nguồn),
 * a file already imported is a duplicate, a later file replaces the same unit and year in place.
 * The sheet is rewritten only when a file brought something; a master sheet that is not a CĐCS
 * table is refused, and master columns the chosen set does not keep are asked about first.
 * Port errors propagate (officeErrorMessage); refusals are UserMessages.
 *
 * @example
 * const out = await importReturns(port, [{ name: 'cd01.xlsx', bytes }], findPreset('bd-cdvc-2024')!, new Date());
 * if (out.kind === 'done') out.files[0].status // 'accepted'
 */
export async function importReturns(
  port: InteractivePort,
  files: readonly IntakeFile[],
  targetSet: TargetSet,
  today: Date,
  options: IntakeOptions = {},
): Promise<IntakeOutcome> {
  const t = options.t ?? stringsFor('vi');
  if (files.length === 0) throw new UserMessage(t.intakeNoFiles);
  await options.onStep?.({ kind: 'load' });
  let read: ReturnReader;
  try {
    read = await (options.loadReader ?? lazyReader)();
  } catch {
    // The chunk comes from the add-in's server: offline, or after an update of the add-in.
    throw new UserMessage(t.intakeReaderFailed);
  }
  const returns: ReturnFile[] = [];
  for (const [i, f] of files.entries()) {
    await options.onStep?.({ kind: 'read', index: i + 1, total: files.length, file: f.name });
    returns.push(await readOne(f, read, t));
  }
  return mergeAndWrite(port, returns, targetSet, today, options, t, NOTHING_LOST);
}

async function mergeAndWrite(
  port: InteractivePort,
  returns: readonly ReturnFile[],
  targetSet: TargetSet,
  today: Date,
  options: IntakeOptions,
  t: Strings,
  allowed: LostContent,
): Promise<IntakeOutcome> {
  const existing = (await port.sheetNames()).find((n) => hasSheet([n], MASTER_SHEET_NAME));
  const grid = existing === undefined ? undefined : await port.readSheet(existing);
  if (grid && !findTable(grid) && hasContent(grid)) throw new UserMessage(t.intakeMasterNotTable(grid.name));
  const head: ReturnFile[] = grid ? [{ file: MASTER_SHEET_NAME, sheets: [grid] }] : [];
  const merged = mergeReturns([...head, ...returns], { targetSet, today });
  const previous = grid ? merged.files[0] : undefined;
  const reports = merged.files.slice(head.length);
  // Only a file whose rows are in the master changes it: duplicates and unusable files leave
  // the sheet (its formats, its result columns) exactly as it was.
  const written = reports.some((r) => r.units > 0);
  const chase = await chaseAgainstRegister(port, merged.files, [...head, ...returns]);
  if (written && grid) {
    const lost = lostContent(grid, merged.keys);
    if (!within(lost, allowed)) {
      return { kind: 'confirm', lost, proceed: () => mergeAndWrite(port, returns, targetSet, today, options, t, lost) };
    }
  }
  if (written) {
    await options.onStep?.({ kind: 'write' });
    // The file list goes to the product's own `Nhập báo cáo` sheet (a user's sheet of that name is kept).
    const names = (await resolveOwnSheets(port, await listSheets(port))).names;
    const tracking = chase ? [trackingSheet(chase.report, { name: names.tracking, source: `sheet "${chase.sheet}"` })] : [];
    await port.apply({ sheets: [masterSheet(merged), intakeSheet(merged, names.intake), ...tracking] });
  }
  // The adapter renames a differently cased sheet to the master's name when it rewrites it.
  const sheet = written ? MASTER_SHEET_NAME : existing;
  let check: CheckResult | undefined;
  if (sheet !== undefined) {
    await options.onStep?.({ kind: 'check' });
    const out = await runCheck(port, { targetSet, sheet, today });
    if (out.ok) check = out.result;
  }
  const masterUnits = written ? merged.master.rows.length - 1 : (previous?.unitsInFile ?? 0);
  return {
    kind: 'done',
    files: reports,
    ...(previous ? { previous } : {}),
    written,
    masterUnits,
    ...(check ? { check } : {}),
    ...(chase ? { chase: chase.report } : {}),
  };
}

/**
 * Chasing against the workbook's `Danh bạ CĐCS` sheet, when it has one that can be read: every
 * file merged (the master first) with the unit codes intake found in it and the day it was saved.
 */
async function chaseAgainstRegister(
  port: InteractivePort,
  reports: readonly FileReport[],
  files: readonly ReturnFile[],
): Promise<{ readonly report: ChaseReport; readonly sheet: string } | undefined> {
  const sheet = (await port.sheetNames()).find((n) => hasSheet([n], REGISTER_SHEET_NAME));
  if (sheet === undefined) return undefined;
  const read = readRegister(await port.readSheet(sheet));
  if (!read.ok || !read.units.length) return undefined;
  return { report: chaseReturns(read.units, returnsSeen(reports, files)), sheet };
}

/** How many files ended in each status. */
export function statusCounts(files: readonly FileReport[]): Record<FileStatus, number> {
  const counts: Record<FileStatus, number> = { accepted: 0, replaced: 0, duplicate: 0, rejected: 0 };
  for (const f of files) counts[f.status]++;
  return counts;
}

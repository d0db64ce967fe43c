/**
 * What the Office-mode buttons do, as plain async functions over the interactive port, so the
 * React components stay thin and the flows can be tested with an in-memory port.
 * Every refusal is a UserMessage in the pane's language; port errors propagate for the caller
 * to describe (officeErrorMessage).
 */
import { findTable } from '../domain/header';
import type { SheetGrid } from '../domain/grid';
import type { CellFix, CheckResult } from '../domain/result';
import type { TargetSet } from '../domain/targetSet';
import { readTargetSheet, TARGET_SHEET_NAME } from '../domain/targetSheet';
import { changedCellNote, type CellSnapshot, type InteractivePort } from '../workbook/interactive';
import type { OutputPlan } from '../workbook/plan';
import { clearPlanFor } from '../workbook/render/clearPlan';
import { DATA_SHEET_NAME, targetSheetSpec, templatePlan } from '../workbook/render/templatePlan';
import { findOwnSheets, listSheets, sheetKey } from '../workbook/ownSheets';
import { computeCheck, findDataSheet, readCheckInput } from '../workbook/runCheck';
import type { CheckInput, ComputeOptions, RunOutcome } from '../workbook/runCheck';
import type { WorkbookPort } from '../workbook/port';
import type { Strings } from './i18n';
import { choiceSet, SHEET_CHOICE } from './targetChoice';
import type { TargetChoice } from './targetChoice';
import { UserMessage } from './userMessage';
import { appendAll } from '../domain/arrays';

/** Excel compares sheet names case-insensitively. */
export function hasSheet(names: readonly string[], name: string): boolean {
  const key = name.normalize('NFC').toLowerCase();
  return names.some((n) => n.normalize('NFC').toLowerCase() === key);
}

/** What the pane knows beyond the set: the year typed in "Năm báo cáo", the workbook's file name. */
export interface RunContext {
  readonly year?: number;
  readonly fileName?: string;
  /** The text of "Đơn vị báo cáo" (trimmed; undefined when empty). */
  readonly reportingBody?: string;
  /**
   * Runs the pure phase (engine and render) on what was read from Excel: the pane's worker.
   * Default here, in this thread.
   */
  readonly compute?: (input: CheckInput, options: ComputeOptions) => Promise<RunOutcome>;
}

/**
 * Runs the engine for the chosen set; refuses with the engine's own Vietnamese sentence.
 * `sheet` is the data sheet to check when it is still in the workbook (the one the pane last
 * checked, e.g. the master table after an import); otherwise the first sheet with a CĐCS table.
 */
export async function checkWith(
  port: WorkbookPort,
  choice: TargetChoice,
  today: Date,
  t: Strings,
  sheet?: string,
  context: RunContext = {},
): Promise<{ result: CheckResult; plan: OutputPlan; notices: readonly string[] }> {
  // One more round trip to Excel only when there is something to look up.
  const names = choice === SHEET_CHOICE || sheet ? await port.sheetNames() : [];
  if (choice === SHEET_CHOICE && !hasSheet(names, TARGET_SHEET_NAME)) throw new UserMessage(t.noTargetSheet);
  // Excel is read here (Office.js lives on this thread); the heavy, pure part may go elsewhere.
  const read = await readCheckInput(port, {
    targetSet: choiceSet(choice),
    ...(sheet && names.includes(sheet) ? { sheet } : {}),
    ...(context.reportingBody ? { reportingBody: context.reportingBody } : {}),
  });
  if (!read.ok) throw new UserMessage(read.error.message);
  const options: ComputeOptions = {
    today,
    ...(context.year !== undefined ? { year: context.year } : {}),
    ...(context.fileName ? { fileName: context.fileName } : {}),
  };
  const out = context.compute ? await context.compute(read.input, options) : computeCheck(read.input, options);
  if (!out.ok) throw new UserMessage(out.error.message);
  return { result: out.result, plan: out.plan, notices: out.notices };
}

/** The set a choice stands for, reading the workbook's `Chỉ tiêu` sheet for the sheet choice. */
export async function resolveSet(port: WorkbookPort, choice: TargetChoice, t: Strings): Promise<TargetSet> {
  const preset = choiceSet(choice);
  if (preset) return preset;
  if (!hasSheet(await port.sheetNames(), TARGET_SHEET_NAME)) throw new UserMessage(t.noTargetSheet);
  const read = readTargetSheet(await port.readSheet(TARGET_SHEET_NAME));
  if (read.ok) return read.value;
  const first = read.problems.slice(0, 3).map((p) => `${p.cell}: ${p.message}`).join(' ');
  throw new UserMessage(`Sheet "${TARGET_SHEET_NAME}" có ${read.problems.length} chỗ chưa đọc được. ${first}`);
}

/** Writes a built-in set as the workbook's editable `Chỉ tiêu` sheet (replacing it). */
export async function copyTargetSet(port: WorkbookPort, set: TargetSet): Promise<void> {
  await port.apply({ sheets: [targetSheetSpec(set)] });
}

/**
 * Adds the data-entry template. Never overwrites: an existing data sheet refuses the whole
 * template, an existing `Chỉ tiêu` sheet is kept (it may hold the user's edited targets).
 */
export async function createTemplate(
  port: WorkbookPort,
  choice: TargetChoice,
  t: Strings,
): Promise<{ created: string[]; kept: string[] }> {
  const names = await port.sheetNames();
  if (hasSheet(names, DATA_SHEET_NAME)) throw new UserMessage(t.templateExists(DATA_SHEET_NAME));
  const plan = templatePlan(await resolveSet(port, choice, t));
  const sheets = plan.sheets.filter((s) => !hasSheet(names, s.name));
  await port.apply({ sheets });
  return { created: sheets.map((s) => s.name), kept: plan.sheets.filter((s) => hasSheet(names, s.name)).map((s) => s.name) };
}

/** What "Hoàn tác" needs: the cells each sheet held before the fixes. */
export interface UndoEntry {
  readonly sheet: string;
  readonly snapshots: readonly CellSnapshot[];
  /** Cells left alone because they changed after the check (A1, on `sheet`). */
  readonly changed?: readonly string[];
}

/** Writes the fixes sheet by sheet; returns the snapshots (cells with formulas are skipped by the port). */
export async function applyFixes(port: InteractivePort, fixes: readonly CellFix[]): Promise<UndoEntry[]> {
  const bySheet = new Map<string, CellFix[]>();
  for (const f of fixes) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  const undo: UndoEntry[] = [];
  for (const [sheet, list] of bySheet) {
    const { snapshots, changed } = await port.writeCells(
      sheet,
      // The value the check read goes along: a cell changed since then is skipped, not overwritten.
      list.map((f) => ({ cell: f.cell, value: f.value, ...(f.was !== undefined ? { expected: f.was } : {}) })),
    );
    undo.push({ sheet, snapshots, changed });
  }
  return undo;
}

/** Puts back what applyFixes changed, last sheet first; returns the cells skipped because they changed since. */
export async function undoFixes(port: InteractivePort, undo: readonly UndoEntry[]): Promise<string[]> {
  const changed: string[] = [];
  for (const entry of [...undo].reverse()) appendAll(changed, changedNotes([{ ...entry, changed: (await port.restoreCells(entry.sheet, entry.snapshots)).changed }]));
  return changed;
}

/** Vietnamese lines for the cells a fix or an undo left alone (the first 10, then how many more). */
export function changedNotes(entries: readonly UndoEntry[]): string[] {
  const cells = entries.flatMap((e) => e.changed ?? []);
  const shown = cells.slice(0, 10).map(changedCellNote);
  return cells.length > 10 ? [...shown, `và ${cells.length - 10} ô khác đã thay đổi — bỏ qua`] : shown;
}

/** Cells an undo list holds. */
export function undoCount(undo: readonly UndoEntry[] | undefined): number {
  return (undo ?? []).reduce((sum, e) => sum + e.snapshots.length, 0);
}

/** The user's data sheet: the last checked one if still there, else the first sheet with a CĐCS table. */
async function dataGrid(port: WorkbookPort, own: ReadonlySet<string>, names: readonly string[], lastSheet?: string): Promise<SheetGrid | undefined> {
  if (lastSheet && names.includes(lastSheet) && !own.has(sheetKey(lastSheet))) return port.readSheet(lastSheet);
  const sheets = await listSheets(port);
  return (await findDataSheet(port, sheets, own))?.grid;
}

/** Removes the product's output (only sheets it wrote). Returns false when there was none. */
export async function clearResults(port: InteractivePort, lastSheet?: string): Promise<boolean> {
  const sheets = await listSheets(port);
  // The intake's file list (Nhập báo cáo) and who has reported (Theo dõi nộp báo cáo) record an
  // import, and the register holds the contacts typed in: none of them is a computation, they stay.
  const kept = new Set<string>(['intake', 'tracking', 'register']);
  const ownSheets = [...(await findOwnSheets(port, sheets))].filter(([kind]) => !kept.has(kind)).map(([, name]) => name);
  const own = new Set(ownSheets.map(sheetKey));
  const plan = clearPlanFor(ownSheets, await dataGrid(port, own, sheets.map((s) => s.name), lastSheet));
  if (!plan.data && !plan.sheets.length) return false;
  await port.clear(plan);
  return true;
}

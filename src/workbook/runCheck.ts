/**
 * One check of a workbook through the port: choose the target set and the data sheet, run the
 * engine, render the plan. The command line and the task pane both call this; the caller decides
 * whether to apply the plan.
 *
 * It runs in two phases so the pane can move the heavy one off Excel's thread: readCheckInput
 * (everything that talks to the port, async) and computeCheck (pure: engine and render; the pane
 * runs it in a Web Worker). runCheck is the two in a row.
 */
import { appendAll } from '../domain/arrays';
import { checkSheetAndYears } from '../domain/check';
import type { History } from '../domain/cycle/history';
import { findTable } from '../domain/header';
import type { CheckResult } from '../domain/result';
import type { TargetSet } from '../domain/targetSet';
import { readTargetSheet, TARGET_SHEET_NAME } from '../domain/targetSheet';
import { columnLetters, type SheetGrid } from '../domain/grid';
import { GO, resultFor, type Audience } from '../domain/wording';
import { contentKind, listSheets, OWN_SHEET_KINDS, resolveOwnSheets, sheetKey } from './ownSheets';
import type { OwnSheetKind, OwnSheetNames } from './ownSheets';
import type { OutputPlan } from './plan';
import type { SheetInfo, WorkbookPort } from './port';
import { withHistory, type HistorySheet } from './historyPlan';
import { renderResult } from './render';
import { reportingBodyFor } from './rememberReportingBody';
import { lastUsedInWrittenRows, statusColumnCount, statusColumnsStart } from './render/statusColumns';

export interface RunOptions {
  /** A built-in set; without it the workbook's own `Chỉ tiêu` sheet is used. */
  readonly targetSet?: TargetSet;
  /** The data sheet; default the first sheet that holds a CĐCS table. */
  readonly sheet?: string;
  readonly year?: number;
  /** The workbook's file name (a year in it is the report year when nothing closer names one). */
  readonly fileName?: string;
  readonly today: Date;
  /** The union making the report (`--don-vi`, the pane's field), printed in the summary's header. */
  readonly reportingBody?: string;
  /** Who reads the messages (domain/wording.ts): the command line gets its commands, not pane buttons. Default the pane. */
  readonly audience?: Audience;
  /** Earlier years' sheets (`--history`, sheets chosen in the pane): with them, or a Năm column of several years, `Tiến độ` is added. */
  readonly history?: readonly HistorySheet[];
}

/** What computeCheck needs from RunOptions: plain data, nothing that cannot be posted to a worker. */
export type ComputeOptions = Omit<RunOptions, 'sheet' | 'targetSet' | 'reportingBody'>;

/**
 * Everything the check read from the workbook, as plain data (structured-cloneable, so the pane
 * can post it to its worker): the set, the data sheet, where the product's sheets go.
 */
export interface CheckInput {
  readonly targetSet: TargetSet;
  readonly grid: SheetGrid;
  /** What the search for the data sheet noticed (skipped or hidden sheets). */
  readonly notices: readonly string[];
  /** The names of the product's sheets this run. */
  readonly ownNames: OwnSheetNames;
  /** By kind, a sentence when that sheet goes under another name than the usual one. */
  readonly ownNotices: Readonly<Partial<Record<OwnSheetKind, string>>>;
  /** The reporting body given, or the one remembered on the product's Tổng hợp. */
  readonly reportingBody?: string;
}

/** The port phase's outcome. */
export type ReadOutcome = { readonly ok: true; readonly input: CheckInput } | { readonly ok: false; readonly error: RunError };

export type RunError = {
  readonly code: 'no_target_set' | 'bad_target_sheet' | 'no_sheet' | 'no_table' | 'unreadable' | 'no_room';
  readonly message: string;
};

export type RunOutcome =
  | {
      readonly ok: true;
      readonly result: CheckResult;
      readonly plan: OutputPlan;
      /** Vietnamese sentences for the user: sheets skipped, a hidden sheet read, results written under another name. */
      readonly notices: readonly string[];
      /** When the data holds more than one year: each indicator year by year (the `Tiến độ` sheet and the JSON `history`). */
      readonly history?: History;
    }
  | { readonly ok: false; readonly error: RunError };

/**
 * The target sheet is the user's to edit, but never a data sheet. (The product's other sheets
 * are recognised by their content and markers: see ownSheets.ts.)
 */
const NEVER_DATA = sheetKey(TARGET_SHEET_NAME);

/** The sheet holding the CĐCS table, and what the search noticed on the way. */
export interface DataSheetFound {
  readonly grid: SheetGrid;
  readonly notices: readonly string[];
}

/**
 * The first sheet in workbook order that holds a CĐCS table (layouts.md, "Which sheet"): the
 * product's own sheets are never taken, hidden sheets only when no visible one has a table, and
 * a sheet that cannot be read is skipped with a notice.
 *
 * @example
 * const found = await findDataSheet(port, await listSheets(port), new Set());
 */
export async function findDataSheet(
  port: WorkbookPort,
  sheets: readonly SheetInfo[],
  own: ReadonlySet<string>,
  /** Receives, for each sheet that could not be read, why (also given as a notice when a table is found). */
  unreadable: string[] = [],
): Promise<DataSheetFound | undefined> {
  const notices: string[] = [];
  const candidates = sheets.filter((s) => !own.has(sheetKey(s.name)) && sheetKey(s.name) !== NEVER_DATA);
  for (const hidden of [false, true]) {
    for (const s of candidates) {
      if (s.hidden !== hidden) continue;
      let grid: SheetGrid;
      try {
        grid = await port.readSheet(s.name);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        unreadable.push(why);
        notices.push(`Bỏ qua sheet "${s.name}": không đọc được (${why}).`);
        continue;
      }
      if (contentKind(grid) || !findTable(grid)) continue;
      if (hidden) notices.push(`Bảng số liệu nằm trong sheet ẩn "${s.name}": đã đọc từ sheet đó.`);
      return { grid, notices };
    }
  }
  return undefined;
}

async function chooseTargetSet(port: WorkbookPort, names: string[], options: Pick<RunOptions, 'targetSet'>): Promise<TargetSet | RunError> {
  if (options.targetSet) return options.targetSet;
  if (!names.includes(TARGET_SHEET_NAME)) {
    return {
      code: 'no_target_set',
      message: `Tệp không có sheet "${TARGET_SHEET_NAME}" và chưa chọn bộ chỉ tiêu. Hãy ${GO.chooseSet}, hoặc chép một bộ vào sheet "${TARGET_SHEET_NAME}".`,
    };
  }
  const read = readTargetSheet(await port.readSheet(TARGET_SHEET_NAME));
  if (read.ok) return read.value;
  const first = read.problems.slice(0, 3).map((p) => `${p.cell}: ${p.message}`).join(' ');
  return {
    code: 'bad_target_sheet',
    message: `Sheet "${TARGET_SHEET_NAME}" có ${read.problems.length} chỗ chưa đọc được. ${first}`,
  };
}

/** How many unit rows are hidden or filtered out: they count like any other (layouts.md). */
function hiddenUnitRows(grid: SheetGrid, result: CheckResult): number {
  if (!grid.hiddenRows?.length) return 0;
  const hidden = new Set(grid.hiddenRows);
  let n = 0;
  for (const u of result.units) if (hidden.has(u.row)) n++;
  return n;
}

/**
 * The port phase: lists the sheets, reads the target set, the data sheet and the remembered
 * reporting body. Refusals (no set, no such sheet, no table) come back as a RunError; port
 * errors propagate.
 *
 * @example
 * const read = await readCheckInput(workbook, { today: new Date() });
 * if (read.ok) computeCheck(read.input, { today: new Date() });
 */
export async function readCheckInput(port: WorkbookPort, options: Pick<RunOptions, 'targetSet' | 'sheet' | 'reportingBody'>): Promise<ReadOutcome> {
  const sheets = await listSheets(port);
  const names = sheets.map((s) => s.name);
  const set = await chooseTargetSet(port, names, options);
  if ('code' in set) return { ok: false, error: set };

  const placement = await resolveOwnSheets(port, sheets);
  let found: DataSheetFound | undefined;
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    const named = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => sheetKey(s.name) === sheetKey(wanted));
    if (!named) {
      return {
        ok: false,
        error: { code: 'no_sheet', message: `Không có sheet "${wanted}". Các sheet trong tệp: ${names.join(', ')}.` },
      };
    }
    found = { grid: await port.readSheet(named.name), notices: [] };
  } else {
    const unreadable: string[] = [];
    found = await findDataSheet(port, sheets, placement.own, unreadable);
    // A sheet too big to read (or damaged) is why no table was found: say that, not "no table".
    if (!found && unreadable.length) return { ok: false, error: { code: 'unreadable', message: unreadable.join(' ') } };
  }
  if (!found) {
    return {
      ok: false,
      error: {
        code: 'no_table',
        message: `Không tìm thấy bảng số liệu CĐCS trong tệp: cần một dòng tiêu đề có "Mã đơn vị" hoặc "Tên đơn vị" và ít nhất hai cột chuẩn khác. Hãy dùng ${GO.template}.`,
      },
    };
  }
  const reportingBody = await reportingBodyFor(port, placement, set, options.reportingBody);
  return {
    ok: true,
    input: {
      targetSet: set,
      grid: found.grid,
      notices: found.notices,
      ownNames: placement.names,
      ownNotices: placement.notices,
      ...(reportingBody === undefined ? {} : { reportingBody }),
    },
  };
}

/**
 * The pure phase: the engine on the data sheet, the room check for the status columns, the
 * plan, the notices. No port and no DOM, so the pane can run it in its Web Worker.
 *
 * @example
 * const out = computeCheck(input, { year: 2024, today: new Date() });
 */
export function computeCheck(input: CheckInput, options: ComputeOptions): RunOutcome {
  const { grid, reportingBody } = input;
  const { outcome, otherYears } = checkSheetAndYears(grid, { targetSet: input.targetSet, year: options.year, fileName: options.fileName, today: options.today });
  if (!outcome.ok) return { ok: false, error: outcome.error };
  if (statusColumnsStart(outcome.value) === undefined) {
    const { layout, sheet } = outcome.value;
    return {
      ok: false,
      error: {
        code: 'no_room',
        message: `Không còn chỗ ghi ${statusColumnCount(outcome.value)} cột kết quả bên phải bảng trong sheet "${sheet}": hàng của bảng có ô đến tận cột ${columnLetters(lastUsedInWrittenRows(outcome.value))}, nên các cột kết quả sẽ vượt quá cột XFD (cột cuối cùng của Excel). Hãy xóa các ô thừa ở xa bên phải bảng (từ cột ${columnLetters(layout.lastCol + 1)} trở đi) rồi chạy lại.`,
      },
    };
  }
  const result = resultFor(outcome.value, options.audience);
  const checked = renderResult(result, options.today, input.ownNames, reportingBody === undefined ? {} : { reportingBody });
  const years = withHistory(checked, result, grid, options.history ?? [], input.ownNames, options.today, options.fileName, otherYears);
  const plan = years.plan;
  const written = new Set(plan.sheets.map((s) => s.kind));
  const renamed = OWN_SHEET_KINDS.filter((k) => written.has(k)).map((k) => input.ownNotices[k]);
  const notices = [...input.notices, ...renamed.filter((n): n is string => n !== undefined)];
  const hidden = hiddenUnitRows(grid, outcome.value);
  if (hidden > 0) notices.push(`Có ${hidden} dòng đơn vị đang bị ẩn (hoặc bị lọc) trong sheet "${grid.name}": các dòng này vẫn được kiểm tra và tính như mọi dòng khác.`);
  appendAll(notices, years.notices);
  return years.history ? { ok: true, result, plan, notices, history: years.history } : { ok: true, result, plan, notices };
}

/**
 * @example
 * const out = await runCheck(workbook, { targetSet: findPreset('bd-cdvc-2024'), today: new Date() });
 * if (out.ok) await workbook.apply(out.plan);
 */
export async function runCheck(port: WorkbookPort, options: RunOptions): Promise<RunOutcome> {
  const read = await readCheckInput(port, options);
  if (!read.ok) return read;
  return computeCheck(read.input, options);
}

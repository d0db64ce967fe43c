/**
 * `chitieu check FILE.xlsx --history OLD.xlsx [--history OLDER.xlsx …]`: earlier years' files
 * beside the current one, for the `Tiến độ` sheet and the JSON `history` block. Each file is read
 * with the layout rules (its data sheet found as for any check, its year as for any sheet) and
 * checked against the current file's target set.
 */
import type { History } from '../domain/cycle/history';
import type { TargetSet } from '../domain/targetSet';
import { forCli } from '../domain/wording';
import type { HistorySheet } from '../workbook/historyPlan';
import { computeCheck, readCheckInput, runCheck, type RunOptions, type RunOutcome } from '../workbook/runCheck';
import type { WorkbookPort } from '../workbook/port';
import type { ParsedArgs } from './args';
import { guardOutput, openInput, UsageError } from './files';

/**
 * The `--history` files in the order given (the option may repeat).
 *
 * @example
 * historyPaths(parseArgs(['check', 'a.xlsx', '--history', 'b.xlsx', '--history', 'c.xlsx'], ['history'], []).value) // ['b.xlsx', 'c.xlsx']
 */
export function historyPaths(args: ParsedArgs): string[] {
  return [...(args.lists?.get('history') ?? [])];
}

/**
 * The data sheet of each earlier file, read as a check reads its input; an unreadable file or
 * one without a data table stops the command (exit 2) with one line naming it.
 */
export async function readHistorySheets(paths: readonly string[], set: TargetSet, outputs: readonly string[]): Promise<HistorySheet[]> {
  const sheets: HistorySheet[] = [];
  for (const path of paths) {
    for (const out of outputs) guardOutput(path, out);
    const read = await readCheckInput(openInput(path), { targetSet: set });
    if (!read.ok) throw new UsageError(`${path} (--history): ${forCli(read.error.message)}`);
    sheets.push({ grid: read.input.grid, fileName: path });
  }
  return sheets;
}

/**
 * runCheck with the earlier years' files: the current file is read first (its target set is the
 * one every year is checked against), then each `--history` file, then the check.
 *
 * @example
 * const out = await runCheckWithHistory(wb, options, ['nam-2023.xlsx'], ['ket-qua.xlsx']);
 * if (out.ok) out.history?.years // [2023, 2024]
 */
export async function runCheckWithHistory(
  port: WorkbookPort,
  options: RunOptions,
  paths: readonly string[],
  outputs: readonly string[],
): Promise<RunOutcome> {
  // Without earlier files it is the ordinary check (a table of several years still gets Tiến độ).
  if (paths.length === 0) return runCheck(port, options);
  const read = await readCheckInput(port, options);
  if (!read.ok) return read;
  const history = await readHistorySheets(paths, read.input.targetSet, outputs);
  return computeCheck(read.input, { ...options, history });
}

/**
 * What the command prints about the history: the years and where `Tiến độ` is.
 *
 * @example
 * historyLine(h) // 'Tiến độ qua các năm 2022, 2023, 2024: 9 chỉ tiêu, từng năm tính như kiểm tra riêng năm đó (sheet "Tiến độ" của tệp --out, khối "history" của báo cáo JSON).'
 */
export function historyLine(history: History): string {
  return `Tiến độ qua các năm ${history.years.join(', ')}: ${history.indicators.length} chỉ tiêu, từng năm tính như kiểm tra riêng năm đó (sheet "Tiến độ" của tệp --out, khối "history" của báo cáo JSON).`;
}

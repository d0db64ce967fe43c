/**
 * Progress over the years in a check's plan: when the data holds more than one year (a `Năm`
 * column with several years, earlier years' sheets given with `--history`, several sheets chosen
 * in the pane), the `Tiến độ` sheet joins the plan. Pure, like computeCheck, so the pane can run
 * it in its worker.
 */
import { historyOf, type History } from '../domain/cycle/history';
import type { CheckOutcome } from '../domain/check';
import type { SheetGrid } from '../domain/grid';
import type { CheckResult } from '../domain/result';
import type { OwnSheetNames } from './ownSheets';
import type { OutputPlan } from './plan';
import { renderProgressSheet } from './render/progressSheet';

/** An earlier year's sheet: its cells and the file it came from (a year in the name counts). */
export interface HistorySheet {
  readonly grid: SheetGrid;
  readonly fileName?: string;
}

/** What adding the history gave: the plan (with `Tiến độ` when there is a history), the history, notices. */
export interface WithHistory {
  readonly plan: OutputPlan;
  readonly history?: History;
  readonly notices: readonly string[];
}

/**
 * The plan with `Tiến độ` added after the product's other sheets, when the current sheet and the
 * earlier sheets hold more than one year between them. The current sheet's check is reused for
 * its year; the earlier sheets are checked against the same target set.
 *
 * @example
 * withHistory(plan, result, grid, [{ grid: lastYear, fileName: 'nam-2023.xlsx' }], names, today).history?.years // [2023, 2024]
 */
export function withHistory(
  plan: OutputPlan,
  result: CheckResult,
  grid: SheetGrid,
  earlier: readonly HistorySheet[],
  names: Pick<OwnSheetNames, 'progress'>,
  today: Date,
  fileName?: string,
  /** The current sheet's other years, checked on the rows its check read (check.ts checkSheetAndYears). */
  otherYears?: (years: readonly number[]) => Map<number, CheckOutcome>,
): WithHistory {
  // One year and nothing else given: no history, and no second look at the table.
  if (earlier.length === 0 && !result.units.some((u) => u.year !== result.year)) return { plan, notices: [] };
  const sources = [{ grid, checked: result, ...(fileName !== undefined ? { fileName } : {}), ...(otherYears ? { otherYears } : {}) }, ...earlier];
  const { history, notices } = historyOf(sources, { targetSet: result.targetSet, today });
  if (!history) {
    return earlier.length
      ? { plan, notices: [...notices, `Chưa có sheet "${names.progress}": số liệu chỉ có một năm (${result.year}); cần ít nhất hai năm để so sánh.`] }
      : { plan, notices };
  }
  return { plan: { ...plan, sheets: [...plan.sheets, renderProgressSheet(history, { name: names.progress })] }, history, notices };
}

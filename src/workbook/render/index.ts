/**
 * Turns one result model into the output plan every adapter applies: status columns on the
 * data sheet, `Tổng hợp` and `Kiểm tra`.
 */
import type { CheckResult } from '../../domain/result';
import type { OutputPlan } from '../plan';
import { DEFAULT_OWN_SHEET_NAMES, type OwnSheetNames } from '../ownSheets';
import { renderProblemsSheet } from './problemsSheet';
import { renderStatusColumns } from './statusColumns';
import { renderSummarySheet, type SummaryOptions } from './summarySheet';
import { renderUnitListSheet } from './unitListSheet';

export { PROBLEMS_SHEET_NAME } from './problemsSheet';
export { SUMMARY_SHEET_NAME, type SummaryOptions } from './summarySheet';

/**
 * @example
 * const plan = renderResult(result, new Date());
 * await workbook.apply(plan);
 */
export function renderResult(
  result: CheckResult,
  today: Date,
  names: OwnSheetNames = DEFAULT_OWN_SHEET_NAMES,
  options: SummaryOptions = {},
): OutputPlan {
  return {
    data: renderStatusColumns(result),
    // Danh sách đơn vị last: the sheets before it keep the places they had in earlier versions.
    sheets: [renderSummarySheet(result, today, names, options), renderProblemsSheet(result, names.problems), renderUnitListSheet(result, names)],
    activeSheet: names.summary,
  };
}

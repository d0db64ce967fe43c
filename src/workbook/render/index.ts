/**
 * Turns one result model into the output plan every adapter applies: status columns on the
 * data sheet, `Tổng hợp` and `Kiểm tra`.
 */
import type { CheckResult } from '../../domain/result';
import type { OutputPlan } from '../plan';
import { DEFAULT_OWN_SHEET_NAMES, type OwnSheetNames } from '../ownSheets';
import { renderProblemsSheet } from './problemsSheet';
import { renderStatusColumns } from './statusColumns';
import { renderSummarySheet } from './summarySheet';

export { PROBLEMS_SHEET_NAME } from './problemsSheet';
export { SUMMARY_SHEET_NAME } from './summarySheet';

/**
 * @example
 * const plan = renderResult(result, new Date());
 * await workbook.apply(plan);
 */
export function renderResult(result: CheckResult, today: Date, names: OwnSheetNames = DEFAULT_OWN_SHEET_NAMES): OutputPlan {
  return {
    data: renderStatusColumns(result),
    sheets: [renderSummarySheet(result, today, names), renderProblemsSheet(result, names.problems)],
  };
}

/**
 * What "Xóa kết quả" removes, found from the workbook itself: the status columns an earlier run
 * left on the data sheet (recognised by their headers) and the product's sheets.
 */
import type { SheetGrid } from '../../domain/grid';
import { findTable } from '../../domain/header';
import type { ClearPlan } from '../plan';
import { PROBLEMS_SHEET_NAME } from './problemsSheet';
import { SUMMARY_SHEET_NAME } from './summarySheet';

/**
 * @example
 * clearPlanFor(['Dữ liệu', 'Tổng hợp', 'Kiểm tra'], dataGrid) // { data: { cols: [9, 10] … }, sheets: ['Tổng hợp', 'Kiểm tra'] }
 */
export function clearPlanFor(sheetNames: readonly string[], data: SheetGrid | undefined): ClearPlan {
  const sheets = sheetNames.filter((n) => n === SUMMARY_SHEET_NAME || n === PROBLEMS_SHEET_NAME);
  const layout = data ? findTable(data) : undefined;
  if (!layout || layout.outputCols.length === 0) return { sheets };
  return { data: { sheet: layout.sheet, cols: layout.outputCols, fromRow: layout.headerRow }, sheets };
}

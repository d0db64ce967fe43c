/**
 * What "Xóa kết quả" removes, found from the workbook itself: the status columns an earlier run
 * left on the data sheet (recognised by their headers) and the product's sheets.
 */
import type { SheetGrid } from '../../domain/grid';
import { findTable } from '../../domain/header';
import type { ClearPlan } from '../plan';

/**
 * @example
 * clearPlanFor(['Tổng hợp', 'Kiểm tra'], dataGrid) // { data: { cols: [9, 10] … }, sheets: ['Tổng hợp', 'Kiểm tra'] }
 *
 * @param ownSheets the product's sheets found in the workbook (ownSheets.ts: markers and content), never a user's
 */
export function clearPlanFor(ownSheets: readonly string[], data: SheetGrid | undefined): ClearPlan {
  const sheets = [...ownSheets];
  const layout = data ? findTable(data) : undefined;
  if (!layout || layout.outputCols.length === 0) return { sheets };
  return { data: { sheet: layout.sheet, cols: layout.outputCols, fromRow: layout.headerRow, toRow: layout.outputLastRow }, sheets };
}

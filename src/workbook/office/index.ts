/**
 * The Office adapter of the workbook port (Excel JavaScript API). Every Office.js call of the
 * product lives in this folder; the task pane's entry file only passes `Excel.run`:
 *
 * ```ts
 * const workbook = officeWorkbook((batch) => Excel.run(batch));
 * ```
 *
 * - `officeWorkbook(run, options?)` → the InteractivePort plus `lastStats()` (syncs, bytes)
 * - `officeErrorMessage(e)` → a Vietnamese sentence saying what to do
 * - `requirementsMet()` / `MIN_EXCEL_API` → the ExcelApi 1.9 check at start-up
 */
export { officeWorkbook } from './OfficeWorkbook';
export type { ExcelRunner, OfficeWorkbook, OfficeWorkbookOptions } from './OfficeWorkbook';
export type { OfficeStats } from './stats';
export { OfficeAdapterError, officeErrorMessage } from './errors';
export type { OfficeAdapterErrorCode } from './errors';
export { MIN_EXCEL_API, isExcelApiSupported, requirementsMet } from './requirements';

/**
 * The browser mode of the pane (opened outside Excel): the chosen .xlsx file as the workbook.
 * Loaded only in that mode, so the xlsx adapter stays out of the Office bundle.
 */
export { checkWorkbookFile, openWorkbookFile, resultFileName } from './workbookFile';
export type { FileOutcome, FileResult, WorkbookFile } from './workbookFile';

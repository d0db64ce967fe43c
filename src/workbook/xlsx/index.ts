/**
 * The xlsx adapter of the workbook port: an OOXML reader and patcher on fflate, for Node and
 * the browser (no Node APIs). Parts of the input we don't own are copied byte for byte; we
 * only add/replace our cells in the data sheet, add styles, and add or replace our own sheets.
 *
 * - `openXlsx(bytes, limits?)` → `{ ok, value: XlsxWorkbook } | { ok: false, error: OpenError }`
 * - `createXlsx()` → an empty workbook for templates
 * - `XlsxWorkbook`: the WorkbookPort (sheetNames/readSheet/apply) plus sync variants,
 *   `readSheetResult(name)` (typed errors instead of throwing), `warnings()` and `toBytes()`.
 */
export { openXlsx } from './open';
export { createXlsx } from './create';
export { XlsxWorkbook } from './XlsxWorkbook';
export { DEFAULT_LIMITS, XlsxError } from './limits';
export type { OpenError, OpenErrorCode, ReadError, ReadErrorCode, Result, XlsxLimits } from './limits';

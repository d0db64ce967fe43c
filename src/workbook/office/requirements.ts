/// <reference types="office-js" />
/**
 * The Excel JavaScript API requirement set the add-in needs, checked at run time.
 */

/**
 * The minimum ExcelApi requirement set: **1.9**.
 *
 * Why 1.9 and not lower:
 * - `Worksheet.getRanges(address)` / `RangeAreas` (1.9) let the adapter apply each status colour
 *   once to every cell that has it (`'K5:K9,K12,L7:L30'`), instead of one request per cell —
 *   the difference between a handful of round trips and thousands on a 10,000-row table in
 *   Excel on the web.
 * - `Worksheet.pageLayout` (1.9) prints `Tổng hợp` and `Kiểm tra` on A4 landscape, one page wide,
 *   with the table header repeated on every page.
 * - Everything else used (`getUsedRangeOrNullObject`, `getItemOrNullObject`, data validation,
 *   freeze panes, hyperlinks, `getRangeByIndexes`) is 1.4–1.8, so 1.9 covers it.
 *
 * ExcelApi 1.9 is available in Excel on the web, Excel for Microsoft 365 on Windows and Mac,
 * Excel 2021 and later, and Excel on iPad.
 */
export const MIN_EXCEL_API = '1.9';

/**
 * Whether the host supports `ExcelApi` at `version`. False outside Office (no `Office` global,
 * e.g. the browser mode or Node) or when the host cannot say.
 *
 * @example
 * isExcelApiSupported('1.9') // true in Excel on the web
 */
export function isExcelApiSupported(version: string): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    const requirements = Office.context?.requirements;
    return !!requirements && requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/**
 * True when the add-in can run here: the host supports ExcelApi {@link MIN_EXCEL_API}.
 *
 * @example
 * if (!requirementsMet()) showMessage('Cần Excel 2021, Microsoft 365 hoặc Excel trên web.');
 */
export function requirementsMet(): boolean {
  return isExcelApiSupported(MIN_EXCEL_API);
}

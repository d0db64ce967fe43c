/**
 * Template rows (spec/layouts.md, "Rows inside the table"): the empty rows a form is handed out
 * with, carrying only their row number (STT) and/or formulas whose result is blank or 0. The
 * grid holds cached values only, so a 0 cannot be told from a typed 0: a row with no code and no
 * name whose other cells are all blank or 0 is a template row. Skipped silently.
 */
import type { RawCell } from '../../grid';
import { isBlankCell } from './labelText';

/**
 * Whether a cell is empty as a template leaves it: blank, or 0 (a formula over empty cells).
 *
 * @example
 * isTemplateCell(0)    // true
 * isTemplateCell('')   // true
 * isTemplateCell(12)   // false
 */
export function isTemplateCell(v: RawCell | undefined): boolean {
  return isBlankCell(v) || v === 0 || (typeof v === 'string' && v.trim() === '0');
}

/** A row number as forms carry it: `7`, `7.`, `a`, `1.2`, or nothing; a note in that cell is not one. */
function isRowNumber(v: RawCell | undefined): boolean {
  return isBlankCell(v) || typeof v === 'number' || (typeof v === 'string' && /^\s*[\dA-Za-z]{1,4}(?:[.)]\d{0,3})*[.)]?\s*$/.test(v));
}

/**
 * Whether a row is a template row, from its cells in the table's columns (indexed by column):
 * the row-number columns hold a row number or nothing, every other cell is blank or 0 (so no
 * code and no name).
 *
 * @example
 * isTemplateRow([7, null, null, 0, 0], new Set([0]))  // true  (STT 7, formulas giving 0)
 * isTemplateRow([7, 'CD07', null, 0], new Set([0]))   // false (a unit with missing data)
 */
export function isTemplateRow(cells: readonly (RawCell | undefined)[], rowNumberCols: ReadonlySet<number>): boolean {
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (rowNumberCols.has(c) ? !isRowNumber(v) : !isTemplateCell(v)) return false;
  }
  return true;
}

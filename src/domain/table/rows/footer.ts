/**
 * The footer (spec/layouts.md, "Rows inside the table"): below the last unit or total row and
 * separated from it by a blank row, the rows with no unit code and no number in a catalog column
 * — notes, `Người lập biểu`, `TM. BAN THƯỜNG VỤ`, `(Ký, ghi rõ họ tên)`, names — are ignored
 * silently. Template rows separate like blank rows (a form's empty rows often run down to the
 * signatures) and keep their kind; so does a grand total that ends the table (`Người lập biểu`
 * typed right under `Tổng cộng` is no unit either).
 */
import type { RowKind } from './rowKind';

/**
 * Marks the footer rows in `kinds` (index = row − first row below the header). `isAnchor(i)`
 * says whether row i ends the table's body: a total or breakdown row, or a unit with a code or a
 * number in a catalog column. Every row after the last anchor is therefore without code and
 * number; once a blank or template row has come between (or at once after a grand total), each
 * of them that is not blank or a template becomes footer. Returns the indices marked.
 *
 * @example
 * const kinds: RowKind[] = ['unit', 'grand_total', 'blank', 'unit', 'section_heading'];
 * markFooter(kinds, (i) => i <= 1) // [3, 4]: `Người lập biểu` and `TM. BAN THƯỜNG VỤ`
 */
export function markFooter(kinds: RowKind[], isAnchor: (index: number) => boolean): number[] {
  let anchor = -1;
  for (let i = kinds.length - 1; i >= 0; i--) {
    const k = kinds[i];
    if (k === 'blank' || k === 'template' || k === 'column_numbers') continue;
    if (isAnchor(i)) {
      anchor = i;
      break;
    }
  }
  if (anchor < 0) return [];
  const marked: number[] = [];
  // A grand total at the bottom closes the table as plainly as a blank row does.
  let separated = kinds[anchor] === 'grand_total';
  for (let i = anchor + 1; i < kinds.length; i++) {
    const k = kinds[i];
    if (k === 'blank' || k === 'template') {
      separated = true;
      continue;
    }
    if (!separated) continue;
    kinds[i] = 'footer';
    marked.push(i);
  }
  return marked;
}

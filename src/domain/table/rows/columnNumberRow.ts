/**
 * The column-number row (spec/layouts.md, "The header band"): a row directly under the header
 * whose non-empty cells are the columns' numbers or letters in increasing order — `1 2 3 …`,
 * `(1) (2) (3)`, `A B C`, also expressions such as `(5)=(6)+(7)`. Forms often number the
 * identity columns with letters and the figures with numbers (`A B 1 2 3`): letters and numbers
 * each increase on their own. It is never a header row and never a unit; it is skipped silently.
 */
import type { RawCell } from '../../grid';
import { isBlankCell } from './labelText';

/** One column number or letter, in brackets or not, optionally an expression of them. */
const COLUMN_NUMBER = /^[([]?\s*(?:\d{1,3}|[A-Za-z])\s*[)\]]?(?:\s*[=+\-−*×/]\s*[([]?\s*(?:\d{1,3}|[A-Za-z])\s*[)\]]?)*\s*\.?$/;
const FIRST_TOKEN = /^[([]?\s*(\d{1,3}|[A-Za-z])/;

/**
 * Whether a text is a column number or letter (or an expression of them).
 *
 * @example
 * isColumnNumberText('(5)=(6)+(7)') // true
 * isColumnNumberText('B')           // true
 * isColumnNumberText('Nữ')          // false
 */
export function isColumnNumberText(text: string): boolean {
  return COLUMN_NUMBER.test(text.trim());
}

/** A cell's column number: its first number (`(5)=(6)+(7)` → 5) or letter, else undefined. */
function token(v: RawCell): { readonly letter: boolean; readonly value: number } | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 999 ? { letter: false, value: v } : undefined;
  if (typeof v !== 'string' || !isColumnNumberText(v)) return undefined;
  const m = FIRST_TOKEN.exec(v.trim());
  if (!m) return undefined;
  const t = m[1];
  return /\d/.test(t) ? { letter: false, value: Number(t) } : { letter: true, value: t.toUpperCase().charCodeAt(0) };
}

/**
 * Whether the cells of a row (left to right) make a column-number row: at least `minCells`
 * non-empty cells (two at the least), each a column number or letter, numbers increasing and
 * letters increasing.
 *
 * @example
 * isColumnNumberRow(['(1)', '(2)', '(3)', '(4)=(2)+(3)'])  // true
 * isColumnNumberRow(['A', 'B', 1, 2, 3])                   // true
 * isColumnNumberRow([1, 'CD01', 'CĐCS Trường A', 20])      // false
 * isColumnNumberRow([3, 2, 1])                             // false
 */
export function isColumnNumberRow(cells: readonly RawCell[], minCells = 3): boolean {
  let count = 0;
  let lastNumber = -Infinity;
  let lastLetter = -Infinity;
  for (const v of cells) {
    if (isBlankCell(v)) continue;
    const t = token(v);
    if (!t) return false;
    if (t.letter) {
      if (t.value <= lastLetter) return false;
      lastLetter = t.value;
    } else {
      if (t.value <= lastNumber) return false;
      lastNumber = t.value;
    }
    count++;
  }
  return count >= Math.max(2, minCells);
}

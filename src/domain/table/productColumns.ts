/**
 * The columns the product itself writes into a user's table: the status columns (`Kết quả: …`),
 * the error count (`Lỗi dữ liệu`) and, in a merged master table, `Nguồn`. They are recognised
 * by their header so a second run replaces them instead of reading them as data.
 */
import type { RawCell } from '../grid';
import { STATUS_LABEL } from '../status';
import { cleanText } from '../text';

/** Header of the product's own status columns on the data sheet. */
export const STATUS_HEADER_PREFIX = 'Kết quả:';
/** Header of the product's error-count column. */
export const ERROR_COUNT_HEADER = 'Lỗi dữ liệu';
/** Header of the column the intake writes: which file and row each master row came from. */
export const SOURCE_HEADER = 'Nguồn';

/**
 * True for a header the product itself wrote on an earlier run.
 *
 * @example
 * isOutputHeader('Kết quả: Bao phủ') // true
 * isOutputHeader('Kết quả thực hiện') // false: a group header of the user's
 */
export function isOutputHeader(text: string): boolean {
  const t = cleanText(text);
  return t.startsWith(STATUS_HEADER_PREFIX) || t === ERROR_COUNT_HEADER;
}

const OUTPUT_WORDS: ReadonlySet<string> = new Set(Object.values(STATUS_LABEL));

/**
 * Whether a cell in one of the product's columns holds what the product writes there: a status
 * word (possibly after a ✓/✗ mark) in a `Kết quả:` column, a count in `Lỗi dữ liệu`. Anything
 * else there is the user's.
 *
 * @example
 * isOutputValue('✓ Đạt', false) // true: 'Đạt' is a status word
 * isOutputValue(16, false) // false: a number in a status column is the user's
 * isOutputValue(2, true) // true: an error count
 */
export function isOutputValue(v: RawCell, errorCountColumn: boolean): boolean {
  if (errorCountColumn) return typeof v === 'number';
  return typeof v === 'string' && OUTPUT_WORDS.has(v.replace(/^[✓✗✔✘]\s*/, '').trim());
}

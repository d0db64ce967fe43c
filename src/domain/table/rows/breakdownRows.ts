/**
 * Breakdown rows (spec/layouts.md, "Rows inside the table"): the rows right under a total that
 * split it (`Trong đó: …`, `- Khu vực nhà nước`, `Trđ: nữ`). They are neither units nor checked:
 * skipped silently. A row starts a breakdown when its label does; the rows right after it that
 * have no unit code and no row number continue it (`Trong đó:` then `Nữ`, `Khu vực nhà nước`).
 */
import { labelReadings, labelWords, wordIs } from './labelText';

/** A bullet that opens a breakdown line: `- Khu vực nhà nước`, `+ Nữ`, `• …`. */
const BULLET = /^[-–—+•*]\s*\S/;

/**
 * Whether a label opens a breakdown line: `Trong đó`, `Trđ`, `Tr.đ`, `TĐ:`, or a bullet.
 *
 * @example
 * isBreakdownLabel('Trong đó: nữ')       // true
 * isBreakdownLabel('- Khu vực nhà nước') // true
 * isBreakdownLabel('Trđ: nữ')            // true
 * isBreakdownLabel('CĐCS Trường A')      // false
 */
export function isBreakdownLabel(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  for (const text of labelReadings(raw)) {
    if (BULLET.test(text)) return true;
    const w = labelWords(text);
    if (wordIs(w[0], 'trong') && wordIs(w[1], 'đó')) return true;
    // `Trđ`, `Tr.đ` (split at the dot), `TĐ:`.
    if (wordIs(w[0], 'trđ') || (wordIs(w[0], 'tr') && wordIs(w[1], 'đ')) || (wordIs(w[0], 'tđ') && /^\s*t\s*\.?\s*[đd]\s*:/i.test(text))) return true;
  }
  return false;
}

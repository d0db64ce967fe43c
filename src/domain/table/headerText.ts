/**
 * Header text as offices type it, made ready for matching (spec/layouts.md, "The header band"):
 * line breaks and repeated spaces, NFD, TCVN3/VNI text from old `.VnTime` templates, footnote marks.
 * Case, diacritics and punctuation are left to `matchKey`; units in parentheses to the matcher.
 */
import { isCellError, type RawCell } from '../grid';
import { convertLegacy, fromLegacy } from '../legacyEncoding';
import { cleanText, scanText, TEXT_HAS_LATIN1, TEXT_HAS_VIETNAMESE } from '../text';

/** Superscript digits used as footnote marks (¹ ² ³ are Latin-1, the rest U+2070–U+209F). */
const SUPERSCRIPTS = /[\u00b9\u00b2\u00b3\u2070-\u209f]+/g;
const TRAILING_SUPERSCRIPTS = /[\u00b9\u00b2\u00b3\u2070-\u209f]+$/;
/** `(*)`, `(**)`, a bare `*`, `(1)`, `[2]`: footnote marks, never part of a column's name. */
const FOOTNOTES = /\(\s*\*+\s*\)|\*+|[([]\s*\d{1,2}\s*[)\]]/g;

/**
 * A header cell as the user reads it: trimmed, spaces and line breaks collapsed, NFC, and
 * converted to Unicode when it is TCVN3 or VNI text. Numbers become their digits; other
 * values (booleans, errors, empty) give `''`.
 *
 * @example
 * headerDisplayText('Số đoàn\nviên ') // 'Số đoàn viên'
 * headerDisplayText('M· ®¬n vÞ')      // 'Mã đơn vị' (TCVN3)
 * headerDisplayText(3)                // '3'
 */
export function headerDisplayText(value: RawCell | undefined): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || isCellError(value)) return '';
  const text = cleanText(value);
  if (!(scanText(text) & TEXT_HAS_LATIN1)) return text;
  return fromLegacy(text)?.text ?? text;
}

/**
 * Removes footnote marks: `(*)`, `*`, `(1)`, `[1]` and superscript digits.
 *
 * @example
 * stripFootnotes('Số đoàn viên (*)') // 'Số đoàn viên'
 * stripFootnotes('Số ĐV¹')           // 'Số ĐV'
 */
export function stripFootnotes(text: string): string {
  return text.replace(SUPERSCRIPTS, ' ').replace(FOOTNOTES, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Removes every part in parentheses, where headers carry their unit (`(người)`, `(đơn vị)`,
 * `(%)`, `(triệu đồng)`) or a remark.
 *
 * @example
 * stripParenthesised('Số đoàn viên (người)') // 'Số đoàn viên'
 */
export function stripParenthesised(text: string): string {
  return text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

const READINGS = new Map<string, readonly string[]>();
const READINGS_LIMIT = 5_000;

/**
 * The readings of a header text to try when matching, most likely first, each without footnote
 * marks: the text itself (converted when it reads as TCVN3/VNI), and — for text with Latin-1
 * letters that the detector leaves alone (too short to tell, such as `Cã`) — both legacy
 * conversions. A trailing superscript is also tried as a footnote before conversion, since `¹`
 * is a TCVN3 letter too.
 *
 * @example
 * headerReadings('Sè ®oµn viªn (*)') // ['Số đoàn viên', …]
 * headerReadings('Cã')              // ['Cã', 'Có', …]
 */
export function headerReadings(text: string): readonly string[] {
  const cached = READINGS.get(text);
  if (cached) return cached;
  const clean = cleanText(text);
  const bases = [clean];
  if (TRAILING_SUPERSCRIPTS.test(clean)) bases.unshift(clean.replace(TRAILING_SUPERSCRIPTS, '').trim());
  const out: string[] = [];
  const add = (t: string) => {
    const s = stripFootnotes(t);
    if (s && !out.includes(s)) out.push(s);
  };
  for (const base of bases) {
    // Unicode Vietnamese has Latin-1 letters too (à, ê, ó); a letter only Unicode has rules legacy text out.
    const flags = scanText(base);
    if (!(flags & TEXT_HAS_LATIN1) || flags & TEXT_HAS_VIETNAMESE) {
      add(base);
      continue;
    }
    const detected = fromLegacy(base);
    if (detected) add(detected.text);
    add(base);
    add(convertLegacy(base, 'tcvn3'));
    add(convertLegacy(base, 'vni'));
  }
  if (READINGS.size < READINGS_LIMIT && text.length <= 200) READINGS.set(text, out);
  return out;
}

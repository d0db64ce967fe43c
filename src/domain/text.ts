/**
 * Text helpers shared by header matching and value normalisation.
 * Kept free of any I/O so the domain stays pure.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const PUNCTUATION = /[.,():;/\\\-–—_'"“”‘’!?*#&+[\]{}|<>%]/g;
const SPACES = /\s+/g;

/**
 * Unicode NFC, trimmed, inner runs of white space collapsed to one space.
 *
 * @example
 * cleanText('  Công   đoàn ') // 'Công đoàn'
 */
export function cleanText(text: string): string {
  // Most cells are already clean; normalize() and two regex passes are the engine's hot spot.
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Text that cleanText would change: outer or doubled white space, odd spaces, combining marks. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u3000\u0300-\u036f]/;

/**
 * Removes Vietnamese diacritics (and đ/Đ → d/D), keeping letters and case.
 *
 * @example
 * stripDiacritics('Đoàn viên') // 'Doan vien'
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * The key two labels are compared by: case-folded, punctuation turned into spaces,
 * spaces collapsed, diacritics removed. "Số ĐV" and "so dv" share a key.
 *
 * @example
 * matchKey('Tên đơn vị/CĐCS') // 'ten don vi cdcs'
 */
export function matchKey(text: string): string {
  let key = MATCH_KEYS.get(text);
  if (key === undefined) {
    key = stripDiacritics(text.normalize('NFC').toLowerCase()).replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
    // Keys are looked up for headers, choices and yes/no words: few distinct texts, many times.
    if (MATCH_KEYS.size < MATCH_CACHE_LIMIT && text.length <= 80) MATCH_KEYS.set(text, key);
  }
  return key;
}

const MATCH_CACHE_LIMIT = 10_000;
const MATCH_KEYS = new Map<string, string>();

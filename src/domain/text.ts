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
  if (!(scanText(text) & TEXT_NEEDS_CLEANING)) return text;
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** scanText flag: cleanText would change the text (outer or doubled spaces, odd spaces, combining marks). */
export const TEXT_NEEDS_CLEANING = 1;
/** scanText flag: the text has a Latin-1 letter or sign (U+00A1–U+00FF), as legacy TCVN3/VNI text does. */
export const TEXT_HAS_LATIN1 = 2;
/** scanText flag: the text has a letter only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, toned vowels). */
export const TEXT_HAS_VIETNAMESE = 4;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/**
 * One pass over a text's characters, for the hot path: which of the TEXT_* flags apply.
 *
 * @example
 * scanText('Trường') & TEXT_HAS_VIETNAMESE // 4
 * scanText(' CD01') & TEXT_NEEDS_CLEANING // 1
 */
export function scanText(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  let flags = 0;
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(n - 1))) flags |= TEXT_NEEDS_CLEANING;
  let previousSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (previousSpace) flags |= TEXT_NEEDS_CLEANING;
        previousSpace = true;
      } else {
        if (c < 32) flags |= TEXT_NEEDS_CLEANING;
        previousSpace = false;
      }
      continue;
    }
    previousSpace = false;
    if (c >= 0xa1 && c <= 0xff) flags |= TEXT_HAS_LATIN1;
    else if (c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || (c >= 0x300 && c <= 0x36f)) flags |= TEXT_NEEDS_CLEANING;
    else if (
      c === 0x102 || c === 0x103 || c === 0x110 || c === 0x111 || c === 0x128 || c === 0x129 || c === 0x168 || c === 0x169 ||
      c === 0x1a0 || c === 0x1a1 || c === 0x1af || c === 0x1b0 || (c >= 0x1ea0 && c <= 0x1ef9)
    ) {
      flags |= TEXT_HAS_VIETNAMESE;
    }
  }
  return flags;
}

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

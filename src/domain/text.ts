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
  return text.normalize('NFC').replace(SPACES, ' ').trim();
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
  return stripDiacritics(text.normalize('NFC').toLowerCase()).replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

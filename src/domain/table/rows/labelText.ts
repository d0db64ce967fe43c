/**
 * The text of a label cell (STT, code or name: where `Tổng cộng`, `Cộng khối …`, `I. KHỐI …`
 * are typed) read as the person who typed it reads it: trimmed, NFC (also from NFD), TCVN3/VNI
 * converted, split into lower-case words that compare with or without diacritics
 * (spec/layouts.md, "Rows inside the table" and "Values").
 */
import type { RawCell } from '../../grid';
import { convertLegacy, fromLegacy } from '../../legacyEncoding';
import { cleanText, scanText, stripDiacritics, TEXT_HAS_LATIN1, TEXT_HAS_VIETNAMESE } from '../../text';

/**
 * The readings of a label cell to try, most likely first: the text itself, and for text made of
 * Latin-1 signs without a letter only Unicode Vietnamese has, its TCVN3 and VNI conversions (a
 * short label such as `Céng` gives the detector too little to go on, so both are tried).
 * Non-text cells give none.
 *
 * @example
 * labelReadings(' Tổng   cộng ') // ['Tổng cộng']
 * labelReadings('Tæng céng')      // ['Tổng cộng', 'Tæng céng', …]
 * labelReadings(12)               // []
 */
export function labelReadings(raw: RawCell | undefined): readonly string[] {
  if (typeof raw !== 'string') return [];
  const clean = cleanText(raw);
  if (!clean) return [];
  const flags = scanText(clean);
  if (!(flags & TEXT_HAS_LATIN1) || flags & TEXT_HAS_VIETNAMESE) return [clean];
  const out: string[] = [];
  const add = (t: string | undefined) => {
    const c = t === undefined ? '' : cleanText(t);
    if (c && !out.includes(c)) out.push(c);
  };
  add(fromLegacy(clean)?.text);
  add(clean);
  add(convertLegacy(clean, 'tcvn3'));
  add(convertLegacy(clean, 'vni'));
  return out;
}

const WORD_SEPARATORS = /[\s.,:;!?\-–—_/\\"'“”‘’()[\]{}*+=]+/;

/**
 * The lower-case words of a label, without parts in parentheses (`Tổng số (I+II)` is `Tổng số`).
 *
 * @example
 * labelWords('Cộng khối I:')          // ['cộng', 'khối', 'i']
 * labelWords('Tổng số (I + II + III)') // ['tổng', 'số']
 */
export function labelWords(text: string): string[] {
  const lower = text.replace(/\([^)]*\)/g, ' ').toLowerCase();
  return lower.split(WORD_SEPARATORS).filter((w) => w !== '');
}

const ASCII_FORMS = new Map<string, string>();

function asciiForm(form: string): string {
  let a = ASCII_FORMS.get(form);
  if (a === undefined) ASCII_FORMS.set(form, (a = stripDiacritics(form)));
  return a;
}

/**
 * Whether a typed word is a given word: exactly, or typed without any diacritics. `Công` (a
 * company's name) is not `Cộng` (a subtotal): a word with diacritics must have the right ones.
 *
 * @example
 * wordIs('cong', 'cộng') // true
 * wordIs('cộng', 'cộng') // true
 * wordIs('công', 'cộng') // false
 */
export function wordIs(word: string | undefined, form: string): boolean {
  if (word === undefined) return false;
  if (word === form) return true;
  // Plain ASCII (no diacritics typed at all) compares with the word's ASCII form.
  return /^[\x20-\x7e]*$/.test(word) && word === asciiForm(form);
}

/**
 * Whether the words start with the given words (each compared by `wordIs`).
 *
 * @example
 * startsWithWords(['khu', 'vuc', 'mien', 'nui'], ['khu', 'vực']) // true
 */
export function startsWithWords(words: readonly string[], forms: readonly string[]): boolean {
  if (words.length < forms.length) return false;
  for (let i = 0; i < forms.length; i++) if (!wordIs(words[i], forms[i])) return false;
  return true;
}

/**
 * Whether a cell is blank: empty, or text of spaces only.
 *
 * @example
 * isBlankCell('  ') // true
 * isBlankCell(0)    // false
 */
export function isBlankCell(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

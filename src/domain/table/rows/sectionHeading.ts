/**
 * Section headings (spec/layouts.md, "Rows inside the table"): a row with no unit code and every
 * data cell blank whose STT is a Roman numeral or a capital letter (`I`, `II`, `A`, `B`), or
 * whose name is all capitals, or starts with `Khối`, `Cụm`, `Ngành`, `Khu vực`, `Huyện`,
 * `Thị xã`, `Thành phố`, `Nhóm`, `Công đoàn ngành`. It is skipped silently, and its label is the
 * section of the unit rows under it. (The caller checks the code and the data cells; this file
 * says whether the STT and name make a heading.) A row with a name, no code and blank data that
 * is none of these is a unit with missing data.
 */
import { labelReadings, labelWords, startsWithWords } from './labelText';

/** A section heading: its label as shown in the JSON (`I. KHỐI TRƯỜNG HỌC`) and its level. */
export interface SectionHeading {
  readonly label: string;
  /**
   * How high the heading stands: 1 for a capital letter (`A`), 2 for a Roman numeral (`I`) or a
   * name in capitals without a number, 3 for the rest (`1. Cụm …`). A subtotal that closes
   * nested blocks (`Cộng khối I` after `Cộng cụm 2`) adds the units since the last higher one.
   */
  readonly level: number;
}

const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
/** A leading enumerator typed in the name: `I.`, `A)`, `1.`, `2/`, `-`. */
const ENUMERATOR = /^(?:(?:[IVXLC]+|[A-Za-z]|\d{1,3})\s*[.)/:]|[-–—+•*])\s*/;
/** A Roman numeral or capital letter that starts a label typed in the STT cell: `I. KHỐI …`. */
const STT_PREFIX = /^([IVXLC]+|[A-Z])\s*[.)/:]\s*\S/;

const PREFIXES: readonly (readonly string[])[] = [
  ['khối'],
  ['cụm'],
  ['ngành'],
  ['khu', 'vực'],
  ['huyện'],
  ['thị', 'xã'],
  ['thành', 'phố'],
  ['nhóm'],
  ['công', 'đoàn', 'ngành'],
];

/** The STT's mark: `I`, `II.`, `A)` → its letters; anything else undefined. */
function sttMark(stt: string): string | undefined {
  const t = stt.replace(/[.)/:]\s*$/, '').trim();
  if (ROMAN.test(t) || /^[A-Z]$/.test(t)) return t;
  return undefined;
}

function levelOfMark(mark: string): number {
  return ROMAN.test(mark) && mark !== 'C' && mark !== 'L' ? 2 : 1;
}

/**
 * Whether a text is in capitals: it has at least two letters and no lower-case one.
 *
 * @example
 * isAllCapitals('KHỐI TRƯỜNG HỌC') // true
 * isAllCapitals('Khối trường học') // false
 */
export function isAllCapitals(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue;
    if (ch !== upper) return false;
    letters++;
  }
  return letters >= 2;
}

/** Whether a name (without its enumerator) starts with one of the heading words. */
function startsWithHeadingWord(name: string): boolean {
  const words = labelWords(name);
  return PREFIXES.some((p) => startsWithWords(words, p));
}

/**
 * Reads a row whose code is empty and whose data cells are blank as a section heading, from its
 * STT and name texts (either may be absent: a heading typed across the row stands in one cell).
 *
 * @example
 * readSectionHeading('I', 'KHỐI TRƯỜNG HỌC')     // { label: 'I. KHỐI TRƯỜNG HỌC', level: 2 }
 * readSectionHeading(undefined, 'Cụm Quy Nhơn')   // { label: 'Cụm Quy Nhơn', level: 3 }
 * readSectionHeading('I. Khối trường học', undefined) // { label: 'I. Khối trường học', level: 2 }
 * readSectionHeading(3, 'CĐCS Trường Mầm non A')  // undefined (a unit with missing data)
 */
export function readSectionHeading(stt: unknown, name: unknown): SectionHeading | undefined {
  const sttText = typeof stt === 'string' ? stt.trim() : '';
  const nameText = typeof name === 'string' ? (labelReadings(name)[0] ?? '') : '';
  const mark = sttText ? sttMark(sttText) : undefined;
  if (mark) {
    const label = nameText ? (nameText.startsWith(mark) ? nameText : `${mark}. ${nameText}`) : mark;
    return { label, level: levelOfMark(mark) };
  }
  // The heading typed in the STT cell (often merged across the row): `I. KHỐI TRƯỜNG HỌC`.
  const prefixed = STT_PREFIX.exec(sttText);
  if (prefixed && !nameText) return { label: sttText, level: levelOfMark(prefixed[1]) };
  const text = nameText || (typeof stt === 'string' ? (labelReadings(stt)[0] ?? '') : '');
  if (!text) return undefined;
  const bare = text.replace(ENUMERATOR, '');
  const numbered = typeof stt === 'number' || /^\d/.test(sttText) || bare !== text;
  if (isAllCapitals(bare)) return { label: text, level: numbered ? 3 : 2 };
  if (startsWithHeadingWord(bare)) return { label: text, level: 3 };
  return undefined;
}

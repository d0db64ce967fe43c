/**
 * Legacy Vietnamese encodings (TCVN3/ABC and VNI Windows) as they arrive in Excel:
 * the old font's bytes read as Windows-1252/Latin-1 characters, so `Công đoàn` typed in
 * `.VnTime` shows up as `C«ng ®oµn` and in `VNI-Times` as `Coâng ñoaøn`.
 * Pure: no I/O, no DOM, no Node APIs.
 */

/** The two legacy encodings still found in returns. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * The 12 Vietnamese vowels (rows), each in the tone order used by every table below:
 * no tone, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot below).
 */
const VOWEL_ROWS: readonly string[] = [
  'aàảãáạ',
  'ăằẳẵắặ',
  'âầẩẫấậ',
  'eèẻẽéẹ',
  'êềểễếệ',
  'iìỉĩíị',
  'oòỏõóọ',
  'ôồổỗốộ',
  'ơờởỡớợ',
  'uùủũúụ',
  'ưừửữứự',
  'yỳỷỹýỵ',
];

/**
 * TCVN3 (TCVN 5712:1993 VN3) codes, aligned with VOWEL_ROWS, each byte shown as its
 * Windows-1252 character. ư is 0xAD, the soft hyphen, hence the escape.
 */
const TCVN3_ROWS: readonly string[] = [
  'aµ¶·¸¹',
  '¨»¼½¾Æ',
  '©ÇÈÉÊË',
  'eÌÎÏÐÑ',
  'ªÒÓÔÕÖ',
  'i×ØÜÝÞ',
  'oßáâãä',
  '«åæçèé',
  '¬êëìíî',
  'uïñòóô',
  '\u00ADõö÷øù',
  'yúûüýþ',
];

/** VN3 has no toned capitals: only these seven (capital fonts such as `.VnTimeH` reuse the lower-case codes). */
const TCVN3_CAPITALS: readonly (readonly [string, string])[] = [
  ['¡', 'Ă'],
  ['¢', 'Â'],
  ['£', 'Ê'],
  ['¤', 'Ô'],
  ['¥', 'Ơ'],
  ['¦', 'Ư'],
  ['§', 'Đ'],
];

/**
 * VNI Windows sequences, aligned with VOWEL_ROWS: a base letter followed by one mark character.
 * The i-forms, ỵ, ơ and ư are single characters. Capitals are the same sequences upper-cased.
 */
const VNI_ROWS: readonly (readonly string[])[] = [
  ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
];

const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = buildTcvn3Map();
const VNI_PAIRS: ReadonlyMap<string, string> = buildVniMap(2);
const VNI_SINGLES: ReadonlyMap<string, string> = buildVniMap(1);

function buildTcvn3Map(): Map<string, string> {
  const map = new Map<string, string>([['®', 'đ'], ...TCVN3_CAPITALS]);
  TCVN3_ROWS.forEach((codes, row) => {
    [...codes].forEach((code, tone) => {
      if (code.charCodeAt(0) > 0x7f) map.set(code, VOWEL_ROWS[row][tone]);
    });
  });
  return map;
}

/** VNI sequences of the given length (1 or 2 characters), lower and upper case. */
function buildVniMap(length: 1 | 2): Map<string, string> {
  const map = new Map<string, string>();
  const add = (code: string, letter: string): void => {
    if (code.length !== length || !/[^\x00-\x7f]/.test(code)) return;
    map.set(code, letter);
    map.set(code.toUpperCase(), letter.toUpperCase());
    if (length === 2) {
      // Case follows the base letter; the mark's case is not significant.
      map.set(code[0] + code[1].toUpperCase(), letter);
      map.set(code[0].toUpperCase() + code[1], letter.toUpperCase());
    }
  };
  VNI_ROWS.forEach((codes, row) => codes.forEach((code, tone) => add(code, VOWEL_ROWS[row][tone])));
  add('ñ', 'đ');
  return map;
}

/**
 * A run of letters as TCVN3 text spells them: ASCII letters and TCVN3 codes
 * (some of which look like punctuation: « ® and the soft hyphen).
 */
const TCVN3_WORD = new RegExp(`[A-Za-z${[...TCVN3_TO_UNICODE.keys()].join('')}]+`, 'g');
const TCVN3_CAPITAL_CODES = new Set(TCVN3_CAPITALS.map(([code]) => code));

function countCapitals(text: string): number {
  let count = 0;
  for (const ch of text) if ((ch >= 'A' && ch <= 'Z') || TCVN3_CAPITAL_CODES.has(ch)) count++;
  return count;
}

/**
 * In capital fonts (`.VnTimeH`) `CéNG` means `CỘNG`: a word with two capitals or more, no lower-case
 * ASCII and a lower-case Vietnamese code is capitals. An abbreviation such as `C§CS` proves nothing.
 */
function isCapitalWord(word: string): boolean {
  const hasLowerCode = [...word].some((ch) => ch > '\x7f' && !TCVN3_CAPITAL_CODES.has(ch));
  return hasLowerCode && !/[a-z]/.test(word) && countCapitals(word) >= 2;
}

function convertTcvn3(text: string): string {
  // One such word in a cell without lower-case ASCII makes the whole cell capitals (`X· HéI` → `XÃ HỘI`).
  const capitalCell = !/[a-z]/.test(text) && (text.match(TCVN3_WORD) ?? []).some(isCapitalWord);
  return text.replace(TCVN3_WORD, (word) => {
    const converted = [...word].map((ch) => TCVN3_TO_UNICODE.get(ch) ?? ch).join('');
    return capitalCell || isCapitalWord(word) ? converted.toUpperCase() : converted;
  });
}

function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = VNI_PAIRS.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
    } else {
      out += VNI_SINGLES.get(text[i]) ?? text[i];
      i += 1;
    }
  }
  return out;
}

/**
 * Converts legacy-encoded text to Unicode NFC Vietnamese. Characters that are not part of the
 * encoding (ASCII, digits, other symbols) are kept as they are. For TCVN3, words typed in a
 * capital font (ASCII capitals mixed with lower-case Vietnamese codes) come out in capitals.
 *
 * @example
 * convertLegacy('C«ng ®oµn', 'tcvn3')   // 'Công đoàn'
 * convertLegacy('CéNG HOµ', 'tcvn3')    // 'CỘNG HOÀ'
 * convertLegacy('Coâng ñoaøn', 'vni')   // 'Công đoàn'
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  const source = text.normalize('NFC');
  return (encoding === 'tcvn3' ? convertTcvn3(source) : convertVni(source)).normalize('NFC');
}

// ---------------------------------------------------------------------------
// Vietnamese syllable check, used to tell real legacy text from ordinary Unicode or foreign words.

interface VowelInfo {
  readonly base: string;
  readonly tone: number;
}

const VOWEL_INFO: ReadonlyMap<string, VowelInfo> = new Map(
  VOWEL_ROWS.flatMap((row) => [...row].map((ch, tone): [string, VowelInfo] => [ch, { base: row[0], tone }])),
);
const SHAPED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const ACUTE = 4;
const DOT = 5;

/**
 * Every parse is tried, so `gi` also reads as `g` + `i…` (gìn, giếng) and `qu` as `q` + `u…` (quỳnh).
 * `kr` and final `k` are kept for Central Highlands names (Krông Pắc, Đắk Lắk).
 */
const INITIALS = [
  'ngh', 'ng', 'gh', 'gi', 'kh', 'kr', 'nh', 'ph', 'th', 'tr', 'ch', 'qu', 'q',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];
const FINALS = new Set(['', 'c', 'ch', 'k', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_FINALS = new Set(['c', 'ch', 'k', 'p', 't']);

/**
 * Vowel clusters and whether they stand open, closed by a final consonant, or both.
 * `oo` (xoong) is left out on purpose: it is what VNI `oâ` looks like when misread as TCVN3.
 */
const CLUSTERS: ReadonlyMap<string, 'open' | 'closed' | 'both'> = new Map([
  ...['a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'oa', 'oe', 'uê', 'uy'].map((c) => [c, 'both'] as const),
  ...[
    'y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'uơ', 'ưa', 'ưi',
    'ưu', 'iêu', 'yêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu',
  ].map((c) => [c, 'open'] as const),
  ...['ă', 'â', 'iê', 'yê', 'oă', 'uâ', 'uô', 'ươ', 'uyê'].map((c) => [c, 'closed'] as const),
]);
const TAKES_CH_NH = new Set(['a', 'ê', 'i', 'oa', 'uê', 'uy']);
const REFUSES_C_NG = new Set(['i', 'ê', 'y', 'uy', 'uê']);

/** Where a tone mark may sit in a vowel cluster; both old (hòa) and new (hoà) styles are accepted. */
function tonePositions(cluster: string, closed: boolean): readonly number[] {
  if (cluster.length === 1) return [0];
  let shaped = -1;
  for (let i = 0; i < cluster.length; i++) if (SHAPED_VOWELS.has(cluster[i])) shaped = i;
  if (shaped >= 0) return [shaped];
  if (cluster.length === 3 || closed) return [1];
  return cluster === 'oa' || cluster === 'oe' || cluster === 'uy' ? [0, 1] : [0];
}

function isRhyme(initial: string, rest: string, tone: number, tonePos: number): boolean {
  let split = 0;
  while (split < rest.length && VOWEL_INFO.has(rest[split])) split++;
  const cluster = rest.slice(0, split);
  const final = rest.slice(split);
  const kind = CLUSTERS.get(cluster);
  if (kind === undefined || !FINALS.has(final)) return false;
  if (final === '' ? kind === 'closed' : kind === 'open') return false;
  if ((final === 'ch' || final === 'nh') && !TAKES_CH_NH.has(cluster)) return false;
  if ((final === 'c' || final === 'k' || final === 'ng') && REFUSES_C_NG.has(cluster)) return false;
  if ((initial === 'gh' || initial === 'ngh') && !'ieê'.includes(cluster[0])) return false;
  if (initial === 'q' && cluster[0] !== 'u') return false;
  if (tone === 0) return true;
  // Syllables ending in a stop consonant only take sắc or nặng (tốt, học; never tèt).
  if (STOP_FINALS.has(final) && tone !== ACUTE && tone !== DOT) return false;
  return tonePositions(cluster, final !== '').includes(tonePos - initial.length);
}

/** Whether one word (letters only) is a well-formed Vietnamese syllable, in any case. */
function isVietnameseSyllable(word: string): boolean {
  let skeleton = '';
  let tone = 0;
  let tonePos = -1;
  for (const ch of word.toLowerCase()) {
    const vowel = VOWEL_INFO.get(ch);
    if (vowel !== undefined) {
      if (vowel.tone !== 0) {
        if (tone !== 0) return false;
        tone = vowel.tone;
        tonePos = skeleton.length;
      }
      skeleton += vowel.base;
    } else if (/^[b-df-hj-np-tv-zđ]$/.test(ch)) {
      skeleton += ch;
    } else {
      return false;
    }
  }
  return INITIALS.some(
    (initial) => skeleton.startsWith(initial) && isRhyme(initial, skeleton.slice(initial.length), tone, tonePos),
  );
}

interface Assessment {
  /** Words with a non-ASCII letter that are valid Vietnamese syllables. */
  readonly valid: number;
  readonly invalid: number;
  /** Valid ones of two letters or more: a lone `«` → `ô` proves nothing. */
  readonly longValid: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Counts the words that carry a non-ASCII letter (plain ASCII words say nothing about the encoding). */
function assess(text: string): Assessment {
  let valid = 0;
  let invalid = 0;
  let longValid = 0;
  for (const word of text.normalize('NFC').match(WORD) ?? []) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    if (isVietnameseSyllable(word)) {
      valid++;
      if ([...word].length >= 2) longValid++;
    } else {
      invalid++;
    }
  }
  return { valid, invalid, longValid };
}

/** Legacy text is made of these; without any, there is nothing to convert. */
const LATIN1_HIGH = /[\u00a1-\u00ff]/;
/** Letters Unicode Vietnamese has and Latin-1 lacks (ă đ ĩ ũ ơ ư, U+1EA0–U+1EF9) or NFD marks: such text is already Unicode. */
const UNICODE_VIETNAMESE = /[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u036f]/;
/** Characters only one of the two encodings uses; they break the rare tie (`Tö` is tử in TCVN3, tư in VNI). */
const ALPHABETS: Readonly<Record<LegacyEncoding, ReadonlySet<string>>> = {
  tcvn3: new Set(TCVN3_TO_UNICODE.keys()),
  vni: new Set([...VNI_PAIRS.keys(), ...VNI_SINGLES.keys()].flatMap((code) => [...code].filter((ch) => ch > '\x7f'))),
};

function exclusiveCount(text: string, encoding: LegacyEncoding): number {
  const other = ALPHABETS[encoding === 'tcvn3' ? 'vni' : 'tcvn3'];
  let count = 0;
  for (const ch of text) if (ALPHABETS[encoding].has(ch) && !other.has(ch)) count++;
  return count;
}

const ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni'];
/** `5 µm`, `10µg`: a micro sign after a number is a unit, not TCVN3 `à`. */
const MICRO_UNIT = /(\d\s?)\u00b5(?=[A-Za-z]{1,2}\b)/g;

/**
 * Which legacy encoding a cell's text is in, or undefined when it is ordinary Unicode (or plain ASCII/English).
 *
 * Rule: the text must hold Latin-1 characters and no letter that only Unicode Vietnamese has.
 * Each encoding's conversion is then scored by how many non-ASCII words are well-formed Vietnamese
 * syllables. An encoding qualifies when its conversion yields more valid words than the text as
 * typed, at least two thirds of its non-ASCII words are valid, and one valid word has two letters
 * or more. The best score wins; a tie goes to the encoding with more characters only it uses, then TCVN3.
 *
 * @example
 * detectLegacyEncoding('C«ng ®oµn')    // 'tcvn3'
 * detectLegacyEncoding('Coâng ñoaøn')  // 'vni'
 * detectLegacyEncoding('Công đoàn')    // undefined
 * detectLegacyEncoding('Café')         // undefined
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | undefined {
  if (!LATIN1_HIGH.test(text) || UNICODE_VIETNAMESE.test(text)) return undefined;
  // Greek mu is neither Latin-1 nor Vietnamese, so unit words count as foreign in every reading.
  const sample = text.replace(MICRO_UNIT, '$1\u03bc');
  const asTyped = assess(sample);
  let best: { encoding: LegacyEncoding; score: number; evidence: number } | undefined;
  for (const encoding of ENCODINGS) {
    const converted = assess(convertLegacy(sample, encoding));
    const qualifies =
      converted.longValid > 0 && converted.valid > asTyped.valid && converted.valid >= 2 * converted.invalid;
    if (!qualifies) continue;
    const score = converted.valid - converted.invalid;
    const evidence = exclusiveCount(text, encoding);
    if (best === undefined || score > best.score || (score === best.score && evidence > best.evidence)) {
      best = { encoding, score, evidence };
    }
  }
  return best?.encoding;
}

/**
 * Convenience: detect and convert; returns undefined when the text is not legacy-encoded.
 *
 * @example
 * fromLegacy('Hoµn thµnh tèt nhiÖm vô') // { encoding: 'tcvn3', text: 'Hoàn thành tốt nhiệm vụ' }
 * fromLegacy('Hoàn thành')              // undefined
 */
export function fromLegacy(text: string): { encoding: LegacyEncoding; text: string } | undefined {
  const encoding = detectLegacyEncoding(text);
  return encoding === undefined ? undefined : { encoding, text: convertLegacy(text, encoding) };
}

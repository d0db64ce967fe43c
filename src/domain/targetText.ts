/**
 * A target as the Vietnamese text a secretary reads and edits in a cell: "≥ 15%", "> 95%",
 * "≤ 0", "90%–95%", "≥ 9.000", "đến 2023: ≥ 100%; đến 2025: ≥ 80%". Parsing is exact
 * (rationals through `parseDecimal`), never through floats.
 */
import { parseDecimal, reduce, type Rational } from './rational';
import { stripDiacritics } from './text';
import type { Comparator, Target, YearTarget } from './targetSet';
import { isYearTargets } from './targetSet';

const SYMBOL: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤' };

/** Most decimals shown for a value that is not a short decimal (only a hand-made rational can be one). */
const MAX_DECIMALS = 6;

/**
 * r × scale as Vietnamese decimal text: `.` groups thousands, `,` marks decimals; exact when the
 * decimal ends within MAX_DECIMALS digits, else rounded half up.
 */
function decimalText(r: Rational, scale: number): string {
  let num = BigInt(r.n) * BigInt(scale);
  const den = BigInt(r.d);
  const negative = num < 0n;
  if (negative) num = -num;
  let k = 0;
  while (k < MAX_DECIMALS && (num * 10n ** BigInt(k)) % den !== 0n) k++;
  const scaled = (num * 10n ** BigInt(k) * 2n + den) / (2n * den);
  let digits = scaled.toString().padStart(k + 1, '0');
  let intPart = digits.slice(0, digits.length - k);
  let frac = digits.slice(digits.length - k);
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  digits = intPart + (frac ? ',' + frac : '');
  return (negative && digits !== '0' ? '-' : '') + digits;
}

function valueText(r: Rational, fraction: boolean): string {
  return fraction ? decimalText(r, 100) + '%' : decimalText(r, 1);
}

/**
 * One target as text. `fraction` is true for ratio and share kinds (see `isFractionKind`):
 * the value is then shown as a percentage. A range shows both ends and no comparator.
 *
 * @example
 * formatTarget({ comparator: '>=', value: { n: 3, d: 20 } }, true) // '≥ 15%'
 * formatTarget({ comparator: '>=', value: { n: 9, d: 10 }, upper: { n: 19, d: 20 } }, true) // '90%–95%'
 * formatTarget({ comparator: '>=', value: { n: 9000, d: 1 } }, false) // '≥ 9.000'
 * formatTarget({ comparator: '<=', value: { n: 0, d: 1 } }, false) // '≤ 0'
 */
export function formatTarget(target: Target, fraction: boolean): string {
  if (target.upper) return `${valueText(target.value, fraction)}–${valueText(target.upper, fraction)}`;
  return `${SYMBOL[target.comparator]} ${valueText(target.value, fraction)}`;
}

/**
 * A target or a year-dependent list of targets as text; list items are joined with "; ".
 *
 * @example
 * formatTargets([
 *   { byYear: 2023, target: { comparator: '>=', value: { n: 1, d: 1 } } },
 *   { byYear: 2025, target: { comparator: '>=', value: { n: 4, d: 5 } } },
 * ], true) // 'đến 2023: ≥ 100%; đến 2025: ≥ 80%'
 */
export function formatTargets(t: Target | readonly YearTarget[], fraction: boolean): string {
  if (!isYearTargets(t)) return formatTarget(t, fraction);
  return t.map((y) => `đến ${y.byYear}: ${formatTarget(y.target, fraction)}`).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Parsing. Everything below works on "normalised" text: NFC, lower case, Vietnamese diacritics
// removed (so "ít nhất" and "it nhat" are one phrase), spaces collapsed.

function normalise(text: string): string {
  return stripDiacritics(text.normalize('NFC').toLowerCase())
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Comparator words and symbols that may open a target, longest first within each group. */
const PREFIXES: readonly (readonly [string, Comparator])[] = [
  ['>=', '>='],
  ['=>', '>='],
  ['≥', '>='],
  ['⩾', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['≤', '<='],
  ['⩽', '<='],
  ['>', '>'],
  ['lon hon hoac bang', '>='],
  ['khong it hon', '>='],
  ['khong duoi', '>='],
  ['it nhat', '>='],
  ['toi thieu', '>='],
  ['tu', '>='],
  ['nho hon hoac bang', '<='],
  ['khong vuot qua', '<='],
  ['khong qua', '<='],
  ['khong hon', '<='],
  ['toi da', '<='],
  ['nhieu hon', '>'],
  ['lon hon', '>'],
  ['cao hon', '>'],
  ['tren', '>'],
];

/** Words a secretary writes before the number that do not change its meaning. */
const FILLERS: readonly string[] = ['phan dau', 'muc tieu', 'dat', 'co'];

const NUMBER = /^\d+(?:[.,]\d+)*/;
const RANGE_SEPARATOR = /^(?:-|–|—|~|\.\.|den|toi)\s*/;

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  // Symbols stand alone; words must end at a space, a digit or the end ("tu" is not "tuldtt").
  if (!/^[a-z]/.test(word)) return true;
  const next = text.charAt(word.length);
  return next === '' || next === ' ' || /\d/.test(next);
}

/**
 * A number token in Vietnamese or English writing, as an exact rational. `,` is the decimal mark
 * ("12,5", and "9,000" is nine); `.` groups thousands when every group after it has three digits
 * and the first group is a proper one ("9.000", "1.234.567"), else it is a decimal point ("0.9").
 * Both marks: the last one is the decimal mark ("1.234,5" and "1,234.5").
 */
function parseNumberToken(token: string): Rational | undefined {
  const dots = (token.match(/\./g) ?? []).length;
  const commas = (token.match(/,/g) ?? []).length;
  const grouped = (intText: string, sep: string): string | undefined => {
    const groups = intText.split(sep);
    const [first, ...rest] = groups;
    if (!/^[1-9]\d{0,2}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return undefined;
    return groups.join('');
  };
  let canonical: string | undefined;
  if (dots === 0 && commas === 0) canonical = token;
  else if (dots > 0 && commas > 0) {
    const lastDot = token.lastIndexOf('.');
    const lastComma = token.lastIndexOf(',');
    const [dec, group] = lastComma > lastDot ? [',', '.'] : ['.', ','];
    const at = token.lastIndexOf(dec);
    if (token.indexOf(dec) !== at) return undefined;
    const intText = grouped(token.slice(0, at), group);
    canonical = intText === undefined ? undefined : intText + ',' + token.slice(at + 1);
  } else if (commas > 0) {
    // One comma is the Vietnamese decimal mark; several can only be English thousands.
    canonical = commas === 1 ? token : grouped(token, ',');
  } else {
    const asGroups = grouped(token, '.');
    if (asGroups !== undefined && (dots > 1 || /\.\d{3}$/.test(token))) canonical = asGroups;
    else canonical = dots === 1 ? token.replace('.', ',') : undefined;
  }
  return canonical === undefined ? undefined : parseDecimal(canonical);
}

interface Amount {
  readonly value: Rational;
  readonly percent: boolean;
}

/** Reads "<number>[ %| phan tram]" from the start of `text`. */
function readAmount(text: string): { amount: Amount; rest: string } | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const value = parseNumberToken(m[0]);
  if (!value) return undefined;
  let rest = text.slice(m[0].length).trimStart();
  let percent = false;
  if (rest.startsWith('%')) {
    percent = true;
    rest = rest.slice(1).trimStart();
  } else if (startsWithWord(rest, 'phan tram')) {
    percent = true;
    rest = rest.slice('phan tram'.length).trimStart();
  }
  return { amount: { value, percent }, rest };
}

/**
 * The rational a typed amount stands for. In a fraction kind "15%" is 15/100; a bare number
 * above 1 is read as a percentage ("15" = 15%) and one up to 1 as a fraction ("0,9" = 90%,
 * "1" = 100%), the way Excel stores a cell formatted as percent. Other kinds take no "%".
 */
function amountValue(a: Amount, fraction: boolean): Rational | undefined {
  if (!fraction) return a.percent ? undefined : a.value;
  if (a.percent || a.value.n > a.value.d) return reduce({ n: a.value.n, d: a.value.d * 100 });
  return a.value;
}

function compare(a: Rational, b: Rational): number {
  return a.n * b.d - b.n * a.d;
}

function parseNormalised(input: string, fraction: boolean, bare: Comparator = '>='): Target | undefined {
  let text = input.replace(/[.;]+$/, '').trim();
  let prefix: Comparator | undefined;
  for (let changed = true; changed; ) {
    changed = false;
    const filler = FILLERS.find((w) => startsWithWord(text, w));
    if (filler) {
      text = text.slice(filler.length).trimStart();
      changed = true;
      continue;
    }
    const found = PREFIXES.find(([w]) => startsWithWord(text, w));
    if (found) {
      if (prefix !== undefined && prefix !== found[1]) return undefined;
      prefix = found[1];
      text = text.slice(found[0].length).trimStart();
      changed = true;
    }
  }
  // "không có" (none at all) is the "≤ 0" of "không có CĐCS không hoàn thành nhiệm vụ".
  if (prefix === undefined && /^khong(?: co(?: .*)?)?$/.test(text) && !/\d/.test(text)) {
    return { comparator: '<=', value: { n: 0, d: 1 } };
  }

  const first = readAmount(text);
  if (!first) return undefined;
  let rest = first.rest;
  let second: Amount | undefined;
  const sep = RANGE_SEPARATOR.exec(rest);
  if (sep) {
    const next = readAmount(rest.slice(sep[0].length));
    if (!next) return undefined;
    second = next.amount;
    rest = next.rest;
  }

  let suffix: Comparator | undefined;
  if (/(^| )tro len( |$)/.test(rest)) suffix = '>=';
  if (/(^| )tro xuong( |$)/.test(rest)) {
    if (suffix) return undefined;
    suffix = '<=';
  }
  // Whatever else follows must be unit words ("đoàn viên", "cuộc", "lần/năm"), never figures or signs.
  const words = rest.replace(/(^| )tro (len|xuong)(?= |$)/g, ' ').trim();
  if (!/^[a-z /]*$/.test(words)) return undefined;

  let comparator: Comparator;
  // A range has no direction of its own; a single bare value takes the one it was typed over.
  if (prefix === undefined) comparator = suffix ?? (second === undefined ? bare : '>=');
  else if (suffix === undefined || suffix === prefix) comparator = prefix;
  // "trên 95% trở lên" in the documents means at least 95% (spec: ≥ 95%).
  else if (prefix === '>' && suffix === '>=') comparator = '>=';
  else return undefined;

  if (second === undefined) {
    const value = amountValue(first.amount, fraction);
    return value ? { comparator, value } : undefined;
  }
  if (comparator !== '>=') return undefined;
  // "6 đến 10%": a percent sign on either end applies to both.
  const anyPercent = first.amount.percent || second.percent;
  const lo = amountValue({ ...first.amount, percent: first.amount.percent || anyPercent }, fraction);
  const hi = amountValue({ ...second, percent: second.percent || anyPercent }, fraction);
  if (!lo || !hi || compare(lo, hi) > 0) return undefined;
  return { comparator: '>=', value: lo, upper: hi };
}

/**
 * A target from what a secretary types. Accepted: `≥ 15%`, `>=15%`, `15%` (a bare value means
 * ≥), `ít nhất 15%`, `từ 15% trở lên`, `trên 95%` / `> 95%` (strictly more), `không quá 5`,
 * `<= 0`, `≤0`, `không có` (≤ 0), ranges `90% - 95%`, `90–95%`, `từ 90% đến 95%`, numbers
 * `9.000`, `9000`, `12,5%`, and trailing unit words (`ít nhất 01 cuộc`). Case and diacritics
 * do not matter.
 *
 * `fraction` is true for ratio and share kinds. There a bare number without `%` above 1 is a
 * percentage (`15` = 15%) and one up to 1 is a fraction (`0,15` = 15%, `1` = 100%) — the way
 * Excel stores a cell formatted as percent. For other kinds a `%` makes the text invalid.
 * Returns undefined for anything else (never throws).
 *
 * `bare` is the comparator a value typed without one takes (default ≥): editing a target, a bare
 * number typed over `≤ 0` keeps `≤` (spec/indicators.md, "Editing a target"). A comparator typed
 * explicitly always wins.
 *
 * @example
 * parseTarget('từ 15% trở lên', true) // { comparator: '>=', value: { n: 3, d: 20 } }
 * parseTarget('trên 95%', true) // { comparator: '>', value: { n: 19, d: 20 } }
 * parseTarget('9.000', false) // { comparator: '>=', value: { n: 9000, d: 1 } }
 * parseTarget('không có', false) // { comparator: '<=', value: { n: 0, d: 1 } }
 * parseTarget('3', false, '<=') // { comparator: '<=', value: { n: 3, d: 1 } }
 */
export function parseTarget(text: string, fraction: boolean, bare?: Comparator): Target | undefined {
  return parseNormalised(normalise(text), fraction, bare);
}

/** "đến 2023: …", "đến năm 2023 …", "năm 2023: …", "2023: …". */
const YEAR_ITEM = [
  /^(?:den|toi)(?: nam)? (\d{4}) ?[:,]? ?(.+)$/,
  /^nam (\d{4}) ?[:,]? ?(.+)$/,
  /^(\d{4}) ?: ?(.+)$/,
];

/**
 * A single target or a year-dependent list, items separated by `;` or new lines, each
 * `đến 2023: ≥ 100%` (also `đến năm 2023: …`, `năm 2023: …`, `2023: …`); `bare` as in parseTarget. The list comes back
 * sorted by year; a repeated year, or a list item without a year, gives undefined.
 *
 * @example
 * parseTargets('2023: ≥100%\n2025: ≥ 80%', true)
 * // [{ byYear: 2023, target: { comparator: '>=', value: { n: 1, d: 1 } } },
 * //  { byYear: 2025, target: { comparator: '>=', value: { n: 4, d: 5 } } }]
 */
export function parseTargets(text: string, fraction: boolean, bare?: Comparator): Target | YearTarget[] | undefined {
  const parts = text
    .split(/[;\n\r]+/)
    .map(normalise)
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const items: YearTarget[] = [];
  for (const part of parts) {
    const m = YEAR_ITEM.map((re) => re.exec(part)).find((x) => x !== null);
    if (!m) {
      if (parts.length === 1) return parseNormalised(part, fraction, bare);
      return undefined;
    }
    const target = parseNormalised(m[2], fraction, bare);
    if (!target) return undefined;
    items.push({ byYear: Number(m[1]), target });
  }
  items.sort((a, b) => a.byYear - b.byYear);
  if (items.some((y, i) => i > 0 && items[i - 1].byYear === y.byYear)) return undefined;
  return items;
}

/**
 * A target from a number cell (a user typed `0.9` or `90%` into Excel, or `9000`): "≥" that
 * value (or the `bare` comparator, see parseTarget), with the same rule for fraction kinds as `parseTarget` (up to 1 is a fraction, above 1
 * a percentage). Float noise is cut at 12 significant digits so 0.1 + 0.2 reads as 0,3.
 *
 * @example
 * parseTargetNumber(0.9, true) // { comparator: '>=', value: { n: 9, d: 10 } }
 * parseTargetNumber(90, true) // { comparator: '>=', value: { n: 9, d: 10 } }
 * parseTargetNumber(9000, false) // { comparator: '>=', value: { n: 9000, d: 1 } }
 * parseTargetNumber(0, false, '<=') // { comparator: '<=', value: { n: 0, d: 1 } }
 */
export function parseTargetNumber(value: number, fraction: boolean, bare?: Comparator): Target | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const text = String(Number(value.toPrecision(12)));
  if (/e/i.test(text)) return undefined;
  return parseNormalised(text.replace('.', ','), fraction, bare);
}

/**
 * A plain non-negative number typed as text in Vietnamese or English writing ("9.000", "1,5",
 * "0.25"), exactly. Used for amounts that are not targets, e.g. a manual result.
 *
 * @example
 * parseAmount('1.234,5') // { n: 2469, d: 2 }
 */
export function parseAmount(text: string): Rational | undefined {
  const t = normalise(text);
  const m = NUMBER.exec(t);
  if (!m || m[0].length !== t.length) return undefined;
  return parseNumberToken(m[0]);
}

/**
 * Turns one raw cell into the value the engine computes with, or a problem.
 * Silent normalisation (spec/validation.md, layouts.md "Values"): NFD → NFC, spaces, Vietnamese
 * number text, floating-point noise, money in nghìn/triệu đồng to đồng, the listed variants of
 * choices and booleans. Legacy-encoded text (also in choice and yes/no cells) is converted and reported.
 */
import type { ColumnDef } from './catalog';
import { isCellError, type RawCell } from './grid';
import { convertLegacy, fromLegacy, type LegacyEncoding } from './legacyEncoding';
import type { Fix, RuleId } from './problem';
import { cleanText, matchKey, scanText, TEXT_HAS_LATIN1, TEXT_HAS_VIETNAMESE, TEXT_NEEDS_CLEANING } from './text';
import { formatNumber } from './format';
import { moneyUnitName } from './moneyUnit';
import { GO } from './wording';

export type Value = string | number | boolean;

/** A problem found in one cell, before it gets its place (sheet, cell, unit). */
export interface CellIssue {
  readonly rule: RuleId;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly fix?: Fix;
  readonly encoding?: LegacyEncoding;
}

export interface Normalized {
  /** The value used in computation; undefined = missing. */
  readonly value?: Value;
  readonly issues: readonly CellIssue[];
}

/** Shared by every clean cell: no allocation per cell on the common path. */
const NO_ISSUES: readonly CellIssue[] = Object.freeze([]);
const MISSING: Normalized = { issues: NO_ISSUES };
const DASHES = new Set(['-', '—', '–', 'x', 'X']);

const YES = new Set(['co', 'x', '✓', '✔', '1', 'yes', 'y', 'true', 'da', 'roi', 'dat', 'v']);
const NO = new Set(['khong', '0', 'no', 'n', 'false', 'chua', 'k']);

function display(raw: RawCell): string {
  if (typeof raw === 'string') return raw.length > 60 ? raw.slice(0, 57) + '…' : raw;
  if (typeof raw === 'number') return formatNumber(raw, 6);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (isCellError(raw)) return raw.error;
  return '';
}

function issue(rule: RuleId, severity: 'error' | 'warning', message: string, fix?: Fix): CellIssue {
  return fix ? { rule, severity, message, fix } : { rule, severity, message };
}

/**
 * Parses number text the way a Vietnamese return writes it: `.` groups thousands (`9.000`,
 * `1.234.567`), `,` is the decimal mark (`1,5`); spaces between groups are allowed. A single
 * `.` not followed by exactly three digits is read as a decimal point (`1.5`), the English habit.
 *
 * @example
 * parseVietnameseNumber('1.234.567') // 1234567
 * parseVietnameseNumber('1,5') // 1.5
 * parseVietnameseNumber('12 người') // undefined
 */
export function parseVietnameseNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s\u00a0]/g, '');
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('−')) {
    sign = -1;
    t = t.slice(1);
  } else if (t.startsWith('+')) {
    t = t.slice(1);
  }
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return sign * Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(t)) return sign * Number(t.replace(',', '.'));
  if (/^\d+\.\d+$/.test(t)) return sign * Number(t);
  return undefined;
}

function encodingName(encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI';
}

/** The warning for legacy-encoded text that was read as `readAs`; its fix writes `fixValue`. */
function legacyIssue(raw: RawCell, encoding: LegacyEncoding, readAs: string, fixLabel: string): CellIssue {
  return {
    rule: 'legacy_encoding',
    severity: 'warning',
    encoding,
    message: `"${display(raw)}" được gõ bằng bảng mã cũ ${encodingName(encoding)}; chương trình đọc là "${readAs}". Hãy gõ lại bằng Unicode${GO.autoFix}.`,
    fix: { value: readAs, label: fixLabel },
  };
}

function normalizeText(raw: RawCell): Normalized {
  if (typeof raw === 'number') return { value: formatNumber(raw, 10).replace(/\./g, ''), issues: NO_ISSUES };
  if (typeof raw === 'boolean') return { value: raw ? 'TRUE' : 'FALSE', issues: NO_ISSUES };
  if (typeof raw !== 'string') return MISSING;
  // One scan of the characters decides both: does it need cleaning, could it be legacy text.
  // TCVN3 and VNI text is made of Latin-1 signs and has none of the letters only Unicode
  // Vietnamese has (ơ, ư, đ, toned vowels); most names have those and codes are plain ASCII, so
  // the exact but slower legacy detector runs only on the few texts that could be legacy.
  const flags = scanText(raw);
  const text = flags & TEXT_NEEDS_CLEANING ? cleanText(raw) : raw;
  if (!text) return MISSING;
  const legacy = (flags & (TEXT_HAS_LATIN1 | TEXT_HAS_VIETNAMESE)) === TEXT_HAS_LATIN1 ? fromLegacy(text) : undefined;
  if (legacy) {
    const converted = cleanText(legacy.text);
    return { value: converted, issues: [legacyIssue(raw, legacy.encoding, converted, 'Đổi sang chữ Unicode')] };
  }
  return { value: text, issues: NO_ISSUES };
}

/** How close to a whole number a number must be to be that number (layouts.md, "Values"). */
const WHOLE_TOLERANCE = 1e-9;

/**
 * A number within 1e-9 (relative to its size, and at least 1e-9 absolute) of a whole number is
 * that whole number: `=E5*70%` caches `2093699.9999999998` where Excel shows `2.093.700`, and
 * converting `2,1` triệu đồng to đồng gives `2100000.0000000005`. Anything further off is kept.
 *
 * @example
 * wholeIfNoise(2093699.9999999998) // 2093700
 * wholeIfNoise(1.5) // 1.5
 */
export function wholeIfNoise(n: number): number {
  const whole = Math.round(n);
  if (whole === n || !Number.isFinite(n)) return n;
  // `+ 0` turns the -0 that rounding a tiny negative gives into 0.
  return Math.abs(n - whole) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(whole)) ? whole + 0 : n;
}

/** How a column's numbers are read: the factor from the header's money unit to đồng. */
export interface ReadOptions {
  /** 1 (đồng, the default), 1000 (nghìn đồng) or 1,000,000 (triệu đồng); money columns only. */
  readonly moneyScale?: number;
}

function normalizeNumber(raw: RawCell, def: ColumnDef, scale: number): Normalized {
  const unit = def.type === 'money' ? moneyUnitName(scale) : '';
  const what = def.type === 'money' ? `số tiền (${unit})` : 'số nguyên';
  let n: number;
  if (typeof raw === 'number') {
    n = raw;
  } else if (typeof raw === 'string') {
    const text = cleanText(raw);
    if (!text) return MISSING;
    if (DASHES.has(text)) {
      return {
        issues: [
          issue(
            'not_a_number',
            'warning',
            `"${text}" được hiểu là không có số liệu. Nếu là không, hãy gõ 0; nếu có số liệu, hãy gõ ${what}.`,
          ),
        ],
      };
    }
    const parsed = parseVietnameseNumber(text);
    if (parsed === undefined) {
      return {
        issues: [
          issue(
            'not_a_number',
            'error',
            `"${display(raw)}" không phải là số. Hãy gõ ${what}, chỉ gồm chữ số (ví dụ 1250 hoặc 1.250), không kèm chữ.`,
          ),
        ],
      };
    }
    n = parsed;
  } else if (typeof raw === 'boolean') {
    return {
      issues: [issue('not_a_number', 'error', `"${display(raw)}" không phải là số. Hãy gõ ${what}.`)],
    };
  } else {
    return MISSING;
  }
  if (!Number.isFinite(n)) {
    return { issues: [issue('not_a_number', 'error', `Giá trị không phải là số. Hãy gõ ${what}.`)] };
  }
  // Messages show the number as typed (in the header's unit); the value is in đồng.
  const typed = wholeIfNoise(n);
  const shown = scale === 1 ? formatNumber(n, 6) : `${formatNumber(n, 9)} ${unit}`;
  if (typed < 0) {
    return {
      issues: [issue('negative', 'error', `${shown} là số âm. Hãy gõ số từ 0 trở lên.`)],
    };
  }
  const value = scale === 1 ? typed : wholeIfNoise(n * scale);
  if (!Number.isInteger(value)) {
    const message =
      scale === 1
        ? `${shown} không phải là số nguyên. Hãy gõ ${what} không có phần lẻ (dấu phẩy là dấu thập phân; nghìn viết 1.250 hoặc 1250).`
        : `${shown} là ${formatNumber(value, 6)} đồng, không phải số đồng nguyên. Hãy kiểm tra lại số lẻ sau dấu phẩy (dấu phẩy là dấu thập phân).`;
    return { issues: [issue('not_integer', 'error', message)] };
  }
  if (!Number.isSafeInteger(value)) {
    return { issues: [issue('not_a_number', 'error', `Số quá lớn. Hãy kiểm tra lại và gõ ${what}.`)] };
  }
  // Number text such as "9.000" is read silently; canonicalFix offers turning it into a number.
  return { value, issues: NO_ISSUES };
}

function normalizeYear(raw: RawCell): Normalized {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseVietnameseNumber(raw.replace(/\./g, '')) : undefined;
  if (raw === null || (typeof raw === 'string' && !raw.trim())) return MISSING;
  if (n === undefined || !Number.isInteger(n) || n < 1900 || n > 2100) {
    return {
      issues: [issue('not_a_number', 'error', `"${display(raw)}" không phải là năm. Hãy gõ năm có bốn chữ số, ví dụ 2024.`)],
    };
  }
  return { value: n, issues: NO_ISSUES };
}

function choiceIndex(def: ColumnDef): Map<string, string> {
  const index = new Map<string, string>();
  for (const choice of def.choices ?? []) {
    index.set(matchKey(choice.value), choice.value);
    for (const v of choice.variants) index.set(matchKey(v), choice.value);
  }
  return index;
}

const CHOICE_INDEX = new WeakMap<ColumnDef, Map<string, string>>();

function lookupChoice(def: ColumnDef, text: string): string | undefined {
  let index = CHOICE_INDEX.get(def);
  if (!index) {
    index = choiceIndex(def);
    CHOICE_INDEX.set(def, index);
  }
  return index.get(matchKey(text));
}

function choiceList(def: ColumnDef): string {
  return (def.choices ?? []).map((c) => c.value).join(', ');
}

/** Latin-1 signs that TCVN3 and VNI text is made of; without one, no conversion can change the text. */
const LATIN1_SIGN = /[\u00a1-\u00ff]/;

/**
 * Reads a choice or yes/no text that matched nothing as legacy text (layouts.md, "Values"). The
 * detector's encoding is tried first; short texts such as `Cã` (Có) or `C§CS` / `CÑCS` (CĐCS)
 * give it too little to go on, so then both conversions are tried and the one that matches a
 * value is used (TCVN3 first when both do, as the detector breaks ties).
 *
 * @example
 * legacyMatch('C§CS', (t) => (t === 'CĐCS' ? t : undefined)) // { encoding: 'tcvn3', value: 'CĐCS' }
 */
export function legacyMatch(
  text: string,
  lookup: (converted: string) => string | undefined,
): { encoding: LegacyEncoding; value: string } | undefined {
  if (!LATIN1_SIGN.test(text)) return undefined;
  const detected = fromLegacy(text);
  const order: readonly LegacyEncoding[] = detected?.encoding === 'vni' ? ['vni', 'tcvn3'] : ['tcvn3', 'vni'];
  for (const encoding of order) {
    const converted = cleanText(convertLegacy(text, encoding));
    if (converted === text) continue;
    const value = lookup(converted);
    if (value !== undefined) return { encoding, value };
  }
  return undefined;
}

function normalizeChoice(raw: RawCell, def: ColumnDef): Normalized {
  if (raw === null) return MISSING;
  const text = typeof raw === 'string' ? cleanText(raw) : display(raw);
  if (!text) return MISSING;
  const direct = lookupChoice(def, text);
  if (direct) {
    return { value: direct, issues: NO_ISSUES };
  }
  const legacy = legacyMatch(text, (t) => lookupChoice(def, t));
  if (legacy) return { value: legacy.value, issues: [legacyIssue(raw, legacy.encoding, legacy.value, `Đổi thành "${legacy.value}"`)] };
  const old = (def.oldScale ?? []).find((o) => matchKey(o) === matchKey(text));
  const hint = old ? ` "${old}" là mức xếp loại theo cách cũ (trước 2019), không dùng nữa.` : '';
  return {
    issues: [
      issue(
        'invalid_choice',
        'error',
        `"${display(raw)}" không phải là ${def.key === 'xep_loai' ? 'mức xếp loại' : `giá trị hợp lệ của cột "${def.header}"`}.${hint} Chọn một trong: ${choiceList(def)}.`,
      ),
    ],
  };
}

function normalizeBool(raw: RawCell, def: ColumnDef): Normalized {
  if (raw === null) return MISSING;
  if (typeof raw === 'boolean') return { value: raw, issues: NO_ISSUES };
  if (typeof raw === 'number') {
    if (raw === 1) return { value: true, issues: NO_ISSUES };
    if (raw === 0) return { value: false, issues: NO_ISSUES };
  }
  const text = typeof raw === 'string' ? cleanText(raw) : display(raw);
  if (!text) return MISSING;
  const key = matchKey(text);
  if (YES.has(key) || YES.has(text)) return { value: true, issues: NO_ISSUES };
  if (NO.has(key)) return { value: false, issues: NO_ISSUES };
  const legacy = legacyMatch(text, (t) => {
    const k = matchKey(t);
    return YES.has(k) ? 'Có' : NO.has(k) ? 'Không' : undefined;
  });
  if (legacy) return { value: legacy.value === 'Có', issues: [legacyIssue(raw, legacy.encoding, legacy.value, `Đổi thành "${legacy.value}"`)] };
  return {
    issues: [
      issue('invalid_choice', 'error', `"${display(raw)}" không rõ là có hay không (cột "${def.header}"). Hãy gõ Có hoặc Không.`),
    ],
  };
}

/**
 * Normalises one cell of a catalog column. An Excel error value is `formula_error`.
 *
 * @example
 * normalizeCell('9.000', columnDef('so_dv')!).value // 9000
 * normalizeCell('HTT', columnDef('xep_loai')!).value // 'Hoàn thành tốt nhiệm vụ'
 * normalizeCell(2.5, columnDef('kp_thu')!, { moneyScale: 1_000_000 }).value // 2500000 (đồng)
 */
export function normalizeCell(raw: RawCell, def: ColumnDef, options?: ReadOptions): Normalized {
  const scale = moneyScaleOf(def, options);
  if (scale !== 1) return normalizeUncached(raw, def, scale);
  if (typeof raw === 'string' && (def.type === 'choice' || def.type === 'bool' || def.type === 'year')) {
    // Few distinct texts repeat down these columns ("Có", "HTT", "Nhà nước"): read each once.
    let cache = CELL_CACHE.get(def);
    if (!cache) CELL_CACHE.set(def, (cache = new Map()));
    let hit = cache.get(raw);
    if (!hit) {
      hit = normalizeUncached(raw, def, 1);
      if (cache.size < CELL_CACHE_LIMIT) cache.set(raw, hit);
    }
    return hit;
  }
  return normalizeUncached(raw, def, 1);
}

/** The factor to đồng for a column: the header's money unit, for money columns only. */
function moneyScaleOf(def: ColumnDef, options: ReadOptions | undefined): number {
  const scale = options?.moneyScale;
  return def.type === 'money' && scale !== undefined && scale > 0 ? scale : 1;
}

const CELL_CACHE_LIMIT = 5_000;
const CELL_CACHE = new WeakMap<ColumnDef, Map<string, Normalized>>();

/** A cell read: the normalised value and problems, plus the safe fix when the text is not canonical. */
export interface CellReading extends Normalized {
  readonly fix?: Fix;
}

/**
 * A reader for one column: what normalizeCell and canonicalFix give, for a whole column at a
 * time. Repeated texts of choice, yes/no and year columns are read once per column.
 *
 * @example
 * const read = columnReader(columnDef('xep_loai')!);
 * read('HTT') // { value: 'Hoàn thành tốt nhiệm vụ', issues: [], fix: { value: 'Hoàn thành tốt nhiệm vụ', … } }
 * columnReader(columnDef('kp_thu')!, { moneyScale: 1000 })('1.500') // value 1500000 (đồng); fix writes 1500
 */
export function columnReader(def: ColumnDef, options?: ReadOptions): (raw: RawCell) => CellReading {
  const scale = moneyScaleOf(def, options);
  const read = (raw: RawCell): CellReading => {
    const n = normalizeUncached(raw, def, scale);
    if (n.issues.length) {
      const fix = n.issues.find((x) => x.fix)?.fix;
      return fix ? { ...n, fix } : n;
    }
    // A fix writes the number in the header's unit, as the user typed it, never in đồng.
    const typed = scale !== 1 && typeof n.value === 'number' ? n.value / scale : n.value;
    const fix = canonicalFix(raw, def, typed);
    return fix ? { ...n, fix } : n;
  };
  if (def.type !== 'choice' && def.type !== 'bool' && def.type !== 'year') return read;
  const cache = new Map<string, CellReading>();
  return (raw) => {
    if (typeof raw !== 'string') return read(raw);
    let hit = cache.get(raw);
    if (!hit) {
      hit = read(raw);
      if (cache.size < CELL_CACHE_LIMIT) cache.set(raw, hit);
    }
    return hit;
  };
}

function normalizeUncached(raw: RawCell, def: ColumnDef, scale: number): Normalized {
  if (isCellError(raw)) {
    return {
      issues: [
        issue(
          'formula_error',
          'error',
          `Ô đang báo lỗi ${raw.error}. Hãy sửa công thức hoặc gõ trực tiếp giá trị của cột "${def.header}".`,
        ),
      ],
    };
  }
  switch (def.type) {
    case 'text':
      return normalizeText(raw);
    case 'int':
    case 'money':
      return normalizeNumber(raw, def, scale);
    case 'year':
      return normalizeYear(raw);
    case 'choice':
      return normalizeChoice(raw, def);
    case 'bool':
      return normalizeBool(raw, def);
  }
}

/**
 * The safe fix for a cell that is read correctly but not stored canonically: number text →
 * number, a variant → the canonical choice, a boolean variant → Có/Không. Undefined when the
 * cell is already canonical.
 *
 * @example
 * canonicalFix('9.000', columnDef('so_dv')!) // { value: 9000, label: 'Đổi thành số 9.000' }
 */
export function canonicalFix(raw: RawCell, def: ColumnDef, value: Value | undefined): Fix | undefined {
  if (value === undefined || typeof raw !== 'string') return undefined;
  if ((def.type === 'int' || def.type === 'money' || def.type === 'year') && typeof value === 'number') {
    return { value, label: `Đổi thành số ${formatNumber(value)}` };
  }
  if (def.type === 'choice' && typeof value === 'string' && value !== raw) {
    return { value, label: `Đổi thành "${value}"` };
  }
  if (def.type === 'bool' && typeof value === 'boolean') {
    const canonical = value ? 'Có' : 'Không';
    return canonical !== raw ? { value: canonical, label: `Đổi thành "${canonical}"` } : undefined;
  }
  if (def.type === 'text' && typeof value === 'string' && value !== raw) {
    return { value, label: 'Chuẩn hóa chữ' };
  }
  return undefined;
}

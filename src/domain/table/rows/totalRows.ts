/**
 * Total rows, recognised by their label (spec/layouts.md, "Rows inside the table"):
 * - a **subtotal** closes a block of units: `Cộng` followed by more words (`Cộng khối …`,
 *   `Cộng I`, `Cộng nhóm 2`), `Tổng khối …`, `Tổng cộng khối …`;
 * - a **grand total** adds every unit of the table: `Tổng cộng`, `Tổng số`, `Tổng`, `Cộng chung`,
 *   `Toàn tỉnh`, `Toàn ngành`, `Tổng cộng toàn …`;
 * - a **bare `Cộng`** (or `Cộng:`) is a subtotal when more units follow it, else the grand total
 *   (decided by classify.ts, which sees the rows after it).
 * Labels are trimmed and read in any case, with or without diacritics, NFD, TCVN3 or VNI.
 */
import type { RawCell } from '../../grid';
import { labelReadings, labelWords, startsWithWords, wordIs } from './labelText';

export type TotalLabelKind = 'subtotal' | 'grand_total' | 'bare';

/** A recognised total label: its kind and the label as the user reads it (converted when legacy). */
export interface TotalLabel {
  readonly kind: TotalLabelKind;
  readonly label: string;
}

/** Longest label looked at: `Tổng cộng toàn ngành giáo dục và đào tạo` fits, a note does not. */
const MAX_LABEL = 80;
/**
 * A cheap first look before reading the words: `T`/`C` then an `o` of some kind (`Tổng`, `Cộng`,
 * `Toàn`, NFD `To\u0302`, TCVN3 `Tæng`/`Céng`, VNI `Toång`/`Coäng`). Most unit names fail it.
 */
const MAY_BE_TOTAL = /^\s*[TtCc][OoÔôỘộỔổÒòÓóÕõỌọỎỏæÆéÉ]/;

/** Words after `Toàn` that make a whole-table total (`Toàn tỉnh`, `Toàn ngành`, `Toàn thành phố` …). */
const WHOLE_AREAS: readonly (readonly string[])[] = [['tỉnh'], ['ngành'], ['thành', 'phố'], ['huyện'], ['quận'], ['thị', 'xã']];
/** `Cộng đồng`, `Cộng hòa` begin names and mottos, not subtotals. */
const NOT_SUBTOTAL_AFTER_CONG = ['đồng', 'hòa', 'hoà'];

/**
 * The kind of total one reading of a label names, if any.
 *
 * @example
 * totalLabelKind('Cộng khối trường học') // 'subtotal'
 * totalLabelKind('TONG CONG')            // 'grand_total'
 * totalLabelKind('Cộng:')                // 'bare'
 * totalLabelKind('Công ty May 10')       // undefined
 */
export function totalLabelKind(text: string): TotalLabelKind | undefined {
  const w = labelWords(text);
  if (!w.length) return undefined;
  if (wordIs(w[0], 'cộng')) {
    if (w.length === 1) return 'bare';
    if (wordIs(w[1], 'chung')) return 'grand_total';
    if (NOT_SUBTOTAL_AFTER_CONG.some((f) => wordIs(w[1], f))) return undefined;
    return 'subtotal';
  }
  if (wordIs(w[0], 'tổng')) {
    if (w.length === 1) return 'grand_total';
    if (wordIs(w[1], 'khối')) return 'subtotal';
    if (wordIs(w[1], 'cộng')) return wordIs(w[2], 'khối') ? 'subtotal' : 'grand_total';
    if (wordIs(w[1], 'số') && w.length === 2) return 'grand_total';
    return undefined;
  }
  if (wordIs(w[0], 'toàn') && WHOLE_AREAS.some((area) => startsWithWords(w.slice(1), area))) return 'grand_total';
  return undefined;
}

/**
 * Reads a cell as a total label: every reading of it (Unicode, TCVN3, VNI) is tried.
 *
 * @example
 * readTotalLabel('  Tæng céng ') // { kind: 'grand_total', label: 'Tổng cộng' }
 * readTotalLabel('Cộng nhóm 2')  // { kind: 'subtotal', label: 'Cộng nhóm 2' }
 * readTotalLabel('CD001')        // undefined
 */
export function readTotalLabel(raw: RawCell | undefined): TotalLabel | undefined {
  // Trimmed before the length test: a label padded with spaces is still a label.
  if (typeof raw !== 'string' || !MAY_BE_TOTAL.test(raw) || raw.trim().length > MAX_LABEL) return undefined;
  for (const reading of labelReadings(raw)) {
    const kind = totalLabelKind(reading);
    if (kind) return { kind, label: reading };
  }
  return undefined;
}

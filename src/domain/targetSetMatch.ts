/**
 * A table that does not fit the chosen target set (spec/layouts.md): when it lacks more than
 * half of the columns the set needs, the check still runs, but its first message says so and
 * names the built-in set whose columns the table matches best.
 */
import { columnsForSet } from './columnsForSet';
import { PRESETS } from './presets';
import type { TargetSet } from './targetSet';
import { GO } from './wording';

/** The hint shown before the results: how much of the chosen set is missing, and a better set. */
export interface TargetSetHint {
  /** The chosen set's id. */
  readonly setId: string;
  /** Needed columns the table lacks, and how many the set needs. */
  readonly missing: number;
  readonly needed: number;
  /** The built-in set the table matches best, when it matches better than the chosen one. */
  readonly best?: { readonly id: string; readonly present: number; readonly needed: number };
  /** `Bảng thiếu 9/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ bt-ldld-2024 (18/19 cột).` */
  readonly message: string;
}

/**
 * The columns a set needs that a table must have: `nam` and `cap` have defaults (the run's
 * year, CĐCS) and are never missing, as for `missing_column`.
 *
 * @example
 * neededColumns(findPreset('cdgd-ct1-2024')!).length // 8
 */
export function neededColumns(set: TargetSet): string[] {
  return columnsForSet(set).filter((k) => k !== 'nam' && k !== 'cap');
}

function countPresent(needed: readonly string[], present: { has(key: string): boolean }): number {
  let n = 0;
  for (const k of needed) if (present.has(k)) n++;
  return n;
}

/**
 * The hint for a table whose catalog columns are `present`, or undefined when it lacks at most
 * half of the chosen set's columns. The best set has the largest share of its columns present
 * (then the most columns present, then the first in the list); it is named only when it matches
 * better than the chosen set.
 *
 * @example
 * targetSetHint(findPreset('bd-cdvc-2024')!, new Set(['ma_don_vi', 'ten_don_vi', 'khu_vuc']))
 * // { setId: 'bd-cdvc-2024', missing: 9, needed: 12, best: { id: 'cdgd-ct1-2024', present: 3, needed: 8 }, message: '…' }
 */
export function targetSetHint(set: TargetSet, present: { has(key: string): boolean }): TargetSetHint | undefined {
  const needed = neededColumns(set);
  const have = countPresent(needed, present);
  const missing = needed.length - have;
  if (missing * 2 <= needed.length) return undefined;
  let best: TargetSetHint['best'];
  for (const other of PRESETS) {
    if (other.id === set.id) continue;
    const need = neededColumns(other);
    const got = countPresent(need, present);
    // got/n > best.present/best.needed, compared without division.
    const n = need.length;
    const better = !best || got * best.needed > best.present * n || (got * best.needed === best.present * n && got > best.present);
    if (better) best = { id: other.id, present: got, needed: n };
  }
  // Named only when it fits better than the chosen set: have/needed < present/needed of the best.
  if (best && best.present * needed.length <= have * best.needed) best = undefined;
  const first = `Bảng thiếu ${missing}/${needed.length} cột của bộ ${set.id}.`;
  const message = best
    ? `${first} Bảng này khớp nhất với bộ ${best.id} (${best.present}/${best.needed} cột).`
    : `${first} Không bộ có sẵn nào khớp hơn: hãy kiểm tra dòng tiêu đề của bảng (so với ${GO.template}).`;
  return { setId: set.id, missing, needed: needed.length, ...(best ? { best } : {}), message };
}

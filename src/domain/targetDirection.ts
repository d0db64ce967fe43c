/**
 * The direction a target keeps when a secretary types a bare number over it on the `Chỉ tiêu`
 * sheet (spec/indicators.md, "Editing a target"): typing `0` over `≤ 0` must stay `≤ 0`, never
 * turn into `≥ 0` and make failing units pass. The sheet keeps no copy of the text typed over, so
 * the direction comes from the built-in set the sheet was copied from (its `Mã bộ chỉ tiêu`), or,
 * for a sheet of another id, from every built-in set that has an indicator of that id, when they
 * all agree.
 */
import { findPreset, PRESETS } from './presets';
import { isYearTargets, type Comparator, type Indicator, type Target, type YearTarget } from './targetSet';

/** Which target of a line: `Mục tiêu`, or `Ngưỡng mỗi đơn vị` of a unit_threshold indicator. */
export type TargetField = 'target' | 'unitTarget';

/** The one comparator of a target or year list; undefined when the items disagree. */
function comparatorOf(t: Target | readonly YearTarget[]): Comparator | undefined {
  if (!isYearTargets(t)) return t.comparator;
  const all = new Set(t.map((y) => y.target.comparator));
  return all.size === 1 ? [...all][0] : undefined;
}

function fieldComparator(ind: Indicator, field: TargetField): Comparator | undefined {
  if (field === 'target') return comparatorOf(ind.target);
  return ind.kind === 'unit_threshold' ? ind.unitTarget.comparator : undefined;
}

/**
 * The comparator a bare number typed in an indicator's target cell keeps; undefined when no
 * built-in set knows the indicator (the number then means ≥, as a fresh target does).
 *
 * @example
 * knownComparator('bd-cdvc-2024', 'khong_kht', 'target') // '<='
 * knownComparator('tuy-chinh', 'khong_kht', 'target')    // '<=' (every built-in khong_kht is ≤ 0)
 * knownComparator('tuy-chinh', 'hoi_thao', 'target')     // undefined
 */
export function knownComparator(setId: string | undefined, indicatorId: string, field: TargetField): Comparator | undefined {
  const id = indicatorId.trim().toLowerCase();
  if (id === '') return undefined;
  const own = setId ? findPreset(setId.trim()) : undefined;
  const mine = own?.indicators.find((i) => i.id.toLowerCase() === id);
  if (mine) return fieldComparator(mine, field);
  const found = new Set<Comparator | undefined>();
  for (const set of PRESETS) for (const ind of set.indicators) if (ind.id.toLowerCase() === id) found.add(fieldComparator(ind, field));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Results per parent unit (`don_vi_cap_tren`): the same indicators computed over each parent's
 * own units, so a provincial office sees each district federation's standing.
 */
import { vietnameseCollator } from './format';
import { computeIndicator } from './indicators';
import type { IndicatorResult } from './result';
import type { TargetSet } from './targetSet';
import type { UnitRow } from './unit';

export interface GroupResult {
  readonly parent: string;
  /** Units of the run's year under this parent. */
  readonly units: number;
  readonly indicators: readonly IndicatorResult[];
}

/**
 * One group per distinct parent among the unit rows, sorted as Vietnamese text. Manual
 * indicators have no per-parent value and are left out. Units with no parent are not grouped.
 *
 * @example
 * groupResults(set, units, 2024).map((g) => g.parent) // ['LĐLĐ huyện An Nhơn', 'LĐLĐ huyện Tuy Phước']
 */
export function groupResults(set: TargetSet, units: readonly UnitRow[], year: number): GroupResult[] {
  const byParent = new Map<string, UnitRow[]>();
  for (const u of units) {
    const parent = u.values.don_vi_cap_tren;
    if (typeof parent !== 'string' || !parent) continue;
    let list = byParent.get(parent);
    if (!list) byParent.set(parent, (list = []));
    list.push(u);
  }
  return [...byParent.keys()].sort(vietnameseCollator.compare).map((parent) => {
    const own = byParent.get(parent) ?? [];
    return {
      parent,
      units: own.filter((u) => u.year === year).length,
      indicators: set.indicators.filter((i) => i.kind !== 'manual').map((i) => computeIndicator(i, own, year).result),
    };
  });
}

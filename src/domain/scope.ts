/**
 * Which unit rows an indicator counts: its year (or year window), level, sector and `where` column.
 */
import { CAP_CDCS } from './catalog';
import type { Indicator, Scope } from './targetSet';
import type { UnitRow } from './unit';

/**
 * True when the unit row is in the indicator's scope for a run of `year`.
 * A blank or unreadable `cap` counts as CĐCS (the catalog's default).
 *
 * @example
 * inScope(unit, { sector: 'Nhà nước' }, 2024) // unit.values.khu_vuc === 'Nhà nước' && unit.year === 2024
 */
export function inScope(unit: UnitRow, scope: Scope, year: number): boolean {
  if (scope.years) {
    if (unit.year < scope.years[0] || unit.year > scope.years[1]) return false;
  } else if (unit.year !== year) {
    return false;
  }
  if (scope.level !== 'all') {
    const level = scope.level ?? CAP_CDCS;
    const cap = unit.values.cap ?? CAP_CDCS;
    if (cap !== level) return false;
  }
  if (scope.sector !== undefined && unit.values.khu_vuc !== scope.sector) return false;
  if (scope.where !== undefined && unit.values[scope.where] !== true) return false;
  return true;
}

/**
 * True when the row is in scope in every respect but `where`, whose value is missing: the
 * `where` cell is then needed (required_missing) before the row can be placed.
 */
export function awaitsWhere(unit: UnitRow, ind: Indicator, year: number): boolean {
  const scope = ind.scope;
  if (scope.where === undefined || unit.values[scope.where] !== undefined) return false;
  return inScope(unit, { ...scope, where: undefined }, year);
}

const POSITIONS = new WeakMap<readonly UnitRow[], Map<string, readonly number[]>>();

/**
 * Positions (in `units`) of the rows in scope. Indicators of a set mostly share a few scopes,
 * so the answer is kept per units array and scope for the length of a check.
 *
 * @example
 * scopedPositions(units, {}, 2024) // [0, 1, 2, …] the CĐCS rows of 2024
 */
export function scopedPositions(units: readonly UnitRow[], scope: Scope, year: number): readonly number[] {
  let memo = POSITIONS.get(units);
  if (!memo) POSITIONS.set(units, (memo = new Map()));
  const key = `${year}|${scope.level ?? ''}|${scope.sector ?? ''}|${scope.where ?? ''}|${scope.years?.join('-') ?? ''}`;
  let positions = memo.get(key);
  if (!positions) {
    const found: number[] = [];
    for (let i = 0; i < units.length; i++) if (inScope(units[i], scope, year)) found.push(i);
    memo.set(key, (positions = found));
  }
  return positions;
}

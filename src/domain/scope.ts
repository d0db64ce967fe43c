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

/**
 * Shared work of one check: indicators of a set mostly share a few scopes, so the rows in each
 * scope are found once. Make one per check (the rows must not change while it is in use).
 */
export class ScopeMemo {
  private readonly positions = new Map<string, readonly number[]>();
  private readonly rows = new Map<string, readonly UnitRow[]>();

  /**
   * Positions (in `units`) of the rows in scope, and the rows themselves.
   *
   * @example
   * new ScopeMemo().scoped(units, {}, 2024).positions // [0, 1, 2, …] the CĐCS rows of 2024
   */
  scoped(units: readonly UnitRow[], scope: Scope, year: number): { positions: readonly number[]; rows: readonly UnitRow[] } {
    const key = `${year}|${scope.level ?? ''}|${scope.sector ?? ''}|${scope.where ?? ''}|${scope.years?.join('-') ?? ''}`;
    let positions = this.positions.get(key);
    let rows = this.rows.get(key);
    if (!positions || !rows) {
      const found: number[] = [];
      for (let i = 0; i < units.length; i++) if (inScope(units[i], scope, year)) found.push(i);
      positions = found;
      rows = found.map((i) => units[i]);
      this.positions.set(key, positions);
      this.rows.set(key, rows);
    }
    return { positions, rows };
  }
}

/**
 * Which catalog columns a target set needs: those its indicators read (numerators,
 * denominators, conditions, `where` columns, sector and level), plus the identity columns.
 */
import { COLUMNS } from './catalog';
import type { Indicator, TargetSet } from './targetSet';

/** Catalog keys one indicator reads, without the identity columns. */
export function indicatorColumns(ind: Indicator): string[] {
  const keys: string[] = [];
  switch (ind.kind) {
    case 'ratio':
    case 'unit_threshold':
      keys.push(ind.num, ind.den);
      break;
    case 'unit_share':
    case 'unit_count':
      keys.push(ind.condition.column);
      break;
    case 'sum':
    case 'mean':
      keys.push(ind.column);
      break;
    case 'change':
    case 'reduction':
      keys.push(ind.start, ind.end);
      break;
    case 'manual':
      break;
  }
  if (ind.scope.where) keys.push(ind.scope.where);
  return keys;
}

/**
 * The columns of a data table for this set, in catalog order: identity columns (with `cap`
 * only when an indicator looks at another level) and every column an indicator reads.
 *
 * @example
 * columnsForSet(set) // ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam', 'so_dv', …]
 */
export function columnsForSet(set: TargetSet): string[] {
  const needed = new Set<string>(['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'nam']);
  for (const ind of set.indicators) {
    for (const k of indicatorColumns(ind)) needed.add(k);
    if (ind.scope.level !== undefined) needed.add('cap');
  }
  return COLUMNS.map((c) => c.key).filter((k) => needed.has(k));
}

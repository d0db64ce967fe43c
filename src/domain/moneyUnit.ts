/**
 * Money units of a header (layouts.md, "Money units in the header"): amounts typed in nghìn or
 * triệu đồng are computed in đồng, and shown to the user in the unit they were typed in.
 */
import { formatNumber } from './format';

/**
 * How messages and the JSON report name a unit, by its factor to đồng.
 *
 * @example
 * moneyUnitName(1_000_000) // 'triệu đồng'
 * moneyUnitName(undefined) // 'đồng'
 */
export function moneyUnitName(scale: number | undefined): string {
  return scale === 1_000_000 ? 'triệu đồng' : scale === 1000 ? 'nghìn đồng' : 'đồng';
}

/**
 * An amount in đồng written in the unit of its column, as the user typed it (no unit word for đồng,
 * as before units were read).
 *
 * @example
 * formatTyped(2_500_000, 1_000_000) // '2,5 triệu đồng'
 * formatTyped(1500, 1) // '1.500'
 */
export function formatTyped(dong: number, scale: number | undefined): string {
  if (scale === undefined || scale === 1) return formatNumber(dong);
  return `${formatNumber(dong / scale, 6)} ${moneyUnitName(scale)}`;
}

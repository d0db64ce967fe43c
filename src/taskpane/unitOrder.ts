/**
 * Units in the order a Vietnamese reader looks them up: by name as Vietnamese sorts it
 * (Intl.Collator('vi'): "Bệnh viện" before "Công ty", "Đ" after "D"), then by code, numbers
 * compared as numbers (CD2 before CD10).
 */

const NAMES = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * A sorted copy.
 *
 * @example
 * byUnitName([{ name: 'Đoàn B', code: '2' }, { name: 'Dệt A', code: '1' }]).map((u) => u.name) // ['Dệt A', 'Đoàn B']
 */
export function byUnitName<T extends { readonly name: string; readonly code: string }>(units: readonly T[]): T[] {
  return [...units].sort((a, b) => NAMES.compare(a.name, b.name) || NAMES.compare(a.code, b.code));
}

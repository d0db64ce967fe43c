/**
 * Vietnamese number and date formatting for everything a user reads: `1.234,5`, `82,0%`, `21/11/2026`.
 */

/**
 * Number with `.` thousands and `,` decimals.
 *
 * @example
 * formatNumber(1234.5) // '1.234,5'
 * formatNumber(0.125, 2) // '0,13'
 */
export function formatNumber(value: number, maxDecimals = 2, minDecimals = 0): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxDecimals);
  let [intPart, frac = ''] = fixed.split('.');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + intPart + (frac ? ',' + frac : '');
}

/**
 * A fraction as a Vietnamese percentage, one decimal unless whole.
 *
 * @example
 * formatPercent(0.82) // '82%'
 * formatPercent(0.8235) // '82,4%'
 */
export function formatPercent(fraction: number, decimals = 1): string {
  return formatNumber(fraction * 100, decimals) + '%';
}

/**
 * dd/mm/yyyy.
 *
 * @example
 * formatDate(new Date(2026, 10, 21)) // '21/11/2026'
 */
export function formatDate(date: Date): string {
  const dd = String(date.getDate()).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getFullYear()}`;
}

/**
 * The administrative place-and-date line of Nghị định 30/2020.
 *
 * @example
 * placeDateLine('Bình Định', new Date(2026, 10, 21)) // 'Bình Định, ngày 21 tháng 11 năm 2026'
 */
export function placeDateLine(place: string, date: Date): string {
  // Day and month below 10 take a leading zero only for days 1–9 and months 1–2 (Nghị định 30/2020, Phụ lục I).
  const day = date.getDate() < 10 ? '0' + date.getDate() : String(date.getDate());
  const month = date.getMonth() + 1 < 3 ? '0' + (date.getMonth() + 1) : String(date.getMonth() + 1);
  return `${place}, ngày ${day} tháng ${month} năm ${date.getFullYear()}`;
}

/** Sorts Vietnamese text as a Vietnamese reader expects. */
export const vietnameseCollator = new Intl.Collator('vi');

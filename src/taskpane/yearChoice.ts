/**
 * The pane's "Năm báo cáo" field: empty lets the engine find the year (Năm column, title, sheet
 * or file name, spec/layouts.md); otherwise a four-digit year, as `--year` on the command line.
 */

/**
 * The year typed in the field: undefined when empty, 'bad' when it is not a four-digit year.
 *
 * @example
 * reportYear(' 2024 ') // 2024
 * reportYear('')       // undefined
 * reportYear('24')     // 'bad'
 */
export function reportYear(text: string): number | undefined | 'bad' {
  const t = text.trim();
  if (t === '') return undefined;
  return /^(19|20)\d\d$/.test(t) ? Number(t) : 'bad';
}

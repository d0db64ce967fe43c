/**
 * Row heights for wrapped text. Excel and LibreOffice do not grow a row for wrapped text that a
 * program wrote, so the renderer sets heights itself from an estimate of the wrapped lines.
 */

const LINE_POINTS = 15;

/**
 * Lines a text takes in a column `width` characters wide (Excel's width unit ≈ one digit).
 *
 * @example
 * wrappedLines('a'.repeat(50), 20) // 3
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/**
 * Height in points for a row whose cells hold these texts in columns of these widths.
 *
 * @example
 * rowHeightFor(['short', 'a'.repeat(90)], [10, 44]) // 45 (three lines)
 */
export function rowHeightFor(texts: readonly (string | undefined)[], widths: readonly number[], fontSize = 11): number {
  let lines = 1;
  texts.forEach((t, i) => {
    if (t) lines = Math.max(lines, wrappedLines(t, (widths[i] ?? 10) * (11 / fontSize)));
  });
  return Math.min(409, lines * LINE_POINTS * (fontSize / 11));
}

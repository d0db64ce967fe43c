/**
 * One `<c>` element from a CellSpec. Text is always an inline string, so nothing the user typed
 * (`=SUM(A1)`, `+84…`, `@x`) can ever become a formula; we never write `<f>`.
 */
import type { CellSpec } from '../plan';
import { encodeXString, escapeText } from './xml';

/** Excel refuses cells longer than this. */
export const MAX_CELL_TEXT = 32767;

/** Number text for `<v>`; -0 is written as 0. Non-finite numbers cannot be stored. */
function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * @param p element prefix of the sheet (e.g. `x:` for Open XML SDK files), usually ''
 * @param style cellXfs index, or undefined for the default style
 * @returns the XML, or '' when there is nothing to write (no value, no style)
 */
export function cellXml(p: string, ref: string, spec: CellSpec | null, style: number | undefined): string {
  const s = style ? ` s="${style}"` : '';
  const v = spec ? spec.v : null;
  if (typeof v === 'string') {
    const text = escapeText(encodeXString(v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v));
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is></${p}c>`;
  }
  if (typeof v === 'number') {
    const n = numberText(v);
    if (n !== undefined) return `<${p}c r="${ref}"${s}><${p}v>${n}</${p}v></${p}c>`;
  }
  if (typeof v === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  return s ? `<${p}c r="${ref}"${s}/>` : '';
}

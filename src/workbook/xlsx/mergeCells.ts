/**
 * The merged ranges of a worksheet (`<mergeCells><mergeCell ref="A1:C1"/>…`), which sit after
 * `<sheetData>`: read from the part's tail, so a large sheet is not scanned twice.
 */
import type { CellRange } from '../../domain/grid';
import { parseRange } from './refs';
import { attr, findElement, findElements, rootElement } from './xml';

/**
 * @example
 * readMergeCells('<worksheet …><sheetData/><mergeCells count="1"><mergeCell ref="B2:D3"/></mergeCells></worksheet>')
 * // [{ top: 2, left: 1, bottom: 3, right: 3 }]
 */
export function readMergeCells(xml: string): CellRange[] {
  const p = rootElement(xml).prefix;
  const close = xml.lastIndexOf('</' + p + 'sheetData>');
  const from = close >= 0 ? close : 0;
  const el = findElement(xml, p + 'mergeCells', from);
  if (!el || el.selfClosing) return [];
  const out: CellRange[] = [];
  for (const span of findElements(xml, p + 'mergeCell', el.openEnd, el.innerEnd)) {
    const ref = attr(xml, span.start, span.end, 'ref');
    const r = ref ? parseRange(ref) : undefined;
    if (r) out.push({ top: r.r1, left: r.c1, bottom: r.r2, right: r.c2 });
  }
  return out;
}

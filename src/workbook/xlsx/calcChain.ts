/**
 * calcChain.xml lists every formula cell in calculation order. When the product replaces cells
 * that held formulas (a sheet of its own where the user had added one), entries would point at
 * cells without a formula and Excel offers to "repair" the file. Excel rebuilds the chain when
 * it is missing, so the part is dropped with its relationship and content type.
 */
import { attr } from './xml';

const ELEMENT = /<(?:[\w.-]+:)?(Relationship|Override)\s[^>]*>/g;

/** Removes the elements (Relationship by Id, Override by PartName) that `match` picks. */
function removeElements(xml: string, kind: 'Relationship' | 'Override', match: (tag: string) => boolean): string {
  let out = '';
  let from = 0;
  ELEMENT.lastIndex = 0;
  for (let m = ELEMENT.exec(xml); m; m = ELEMENT.exec(xml)) {
    if (m[1] !== kind || !match(m[0])) continue;
    // `<Relationship …/>` is empty; a non-empty form closes with its own end tag.
    let end = m.index + m[0].length;
    if (!m[0].endsWith('/>')) {
      const close = xml.indexOf('>', xml.indexOf('</', end)) + 1;
      if (close > 0) end = close;
    }
    out += xml.slice(from, m.index);
    from = end;
  }
  return from === 0 ? xml : out + xml.slice(from);
}

/**
 * The relationships part without the relationship of that id.
 *
 * @example
 * removeRelationship(relsXml, 'rId7')
 */
export function removeRelationship(xml: string, id: string): string {
  return removeElements(xml, 'Relationship', (tag) => attr(tag, 0, tag.length, 'Id') === id);
}

/**
 * [Content_Types].xml without the Override for that part (`xl/calcChain.xml`).
 *
 * @example
 * removeOverride(contentTypesXml, 'xl/calcChain.xml')
 */
export function removeOverride(xml: string, part: string): string {
  const name = ('/' + part).toLowerCase();
  return removeElements(xml, 'Override', (tag) => (attr(tag, 0, tag.length, 'PartName') ?? '').toLowerCase() === name);
}

/** Whether a worksheet's XML holds at least one formula (`<f>` in any prefix). */
export function hasFormula(xml: string): boolean {
  return /<(?:[\w.-]+:)?f[\s>/]/.test(xml);
}

/**
 * The product's marker on its own sheets (ownSheets.ts, markName) in workbook.xml: a hidden
 * workbook-scoped `<definedName>` per sheet kind, `_ChiTieu.summary` → `'Tổng hợp'!$A$1`.
 */
import { markName, readMark, sheetKey, type OwnSheetKind } from '../ownSheets';
import { quoteSheet } from './refs';
import { attr, decodeEntities, escapeText, findElement, findElements, rootElement, tagEnd } from './xml';

/** Schema order in CT_Workbook: `definedNames` comes after these. */
const BEFORE_DEFINED_NAMES = ['sheets', 'functionGroups', 'externalReferences'];

/**
 * Sheet name (Excel's case-insensitive key) → the kind the product marked it as.
 *
 * @example
 * readMarks(workbookXml).get('tổng hợp') // 'summary'
 */
export function readMarks(xml: string): Map<string, OwnSheetKind> {
  const marks = new Map<string, OwnSheetKind>();
  const p = rootElement(xml).prefix;
  const dn = findElement(xml, p + 'definedNames');
  if (!dn || dn.selfClosing) return marks;
  for (const span of findElements(xml, p + 'definedName', dn.openEnd, dn.innerEnd)) {
    const close = tagEnd(xml, span.start);
    const name = attr(xml, span.start, close, 'name') ?? '';
    if (attr(xml, span.start, close, 'localSheetId') !== undefined) continue;
    const body = xml.slice(close, xml.lastIndexOf('<', span.end - 1));
    const mark = readMark(name, decodeEntities(body));
    if (mark) marks.set(sheetKey(mark.sheet), mark.kind);
  }
  return marks;
}

/**
 * Sets the marker of `kind` to point at `sheet` (replacing an earlier one in place).
 *
 * @example
 * markSheet(workbookXml, 'summary', 'Tổng hợp (2)')
 */
export function markSheet(xml: string, kind: OwnSheetKind, sheet: string): string {
  const p = rootElement(xml).prefix;
  const name = markName(kind);
  const el = `<${p}definedName name="${name}" hidden="1">${escapeText(`${quoteSheet(sheet)}!$A$1`)}</${p}definedName>`;
  const dn = findElement(xml, p + 'definedNames');
  if (dn && !dn.selfClosing) {
    for (const span of findElements(xml, p + 'definedName', dn.openEnd, dn.innerEnd)) {
      const close = tagEnd(xml, span.start);
      if (attr(xml, span.start, close, 'name') !== name || attr(xml, span.start, close, 'localSheetId') !== undefined) continue;
      return xml.slice(0, span.start) + el + xml.slice(span.end);
    }
    return xml.slice(0, dn.innerEnd) + el + xml.slice(dn.innerEnd);
  }
  if (dn) return xml.slice(0, dn.start) + `<${p}definedNames>${el}</${p}definedNames>` + xml.slice(dn.end);
  let at = -1;
  for (const before of BEFORE_DEFINED_NAMES) {
    const found = findElement(xml, p + before);
    if (found) at = Math.max(at, found.end);
  }
  if (at < 0) return xml;
  return xml.slice(0, at) + `<${p}definedNames>${el}</${p}definedNames>` + xml.slice(at);
}

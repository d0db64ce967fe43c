/**
 * The package-level parts we read and edit as text: relationships, [Content_Types].xml and
 * xl/workbook.xml (the sheet list and defined names). Edits are local string splices so the
 * rest of each part keeps its bytes.
 */
import { Conformance, DOC_REL_NS, conformanceOf, relTypeIn } from './conformance';
import { XlsxError } from './limits';
import { attr, decodeEntities, escapeAttr, escapeText, findElement, findElements, findStartTag, rawAttrs, rootElement, splitQName, tagEnd } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_WORKSHEET = REL_NS + '/worksheet';
export const REL_STYLES = REL_NS + '/styles';

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The .rels part belonging to a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathFor(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the source part (absolute targets start with '/'). */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg && seg !== '.') base.push(seg);
  }
  return base.join('/');
}

export function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  const re = /<(?:[\w.-]+:)?Relationship\s[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[0];
    const get = (n: string): string => attr(tag, 0, tag.length, n) ?? '';
    out.push({ id: get('Id'), type: get('Type'), target: get('Target'), external: get('TargetMode') === 'External' });
  }
  return out;
}

/** Type comparison by the last path segment, so Strict OOXML (purl.oclc.org) types match too. */
export function relTypeIs(type: string, kind: string): boolean {
  return type.endsWith('/' + kind);
}

export const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/**
 * The conformance class the relationship types of a .rels part are written in, or undefined
 * when it has no officeDocument relationship yet (or mixes both, which we then leave alone).
 */
export function relsConformance(xml: string): Conformance | undefined {
  const types = parseRels(xml).map((r) => r.type);
  const uses = (c: Conformance): boolean => types.some((t) => t.startsWith(DOC_REL_NS[c] + '/'));
  const strict = uses('strict');
  const transitional = uses('transitional');
  return strict === transitional ? undefined : strict ? 'strict' : 'transitional';
}

/**
 * Adds a relationship with an unused `rIdN`; returns the new XML and the id. An officeDocument
 * type is written in the class the part already uses, so a Strict package gets Strict types.
 */
export function addRel(xml: string, type: string, target: string): { xml: string; id: string } {
  const ids = new Set(parseRels(xml).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const c = relsConformance(xml);
  const { qname, prefix } = rootElement(xml);
  const el = `<${prefix}Relationship Id="${id}" Type="${escapeAttr(c ? relTypeIn(c, type) : type)}" Target="${escapeAttr(target)}"/>`;
  return { xml: insertBeforeClose(xml, qname, el), id };
}

/** Inserts `content` as the last child of the (first) element `qname`, expanding `<x/>` if needed. */
function insertBeforeClose(xml: string, qname: string, content: string): string {
  const el = findElement(xml, qname);
  if (!el) throw new XlsxError('corrupt', undefined, `no <${qname}>`);
  if (el.selfClosing) {
    const open = xml.slice(el.start, el.end).replace(/\s*\/>$/, '>');
    return xml.slice(0, el.start) + open + content + `</${qname}>` + xml.slice(el.end);
  }
  return xml.slice(0, el.innerEnd) + content + xml.slice(el.innerEnd);
}

// ---- [Content_Types].xml ----

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const re = /<(?:[\w.-]+:)?(Default|Override)\s[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[0];
    const type = attr(tag, 0, tag.length, 'ContentType') ?? '';
    if (m[1] === 'Default') defaults.set((attr(tag, 0, tag.length, 'Extension') ?? '').toLowerCase(), type);
    else overrides.set((attr(tag, 0, tag.length, 'PartName') ?? '').toLowerCase(), type);
  }
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get('/' + part.toLowerCase());
  if (o !== undefined) return o;
  return ct.defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
}

/** Adds (or replaces) the Override for a part. */
export function setOverride(xml: string, part: string, contentType: string): string {
  const partName = '/' + part;
  const re = /<(?:[\w.-]+:)?Override\s[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = attr(m[0], 0, m[0].length, 'PartName') ?? '';
    if (name.toLowerCase() !== partName.toLowerCase()) continue;
    if (attr(m[0], 0, m[0].length, 'ContentType') === contentType) return xml;
    const { prefix } = splitQName(/^<([^\s]+)/.exec(m[0])![1]);
    const el = `<${prefix}Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`;
    return xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length);
  }
  const { qname, prefix } = rootElement(xml);
  return insertBeforeClose(xml, qname, `<${prefix}Override PartName="${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`);
}

// ---- xl/workbook.xml ----

export interface SheetRef {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** Span of the `<sheet>` tag in workbook.xml. */
  readonly start: number;
  readonly end: number;
}

/**
 * Prefixes (without colon) the root start tag binds to either relationships namespace
 * (Transitional or Strict); a Strict workbook may declare both.
 */
function relPrefixes(xml: string): string[] {
  const root = rootElement(xml);
  const rel = new Set(Object.values(DOC_REL_NS));
  return rawAttrs(xml.slice(root.start, root.end))
    .filter(([n, v]) => n.startsWith('xmlns:') && rel.has(decodeEntities(v)))
    .map(([n]) => n.slice(6));
}

/**
 * The `<sheet>` entries in workbook order. The relationship id attribute is the `id` in a
 * relationships namespace, whatever its prefix. An entry without one (Excel sometimes leaves
 * `r:id=""` behind) has relId ''.
 */
export function parseSheets(xml: string): SheetRef[] {
  const p = rootElement(xml).prefix;
  const sheets = findElement(xml, p + 'sheets');
  if (!sheets) return [];
  const idNames = relPrefixes(xml).map((x) => x + ':id');
  return findElements(xml, p + 'sheet', sheets.openEnd, sheets.innerEnd).map(({ start, end }) => {
    const tag = xml.slice(start, tagEnd(xml, start));
    const attrs = rawAttrs(tag);
    const idAttr = attrs.find(([n]) => idNames.includes(n)) ?? attrs.find(([n]) => n.endsWith(':id'));
    return {
      name: attr(tag, 0, tag.length, 'name') ?? '',
      sheetId: Number(attr(tag, 0, tag.length, 'sheetId')),
      relId: idAttr ? (attr(tag, 0, tag.length, idAttr[0]) ?? '') : '',
      start,
      end,
    };
  });
}

/**
 * A prefix bound to a relationships namespace on the root (Transitional or Strict, so a Strict
 * workbook's own binding is reused). When there is none, one is declared for the workbook's own
 * class, under `r` unless that prefix is taken.
 */
function relPrefix(xml: string): { xml: string; prefix: string } {
  const found = relPrefixes(xml);
  if (found.length) return { xml, prefix: found[0] };
  const root = rootElement(xml);
  const tag = xml.slice(root.start, root.end);
  const taken = new Set(rawAttrs(tag).map(([n]) => n));
  let prefix = 'r';
  for (let n = 1; taken.has('xmlns:' + prefix); n++) prefix = `r${n}`;
  const open = tag.replace(/(\/?>)$/, ` xmlns:${prefix}="${DOC_REL_NS[conformanceOf(xml)]}"$1`);
  return { xml: xml.slice(0, root.start) + open + xml.slice(root.end), prefix };
}

export function addSheet(xml: string, name: string, sheetId: number, relId: string): string {
  const r = relPrefix(xml);
  const p = rootElement(r.xml).prefix;
  return insertBeforeClose(r.xml, p + 'sheets', `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${r.prefix}:id="${relId}"/>`);
}

/** Renames a sheet entry in place (used when an existing sheet matched ours case-insensitively). */
export function renameSheet(xml: string, ref: SheetRef, name: string): string {
  const tag = xml.slice(ref.start, ref.end);
  const renamed = tag.replace(/(\sname=)("[^"]*"|'[^']*')/, `$1"${escapeAttr(name)}"`);
  return xml.slice(0, ref.start) + renamed + xml.slice(ref.end);
}

const PRINT_TITLES = '_xlnm.Print_Titles';

/** Schema order after `<sheets>`: definedNames comes after these. */
const BEFORE_DEFINED_NAMES = ['sheets', 'functionGroups', 'externalReferences'];

/** The sheet-local name of the printed area. */
export const PRINT_AREA = '_xlnm.Print_Area';

/**
 * Sets (or with `formula` undefined, removes) the sheet-local `_xlnm.Print_Titles` defined name
 * (or another sheet-local name, such as {@link PRINT_AREA}).
 * An existing one for that sheet is replaced in place.
 */
export function setPrintTitles(xml: string, localSheetId: number, formula: string | undefined, name: string = PRINT_TITLES): string {
  const p = rootElement(xml).prefix;
  const dn = findElement(xml, p + 'definedNames');
  const el = formula === undefined ? '' : `<${p}definedName name="${name}" localSheetId="${localSheetId}">${escapeText(formula)}</${p}definedName>`;
  if (dn && !dn.selfClosing) {
    for (const span of findElements(xml, p + 'definedName', dn.openEnd, dn.innerEnd)) {
      const tagClose = tagEnd(xml, span.start);
      if (attr(xml, span.start, tagClose, 'name') !== name) continue;
      if (attr(xml, span.start, tagClose, 'localSheetId') !== String(localSheetId)) continue;
      const rest = xml.slice(0, span.start) + el + xml.slice(span.end);
      // An emptied <definedNames> is invalid (at least one child required): drop it.
      const after = findElement(rest, p + 'definedNames');
      if (after && !after.selfClosing && findStartTag(rest, p + 'definedName', after.openEnd, after.innerEnd) < 0) {
        return rest.slice(0, after.start) + rest.slice(after.end);
      }
      return rest;
    }
    return el ? xml.slice(0, dn.innerEnd) + el + xml.slice(dn.innerEnd) : xml;
  }
  if (!el) return xml;
  if (dn) return xml.slice(0, dn.start) + `<${p}definedNames>${el}</${p}definedNames>` + xml.slice(dn.end);
  let at = -1;
  for (const name of BEFORE_DEFINED_NAMES) {
    const found = findElement(xml, p + name);
    if (found) at = Math.max(at, found.end);
  }
  if (at < 0) throw new XlsxError('corrupt', undefined, 'workbook.xml without <sheets>');
  return xml.slice(0, at) + `<${p}definedNames>${el}</${p}definedNames>` + xml.slice(at);
}

/** Points an existing relationship at another part (a chart sheet we must turn into a worksheet). */
export function retargetRel(xml: string, id: string, type: string, target: string): string {
  const c = relsConformance(xml);
  if (c) type = relTypeIn(c, type);
  const re = /<(?:[\w.-]+:)?Relationship\s[^>]*>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (attr(m[0], 0, m[0].length, 'Id') !== id) continue;
    const prefix = splitQName(/^<([^\s]+)/.exec(m[0])![1]).prefix;
    const el = `<${prefix}Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    return xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length);
  }
  return xml;
}

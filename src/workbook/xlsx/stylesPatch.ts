/**
 * Adds the product's named styles (styles.ts) to xl/styles.xml and returns their cellXfs indices.
 *
 * Idempotent by construction: every font/fill/border/xf we need is serialised canonically and
 * looked up among the existing children by exact text before anything is appended, so applying
 * the same plan to our own output finds everything and leaves styles.xml unchanged.
 * New children go just before the section's closing tag; the rest of the file keeps its bytes.
 */
import { STYLES, StyleDef, StyleKey } from '../styles';
import { attr, decodeEntities, escapeAttr, findElement, findElements, rootElement } from './xml';

export const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Schema order of the styleSheet children, used to insert a missing section in the right place. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const CHILD: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', cellStyleXfs: 'xf' };

const BUILTIN_NUMFMTS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  'mm-dd-yy': 14,
  '@': 49,
};

export interface BaseFont {
  readonly name: string;
  readonly size: number;
  readonly family?: string;
  readonly charset?: string;
}

export function minimalStylesXml(font: BaseFont): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="1">${fontXml('', font, {})}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function fontXml(p: string, base: BaseFont, f: NonNullable<StyleDef['font']>): string {
  return (
    `<${p}font>` +
    (f.bold ? `<${p}b/>` : '') +
    (f.italic ? `<${p}i/>` : '') +
    (f.underline ? `<${p}u/>` : '') +
    `<${p}sz val="${f.size ?? base.size}"/>` +
    (f.color ? `<${p}color rgb="FF${f.color.toUpperCase()}"/>` : '') +
    `<${p}name val="${escapeAttr(base.name)}"/>` +
    (base.family ? `<${p}family val="${escapeAttr(base.family)}"/>` : '') +
    (base.charset ? `<${p}charset val="${escapeAttr(base.charset)}"/>` : '') +
    `</${p}font>`
  );
}

function fillXml(p: string, rgb: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb.toUpperCase()}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string): string {
  const side = (s: string): string => `<${p}${s} style="thin"><${p}color indexed="64"/></${p}${s}>`;
  return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
}

/** One section of styles.xml being extended; new children are collected and spliced in at the end. */
class Section {
  readonly children: string[];
  private readonly added: string[] = [];
  constructor(
    readonly name: string,
    existing: string[],
  ) {
    this.children = existing;
  }
  /** Index of an identical child, appending it when there is none. */
  indexOf(xml: string): number {
    const i = this.children.indexOf(xml);
    if (i >= 0) return i;
    this.children.push(xml);
    this.added.push(xml);
    return this.children.length - 1;
  }
  get addedXml(): string {
    return this.added.join('');
  }
  get changed(): boolean {
    return this.added.length > 0;
  }
}

export interface StylesResult {
  readonly xml: string;
  readonly index: ReadonlyMap<StyleKey, number>;
}

/** Adds the styles for `keys` (in this order) and returns the cellXfs index of each. */
export function addStyles(stylesXml: string, keys: readonly StyleKey[]): StylesResult {
  const p = rootElement(stylesXml).prefix;
  const sections = new Map<string, Section>();
  const section = (name: string): Section => {
    let s = sections.get(name);
    if (!s) {
      const el = findElement(stylesXml, p + name);
      const kids = el ? findElements(stylesXml, p + CHILD[name], el.openEnd, el.innerEnd) : [];
      s = new Section(name, kids.map((k) => stylesXml.slice(k.start, k.end)));
      sections.set(name, s);
    }
    return s;
  };
  const base = baseFont(section('fonts').children[0], p);
  // Excel reserves fills 0 and 1 (none, gray125); a file without them gets them first.
  const fills = section('fills');
  if (fills.children.length === 0) {
    fills.indexOf(`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
    fills.indexOf(`<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
  }
  const hasStyleXf = section('cellStyleXfs').children.length > 0;
  const index = new Map<StyleKey, number>();
  for (const key of keys) {
    if (index.has(key)) continue;
    const d = STYLES[key];
    const numFmtId = d.numFmt === undefined ? 0 : numFmtIdFor(section('numFmts'), p, d.numFmt);
    const fontId = d.font ? section('fonts').indexOf(fontXml(p, base, d.font)) : 0;
    const fillId = d.fill ? fills.indexOf(fillXml(p, d.fill)) : 0;
    const borderId = d.border ? section('borders').indexOf(borderXml(p)) : 0;
    const a = d.align;
    const alignment = a
      ? `<${p}alignment` +
        (a.h ? ` horizontal="${a.h}"` : '') +
        (a.v ? ` vertical="${a.v}"` : '') +
        (a.wrap ? ' wrapText="1"' : '') +
        '/>'
      : '';
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"` +
      (hasStyleXf ? ' xfId="0"' : '') +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (alignment ? ` applyAlignment="1">${alignment}</${p}xf>` : '/>');
    index.set(key, section('cellXfs').indexOf(xf));
  }
  let xml = stylesXml;
  for (const name of SECTION_ORDER) {
    const s = sections.get(name);
    if (s?.changed) xml = spliceSection(xml, p, s);
  }
  return { xml, index };
}

function baseFont(font0: string | undefined, p: string): BaseFont {
  const val = (child: string): string | undefined => {
    const m = new RegExp(`<${p}${child}\\s[^>]*val="([^"]*)"`).exec(font0 ?? '');
    return m ? m[1] : undefined;
  };
  const size = Number(val('sz'));
  return {
    name: decodeEntities(val('name') ?? 'Calibri'),
    size: Number.isFinite(size) && size > 0 ? size : 11,
    family: val('family'),
    charset: val('charset'),
  };
}

function numFmtIdFor(numFmts: Section, p: string, code: string): number {
  const builtin = BUILTIN_NUMFMTS[code];
  if (builtin !== undefined) return builtin;
  let max = 163;
  for (const child of numFmts.children) {
    const id = Number(attr(child, 0, child.length, 'numFmtId'));
    if (attr(child, 0, child.length, 'formatCode') === code) return id;
    if (id > max) max = id;
  }
  numFmts.indexOf(`<${p}numFmt numFmtId="${max + 1}" formatCode="${escapeAttr(code)}"/>`);
  return max + 1;
}

/** Writes a section's new children before its closing tag and sets `count`; creates the section if absent. */
function spliceSection(xml: string, p: string, s: Section): string {
  const qname = p + s.name;
  const el = findElement(xml, qname);
  const count = s.children.length;
  if (!el) {
    const fresh = `<${qname} count="${count}">${s.addedXml}</${qname}>`;
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(s.name) + 1)
      .map((n) => findElement(xml, p + n)?.start ?? -1)
      .filter((i) => i >= 0);
    const at = later.length ? Math.min(...later) : xml.lastIndexOf('</' + p + 'styleSheet>');
    return xml.slice(0, at) + fresh + xml.slice(at);
  }
  let open = xml.slice(el.start, el.openEnd);
  if (el.selfClosing) open = open.replace(/\s*\/>$/, '>');
  open = /\scount="[^"]*"/.test(open) ? open.replace(/(\s)count="[^"]*"/, `$1count="${count}"`) : open.replace(/>$/, ` count="${count}">`);
  const inner = xml.slice(el.openEnd, el.innerEnd);
  return xml.slice(0, el.start) + open + inner + s.addedXml + `</${qname}>` + xml.slice(el.end);
}

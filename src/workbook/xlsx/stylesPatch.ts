/**
 * Adds the product's named styles (styles.ts) to xl/styles.xml and returns their cellXfs indices.
 *
 * Idempotent by construction: every font/fill/border/xf we need is serialised canonically and
 * looked up among the existing children by exact text before anything is appended, so applying
 * the same plan to our own output finds everything and leaves styles.xml unchanged.
 * New children go just before the section's closing tag; the rest of the file keeps its bytes.
 *
 * The standard makes every section optional and `<styleSheet/>` may be empty. A missing or
 * empty section gets its default entry at index 0 first (plain font, the two reserved fills,
 * no border, a plain xf), because index 0 is what every unstyled cell uses: our header style
 * must never become the workbook's default look. Missing sections are created in schema order.
 */
import { STYLES, StyleDef, StyleKey } from '../styles';
import { Conformance, MAIN_NS } from './conformance';
import { XlsxError } from './limits';
import { ChildElement, attr, childElements, escapeAttr, findStartTag, isSelfClosing, rootElement, splitQName, tagEnd } from './xml';

export const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Schema order of the styleSheet children (CT_Stylesheet), used to insert a missing section in the right place. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const CHILD: Record<string, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  cellStyleXfs: 'xf',
  cellStyles: 'cellStyle',
};

/** The font a workbook without any font gets as its default (Excel's own default). */
const DEFAULT_FONT: BaseFont = { name: 'Calibri', size: 11, family: '2' };

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

/** A complete small styles part: the defaults only, in the namespace of the package's class. */
export function minimalStylesXml(font: BaseFont, conformance: Conformance = 'transitional'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS[conformance]}">` +
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
    // A style naming its font (Times New Roman) takes nothing else from the workbook's default font.
    (f.name
      ? `<${p}name val="${escapeAttr(f.name)}"/>` + (f.family ? `<${p}family val="${f.family}"/>` : '')
      : `<${p}name val="${escapeAttr(base.name)}"/>` +
        (base.family ? `<${p}family val="${escapeAttr(base.family)}"/>` : '') +
        (base.charset ? `<${p}charset val="${escapeAttr(base.charset)}"/>` : '')) +
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
    return i >= 0 ? i : this.append(xml);
  }
  /** Appends a child even if an identical one exists (a default entry must sit at its index). */
  append(xml: string): number {
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

/** The top-level sections present, by local name (the first of each), with the root's end tag. */
function topLevel(xml: string, p: string): { sections: Map<string, ChildElement>; closeStart: number } {
  const root = rootElement(xml);
  if (isSelfClosing(xml, root.end)) throw new XlsxError('corrupt', undefined, 'self-closing styleSheet not expanded');
  const { children, closeStart } = childElements(xml, root.end);
  const sections = new Map<string, ChildElement>();
  for (const c of children) {
    const { prefix, local } = splitQName(c.qname);
    if (prefix === p && !sections.has(local)) sections.set(local, c);
  }
  return { sections, closeStart };
}

/** Adds the styles for `keys` (in this order) and returns the cellXfs index of each. */
export function addStyles(stylesXml: string, keys: readonly StyleKey[]): StylesResult {
  const root = rootElement(stylesXml);
  if (splitQName(root.qname).local !== 'styleSheet') throw new XlsxError('corrupt', undefined, `styles part has root <${root.qname}>`);
  const p = root.prefix;
  // `<styleSheet/>` is valid (every section is optional): open it so sections can go inside.
  if (isSelfClosing(stylesXml, root.end)) {
    const open = stylesXml.slice(root.start, root.end).replace(/\s*\/>$/, '>');
    stylesXml = stylesXml.slice(0, root.start) + open + `</${root.qname}>` + stylesXml.slice(root.end);
  }
  const present = topLevel(stylesXml, p).sections;
  const sections = new Map<string, Section>();
  const section = (name: string): Section => {
    let s = sections.get(name);
    if (!s) {
      const el = present.get(name);
      const kids = el && !el.selfClosing ? childElements(stylesXml, el.openEnd).children.filter((k) => k.qname === p + CHILD[name]) : [];
      s = new Section(name, kids.map((k) => stylesXml.slice(k.start, k.end)));
      sections.set(name, s);
    }
    return s;
  };
  // Defaults first, so index 0 of each section stays the plain look of unstyled cells.
  const fonts = section('fonts');
  if (fonts.children.length === 0) fonts.append(fontXml(p, DEFAULT_FONT, {}));
  const base = baseFont(fonts.children[0], p);
  // Excel reserves fills 0 and 1 (none, gray125) whatever they say: ours must come after them.
  const fills = section('fills');
  if (fills.children.length === 0) fills.append(`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
  if (fills.children.length === 1) fills.append(`<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
  const borders = section('borders');
  if (borders.children.length === 0) borders.append(`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`);
  const styleXfs = section('cellStyleXfs');
  if (styleXfs.children.length === 0) {
    styleXfs.append(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    // The Normal cell style names that xf; a part without any cell style gets it too.
    if (!present.has('cellStyles')) section('cellStyles').append(`<${p}cellStyle name="Normal" xfId="0" builtinId="0"/>`);
  }
  const cellXfs = section('cellXfs');
  if (cellXfs.children.length === 0) cellXfs.append(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);

  const index = new Map<StyleKey, number>();
  for (const key of keys) {
    if (index.has(key)) continue;
    const d = STYLES[key];
    const numFmtId = d.numFmt === undefined ? 0 : numFmtIdFor(section('numFmts'), p, d.numFmt);
    const fontId = d.font ? fonts.indexOf(fontXml(p, base, d.font)) : 0;
    const fillId = d.fill ? fills.indexOf(fillXml(p, d.fill)) : 0;
    const borderId = d.border ? borders.indexOf(borderXml(p)) : 0;
    const a = d.align;
    const alignment = a
      ? `<${p}alignment` +
        (a.h ? ` horizontal="${a.h}"` : '') +
        (a.v ? ` vertical="${a.v}"` : '') +
        (a.wrap ? ' wrapText="1"' : '') +
        (a.shrink ? ' shrinkToFit="1"' : '') +
        '/>'
      : '';
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (alignment ? ' applyAlignment="1"' : '') +
      // Locked is every cell's default: only an editable cell says otherwise.
      (d.unlocked ? ' applyProtection="1"' : '') +
      (alignment || d.unlocked ? `>${alignment}${d.unlocked ? `<${p}protection locked="0"/>` : ''}</${p}xf>` : '/>');
    index.set(key, cellXfs.indexOf(xf));
  }
  // (An opened `<styleSheet/>` always has sections to add, so an unchanged result is the input.)
  let xml = stylesXml;
  for (const name of SECTION_ORDER) {
    const s = sections.get(name);
    if (s?.changed) xml = spliceSection(xml, p, s);
  }
  return { xml, index };
}

/** The default font (font 0): our fonts differ from it only in what the style asks. */
function baseFont(font0: string | undefined, p: string): BaseFont {
  const val = (child: string): string | undefined => {
    if (!font0) return undefined;
    const at = findStartTag(font0, p + child, 0);
    const end = at < 0 ? -1 : tagEnd(font0, at);
    return end < 0 ? undefined : attr(font0, at, end, 'val');
  };
  const size = Number(val('sz'));
  return {
    name: val('name') ?? DEFAULT_FONT.name,
    size: Number.isFinite(size) && size > 0 ? size : DEFAULT_FONT.size,
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
  const { sections, closeStart } = topLevel(xml, p);
  const el = sections.get(s.name);
  const count = s.children.length;
  if (!el) {
    const fresh = `<${qname} count="${count}">${s.addedXml}</${qname}>`;
    // Before the first section that the schema puts after this one, else last.
    let at = closeStart;
    for (const later of SECTION_ORDER.slice(SECTION_ORDER.indexOf(s.name) + 1)) {
      const found = sections.get(later);
      if (found && found.start < at) at = found.start;
    }
    return xml.slice(0, at) + fresh + xml.slice(at);
  }
  let open = xml.slice(el.start, el.openEnd);
  if (el.selfClosing) open = open.replace(/\s*\/>$/, '>');
  const countAttr = /(\s)count\s*=\s*("[^"]*"|'[^']*')/;
  open = countAttr.test(open) ? open.replace(countAttr, `$1count="${count}"`) : open.replace(/>$/, ` count="${count}">`);
  const inner = xml.slice(el.openEnd, el.innerEnd);
  return xml.slice(0, el.start) + open + inner + s.addedXml + `</${qname}>` + xml.slice(el.end);
}

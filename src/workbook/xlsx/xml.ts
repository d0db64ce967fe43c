/**
 * Small XML helpers for scanning and writing OOXML parts as text.
 * We never build a DOM: parts are scanned with indexOf/charCode loops and written as strings,
 * which keeps a 60 MB worksheet fast and lets us copy everything we don't own byte for byte.
 */
import { XlsxError } from './limits';

const WS = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Index just after the `>` closing the tag that starts at `lt` (a `<`), skipping quoted
 * attribute values (they may legally contain `>`). -1 if the tag never closes.
 */
export function tagEnd(xml: string, lt: number): number {
  const n = xml.length;
  for (let i = lt + 1; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62 /* > */) return i + 1;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

/** True when the tag ending just before `end` (index after `>`) is self-closing (`/>`). */
export function isSelfClosing(xml: string, end: number): boolean {
  return xml.charCodeAt(end - 2) === 47;
}

/**
 * Index of the next start tag `<{qname}` (followed by white space, `>` or `/`) in [from, to), or -1.
 * `qname` includes any prefix, e.g. `x:row`.
 */
export function findStartTag(xml: string, qname: string, from: number, to = xml.length): number {
  const needle = '<' + qname;
  let i = from;
  for (;;) {
    i = xml.indexOf(needle, i);
    if (i < 0 || i >= to) return -1;
    const c = xml.charCodeAt(i + needle.length);
    if (WS(c) || c === 62 || c === 47) return i;
    i += needle.length;
  }
}

/**
 * Start of the value of attribute `name` (qualified, exact) inside the tag [from, to), or -1.
 * The value ends at the next occurrence of the quote character found at `start - 1`.
 * Returning an index avoids allocating strings in hot loops.
 */
export function attrStart(xml: string, from: number, to: number, name: string): number {
  let i = from;
  // skip `<` and the tag name
  while (i < to && !WS(xml.charCodeAt(i))) i++;
  for (;;) {
    while (i < to && WS(xml.charCodeAt(i))) i++;
    if (i >= to) return -1;
    const c = xml.charCodeAt(i);
    if (c === 62 || c === 47) return -1;
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) return -1;
    let nameEnd = eq;
    while (nameEnd > i && WS(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (q < to && WS(xml.charCodeAt(q))) q++;
    const quote = xml[q];
    const close = xml.indexOf(quote, q + 1);
    if (close < 0) return -1;
    if (nameEnd - i === name.length && xml.startsWith(name, i)) return q + 1;
    i = close + 1;
  }
}

/** Decoded value of attribute `name` in the tag [from, to), or undefined. */
export function attr(xml: string, from: number, to: number, name: string): string | undefined {
  const s = attrStart(xml, from, to, name);
  if (s < 0) return undefined;
  return decodeEntities(xml.slice(s, xml.indexOf(xml[s - 1], s)));
}

/** All attributes of a start tag, raw (still escaped) values, in document order. */
export function rawAttrs(tag: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const nameEnd = tag.search(/[\s/>]/);
  re.lastIndex = nameEnd < 0 ? 0 : nameEnd;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.push([m[1], m[3] ?? m[4] ?? '']);
  return out;
}

/** Local name (after any prefix) and prefix (with colon, or '') of a qualified name. */
export function splitQName(qname: string): { prefix: string; local: string } {
  const i = qname.indexOf(':');
  return i < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, i + 1), local: qname.slice(i + 1) };
}

/** The root element: its qualified name and the span of its start tag. Throws XlsxError('corrupt') when there is none. */
export function rootElement(xml: string): { qname: string; prefix: string; start: number; end: number } {
  const bad = (detail: string): XlsxError => new XlsxError('corrupt', undefined, detail);
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) throw bad('no root element');
    const c = xml.charCodeAt(i + 1);
    if (c === 63 /* ? */) i = xml.indexOf('?>', i) + 2;
    else if (c === 33 /* ! */) i = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) + 3 : xml.indexOf('>', i) + 1;
    else break;
    if (i <= 2) throw bad('unterminated prolog');
  }
  const end = tagEnd(xml, i);
  const m = /^<([^\s/>]+)/.exec(xml.slice(i, i + 200));
  if (!m || end < 0) throw bad('bad root element');
  return { qname: m[1], prefix: splitQName(m[1]).prefix, start: i, end };
}

/**
 * The namespace URI bound to `prefix` (with its colon, or '' for the default namespace) by the
 * root start tag, or undefined. OOXML parts declare their namespaces there.
 */
export function rootNamespace(xml: string, prefix: string): string | undefined {
  const root = rootElement(xml);
  const name = prefix ? 'xmlns:' + prefix.slice(0, -1) : 'xmlns';
  const v = rawAttrs(xml.slice(root.start, root.end)).find(([n]) => n === name);
  return v ? decodeEntities(v[1]) : undefined;
}

/** A direct child element of some parent: its name and spans (as findElement). */
export interface ChildElement {
  readonly qname: string;
  readonly start: number;
  readonly openEnd: number;
  readonly innerEnd: number;
  readonly end: number;
  readonly selfClosing: boolean;
}

/**
 * The direct children of the element whose start tag ends at `openEnd` (depth-aware: an element
 * of the same name nested deeper is not a child). Comments, CDATA and processing instructions
 * are skipped. Returns the children and the index of the parent's end tag.
 * Throws XlsxError('corrupt') on unbalanced markup.
 */
export function childElements(xml: string, openEnd: number): { children: ChildElement[]; closeStart: number } {
  const bad = (detail: string): XlsxError => new XlsxError('corrupt', undefined, detail);
  const children: ChildElement[] = [];
  let depth = 0;
  let pending: { qname: string; start: number; openEnd: number } | undefined;
  let i = openEnd;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw bad('unterminated element');
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) throw bad('unterminated comment');
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) throw bad('unterminated CDATA');
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) throw bad('unterminated processing instruction');
      i = e + 2;
      continue;
    }
    const end = tagEnd(xml, lt);
    if (end < 0) throw bad('unterminated tag');
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      if (depth === 0) return { children, closeStart: lt };
      depth--;
      if (depth === 0 && pending) {
        children.push({ ...pending, innerEnd: lt, end, selfClosing: false });
        pending = undefined;
      }
    } else {
      const m = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 200));
      if (!m) throw bad('bad start tag');
      if (isSelfClosing(xml, end)) {
        if (depth === 0) children.push({ qname: m[1], start: lt, openEnd: end, innerEnd: end, end, selfClosing: true });
      } else {
        if (depth === 0) pending = { qname: m[1], start: lt, openEnd: end };
        depth++;
      }
    }
    i = end;
  }
}

/**
 * Span of the first element `<{qname}…>…</{qname}>` or `<{qname}…/>` in [from, to).
 * `inner` is the content between the tags (empty for a self-closing element).
 * Only for elements that cannot nest inside themselves (true of every OOXML element we look for).
 */
export function findElement(
  xml: string,
  qname: string,
  from = 0,
  to = xml.length,
): { start: number; openEnd: number; innerEnd: number; end: number; selfClosing: boolean } | undefined {
  const start = findStartTag(xml, qname, from, to);
  if (start < 0) return undefined;
  const openEnd = tagEnd(xml, start);
  if (openEnd < 0) return undefined;
  if (isSelfClosing(xml, openEnd)) return { start, openEnd, innerEnd: openEnd, end: openEnd, selfClosing: true };
  const close = '</' + qname + '>';
  const innerEnd = xml.indexOf(close, openEnd);
  if (innerEnd < 0) return undefined;
  return { start, openEnd, innerEnd, end: innerEnd + close.length, selfClosing: false };
}

/** Every element `qname` directly found in [from, to), as spans (no nesting, see findElement). */
export function findElements(xml: string, qname: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = from;
  for (;;) {
    const el = findElement(xml, qname, i, to);
    if (!el || el.end > to) return out;
    out.push({ start: el.start, end: el.end });
    i = el.end;
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML entities and character references; `\r\n` is normalised as an XML parser would. */
export function decodeEntities(text: string): string {
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ent] ?? whole;
  });
}

/** Decodes the `_xHHHH_` escapes of OOXML strings (ST_Xstring); `_x005F_` is a literal underscore. */
export function decodeXString(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 does not allow (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: invalid characters stripped, markup escaped. */
export function escapeText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value (double-quoted): as escapeText plus quotes and white space that would be normalised away. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * A cell string as OOXML stores it: a literal `_xHHHH_` in the user's text must be escaped as
 * `_x005F_xHHHH_`, otherwise Excel would decode it into a different character.
 */
export function encodeXString(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

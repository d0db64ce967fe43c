/**
 * Shared strings (xl/sharedStrings.xml) and rich text: the text the user sees, i.e. the
 * concatenation of the `<t>` runs, leaving out phonetic guides (`<rPh>`).
 */
import { decodeEntities, decodeXString, findStartTag, isSelfClosing, rootElement, tagEnd } from './xml';

/** Local name of the tag whose name starts at `i` (just after `<` or `</`). */
function localNameAt(xml: string, i: number): string {
  let j = i;
  let colon = -1;
  for (;;) {
    const c = xml.charCodeAt(j);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13 || Number.isNaN(c)) break;
    if (c === 58) colon = j;
    j++;
  }
  return xml.slice(colon < 0 ? i : colon + 1, j);
}

/**
 * The plain-text case `<t …>text</t>` filling [from, to) exactly (the usual shared or inline
 * string), or undefined. Saves the general scan for hundreds of thousands of cells.
 */
function simpleText(xml: string, from: number, to: number): string | undefined {
  if (xml.charCodeAt(from) !== 60 /* < */) return undefined;
  const gt = xml.indexOf('>', from);
  if (gt < 0 || gt >= to || xml.charCodeAt(gt - 1) === 47) return undefined;
  let j = from + 1;
  for (let c = xml.charCodeAt(j); c !== 32 && c !== 62 && c !== 9 && c !== 10 && c !== 13; c = xml.charCodeAt(++j));
  const qname = xml.slice(from + 1, j);
  if (qname !== 't' && !qname.endsWith(':t')) return undefined;
  const close = xml.indexOf('<', gt);
  if (close + qname.length + 3 !== to || !xml.startsWith('</' + qname + '>', close)) return undefined;
  return decodeXString(decodeEntities(xml.slice(gt + 1, close)));
}

/** Text of rich-text content (`<si>` or `<is>` children) in [from, to). */
export function richText(xml: string, from: number, to: number): string {
  const simple = simpleText(xml, from, to);
  if (simple !== undefined) return simple;
  let out = '';
  let phonetic = 0;
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const end = tagEnd(xml, lt);
    if (end < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      if (localNameAt(xml, lt + 2) === 'rPh') phonetic--;
    } else if (!isSelfClosing(xml, end)) {
      const name = localNameAt(xml, lt + 1);
      if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) {
        const close = xml.indexOf('<', end);
        out += decodeEntities(xml.slice(end, close < 0 ? to : close));
      }
    }
    i = end;
  }
  return decodeXString(out);
}

export function parseSharedStrings(xml: string): string[] {
  const { prefix } = rootElement(xml);
  const siTag = prefix + 'si';
  const close = '</' + siTag + '>';
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const start = findStartTag(xml, siTag, i);
    if (start < 0) return out;
    const openEnd = tagEnd(xml, start);
    if (openEnd < 0) return out;
    if (isSelfClosing(xml, openEnd)) {
      out.push('');
      i = openEnd;
      continue;
    }
    const end = xml.indexOf(close, openEnd);
    if (end < 0) return out;
    out.push(richText(xml, openEnd, end));
    i = end + close.length;
  }
}

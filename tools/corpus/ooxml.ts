/**
 * A small, independent reader of .xlsx packages for the corpus test: it does not use the
 * product's own xlsx code, so a bug there cannot hide itself. It decodes parts as the XML
 * standard says (BOM, encoding declaration), parses them with a strict parser (saxes, with
 * namespace checks), and lists a workbook's sheets with their parts.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The package's parts by name, as stored. */
export type Parts = Record<string, Uint8Array>;

/** Unzips a package; throws on a file that is not a zip. */
export function readParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

/** A part's text, or why it cannot be decoded as its bytes and declaration say. */
export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; why: string };

/**
 * Decodes an XML part: a UTF-16 BOM means UTF-16, otherwise UTF-8 (invalid UTF-8 fails). The
 * encoding declaration must agree with the bytes — a part written as UTF-8 that still declares
 * UTF-16 is what Excel refuses to open.
 */
export function decodeXml(bytes: Uint8Array): Decoded {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes); // drops the BOM
  } catch {
    return { ok: false, why: `not valid ${encoding}` };
  }
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]?.toLowerCase();
  if (declared !== undefined) {
    const is16 = /^utf-?16/.test(declared);
    if (is16 !== (encoding !== 'utf-8')) return { ok: false, why: `declares ${declared} but is ${encoding}` };
    if (!is16 && !/^(utf-?8|us-ascii|ascii)$/.test(declared) && /[^\x00-\x7f]/.test(text)) {
      return { ok: false, why: `declares ${declared}, which the check cannot read` };
    }
  }
  return { ok: true, text, encoding };
}

/** Parses XML strictly (well-formedness and namespaces); returns the first error's message, or undefined. */
export function xmlError(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  return error;
}

/** Parts whose names say they are XML (VML drawings are not: Excel's own are not well-formed). */
export const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** One element as the walker sees it: local name, attributes by local name (prefixed ones also by qualified name). */
export interface Element {
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
}

/**
 * Walks an XML text with saxes: `open` for each element start, `text` for character data
 * (with the stack of open local names), `close` for each end. Throws on malformed XML.
 */
export function walkXml(
  text: string,
  on: { open?(el: Element, stack: readonly string[]): void; text?(t: string, stack: readonly string[]): void; close?(local: string, stack: readonly string[]): void },
): void {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
      if (a.prefix && a.uri && /relationships$/.test(a.uri)) attrs[`r:${a.local}`] = a.value;
    }
    on.open?.({ local: tag.local, attrs }, stack);
    stack.push(tag.local);
    if (tag.isSelfClosing) {
      stack.pop();
      on.close?.(tag.local, stack);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return; // already closed in 'opentag'
    stack.pop();
    on.close?.(tag.local, stack);
  });
  parser.on('text', (t) => on.text?.(t, stack));
  parser.on('cdata', (t) => on.text?.(t, stack));
  parser.write(text).close();
}

/**
 * The zip entry of a part name: part names compare case-insensitively (OPC), and some producers
 * write `\\` for `/` in entry names (POI's 49609.xlsx), which readers such as Excel accept.
 */
export function findPart(parts: Parts, name: string): string | undefined {
  if (parts[name]) return name;
  const key = (n: string) => n.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
  const want = key(name);
  return Object.keys(parts).find((n) => key(n) === want);
}

/** The text of a part, decoded; undefined when absent or undecodable. */
export function partText(parts: Parts, name: string): string | undefined {
  const entry = findPart(parts, name);
  const bytes = entry === undefined ? undefined : parts[entry];
  if (!bytes) return undefined;
  const d = decodeXml(bytes);
  return d.ok ? d.text : undefined;
}

/** Resolves a relationship target against the folder of the part that owns the .rels. */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const seg of (base + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relationships file of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function readRels(parts: Parts, relsPath: string): Rel[] {
  const text = partText(parts, relsPath);
  if (text === undefined) return [];
  const rels: Rel[] = [];
  walkXml(text, {
    open(el) {
      if (el.local !== 'Relationship') return;
      rels.push({ id: el.attrs.Id ?? '', type: el.attrs.Type ?? '', target: el.attrs.Target ?? '', external: el.attrs.TargetMode === 'External' });
    },
  });
  return rels;
}

/** The workbook part named by the package relationships (Transitional or Strict), else the usual path. */
export function workbookPath(parts: Parts): string {
  const office = readRels(parts, '_rels/.rels').find((r) => /\/officeDocument$/.test(r.type));
  return office ? resolvePart('', office.target) : 'xl/workbook.xml';
}

/** A sheet of the workbook: its name, state and part (undefined when its relationship or part is missing). */
export interface SheetEntry {
  readonly name: string;
  readonly state: string;
  /** The part's zip entry name, as stored. */
  readonly part?: string;
  /** True for worksheets (not chart or dialog sheets). */
  readonly worksheet: boolean;
}

/** The workbook's sheets in order, with their parts. Throws when the workbook part is not XML. */
export function listSheets(parts: Parts): SheetEntry[] {
  const wb = workbookPath(parts);
  const text = partText(parts, wb);
  if (text === undefined) throw new Error(`no workbook part ${wb}`);
  const rels = readRels(parts, relsOf(wb));
  const sheets: SheetEntry[] = [];
  walkXml(text, {
    open(el, stack) {
      if (el.local !== 'sheet' || stack[stack.length - 1] !== 'sheets') return;
      const rel = rels.find((r) => r.id === el.attrs['r:id'] && !r.external);
      sheets.push({
        name: el.attrs.name ?? '',
        state: el.attrs.state ?? 'visible',
        part: rel ? findPart(parts, resolvePart(wb, rel.target)) : undefined,
        worksheet: rel ? /\/worksheet$/.test(rel.type) : false,
      });
    },
  });
  return sheets;
}

/**
 * The package: the input archive's parts plus the parts we changed or added.
 * Unchanged parts are written back as their original compressed bytes; the limits on
 * uncompressed size are enforced here, for every part we inflate.
 */
import { codec } from './codec';
import { sheetWindows, sheetWindowsAsync } from './sheetWindows';
import { XlsxError, XlsxLimits, errorMessage } from './limits';
import { inflateSync } from 'fflate';
import { binaryFromBytes } from './binaryText';
import { TextPartWriter, ZipEntry, ZipPart, compressText, inflateEntry, rawPart, writeZip } from './zip';

const utf8 = new TextDecoder('utf-8');

/** The encoding named by an XML declaration at the start of ASCII-compatible bytes, lower case, or undefined. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < bytes.length && i < 200; i++) {
    head += String.fromCharCode(bytes[i]);
    if (bytes[i] === 0x3e /* > */) break;
  }
  const m = /^(?:\xEF\xBB\xBF)?<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/** A decoder for an encoding label, or undefined when the platform does not know it. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * XML text of a part. Excel writes UTF-8; the standard also allows UTF-16, recognised by its BOM
 * (or, without one, by `<?` encoded in two bytes, as the XML spec's autodetection does). Other
 * writers sometimes declare a legacy encoding (windows-1258, ISO-8859-1): decoded as declared
 * when the platform knows it. Whatever the input, the text's declaration is made to say UTF-8,
 * because anything we write back is encoded as UTF-8: a rewritten part never keeps a declaration
 * that contradicts its bytes. A BOM is dropped: our scanners expect `<` first.
 */
export function decodeXml(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let text: string;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)) {
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)) {
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    const enc = declaredEncoding(bytes);
    // Bytes that are ASCII-compatible but declare UTF-16 (a contradiction some tools write) are UTF-8.
    const legacy = enc && enc !== 'utf-8' && enc !== 'utf8' && !enc.startsWith('utf-16') && !(b0 === 0xef && b1 === 0xbb);
    text = ((legacy && decoderFor(enc)) || utf8).decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Only touched when needed: a replaced 60 MB string would be copied once more.
  const decl = /^(<\?xml\s[^>]*?encoding\s*=\s*)(["'])([^"']*)\2/.exec(text);
  if (!decl || /^utf-?8$/i.test(decl[3])) return text;
  return decl[1] + decl[2] + 'UTF-8' + decl[2] + text.slice(decl[0].length);
}

/** A big worksheet's XML, each pass inflating it again (see XlsxPackage.sheetWindows). */
export interface SheetWindowSource {
  windows(): Iterable<string>;
  windowsAsync(): AsyncIterable<string>;
}

/** A worksheet part by its usual path (`xl/worksheets/sheetN.xml`); other paths count as ordinary parts. */
function isWorksheetPath(name: string): boolean {
  return /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(name);
}

/**
 * Up to `n` bytes from the start of a part (the prolog, for a look at its encoding), inflating
 * no more than the first compressed slice. A damaged stream gives what came before the damage
 * (nothing: then the part is read whole, and its damage reported there).
 */
function leadingBytes(src: Uint8Array, method: 0 | 8, n: number): Uint8Array {
  if (method === 0) return src.subarray(0, n);
  const out = new Uint8Array(n);
  let got = 0;
  const inflater = codec().inflater((chunk) => {
    const take = Math.min(chunk.length, n - got);
    out.set(chunk.subarray(0, take), got);
    got += take;
  });
  try {
    inflater.push(src.subarray(0, Math.min(src.length, 16 * 1024)), src.length <= 16 * 1024);
  } catch {
    // keep what came before the damage
  }
  return out.subarray(0, got);
}

/**
 * UTF-8 without a BOM and without a declaration of another encoding: bytes a binary string
 * holds as they are (see XlsxPackage.sheetXml).
 */
function plainUtf8(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x3c /* < */) return false;
  const enc = declaredEncoding(bytes);
  return enc === undefined || enc === 'utf-8' || enc === 'utf8';
}

/** A `<!DOCTYPE` before the root element (only the prolog is looked at). */
function hasDoctype(text: string): boolean {
  const head = text.slice(0, 4096);
  const d = head.indexOf('<!DOCTYPE');
  if (d < 0) return false;
  // Before the root element: every '<' before it opens a declaration, PI or comment.
  return !/<[A-Za-z_]/.test(head.slice(0, d));
}

/**
 * OPC forbids DTDs in package parts (ECMA-376 Part 2, §8.1.4) and Excel refuses them; one
 * carrying entity declarations is an entity-expansion bomb waiting for a DOM parser.
 */
function refuseDoctype(text: string, part: string): void {
  if (hasDoctype(text)) throw new XlsxError('corrupt', errorMessage('corrupt'), `DOCTYPE in ${part}`);
}

/** Worksheets can be huge; we keep only the most recently read one decoded. */
const BIG_PART = 1024 * 1024;

/**
 * The key a part is looked up by. OPC part names compare case-insensitively; relationship
 * targets are URIs, so `sheet%201.xml` names the entry `sheet 1.xml` (and some writers store the
 * escaped form as the entry name): both sides are unescaped. Backslashes and a leading slash in
 * entry names (written by a few Windows tools) are read as the OPC separator.
 */
function partKey(name: string): string {
  let k = name.indexOf('\\') >= 0 ? name.replace(/\\/g, '/') : name;
  if (k.charCodeAt(0) === 47) k = k.replace(/^\/+/, '');
  if (k.indexOf('%') >= 0) {
    try {
      k = decodeURIComponent(k);
    } catch {
      // a stray '%' that is not an escape: the name as written
    }
  }
  return k.toLowerCase();
}

export class XlsxPackage {
  /** Original entries by part key (see partKey); the first entry wins when two share a key. */
  private readonly entries = new Map<string, ZipEntry>();
  /** Every original entry, in archive order: all are written back. */
  private readonly order: ZipEntry[] = [];
  /** New or replaced content, by lower-case name: text chunks, or a part already compressed (writeText). */
  private readonly changed = new Map<string, { name: string; chunks: readonly string[]; part?: ZipPart }>();
  private readonly textCache = new Map<string, string>();
  /** Big worksheets held as binary strings (sheetXml); at most one big part is cached, either way. */
  private readonly binaryCache = new Map<string, string>();
  private bigCacheKey: string | undefined;
  /** Real uncompressed bytes inflated so far, counting each part once. */
  private inflated = 0;
  private readonly counted = new Set<string>();

  constructor(
    private readonly archive: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: XlsxLimits,
  ) {
    for (const e of entries) {
      const k = partKey(e.name);
      if (!this.entries.has(k)) this.entries.set(k, e);
      this.order.push(e);
    }
  }

  /** Parts taken out of the package (calcChain.xml when formulas it lists were replaced). */
  private readonly removed = new Set<string>();

  has(name: string): boolean {
    const k = partKey(name);
    return !this.removed.has(k) && (this.entries.has(k) || this.changed.has(k));
  }

  /** Takes a part out of the package; the caller removes its relationship and content type. */
  remove(name: string): void {
    const k = partKey(name);
    this.removed.add(k);
    this.changed.delete(k);
    this.textCache.delete(k);
    this.binaryCache.delete(k);
  }

  /** Sum of the sizes declared in the central directory, worksheet parts (streamed) aside. */
  declaredSize(): number {
    let s = 0;
    for (const e of this.order) if (!isWorksheetPath(e.name)) s += e.size;
    return s;
  }

  /** The largest declared size of a worksheet part. */
  largestSheetSize(): number {
    let s = 0;
    for (const e of this.order) if (isWorksheetPath(e.name)) s = Math.max(s, e.size);
    return s;
  }

  /**
   * A big worksheet's XML in row-aligned binary-string windows, inflated as they are consumed
   * (sheetWindows.ts), or undefined when the part is small, changed, absent or not plain UTF-8
   * (then sheetXml reads it whole). Each pass inflates the part again; nothing is cached.
   */
  sheetWindows(name: string): SheetWindowSource | undefined {
    const k = partKey(name);
    if (this.removed.has(k) || this.changed.has(k) || this.textCache.has(k) || this.binaryCache.has(k)) return undefined;
    const e = this.entries.get(k);
    if (!e || e.size <= BIG_PART || !isWorksheetPath(e.name)) return undefined;
    if (e.encrypted) throw new XlsxError('encrypted_or_xls', undefined, `encrypted entry ${e.name}`);
    if (e.method !== 0 && e.method !== 8) throw new XlsxError('corrupt', undefined, `unsupported compression method ${e.method} in ${e.name}`);
    const src = this.archive.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const limit = this.limits.maxSheetBytes;
    const tooLarge = (detail: string): XlsxError => new XlsxError('too_large', errorMessage('too_large', { limit }), detail);
    const budget = {
      declared: e.size,
      onTotal: (total: number): void => {
        if (total > limit) throw tooLarge(`${e.name} inflates past the limit`);
      },
      overflow: (): never => {
        throw tooLarge(`${e.name} inflates past its declared size ${e.size}`);
      },
      corrupt: (detail: string): never => {
        throw new XlsxError('corrupt', undefined, `${e.name}: ${detail}`);
      },
    };
    // A look at the first window decides: UTF-16 or a legacy encoding is read whole, decoded.
    const head = leadingBytes(src, e.method, 4096);
    if (head.length === 0 || !plainUtf8(head)) return undefined;
    refuseDoctype(codec().latin1(head), e.name);
    const method = e.method;
    return {
      windows: () => sheetWindows(src, method, budget),
      windowsAsync: () => sheetWindowsAsync(src, method, budget),
    };
  }

  /** The part as text (UTF-8), or undefined when absent. */
  text(name: string): string | undefined {
    const k = partKey(name);
    if (this.removed.has(k)) return undefined;
    const c = this.changed.get(k);
    if (c) {
      if (c.part) return utf8.decode(inflateSync(c.part.data));
      if (c.chunks.length === 1) return c.chunks[0];
      const joined = c.chunks.join('');
      this.changed.set(k, { name: c.name, chunks: [joined] });
      return joined;
    }
    const cached = this.textCache.get(k);
    if (cached !== undefined) return cached;
    const e = this.entries.get(k);
    if (!e) return undefined;
    return this.cacheText(k, e, this.inflate(e));
  }

  private cacheText(k: string, e: ZipEntry, bytes: Uint8Array): string {
    const text = decodeXml(bytes);
    refuseDoctype(text, e.name);
    if (bytes.length > BIG_PART) {
      this.forgetBig();
      this.bigCacheKey = k;
    }
    this.textCache.set(k, text);
    return text;
  }

  /**
   * A worksheet's XML for the sheet scanners: big UTF-8 parts as a binary string (one character
   * per byte, see binaryText.ts: half the memory of decoded text, and no decoding of rows only
   * copied), anything else (small, changed, UTF-16 or legacy-encoded parts) as decoded text.
   */
  sheetXml(name: string): { xml: string; binary: boolean } | undefined {
    const k = partKey(name);
    if (this.removed.has(k)) return undefined;
    const e = this.entries.get(k);
    const cached = this.binaryCache.get(k);
    if (cached !== undefined) return { xml: cached, binary: true };
    if (!e || this.changed.has(k) || this.textCache.has(k) || e.size <= BIG_PART) {
      const xml = this.text(name);
      return xml === undefined ? undefined : { xml, binary: false };
    }
    const bytes = this.inflate(e);
    if (!plainUtf8(bytes)) {
      const xml = this.cacheText(k, e, bytes);
      return { xml, binary: false };
    }
    const xml = binaryFromBytes(bytes);
    refuseDoctype(xml, e.name);
    this.forgetBig();
    this.bigCacheKey = k;
    this.binaryCache.set(k, xml);
    return { xml, binary: true };
  }

  private forgetBig(): void {
    if (this.bigCacheKey === undefined) return;
    this.textCache.delete(this.bigCacheKey);
    this.binaryCache.delete(this.bigCacheKey);
    this.bigCacheKey = undefined;
  }

  /**
   * Replaces (or adds) a part. Content may be given as chunks (a patched sheet: slices of the
   * original plus new rows), which are only joined if someone reads the part again.
   * A no-op change keeps the original compressed bytes.
   */
  setText(name: string, content: string | readonly string[]): void {
    const k = partKey(name);
    const e = this.entries.get(k);
    const chunks = typeof content === 'string' ? [content] : content;
    if (e && !this.changed.has(k) && chunks.length === 1 && this.textCache.get(k) === chunks[0]) return;
    this.removed.delete(k);
    this.changed.set(k, { name: e ? e.name : name, chunks });
    this.textCache.delete(k);
    this.binaryCache.delete(k);
  }

  /**
   * Replaces (or adds) a part whose text is produced piece by piece (a whole sheet we write):
   * each piece is compressed as it comes, so the text is never held whole.
   */
  writeText(name: string, write: (emit: (text: string) => void) => void, binary = false): void {
    const k = partKey(name);
    const e = this.entries.get(k);
    const w = new TextPartWriter(e ? e.name : name, binary);
    write((text) => w.write(text));
    this.removed.delete(k);
    this.changed.set(k, { name: e ? e.name : name, chunks: [], part: w.finish() });
    this.textCache.delete(k);
    this.binaryCache.delete(k);
  }

  /**
   * writeText with the text produced asynchronously (a sheet patched as it inflates), compressed
   * off the main thread where the codec can. `write` calls `drain` now and then (between windows):
   * it waits while too many pieces are still being compressed.
   */
  async writeTextAsync(
    name: string,
    write: (emit: (text: string) => void, drain: () => Promise<void>) => Promise<void>,
    binary = false,
  ): Promise<void> {
    const k = partKey(name);
    const e = this.entries.get(k);
    const w = new TextPartWriter(e ? e.name : name, binary, true);
    await write((text) => w.write(text), () => w.drain());
    const part = await w.finishAsync();
    this.removed.delete(k);
    this.changed.set(k, { name: e ? e.name : name, chunks: [], part });
    this.textCache.delete(k);
    this.binaryCache.delete(k);
  }

  toBytes(): Uint8Array {
    const parts: ZipPart[] = [];
    for (const e of this.order) {
      const k = partKey(e.name);
      if (this.removed.has(k)) continue;
      const c = this.entries.get(k) === e ? this.changed.get(k) : undefined;
      parts.push(c ? (c.part ?? compressText(c.name, c.chunks)) : rawPart(this.archive, e));
    }
    for (const [k, c] of this.changed) if (!this.entries.has(k)) parts.push(c.part ?? compressText(c.name, c.chunks));
    return writeZip(parts);
  }

  private inflate(e: ZipEntry): Uint8Array {
    const k = partKey(e.name);
    const before = this.counted.has(k) ? 0 : this.inflated;
    const limit = this.limits.maxUncompressedBytes;
    const tooLarge = (detail: string): XlsxError => new XlsxError('too_large', errorMessage('too_large', { limit }), detail);
    const bytes = inflateEntry(
      this.archive,
      e,
      (produced) => {
        if (before + produced > limit) throw tooLarge(`${e.name} inflates past the limit`);
      },
      // More output than the directory declared: a crafted archive (zip bomb), refused as too large.
      () => {
        throw tooLarge(`${e.name} inflates past its declared size ${e.size}`);
      },
    );
    if (!this.counted.has(k)) {
      this.counted.add(k);
      this.inflated += bytes.length;
    }
    return bytes;
  }
}

/**
 * The package: the input archive's parts plus the parts we changed or added.
 * Unchanged parts are written back as their original compressed bytes; the limits on
 * uncompressed size are enforced here, for every part we inflate.
 */
import { XlsxError, XlsxLimits, errorMessage } from './limits';
import { ZipEntry, ZipPart, compressText, inflateEntry, rawPart, writeZip } from './zip';

const utf8 = new TextDecoder('utf-8');

/**
 * XML text of a part. Excel writes UTF-8; other writers may use UTF-16 (with a BOM). The
 * declaration is rewritten to UTF-8 because anything we write back is encoded as UTF-8.
 * A UTF-8 BOM is dropped: our scanners expect `<` first.
 */
function decodeXml(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
    return text.replace(/^\uFEFF?(<\?xml[^>]*?encoding=["'])utf-16(["'])/i, '$1UTF-8$2').replace(/^\uFEFF/, '');
  }
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Worksheets can be huge; we keep only the most recently read one decoded. */
const BIG_PART = 1024 * 1024;

export class XlsxPackage {
  /** Original entries by lower-case name (OPC part names are case-insensitive). */
  private readonly entries = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  /** New or replaced content, by lower-case name. */
  private readonly changed = new Map<string, { name: string; chunks: readonly string[] }>();
  private readonly textCache = new Map<string, string>();
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
      this.entries.set(e.name.toLowerCase(), e);
      this.order.push(e.name.toLowerCase());
    }
  }

  has(name: string): boolean {
    const k = name.toLowerCase();
    return this.entries.has(k) || this.changed.has(k);
  }

  /** Sum of the sizes declared in the central directory. */
  declaredSize(): number {
    let s = 0;
    for (const e of this.entries.values()) s += e.size;
    return s;
  }

  /** The part as text (UTF-8), or undefined when absent. */
  text(name: string): string | undefined {
    const k = name.toLowerCase();
    const c = this.changed.get(k);
    if (c) {
      if (c.chunks.length === 1) return c.chunks[0];
      const joined = c.chunks.join('');
      this.changed.set(k, { name: c.name, chunks: [joined] });
      return joined;
    }
    const cached = this.textCache.get(k);
    if (cached !== undefined) return cached;
    const e = this.entries.get(k);
    if (!e) return undefined;
    const bytes = this.inflate(e);
    const text = decodeXml(bytes);
    if (bytes.length > BIG_PART) {
      if (this.bigCacheKey) this.textCache.delete(this.bigCacheKey);
      this.bigCacheKey = k;
    }
    this.textCache.set(k, text);
    return text;
  }

  /**
   * Replaces (or adds) a part. Content may be given as chunks (a patched sheet: slices of the
   * original plus new rows), which are only joined if someone reads the part again.
   * A no-op change keeps the original compressed bytes.
   */
  setText(name: string, content: string | readonly string[]): void {
    const k = name.toLowerCase();
    const e = this.entries.get(k);
    const chunks = typeof content === 'string' ? [content] : content;
    if (e && !this.changed.has(k) && chunks.length === 1 && this.textCache.get(k) === chunks[0]) return;
    this.changed.set(k, { name: e ? e.name : name, chunks });
    this.textCache.delete(k);
  }

  toBytes(): Uint8Array {
    const parts: ZipPart[] = [];
    for (const k of this.order) {
      const c = this.changed.get(k);
      parts.push(c ? compressText(c.name, c.chunks) : rawPart(this.archive, this.entries.get(k)!));
    }
    for (const [k, c] of this.changed) if (!this.entries.has(k)) parts.push(compressText(c.name, c.chunks));
    return writeZip(parts);
  }

  private inflate(e: ZipEntry): Uint8Array {
    const k = e.name.toLowerCase();
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

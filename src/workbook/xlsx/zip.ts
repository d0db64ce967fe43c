/**
 * Minimal ZIP reader/writer on top of a raw DEFLATE codec (codec.ts: fflate, or Node's zlib on the command line).
 *
 * We parse the central directory ourselves (instead of fflate's unzip) so that we can
 * (1) refuse a file whose declared sizes exceed the limit before inflating anything,
 * (2) inflate one part at a time in a streaming way, counting the real output and aborting
 *     over the limit (declared sizes can lie), and
 * (3) copy every part we don't change as its original compressed bytes, which is both fast
 *     and guarantees those parts stay byte-identical.
 * The writer is deterministic (fixed timestamps, no extra fields) so equal content gives equal files.
 */
import { codec, type Codec, type RawDeflater } from './codec';
import { XlsxError } from './limits';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
  readonly encrypted: boolean;
}

/** A part ready to be written: compressed data plus its header fields. */
export interface ZipPart {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

const corrupt = (detail: string): XlsxError => new XlsxError('corrupt', undefined, detail);

/** True when the bytes look like a ZIP at all (local header or empty-archive signature). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

/** Reads the central directory. Throws XlsxError('corrupt') on a damaged structure. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  // End of central directory: 22 bytes + comment of up to 65535 bytes, searched from the end.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  // ZIP64: the locator sits just before the EOCD record.
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const z64 = u64(b, eocd - 12);
    if (z64 + 56 > b.length || u32(b, z64) !== 0x06064b50) throw corrupt('bad zip64 record');
    count = u64(b, z64 + 32);
    cdOffset = u64(b, z64 + 48);
  }
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const utf8 = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw corrupt('bad central directory entry');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extended information: present fields follow in this order, only for saturated values.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(b, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    p = extraEnd + commentLen;
    if (localOffset + 30 > b.length || u32(b, localOffset) !== 0x04034b50) throw corrupt(`bad local header for ${name}`);
    const dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataOffset + compressedSize > b.length) throw corrupt(`truncated data for ${name}`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw corrupt(`duplicate entry ${name}`);
    seen.add(key);
    entries.push({ name, method, crc, compressedSize, size, dataOffset, encrypted: (flags & 1) !== 0 });
  }
  return entries;
}

/**
 * Inflates one entry in a streaming way into a buffer of its declared size. Output beyond the
 * declared size means the directory lied: we stop at once (`onOverflow`). `onBytes(total)` sees
 * the running count after each chunk so the caller can enforce a global budget by throwing.
 */
export function inflateEntry(
  archive: Uint8Array,
  entry: ZipEntry,
  onBytes: (produced: number) => void,
  onOverflow: () => never,
): Uint8Array {
  const src = archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.encrypted) throw new XlsxError('encrypted_or_xls', undefined, `encrypted entry ${entry.name}`);
  if (entry.method === 0) {
    if (src.length !== entry.size) throw corrupt(`stored entry ${entry.name} has inconsistent sizes`);
    onBytes(src.length);
    return src;
  }
  if (entry.method !== 8) throw corrupt(`unsupported compression method ${entry.method} in ${entry.name}`);
  let out: Uint8Array;
  try {
    out = codec().inflateRaw(src, entry.size, onBytes, onOverflow);
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw corrupt(`inflate failed for ${entry.name}: ${(err as Error).message}`);
  }
  const total = out.length;
  if (total !== entry.size) throw corrupt(`${entry.name}: ${total} bytes, directory says ${entry.size}`);
  return out;
}

/** CRC-32 of `data`, continuing from `crc` (the CRC of the bytes before). */
export function crc32(data: Uint8Array, crc = 0): number {
  return codec().crc32(data, crc);
}

/** Characters encoded and compressed per step when writing a part. */
const TEXT_BATCH = 1 << 20;

/** Copy buffers kept for pieces compressed in the background (drain keeps about 4 in flight). */
const SPARE_BUFFERS = 8;

/** Text longer than this (in characters) is compressed at the fastest level. */
const BIG_TEXT = 4 * 1024 * 1024;

/**
 * Compresses a new part's text as it is produced, piece by piece: the part is never held whole as
 * one string or one byte array (a patched 60 MB sheet, or a Kiểm tra sheet of 200,000 problems,
 * would otherwise need several copies), and no piece is kept once encoded.
 *
 * The text is cut into batches at fixed character positions, not at piece boundaries, so the
 * compressed bytes depend only on the content: the same part built from different pieces
 * (first run vs. re-run) compresses identically, which keeps re-runs byte-identical.
 * Big parts use the fastest level: the sheet XML dominates write time. The level is known once
 * the text passes BIG_TEXT characters or ends; the batches before that wait as UTF-8.
 *
 * @example
 * const w = new TextPartWriter('xl/worksheets/sheet3.xml');
 * w.write('<?xml version="1.0"?>'); w.write('<worksheet/>');
 * const part = w.finish();
 */
export class TextPartWriter {
  private chars = 0;
  private deflater: RawDeflater | undefined;
  /** Full batches waiting for the level to be known. */
  private readonly waiting: Uint8Array[] = [];
  private readonly out: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();
  private crc = 0;
  private size = 0;
  /** The batch as UTF-8, encoded as the text comes; reused, since the deflater copies what it is given. */
  private bytes = new Uint8Array(0);
  private used = 0;
  /** UTF-16 units in the batch, a held high surrogate included. */
  private batchChars = 0;
  /** A high surrogate that ended the last piece, not yet encoded: its pair may open the next one. */
  private high = '';
  /** Pieces being compressed off the main thread, in order (background writers only). */
  private readonly pending: Promise<Uint8Array>[] = [];
  /** How many of `pending` are known to be done. */
  private done = 0;
  /** Buffers of compressed pieces, for the next pieces' copies. */
  private readonly spare: Uint8Array[] = [];

  /**
   * @param binary the text comes as binary strings (one character per UTF-8 byte, see
   *   binaryText.ts): its characters are the bytes, copied as they are.
   * @param background compress pieces off the main thread when the codec can (Codec.deflatePiece):
   *   the caller then ends with `finishAsync`, and may `drain` to bound the pieces in flight.
   */
  constructor(
    private readonly name: string,
    private readonly binary = false,
    private readonly background = false,
  ) {}

  write(text: string): void {
    this.chars += text.length;
    let from = 0;
    while (from < text.length) {
      const take = Math.min(text.length - from, TEXT_BATCH - this.batchChars);
      this.encode(text, from, from + take, false);
      this.batchChars += take;
      from += take;
      if (this.batchChars < TEXT_BATCH) continue;
      // A full batch is compressed; a high surrogate that ends it opens the next, with its pair.
      this.push(false);
      this.batchChars = this.high ? 1 : 0;
    }
    if (!this.deflater && this.chars > BIG_TEXT) this.start(1);
  }

  /** The compressed part; the writer is spent afterwards. */
  finish(): ZipPart {
    this.end();
    return this.part(this.out);
  }

  /** finish() for a background writer: waits for the pieces still being compressed. */
  async finishAsync(): Promise<ZipPart> {
    this.end();
    const pieces = await Promise.all(this.pending);
    this.pending.length = 0;
    return this.part([...this.out, ...pieces]);
  }

  /**
   * Waits until at most `inFlight` pieces are being compressed: a writer fed faster than the
   * thread pool compresses would otherwise hold every piece's copy.
   */
  async drain(inFlight = 4): Promise<void> {
    while (this.pending.length - this.done > inFlight) await this.pending[this.done++];
  }

  private end(): void {
    if (!this.deflater) this.start(6);
    if (this.high) this.encode('', 0, 0, true);
    this.push(true);
    this.bytes = new Uint8Array(0);
  }

  private part(chunks: readonly Uint8Array[]): ZipPart {
    let length = 0;
    for (const c of chunks) length += c.length;
    const data = new Uint8Array(length);
    let o = 0;
    for (const c of chunks) data.set(c, o), (o += c.length);
    this.out.length = 0;
    return { name: this.name, method: 8, crc: this.crc, size: this.size, data };
  }

  private start(level: 1 | 6): void {
    const c = codec();
    const deflater: RawDeflater =
      this.background && c.deflatePiece
        ? { push: (bytes, final) => this.compressLater(c, bytes, level, final) }
        : c.deflater(level, (chunk) => this.out.push(chunk));
    for (const batch of this.waiting) deflater.push(batch, false);
    this.waiting.length = 0;
    this.deflater = deflater;
  }

  private compressLater(c: Codec, bytes: Uint8Array, level: 1 | 6, final: boolean): void {
    // The writer's buffer is reused once push returns: a piece compressed later is a copy, in a
    // buffer used again once that piece is compressed (a 150 MB sheet would otherwise leave 150
    // buffers of 1 MB for the garbage collector, which sees them late: they count as external).
    let copy = this.spare.pop();
    if (!copy || copy.length < bytes.length) copy = new Uint8Array(Math.max(bytes.length, TEXT_BATCH));
    copy.set(bytes);
    const buffer = copy;
    const piece = c.deflatePiece!(copy.subarray(0, bytes.length), level, final);
    // A failure surfaces in finishAsync (the rejection handler here only keeps a writer abandoned
    // mid-way from crashing the process).
    void piece.then(() => this.spare.length < SPARE_BUFFERS && this.spare.push(buffer), () => undefined);
    this.pending.push(piece);
  }

  /** Appends text[from, to) to the batch's bytes; a high surrogate at its end waits for its pair unless `last`. */
  private encode(chunk: string, from: number, to: number, last: boolean): void {
    if (this.binary) {
      const text = chunk.slice(from, to);
      if (this.bytes.length < this.used + text.length) {
        const grown = new Uint8Array(Math.max(this.used + text.length, this.bytes.length * 2));
        grown.set(this.bytes.subarray(0, this.used));
        this.bytes = grown;
      }
      this.used += codec().latin1Into(text, this.bytes, this.used);
      return;
    }
    let text = chunk.slice(from, to);
    if (this.high) (text = this.high + text), (this.high = '');
    const end = text.charCodeAt(text.length - 1);
    if (!last && end >= 0xd800 && end <= 0xdbff) (this.high = text.slice(-1)), (text = text.slice(0, -1));
    // At most 3 bytes per UTF-16 unit.
    const need = this.used + text.length * 3;
    if (this.bytes.length < need) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used += this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
  }

  private push(final: boolean): void {
    const bytes = this.bytes.subarray(0, this.used);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.deflater) this.deflater.push(bytes, final);
    else this.waiting.push(bytes.slice());
    this.used = 0;
  }
}

/** Compresses new part content given as string chunks (see TextPartWriter). */
export function compressText(name: string, chunks: readonly string[]): ZipPart {
  const w = new TextPartWriter(name);
  for (const c of chunks) w.write(c);
  return w.finish();
}

/** A stored part, copied as its original compressed bytes. */
export function rawPart(archive: Uint8Array, e: ZipEntry): ZipPart {
  return {
    name: e.name,
    method: e.method,
    crc: e.crc,
    size: e.size,
    data: archive.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
  };
}

// 1980-01-01 00:00:00 in DOS format: a fixed timestamp makes the output deterministic.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Writes a ZIP archive (no ZIP64: parts are bounded by the limits, far below 4 GB). */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const enc = new TextEncoder();
  const names = parts.map((p) => enc.encode(p.name));
  let size = 22;
  parts.forEach((p, i) => (size += 30 + 46 + 2 * names[i].length + p.data.length));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let o = 0;
  const header = (sig: number, p: ZipPart, name: Uint8Array, central: boolean): void => {
    view.setUint32(o, sig, true);
    o += 4;
    if (central) view.setUint16(o, 20, true), (o += 2); // version made by
    view.setUint16(o, 20, true); // version needed
    view.setUint16(o + 2, /[^\x20-\x7e]/.test(p.name) ? 0x0800 : 0, true); // UTF-8 names
    view.setUint16(o + 4, p.method, true);
    view.setUint16(o + 6, DOS_TIME, true);
    view.setUint16(o + 8, DOS_DATE, true);
    view.setUint32(o + 10, p.crc, true);
    view.setUint32(o + 14, p.data.length, true);
    view.setUint32(o + 18, p.size, true);
    view.setUint16(o + 22, name.length, true);
    view.setUint16(o + 24, 0, true); // extra length
    o += 26;
  };
  parts.forEach((p, i) => {
    offsets.push(o);
    header(0x04034b50, p, names[i], false);
    out.set(names[i], o);
    o += names[i].length;
    out.set(p.data, o);
    o += p.data.length;
  });
  const cdStart = o;
  parts.forEach((p, i) => {
    header(0x02014b50, p, names[i], true);
    // comment length, disk, internal attrs, external attrs, local header offset
    view.setUint16(o, 0, true);
    view.setUint16(o + 2, 0, true);
    view.setUint16(o + 4, 0, true);
    view.setUint32(o + 6, 0, true);
    view.setUint32(o + 10, offsets[i], true);
    o += 14;
    out.set(names[i], o);
    o += names[i].length;
  });
  view.setUint32(o, 0x06054b50, true);
  view.setUint16(o + 8, parts.length, true);
  view.setUint16(o + 10, parts.length, true);
  view.setUint32(o + 12, o - cdStart, true);
  view.setUint32(o + 16, cdStart, true);
  return out;
}

/**
 * The DEFLATE and CRC-32 implementation the package code uses. fflate (pure JavaScript) by default,
 * so the same code runs in the browser pane; the command line installs Node's zlib (native code,
 * several times faster on a 40 MB sheet) with `useCodec`. Both write valid raw DEFLATE streams
 * that every ZIP reader accepts; the bytes differ between codecs, the content never does.
 */
import { Deflate, Inflate } from 'fflate';

/** A raw DEFLATE compressor fed in pieces; compressed bytes go to the callback given at creation. */
export interface RawDeflater {
  push(bytes: Uint8Array, final: boolean): void;
}

/** A raw DEFLATE decompressor fed in pieces (Codec.inflater). */
export interface RawInflater {
  push(bytes: Uint8Array, final: boolean): void;
}

export interface Codec {
  readonly name: string;
  /**
   * Inflates raw DEFLATE data expected to produce `size` bytes. Calls `onChunk` with the running
   * total after each piece of output, and `onOverflow` (which throws) as soon as the output would
   * pass `size`: declared sizes can lie. Returns the bytes produced (fewer than `size` when the
   * stream ended early: the caller reports that).
   */
  inflateRaw(src: Uint8Array, size: number, onTotal: (produced: number) => void, onOverflow: () => never): Uint8Array;
  /**
   * A raw DEFLATE decompressor fed in pieces; each piece's output goes to `onChunk` before `push`
   * returns (a sheet read as it inflates is never held whole). Chunks may be views into a buffer
   * the inflater reuses: copy what you keep.
   */
  inflater(onChunk: (chunk: Uint8Array) => void): RawInflater;
  /**
   * Raw DEFLATE inflated asynchronously, chunk by chunk (Node's zlib inflates on its thread pool
   * while the sheet is scanned). Absent: the asynchronous readers use `inflater`.
   */
  inflateStream?(src: Uint8Array): AsyncIterable<Uint8Array>;
  /** A compressor at `level` (1 fastest … 9 smallest). Equal input pieces give equal output. */
  deflater(level: 1 | 6, onChunk: (chunk: Uint8Array) => void): RawDeflater;
  /**
   * One piece compressed off the main thread (Node's zlib on its thread pool), giving the bytes
   * `deflater(level).push(piece, final)` gives: pieces are compressed each on their own, so a
   * part's pieces may be compressed at the same time and joined in order. Absent: `deflater`.
   */
  deflatePiece?(piece: Uint8Array, level: 1 | 6, final: boolean): Promise<Uint8Array>;
  /** CRC-32 of `data`, continuing from `crc` (the CRC of the bytes before). */
  crc32(data: Uint8Array, crc: number): number;
  /** The bytes as a string of one character per byte (code points 0–255). */
  latin1(bytes: Uint8Array): string;
  /** Writes the characters of a one-byte-per-character string as bytes into `out` at `at`; returns the count. */
  latin1Into(text: string, out: Uint8Array, at: number): number;
}

/**
 * Input is pushed to the inflater in slices this small: DEFLATE expands at most ~1032×, so one
 * push can overshoot a limit by at most ~64 MB before our callback sees the output.
 */
const INFLATE_SLICE = 64 * 1024;

const CRC_TABLE = ((): Int32Array => {
  // Slicing-by-4 tables: a 60 MB sheet is checksummed in well under a second.
  const t = new Int32Array(1024);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 4; k++) (c = t[c & 0xff] ^ (c >>> 8)), (t[k * 256 + n] = c);
  }
  return t;
})();

/** CRC-32 in JavaScript (slicing by 4). */
export function jsCrc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLE;
  let c = ~crc;
  let i = 0;
  const n4 = data.length - (data.length % 4);
  for (; i < n4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t[768 + (c & 0xff)] ^ t[512 + ((c >>> 8) & 0xff)] ^ t[256 + ((c >>> 16) & 0xff)] ^ t[c >>> 24];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Bytes → one character per byte, in slices (a spread or apply of millions of arguments would overflow the stack). */
export function jsLatin1(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x2000) {
    pieces.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]));
  }
  return pieces.join('');
}

/** One character per byte → bytes. */
export function jsLatin1Into(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return text.length;
}

/** fflate: pure JavaScript, runs everywhere (browser pane, Office pane, Web Worker). */
export const fflateCodec: Codec = {
  name: 'fflate',
  inflateRaw(src, size, onTotal, onOverflow) {
    const out = new Uint8Array(size);
    let total = 0;
    const inflater = new Inflate((chunk) => {
      if (!chunk.length) return;
      if (total + chunk.length > out.length) onOverflow();
      out.set(chunk, total);
      total += chunk.length;
      onTotal(total);
    });
    if (src.length === 0) inflater.push(src, true);
    for (let i = 0; i < src.length; i += INFLATE_SLICE) {
      const end = Math.min(src.length, i + INFLATE_SLICE);
      inflater.push(src.subarray(i, end), end === src.length);
    }
    return total === out.length ? out : out.subarray(0, total);
  },
  inflater(onChunk) {
    return new Inflate((chunk) => {
      if (chunk.length) onChunk(chunk);
    });
  },
  deflater(level, onChunk) {
    return new Deflate({ level }, onChunk);
  },
  crc32: jsCrc32,
  latin1: jsLatin1,
  latin1Into: jsLatin1Into,
};

let current: Codec = fflateCodec;

/** The codec in use. */
export function codec(): Codec {
  return current;
}

/**
 * Installs another codec for the rest of the process (the command line installs Node's zlib).
 *
 * @example
 * useCodec(nodeZlibCodec());
 */
export function useCodec(c: Codec): void {
  current = c;
}

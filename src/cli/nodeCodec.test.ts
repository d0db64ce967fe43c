import { inflateSync } from 'fflate';
import { fflateCodec, jsCrc32 } from '../workbook/xlsx/codec';
import { nodeZlibCodec } from './nodeCodec';

const zlibCodec = nodeZlibCodec();

/** Deterministic pseudo-random bytes (xorshift32), mixed with runs so DEFLATE has something to find. */
function sample(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 1000 < 600 ? 60 + (i % 7) : x & 0xff;
  }
  return out;
}

function deflateInPieces(data: Uint8Array, pieces: number[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = zlibCodec.deflater(1, (c) => chunks.push(c));
  let at = 0;
  for (const n of pieces) d.push(data.subarray(at, (at += n)), false);
  d.push(data.subarray(at), true);
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) out.set(c, o), (o += c.length);
  return out;
}

describe('Node zlib codec', () => {
  test('pieces compressed one by one make one raw DEFLATE stream another inflater reads back', () => {
    const data = sample(300_000);
    const packed = deflateInPieces(data, [100_000, 1, 0, 50_000]);
    // fflate, a different implementation, reads the concatenated pieces as one stream.
    expect(inflateSync(packed)).toEqual(data);
    expect(fflateCodec.inflateRaw(packed, data.length, () => undefined, () => {
      throw new Error('overflow');
    })).toEqual(data);
  });

  test('equal pieces give equal bytes (re-runs stay byte-identical)', () => {
    const data = sample(200_000, 99);
    expect(deflateInPieces(data, [65_536, 65_536])).toEqual(deflateInPieces(data, [65_536, 65_536]));
  });

  test('an empty part is a valid empty stream', () => {
    expect(inflateSync(deflateInPieces(new Uint8Array(0), []))).toEqual(new Uint8Array(0));
  });

  test('inflating past the declared size calls onOverflow (a zip bomb), never returns more', () => {
    const data = sample(100_000);
    const packed = deflateInPieces(data, []);
    const overflow = (): never => {
      throw new Error('past the declared size');
    };
    expect(() => zlibCodec.inflateRaw(packed, 99_999, () => undefined, overflow)).toThrow('past the declared size');
    let seen = 0;
    const out = zlibCodec.inflateRaw(packed, 100_000, (n) => (seen = n), overflow);
    expect(out).toEqual(data);
    expect(seen).toBe(100_000);
  });

  test('a truncated stream is an error, not a silent short part', () => {
    const packed = deflateInPieces(sample(100_000), []);
    const cut = packed.subarray(0, packed.length >> 1);
    let out: Uint8Array | undefined;
    try {
      out = zlibCodec.inflateRaw(cut, 100_000, () => undefined, () => {
        throw new Error('overflow');
      });
    } catch {
      out = undefined;
    }
    // Either zlib refuses it, or it returns fewer bytes than declared (the ZIP reader reports that).
    if (out) expect(out.length).toBeLessThan(100_000);
  });

  test('CRC-32 agrees with the JavaScript table version, also when continued', () => {
    const data = sample(10_001);
    // CRC-32 of "123456789" is 0xCBF43926 (the standard check value).
    expect(zlibCodec.crc32(new TextEncoder().encode('123456789'), 0)).toBe(0xcbf43926);
    expect(jsCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(zlibCodec.crc32(data.subarray(5000), zlibCodec.crc32(data.subarray(0, 5000), 0))).toBe(jsCrc32(data));
  });
});

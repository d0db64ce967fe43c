/**
 * A big worksheet's XML held as a "binary string": one character per byte of its UTF-8 (Latin-1
 * code points 0–255). V8 stores such a string in one byte per character, where the decoded text of
 * a sheet with a single Vietnamese letter takes two: a 60 MB sheet costs 60 MB instead of 120 MB,
 * and nothing is decoded or re-encoded for the rows the product only copies. The markup (tag and
 * attribute names, numbers, cell references) is ASCII, so the scanners work on it unchanged; only
 * text values are decoded, one cell at a time.
 */
import { codec } from './codec';

const encoder = new TextEncoder();

/** True when every character of s[from, to) is ASCII (its binary and decoded forms are equal). */
function isAscii(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The text of the UTF-8 bytes held in s[from, to). Malformed sequences become U+FFFD, as
 * TextDecoder does.
 *
 * @example
 * utf8FromBinary('Ch\xc6\xb0a \xc4\x91\xe1\xba\xa1t', 0, 12) // 'Chưa đạt'
 */
export function utf8FromBinary(s: string, from = 0, to = s.length): string {
  if (isAscii(s, from, to)) return s.slice(from, to);
  let out = '';
  const units: number[] = [];
  for (let i = from; i < to; ) {
    const b0 = s.charCodeAt(i);
    let cp = 0xfffd;
    let n = 1;
    if (b0 < 0x80) cp = b0;
    else if (b0 >= 0xc2 && b0 <= 0xdf && i + 1 < to) {
      const b1 = s.charCodeAt(i + 1);
      if ((b1 & 0xc0) === 0x80) (cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f)), (n = 2);
    } else if (b0 >= 0xe0 && b0 <= 0xef && i + 2 < to) {
      const b1 = s.charCodeAt(i + 1);
      const b2 = s.charCodeAt(i + 2);
      const c = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && c >= 0x800 && (c < 0xd800 || c > 0xdfff)) (cp = c), (n = 3);
    } else if (b0 >= 0xf0 && b0 <= 0xf4 && i + 3 < to) {
      const b1 = s.charCodeAt(i + 1);
      const b2 = s.charCodeAt(i + 2);
      const b3 = s.charCodeAt(i + 3);
      const c = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80 && c >= 0x10000 && c <= 0x10ffff) (cp = c), (n = 4);
    }
    if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += n;
    // Bounded batches: apply() puts every element on the stack.
    if (units.length > 8192) (out += String.fromCharCode.apply(null, units)), (units.length = 0);
  }
  return out + String.fromCharCode.apply(null, units);
}

/**
 * The binary form (one character per UTF-8 byte) of a text: what the product writes into a sheet
 * held as a binary string.
 *
 * @example
 * binaryFromText('Đạt') // '\xc4\x90\xe1\xba\xa1t'
 */
export function binaryFromText(text: string): string {
  if (isAscii(text, 0, text.length)) return text;
  return binaryFromBytes(encoder.encode(text));
}

/** Bytes as a binary string (codec: native in Node). */
export function binaryFromBytes(bytes: Uint8Array): string {
  return codec().latin1(bytes);
}

/**
 * A copy of a string that does not keep alive the string it was cut from: V8 represents a slice of
 * 13 or more characters as a view of its parent, so one text kept from a 4 MB window of a sheet
 * would keep the whole window. Appending a character makes a pair that V8 flattens into a new
 * string when it is sliced again; the result views only that (measured: 50 texts cut from 4 MB
 * strings keep 0.2 MB alive this way, 200 MB as plain slices).
 *
 * @example
 * const name = detachedCopy(window.slice(120, 160)); // window can now be collected
 */
export function detachedCopy(s: string): string {
  return (s + ' ').slice(0, -1);
}

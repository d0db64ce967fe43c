import { inflateSync } from 'fflate';
import { compressText, crc32, TextPartWriter } from './zip';

/** The writer's batch: 2^20 UTF-16 units (see zip.ts). */
const BATCH = 1 << 20;

const written = (pieces: readonly string[]) => {
  const w = new TextPartWriter('x.xml');
  for (const p of pieces) w.write(p);
  return w.finish();
};
const text = (part: { data: Uint8Array }) => new TextDecoder().decode(inflateSync(part.data));

describe('TextPartWriter', () => {
  it('compresses the text it is given, with its CRC and size', () => {
    const part = written(['<a>', 'Kiểm tra', '</a>']);
    const bytes = new TextEncoder().encode('<a>Kiểm tra</a>');
    expect(text(part)).toBe('<a>Kiểm tra</a>');
    expect(part.size).toBe(bytes.length);
    expect(part.crc).toBe(crc32(bytes));
  });

  it('gives the same bytes however the text is cut, even inside a surrogate pair or across a batch', () => {
    // 😀 is two UTF-16 units; placed so that its first unit is the last of the first batch.
    const whole = 'a'.repeat(BATCH - 1) + '😀' + 'ô'.repeat(5000) + '\uD83D';
    const one = written([whole]);
    const cuts = [7, BATCH - 1, BATCH, BATCH + 3, whole.length - 1];
    const pieces = cuts.map((c, i) => whole.slice(i ? cuts[i - 1] : 0, c)).concat(whole.slice(cuts[cuts.length - 1]));
    expect(pieces.join('')).toBe(whole);
    const many = written(pieces);
    expect(Buffer.from(many.data).equals(Buffer.from(one.data))).toBe(true);
    expect(many.crc).toBe(one.crc);
    // The pair survives the cut; the lone high surrogate at the end becomes U+FFFD, as UTF-8 requires.
    expect(text(many)).toBe(whole.slice(0, -1) + '\uFFFD');
    expect(compressText('x.xml', pieces).data).toEqual(one.data);
  });

  it('compresses text past the 4 MiB characters of a big part the same way however it is cut', () => {
    const line = '<row r="1"><c r="A1" t="inlineStr"><is><t>Ô A1: Cột trống</t></is></c></row>';
    const rows = Array.from({ length: Math.ceil((4.5 * BATCH) / line.length) }, () => line);
    const joined = written([rows.join('')]);
    const byRow = written(rows);
    expect(Buffer.from(byRow.data).equals(Buffer.from(joined.data))).toBe(true);
    expect(text(byRow)).toBe(rows.join(''));
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { nodeZlibCodec } from '../../cli/nodeCodec';
import { binaryFromText, detachedCopy, utf8FromBinary } from './binaryText';
import { fflateCodec, useCodec, type Codec } from './codec';
import { openXlsx } from './open';
import { handMadeXlsx } from './test';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('binary strings (one character per UTF-8 byte)', () => {
  test('Vietnamese, a 4-byte character and ASCII round-trip', () => {
    // 'Đ' is U+0110 → C4 90; 'ạ' is U+1EA1 → E1 BA A1; '😀' is U+1F600 → F0 9F 98 80.
    expect(binaryFromText('Đạt')).toBe('\xc4\x90\xe1\xba\xa1t');
    expect(binaryFromText('CD001')).toBe('CD001');
    for (const t of ['Chưa đạt', 'Hoàn thành xuất sắc nhiệm vụ', 'a😀b', '', 'ASCII only']) {
      const b = binaryFromText(t);
      expect(utf8FromBinary(b, 0, b.length)).toBe(t);
    }
  });

  test('a slice in the middle, and malformed bytes as U+FFFD (as TextDecoder)', () => {
    const b = '<t>' + binaryFromText('Nữ') + '</t>';
    expect(utf8FromBinary(b, 3, b.length - 4)).toBe('Nữ');
    // C4 alone (a lead byte with no continuation), then a stray continuation byte 0x90.
    expect(utf8FromBinary('a\xc4b\x90', 0, 4)).toBe(new TextDecoder().decode(new Uint8Array([0x61, 0xc4, 0x62, 0x90])));
  });
});

/**
 * A sheet over 1 MB (so the package holds it as a binary string): row 1 a header, rows 2–4 cells
 * of every text kind with Vietnamese, then 40,000 rows of formats only.
 */
function bigSheet(): Uint8Array {
  const filler: string[] = [];
  for (let r = 5; r < 40_005; r++) filler.push(`<row r="${r}"><c r="A${r}" s="0"/><c r="C${r}" s="0"/></row>`);
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>` +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị</t></is></c><c r="B1" t="s"><v>0</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><r><t>CĐ</t></r><r><t>CS 1</t></r></is></c><c r="B2" t="str"><f>"Nữ"</f><v>Nữ &amp; nam</v></c></row>' +
    '<row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="B3"><v>12.5</v></c><c r="C3" t="inlineStr"><is><t>Đạt &#7897;</t></is></c></row>' +
    '<row r="4"><c r="A4" t="inlineStr"><is><t>😀</t></is></c></row>' +
    filler.join('') +
    '</sheetData></worksheet>';
  return handMadeXlsx({
    sheetXml: xml,
    sharedStrings: `<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>Tên đơn vị</t></si></sst>`,
  });
}

describe.each<[string, Codec]>([
  ['fflate', fflateCodec],
  ['zlib', nodeZlibCodec()],
])('a big sheet read and patched as a binary string (%s)', (_name, codec) => {
  beforeAll(() => useCodec(codec));
  afterAll(() => useCodec(fflateCodec));

  test('values read as decoded text, whatever the kind of cell', () => {
    const opened = openXlsx(bigSheet());
    if (!opened.ok) throw new Error(opened.error.message);
    const grid = opened.value.readSheetSync('Sheet1');
    // Expected by hand: inline text, shared string, rich runs joined, a formula's cached text with
    // its entity decoded, an error, a number, a character reference (&#7897; = ộ), a 4-byte character.
    expect(grid.rows.slice(0, 4)).toEqual([
      ['Mã đơn vị', 'Tên đơn vị'],
      ['CĐCS 1', 'Nữ & nam'],
      [{ error: '#N/A' }, 12.5, 'Đạt ộ'],
      ['😀'],
    ]);
    // Rows 5 … 40,004 hold formats only: the grid ends at row 4.
    expect(grid.rows.length).toBe(4);
  });

  test('status cells written into it are UTF-8 in the output, the user\'s text unchanged', () => {
    const opened = openXlsx(bigSheet());
    if (!opened.ok) throw new Error(opened.error.message);
    const wb = opened.value;
    wb.readSheetSync('Sheet1');
    wb.applySync({
      data: {
        sheet: 'Sheet1',
        clearCols: [],
        clearFromRow: 2,
        startCol: 4,
        rows: [
          { row: 1, cells: [{ v: 'Kết quả: Đoàn viên' }] },
          { row: 2, cells: [{ v: 'Chưa đạt' }] },
        ],
        colWidths: [12],
      },
      sheets: [],
    });
    const out = wb.toBytes();
    const full = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    // Only the table's rows are compared (the 40,000 format rows would flood a failure message).
    const xml = full.slice(0, full.indexOf('<row r="5"'));
    // E1 (column index 4) and E2 hold the new words, decoded from the written UTF-8.
    expect(xml).toMatch(/<c r="E1" t="inlineStr"><is><t[^>]*>Kết quả: Đoàn viên<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<c r="E2"[^>]*><is><t[^>]*>Chưa đạt<\/t><\/is><\/c>/);
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><r><t>CĐ</t></r><r><t>CS 1</t></r></is></c>');
    expect(xml).toContain('<t>😀</t>');
    expect(full.endsWith('<row r="40004"><c r="A40004" s="0"/><c r="C40004" s="0"/></row></sheetData></worksheet>')).toBe(true);
    // Read back: the same values plus the status words.
    const again = openXlsx(out);
    if (!again.ok) throw new Error(again.error.message);
    const rows = again.value.readSheetSync('Sheet1').rows;
    expect(rows[0][4]).toBe('Kết quả: Đoàn viên');
    expect(rows[1]).toEqual(['CĐCS 1', 'Nữ & nam', null, null, 'Chưa đạt']);
  });
});

describe('detachedCopy', () => {
  test('gives the same text, whatever its length or characters', () => {
    const window = 'x'.repeat(100) + binaryFromText('CĐCS Trường Mầm non') + 'Có';
    for (const [from, to] of [[0, 0], [100, 102], [100, window.length - 2], [0, window.length]]) {
      expect(detachedCopy(window.slice(from, to))).toBe(window.slice(from, to));
    }
    expect(detachedCopy('Đạt')).toBe('Đạt');
  });
});

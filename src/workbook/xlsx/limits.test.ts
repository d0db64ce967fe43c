import { nodeZlibCodec } from '../../cli/nodeCodec';
import { fflateCodec, useCodec, type Codec } from './codec';
import { openXlsx } from './open';
import { buildFixture, handMadeXlsx, lieAboutSize, makeZip } from './test';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const MB = 1024 * 1024;

/** A sheet holding one number written with a few MB of zeros: compresses to almost nothing. */
function zerosSheet(bytes: number): string {
  return `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1${'0'.repeat(bytes)}</v></c></row></sheetData></worksheet>`;
}

const oneCellSheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;

describe('refusing files we must not process', () => {
  test('the OLE signature (old .xls or a password-protected workbook) → encrypted_or_xls', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const r = openXlsx(ole);
    expect(r).toMatchObject({ ok: false, error: { code: 'encrypted_or_xls' } });
    if (!r.ok) expect(r.error.message).toMatch(/mật khẩu.*\.xls.*lưu thành \.xlsx/);
  });

  test('not a zip at all → not_zip', () => {
    expect(openXlsx(new TextEncoder().encode('Mã đơn vị,Tên đơn vị\nCD001,A\n'))).toMatchObject({ ok: false, error: { code: 'not_zip' } });
    expect(openXlsx(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'not_zip' } });
  });

  test('a zip without a workbook → not_xlsx', () => {
    expect(openXlsx(makeZip({ 'readme.txt': 'hello' }))).toMatchObject({ ok: false, error: { code: 'not_xlsx' } });
  });

  test('a truncated file → corrupt', async () => {
    const bytes = await buildFixture();
    expect(openXlsx(bytes.subarray(0, bytes.length - 200))).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  test('a workbook with vbaProject.bin, or a macro content type → macro_enabled', () => {
    const vba = handMadeXlsx({ sheetXml: oneCellSheet, extra: { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) } });
    const r = openXlsx(vba);
    expect(r).toMatchObject({ ok: false, error: { code: 'macro_enabled' } });
    if (!r.ok) expect(r.error.message).toMatch(/\.xlsx/);
    const ct = handMadeXlsx({
      sheetXml: oneCellSheet,
      extraContentTypes: '<Override PartName="/xl/x.bin" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>',
    });
    expect(openXlsx(ct)).toMatchObject({ ok: false, error: { code: 'macro_enabled' } });
  });

  test('a binary workbook (.xlsb) → not_xlsx', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const xlsb = makeZip({
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
    });
    expect(openXlsx(xlsb)).toMatchObject({ ok: false, error: { code: 'not_xlsx' } });
  });
});

// Both codecs: the pane's fflate and the command line's zlib must refuse the same bombs.
describe.each<[string, Codec]>([
  ['fflate', fflateCodec],
  ['zlib', nodeZlibCodec()],
])('size limits (%s)', (_name, codec) => {
  beforeAll(() => useCodec(codec));
  afterAll(() => useCodec(fflateCodec));

  test('declared sizes over the limit are refused before inflating', () => {
    const zip = handMadeXlsx({ sheetXml: zerosSheet(3 * MB) });
    expect(zip.length).toBeLessThan(100 * 1024);
    // A worksheet part has its own limit (it is read as it inflates, never held whole).
    expect(openXlsx(zip, { maxSheetBytes: 1 * MB })).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(openXlsx(zip, { maxUncompressedBytes: 1 * MB }).ok).toBe(true);
    // Any other part counts toward the total of parts inflated whole.
    const bigStrings = handMadeXlsx({ sheetXml: zerosSheet(1000), extra: { 'xl/media/big.xml': zerosSheet(3 * MB) } });
    expect(openXlsx(bigStrings, { maxUncompressedBytes: 1 * MB })).toMatchObject({ ok: false, error: { code: 'too_large' } });
    // the same file is fine under the default limit
    const ok = openXlsx(zip);
    expect(ok.ok).toBe(true);
  });

  test('a central directory that lies about sizes is caught while inflating', () => {
    const honest = handMadeXlsx({ sheetXml: zerosSheet(3 * MB) });
    const lying = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 200);
    const opened = openXlsx(lying, { maxUncompressedBytes: 1 * MB });
    expect(opened.ok).toBe(true); // the sheet is only inflated when read
    if (!opened.ok) return;
    const r = opened.value.readSheetResult('Sheet1');
    expect(r).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(() => opened.value.readSheetSync('Sheet1')).toThrow(expect.objectContaining({ code: 'too_large' }));
    // under a generous limit the lie is still refused: output never exceeds the declared size
    const generous = openXlsx(lying);
    if (!generous.ok) throw new Error('should open');
    expect(generous.value.readSheetResult('Sheet1')).toMatchObject({ ok: false, error: { code: 'too_large' } });
    // a part shorter than declared is damaged
    const short = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 3 * MB + 1000);
    const s = openXlsx(short);
    if (!s.ok) throw new Error('should open');
    expect(s.value.readSheetResult('Sheet1')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  test('a lying workbook part is refused at open', () => {
    const wb = `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><!--${' '.repeat(3 * MB)}--></workbook>`;
    const honest = handMadeXlsx({ sheetXml: oneCellSheet, extra: { 'xl/workbook.xml': wb } });
    const lying = lieAboutSize(honest, 'xl/workbook.xml', 100);
    expect(openXlsx(lying, { maxUncompressedBytes: 1 * MB })).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });
});

describe('size limits', () => {
  test('too many cells in a sheet → too_many_cells', () => {
    const cells = Array.from({ length: 50 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join('');
    const zip = handMadeXlsx({ sheetXml: `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>` });
    const opened = openXlsx(zip, { maxCells: 10 });
    if (!opened.ok) throw new Error('should open');
    const r = opened.value.readSheetResult('Sheet1');
    expect(r).toMatchObject({ ok: false, error: { code: 'too_many_cells' } });
    if (!r.ok) expect(r.error.message).toMatch(/quá nhiều ô/);
    const relaxed = openXlsx(zip);
    expect(relaxed.ok && relaxed.value.readSheetResult('Sheet1').ok).toBe(true);
  });
});

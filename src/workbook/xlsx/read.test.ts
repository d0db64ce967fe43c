import { DATA_SHEET, buildFixture, handMadeXlsx, mustOpen } from './test';
import { XlsxError } from './limits';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (sheetData: string, prefix = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? ':' + prefix.slice(0, -1) : ''}="${MAIN}">` +
  `<${prefix}sheetData>${sheetData}</${prefix}sheetData></${prefix}worksheet>`;

describe('reading a workbook written by ExcelJS', () => {
  test('sheet names in workbook order', async () => {
    const wb = mustOpen(await buildFixture());
    expect(await wb.sheetNames()).toEqual([DATA_SHEET, 'Ghi chú']);
  });

  test('values as the user sees them', async () => {
    const wb = mustOpen(await buildFixture());
    const grid = await wb.readSheet(DATA_SHEET);
    expect(grid.name).toBe(DATA_SHEET);
    expect(grid.rows).toEqual([
      ['BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024'],
      [],
      ['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', 'Xếp loại', 'Ngày báo cáo', 'Tổng'],
      // the date stays the serial number Excel stores; the formula gives its cached result
      ['CD001', 'Công đoàn Trường A & B <x>', 45, 'Hoàn thành tốt nhiệm vụ', 45306, 90],
      // rich text is the concatenation of its runs; an error value is { error }
      ['CD002', 'Công đoàn Phường 3', 12.5, 'Hoàn thành nhiệm vụ', null, { error: '#REF!' }],
      // formula-looking text stays text; a string formula result is text
      ['CD003', '=1+1', true, false, null, 'kết quả'],
    ]);
    expect((await wb.readSheet('Ghi chú')).rows).toEqual([['Ghi chú của người dùng'], [null, 7]]);
  });

  test('an unknown sheet name throws a typed error; readSheetResult returns it', async () => {
    const wb = mustOpen(await buildFixture());
    await expect(wb.readSheet('Không có')).rejects.toMatchObject({ code: 'no_such_sheet' });
    expect(() => wb.readSheetSync('Không có')).toThrow(XlsxError);
    const r = wb.readSheetResult('Không có');
    expect(r.ok).toBe(false);
  });

  test('sheet names match case-insensitively as a fallback, like Excel', async () => {
    const wb = mustOpen(await buildFixture());
    expect((await wb.readSheet('GHI CHÚ')).name).toBe('Ghi chú');
  });
});

describe('reading hand-written XML', () => {
  test('shared strings: rich runs, phonetic runs ignored, entities, xml:space, _xHHHH_ escapes', () => {
    const sst =
      `<?xml version="1.0"?><sst xmlns="${MAIN}" count="6" uniqueCount="6">` +
      '<si><t>plain</t></si>' +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Công </t></r><r><t>đoàn</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' +
      '<si><t>A &amp; B &lt;c&gt; &#x110;&#7841;t &quot;q&quot;</t></si>' +
      '<si><t>line1_x000D__x000A_line2 _x005F_x0041_</t></si>' +
      '<si><t/></si>' +
      '<si/>' +
      '</sst>';
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>',
    );
    const wb = mustOpen(handMadeXlsx({ sheetXml: xml, sharedStrings: sst }));
    expect(wb.readSheetSync('Sheet1').rows).toEqual([
      ['plain', 'Công đoàn', 'A & B <c> Đạt "q"', 'line1\r\nline2 _x0041_', '', ''],
    ]);
  });

  test('inline strings, str/b/e/d types, empty values, formulas without a cached value', () => {
    const xml = sheet(
      '<row r="2">' +
        '<c r="A2" t="inlineStr"><is><t>inline &amp; text</t></is></c>' +
        '<c r="B2" t="inlineStr"><is><r><t>rich </t></r><r><t>inline</t></r></is></c>' +
        '<c r="C2" t="str"><f>A2</f><v>cached</v></c>' +
        '<c r="D2" t="b"><f>TRUE()</f><v>1</v></c>' +
        '<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="F2" t="d"><v>2024-01-15T00:00:00Z</v></c>' +
        '<c r="G2"><f>A1</f></c>' +
        '<c r="H2" s="3"/>' +
        '<c r="I2"><v>-1.5E-3</v></c>' +
        '</row>',
    );
    const wb = mustOpen(handMadeXlsx({ sheetXml: xml }));
    expect(wb.readSheetSync('Sheet1').rows).toEqual([
      [],
      ['inline & text', 'rich inline', 'cached', true, { error: '#DIV/0!' }, 45306, null, null, -0.0015],
    ]);
  });

  test('rows and cells without r (positions implicit), as some generators write', () => {
    const xml = sheet(
      '<row><c><v>1</v></c><c><v>2</v></c></row>' +
        '<row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row>' +
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
    );
    const wb = mustOpen(handMadeXlsx({ sheetXml: xml }));
    expect(wb.readSheetSync('Sheet1').rows).toEqual([[1, 2], [], [], [null, 3, 4], ['x']]);
  });

  test('element prefixes (Open XML SDK) and an absolute relationship target', () => {
    const xml = sheet('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>có tiền tố</x:t></x:is></x:c><x:c r="C1"><x:v>5</x:v></x:c></x:row>', 'x:');
    const wb = mustOpen(handMadeXlsx({ sheetXml: xml, absoluteTarget: true, sheetName: 'Dữ liệu' }));
    expect(wb.sheetNamesSync()).toEqual(['Dữ liệu']);
    expect(wb.readSheetSync('Dữ liệu').rows).toEqual([['có tiền tố', null, 5]]);
  });

  test('a UTF-16 part (with BOM) is read too', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?>' + sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Đạt</t></is></c></row>');
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) (bytes[2 + 2 * i] = xml.charCodeAt(i) & 0xff), (bytes[3 + 2 * i] = xml.charCodeAt(i) >> 8);
    const wb = mustOpen(handMadeXlsx({ sheetXml: '', extra: { 'xl/worksheets/sheet1.xml': bytes } }));
    expect(wb.readSheetSync('Sheet1').rows).toEqual([['Đạt']]);
  });

  test('a UTF-8 BOM and attributes in single quotes', () => {
    const xml = '\uFEFF' + sheet("<row r='1'><c r='B1' t='inlineStr'><is><t>ok</t></is></c></row>");
    const wb = mustOpen(handMadeXlsx({ sheetXml: xml }));
    expect(wb.readSheetSync('Sheet1').rows).toEqual([[null, 'ok']]);
  });
});

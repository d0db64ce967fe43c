import { binaryFromText } from './binaryText';
import { readSheetXml, type SheetReadOptions } from './sheetReader';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function read(sheetData: string, prefix = ''): { rows: unknown[][]; extent: number[]; hidden: number[] } {
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const xml = `<${prefix}worksheet ${ns}><${prefix}sheetData>${sheetData}</${prefix}sheetData></${prefix}worksheet>`;
  const extent: { data?: Int32Array } = {};
  const hidden: number[] = [];
  const opts: SheetReadOptions = { sheetName: 'S', maxCells: 1000, sharedStrings: () => [], extent, hiddenRows: hidden };
  const rows = readSheetXml(xml, opts);
  return { rows, extent: Array.from(extent.data ?? []), hidden };
}

describe('rows that only carry formats (the fast path)', () => {
  test('a format-only row counts for the blank extent by its last cell, and holds no value', () => {
    // Row 2: cells A2 and M2 carry a border only → extent of row 2 is column M (index 12).
    // Row 3: a value in B3 → the grid has 3 rows; row 1 holds A1 = 1.
    const r = read(
      '<row r="1"><c r="A1"><v>1</v></c></row>' +
        '<row r="2" spans="1:13"><c r="A2" s="1"/><c r="M2" s="1"/></row>' +
        '<row r="3"><c r="B3"><v>2</v></c></row>',
    );
    expect(r.rows).toEqual([[1], [], [null, 2]]);
    expect(r.extent).toEqual([-1, 12, -1]);
  });

  test('the same with a namespace prefix, an empty row, and rows below the last value ignored', () => {
    // x:row 4 is format-only and below the last value (row 3): the grid stops at row 3.
    const r = read(
      '<x:row r="1"><x:c r="C1" s="2"/></x:row><x:row r="2"></x:row>' +
        '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>CĐCS</x:t></x:is></x:c></x:row>' +
        '<x:row r="4"><x:c r="Z4" s="1"/></x:row>',
      'x:',
    );
    expect(r.rows).toEqual([[], [], ['CĐCS']]);
    // C1 → index 2 on row 1; nothing on rows 2–3.
    expect(r.extent).toEqual([2, -1, -1]);
  });

  test('cells written without r, or with other attributes first, take the general path with the same result', () => {
    // Row 1: <c s="1"/> then <c s="1"/>: implicit columns A, B → extent 1. Row 2: r after s.
    const r = read('<row r="1"><c s="1"/><c s="1"/></row><row r="2"><c s="1" r="D2"/><c r="E2"><v>5</v></c></row>');
    expect(r.rows).toEqual([[], [null, null, null, null, 5]]);
    expect(r.extent).toEqual([1, 3]);
  });

  test('hidden rows are found with or without formats, and ht= alone is not hidden', () => {
    const r = read(
      '<row r="1" ht="20" customHeight="1"><c r="A1"><v>1</v></c></row>' +
        '<row r="2" hidden="1"><c r="A2" s="1"/></row>' +
        "<row r='3' hidden='true'><c r='A3'><v>3</v></c></row>" +
        '<row r="4" hidden="0"><c r="A4"><v>4</v></c></row>',
    );
    expect(r.hidden).toEqual([2, 3]);
    expect(r.rows.map((row) => row[0] ?? null)).toEqual([1, null, 3, 4]);
  });

  test('a row number written with single quotes or spaces is still read', () => {
    const r = read("<row r='2'><c r='A2'><v>7</v></c></row><row  r = \"5\" ><c><v>8</v></c></row>");
    expect(r.rows).toEqual([[], [7], [], [], [8]]);
  });

  test('a sheet of formats only reads as empty; rows below the last value are not looked at', () => {
    expect(read('<row r="1"><c r="A1" s="1"/></row><row r="2" hidden="1"><c r="B2" s="1"/></row>').rows).toEqual([]);
    // The value is in row 2; row 3 (hidden, formats only) lies outside the grid: no hidden row reported.
    const r = read('<row r="1"><c r="A1" s="1"/></row><row r="2"><c r="A2"><v>1</v></c><c r="C2" s="1"/></row><row r="3" hidden="1"><c r="A3" s="1"/></row>');
    expect(r.rows).toEqual([[], [1]]);
    expect(r.hidden).toEqual([]);
    expect(r.extent).toEqual([0, 2]);
  });
});

describe('inline strings of a sheet held as a binary string (decoded by their bytes, once per text)', () => {
  const readBoth = (sheetData: string, prefix = ''): { text: unknown[][]; binary: unknown[][] } => {
    const ns = prefix ? `xmlns:${prefix.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
    const xml = `<${prefix}worksheet ${ns}><${prefix}sheetData>${sheetData}</${prefix}sheetData></${prefix}worksheet>`;
    const opts: SheetReadOptions = { sheetName: 'S', maxCells: 1000, sharedStrings: () => [] };
    return { text: readSheetXml(xml, opts), binary: readSheetXml(binaryFromText(xml), { ...opts, binary: true }) };
  };
  const cell = (ref: string, is: string, p = ''): string => `<${p}c r="${ref}" t="inlineStr"><${p}is>${is}</${p}is></${p}c>`;

  test('entities, _xHHHH_ escapes, spaces, rich runs, empty and repeated texts read as the text form does', () => {
    const r = readBoth(
      '<row r="1">' +
        cell('A1', '<t>Hoàn thành tốt &amp; xuất sắc</t>') +
        cell('B1', '<t xml:space="preserve"> Có </t>') +
        cell('C1', '<t>_x0041_B</t>') +
        cell('D1', '<r><t>Đạ</t></r><r><rPr><b/></rPr><t>t</t></r>') +
        cell('E1', '<t/>') +
        cell('F1', '<t></t>') +
        '</row><row r="2">' +
        cell('A2', '<t>Hoàn thành tốt &amp; xuất sắc</t>') +
        cell('B2', '<t xml:space="preserve"> Có </t>') +
        cell('C2', '<t>Ma so CD000001 ASCII dai</t>') +
        '</row>',
    );
    // By hand: &amp; → &, _x0041_ → A, the two runs join, <t/> and <t></t> are empty texts.
    const expected = [
      ['Hoàn thành tốt & xuất sắc', ' Có ', 'AB', 'Đạt', '', ''],
      ['Hoàn thành tốt & xuất sắc', ' Có ', 'Ma so CD000001 ASCII dai'],
    ];
    expect(r.binary).toEqual(expected);
    expect(r.text).toEqual(expected);
  });

  test('the same under a namespace prefix, and a <t> of another prefix still reads', () => {
    const r = readBoth('<x:row r="1">' + cell('A1', '<x:t>Chưa đạt</x:t>', 'x:') + cell('B1', '<y:t xmlns:y="' + MAIN + '">Đạt</y:t>', 'x:') + '</x:row>', 'x:');
    expect(r.binary).toEqual([['Chưa đạt', 'Đạt']]);
    expect(r.text).toEqual(r.binary);
  });
});

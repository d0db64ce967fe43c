import type ExcelJS from 'exceljs';
import type { OutputPlan, SheetSpec } from '../plan';
import { STYLES } from '../styles';
import { createXlsx } from './create';
import { DATA_SHEET, buildFixture, handMadeXlsx, makeZip, mustOpen, partsOf, readWithExcelJS, samplePlan } from './test';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function appliedOnce(plan: OutputPlan = samplePlan()): Promise<{ input: Uint8Array; output: Uint8Array }> {
  const input = await buildFixture();
  const wb = mustOpen(input);
  await wb.apply(plan);
  return { input, output: wb.toBytes() };
}

/** ExcelJS keeps validations on the sheet but leaves them out of its type definitions. */
function validations(ws: ExcelJS.Worksheet): Record<string, { type: string; formulae: string[] }> {
  return (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
}

function argb(rgb: string): string {
  return 'FF' + rgb.toUpperCase();
}

describe('applying a plan to a user workbook', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ input, output } = await appliedOnce());
    before = await readWithExcelJS(input);
    after = await readWithExcelJS(output);
  });

  test('status cells hold the values and the fills/fonts of STYLES', () => {
    const ws = after.getWorksheet(DATA_SHEET)!;
    const expectStyled = (ref: string, value: unknown, key: keyof typeof STYLES): void => {
      const cell = ws.getCell(ref);
      expect(cell.value).toEqual(value);
      const def = STYLES[key];
      if (def.fill) expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(def.fill) } });
      if (def.font?.color) expect(cell.font.color).toEqual({ argb: argb(def.font.color) });
      expect(!!cell.font?.bold).toBe(!!def.font?.bold);
      expect(!!cell.font?.italic).toBe(!!def.font?.italic);
      if (def.border) expect(cell.border.left).toMatchObject({ style: 'thin' });
      if (def.align?.h) expect(cell.alignment.horizontal).toBe(def.align.h);
    };
    expectStyled('H3', 'Kết quả: Sáng kiến', 'output_header');
    expectStyled('H4', 'Đạt', 'status_DAT');
    expectStyled('I4', 'Chưa đạt', 'status_CHUA_DAT');
    expectStyled('H5', 'Thiếu dữ liệu', 'status_THIEU_DU_LIEU');
    expectStyled('I5', 'Không áp dụng', 'status_KHONG_AP_DUNG');
    expectStyled('J5', 2, 'errors_some');
    expectStyled('J4', 0, 'errors_none');
    expect(ws.getColumn(8).width).toBe(16);
    expect(ws.getColumn(10).width).toBe(10);
    expect(ws.getCell('J8').value).toBe(true);
  });

  test('formula-looking text is stored as text, never as a formula', () => {
    const ws = after.getWorksheet(DATA_SHEET)!;
    for (const [ref, text] of [
      ['H6', '=1+1'],
      ['I6', '+84912345678'],
      ['H8', '@SUM(A1)'],
      ['I8', '-5'],
    ]) {
      const cell = ws.getCell(ref);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
    const xml = partsOf(output)['xl/worksheets/sheet1.xml'];
    expect(xml).not.toMatch(/<c r="[HIJ]\d+"[^>]*><f>/);
  });

  test("the user's cells, formulas, fills, merges and validations are unchanged", () => {
    const a = before.getWorksheet(DATA_SHEET)!;
    const b = after.getWorksheet(DATA_SHEET)!;
    for (let r = 1; r <= 8; r++) {
      for (let c = 1; c <= 6; c++) {
        const x = a.getCell(r, c);
        const y = b.getCell(r, c);
        expect({ ref: x.address, v: y.value, f: y.formula, s: y.style }).toEqual({ ref: x.address, v: x.value, f: x.formula, s: x.style });
      }
    }
    expect(b.model.merges).toEqual(a.model.merges);
    expect(validations(b)).toEqual(validations(a));
    expect(b.getColumn(2).width).toBe(30);
    const other = after.getWorksheet('Ghi chú')!;
    expect(other.getCell('A1').value).toBe('Ghi chú của người dùng');
  });

  test('parts we do not own are byte-identical; user cells keep their exact XML', () => {
    const x = partsOf(input);
    const y = partsOf(output);
    const ours = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
    for (const name of Object.keys(x)) if (!ours.has(name)) expect(y[name]).toBe(x[name]);
    const sheetIn = x['xl/worksheets/sheet1.xml'];
    const sheetOut = y['xl/worksheets/sheet1.xml'];
    for (const cell of sheetIn.match(/<c [^>]*?(\/>|>.*?<\/c>)/g)!) expect(sheetOut).toContain(cell);
    const tail = (s: string): string => s.slice(s.indexOf('</sheetData>'));
    expect(tail(sheetOut)).toBe(tail(sheetIn));
    // styles: the user's entries are a prefix of ours
    const xfs = (s: string): string => s.slice(s.indexOf('<cellXfs'), s.indexOf('</cellXfs>')).replace(/^<cellXfs count="\d+">/, '');
    expect(xfs(y['xl/styles.xml']).startsWith(xfs(x['xl/styles.xml']))).toBe(true);
  });

  test('the summary sheet: merges, widths, heights, freeze, page setup, validations, hyperlinks', () => {
    const ws = after.getWorksheet('Tổng hợp')!;
    expect(after.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, 'Ghi chú', 'Tổng hợp']);
    expect(ws.getCell('A2').value).toBe('KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024');
    expect(ws.getCell('D5').value).toBe(1234567);
    expect(ws.getCell('D5').numFmt).toBe('#,##0');
    expect(ws.model.merges).toEqual(['A1:C1', 'A2:E2']);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getRow(2).height).toBe(32);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, topLeftCell: 'A5' });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    expect(validations(ws)['E5']).toMatchObject({ type: 'list', formulae: ['"Đạt,Chưa đạt,Có ""ngoặc"""'] });
    const xml = partsOf(output)['xl/worksheets/sheet3.xml'];
    expect(xml).toContain(`<hyperlink ref="E5" location="'${DATA_SHEET}'!H4" display="Đạt"/>`);
    const wbXml = partsOf(output)['xl/workbook.xml'];
    expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'Tổng hợp'!$4:$4</definedName>`);
    // the schema's element order
    const order = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup'];
    const positions = order.map((name) => xml.indexOf(`<${name}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('re-applying the plan to the output gives a byte-identical file', async () => {
    const again = mustOpen(output);
    await again.apply(samplePlan());
    expect(Buffer.from(again.toBytes()).equals(Buffer.from(output))).toBe(true);
    // and applying twice to the same object equals applying once
    const twice = mustOpen(input);
    twice.applySync(samplePlan());
    twice.applySync(samplePlan());
    expect(Buffer.from(twice.toBytes()).equals(Buffer.from(output))).toBe(true);
  });

  test('our own output reads back through the port', async () => {
    const wb = mustOpen(output);
    const grid = await wb.readSheet(DATA_SHEET);
    expect(grid.rows[3].slice(7)).toEqual(['Đạt', 'Chưa đạt', 0]);
    expect(grid.rows[5].slice(7)).toEqual(['=1+1', '+84912345678', 1]);
    expect((await wb.readSheet('Tổng hợp')).rows[4]).toEqual(['sang_kien_15', 'Tỷ lệ CĐCS có sáng kiến', 0.9, 1234567, 'Đạt']);
  });
});

describe('data sheet patching details', () => {
  test('clearCols removes stale output (from clearFromRow down) before writing', async () => {
    const { output } = await appliedOnce();
    const wb = mustOpen(output);
    const plan: OutputPlan = {
      data: { sheet: DATA_SHEET, clearCols: [7, 8, 9], clearFromRow: 4, startCol: 7, rows: [{ row: 4, cells: [{ v: 'Đạt', s: 'status_DAT' }] }], colWidths: [16] },
      sheets: [],
    };
    wb.applySync(plan);
    const rows = mustOpen(wb.toBytes()).readSheetSync(DATA_SHEET).rows;
    expect(rows[2].slice(7)).toEqual(['Kết quả: Sáng kiến', 'Kết quả: Bao phủ', 'Lỗi dữ liệu']); // above clearFromRow: kept
    expect(rows[3].slice(6)).toEqual([null, 'Đạt']);
    expect(rows[4].slice(0, 6)).toEqual(['CD002', 'Công đoàn Phường 3', 12.5, 'Hoàn thành nhiệm vụ', null, { error: '#REF!' }]);
    expect(rows[4].length).toBe(6);
    expect(rows[5].length).toBe(6);
    expect(rows[7] ?? []).toEqual([]);
  });

  test('cells go in column order (the user may have cells further right), new rows in row order', () => {
    const sheetXml =
      `<worksheet xmlns="${MAIN}"><dimension ref="A1:Z5"/><sheetData>` +
      '<row r="1" spans="1:26"><c r="A1"><v>1</v></c><c r="Z1"><v>26</v></c></row>' +
      '<row r="5"><c r="A5"><v>5</v></c></row></sheetData></worksheet>';
    const wb = mustOpen(handMadeXlsx({ sheetXml }));
    wb.applySync({
      data: {
        sheet: 'Sheet1',
        clearCols: [3, 4],
        clearFromRow: 1,
        startCol: 3,
        rows: [
          { row: 1, cells: [{ v: 'a' }, { v: 'b' }] },
          { row: 3, cells: [{ v: 'c' }] },
          { row: 7, cells: [{ v: 'd' }] },
        ],
        colWidths: [12, 12],
      },
      sheets: [],
    });
    const xml = partsOf(wb.toBytes())['xl/worksheets/sheet1.xml'];
    expect(xml.match(/r="[A-Z]+\d+"/g)).toEqual(['r="A1"', 'r="D1"', 'r="E1"', 'r="Z1"', 'r="D3"', 'r="A5"', 'r="D7"']);
    expect(xml).toContain('<row r="1" spans="1:26">');
    expect(xml).toContain('<dimension ref="A1:Z7"/>');
    expect(xml).toMatch(/<cols><col min="4" max="4" width="12" customWidth="1"\/><col min="5" max="5" width="12" customWidth="1"\/><\/cols><sheetData>/);
    expect(mustOpen(wb.toBytes()).readSheetSync('Sheet1').rows).toEqual([
      [1, null, null, 'a', 'b', ...new Array(20).fill(null), 26],
      [],
      [null, null, null, 'c'],
      [],
      [5],
      [],
      [null, null, null, 'd'],
    ]);
  });

  test('existing <col> ranges are split, keeping their attributes; re-applying is identical', () => {
    const sheetXml =
      `<worksheet xmlns="${MAIN}"><cols><col min="1" max="2" width="20" customWidth="1"/><col min="3" max="16384" width="9" style="4" hidden="0"/></cols>` +
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    const plan: OutputPlan = {
      data: { sheet: 'Sheet1', clearCols: [5, 6], clearFromRow: 1, startCol: 5, rows: [{ row: 1, cells: [{ v: 'x' }, { v: 'y' }] }], colWidths: [15, 11] },
      sheets: [],
    };
    const wb = mustOpen(handMadeXlsx({ sheetXml }));
    wb.applySync(plan);
    const out = wb.toBytes();
    expect(partsOf(out)['xl/worksheets/sheet1.xml']).toContain(
      '<cols><col min="1" max="2" width="20" customWidth="1"/>' +
        '<col min="3" max="5" width="9" style="4" hidden="0"/>' +
        // ours are shown whatever the range said: `hidden` is not carried over
        '<col min="6" max="6" width="15" style="4" customWidth="1"/>' +
        '<col min="7" max="7" width="11" style="4" customWidth="1"/>' +
        '<col min="8" max="16384" width="9" style="4" hidden="0"/></cols>',
    );
    const again = mustOpen(out);
    again.applySync(plan);
    expect(Buffer.from(again.toBytes()).equals(Buffer.from(out))).toBe(true);
  });

  test('implicit cell positions are made explicit when a neighbour is removed; prefixes are kept', () => {
    const sheetXml =
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const wb = mustOpen(handMadeXlsx({ sheetXml }));
    wb.applySync({
      data: { sheet: 'Sheet1', clearCols: [1], clearFromRow: 1, startCol: 4, rows: [{ row: 1, cells: [{ v: 'mới', s: 'status_DAT' }] }], colWidths: [] },
      sheets: [],
    });
    const out = wb.toBytes();
    const parts = partsOf(out);
    expect(parts['xl/worksheets/sheet1.xml']).toContain('<x:c r="C1"><x:v>3</x:v></x:c><x:c r="E1" s="1" t="inlineStr"><x:is><x:t xml:space="preserve">mới</x:t></x:is></x:c>');
    expect(mustOpen(out).readSheetSync('Sheet1').rows).toEqual([[1, null, 3, null, 'mới']]);
    // the file had no styles.xml: a minimal one was added, with its relationship and content type
    expect(parts['xl/styles.xml']).toContain('<fgColor rgb="FFC6EFCE"/>');
    expect(parts['xl/_rels/workbook.xml.rels']).toContain('Target="styles.xml"');
    expect(parts['[Content_Types].xml']).toContain('PartName="/xl/styles.xml"');
  });

  test('pretty-printed XML: white space is kept around user cells and re-runs stay identical', () => {
    const sheetXml =
      `<worksheet xmlns="${MAIN}">\n  <sheetData>\n    <row r="1">\n      <c r="A1"><v>1</v></c>\n      <c r="C1"><v>3</v></c>\n    </row>\n` +
      '    <row r="2">\n      <c r="A2"><v>2</v></c>\n    </row>\n  </sheetData>\n</worksheet>';
    const plan: OutputPlan = {
      data: { sheet: 'Sheet1', clearCols: [1], clearFromRow: 1, startCol: 1, rows: [1, 2].map((row) => ({ row, cells: [{ v: `r${row}` }] })), colWidths: [] },
      sheets: [],
    };
    const wb = mustOpen(handMadeXlsx({ sheetXml }));
    wb.applySync(plan);
    const out = wb.toBytes();
    expect(partsOf(out)['xl/worksheets/sheet1.xml']).toContain('<row r="1">\n      <c r="A1"><v>1</v></c>\n      <c r="B1" t="inlineStr">');
    expect(mustOpen(out).readSheetSync('Sheet1').rows).toEqual([[1, 'r1', 3], [2, 'r2']]);
    const again = mustOpen(out);
    again.applySync(plan);
    expect(Buffer.from(again.toBytes()).equals(Buffer.from(out))).toBe(true);
  });

  test('text is escaped, invalid XML characters are stripped, literal _xHHHH_ survives', () => {
    const wb = mustOpen(handMadeXlsx({ sheetXml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }));
    const tricky = 'a<b>&"c"\u0001\u0008 _x0041_ ]]> \uD800 end';
    wb.applySync({ data: { sheet: 'Sheet1', clearCols: [], clearFromRow: 1, startCol: 0, rows: [{ row: 2, cells: [{ v: tricky }, { v: -0 }, { v: NaN }] }], colWidths: [] }, sheets: [] });
    expect(mustOpen(wb.toBytes()).readSheetSync('Sheet1').rows).toEqual([[], ['a<b>&"c" _x0041_ ]]>  end', 0]]);
  });
});

describe('whole sheets', () => {
  const summary = (title: string): SheetSpec => ({
    name: 'Tổng hợp',
    rows: [[{ v: title, s: 'title' }]],
    page: { landscape: true, fitToWidth: true, printTitleRows: [1, 1] },
  });

  test('an existing sheet of the same name (any case) is replaced in place, keeping position and sheetId', async () => {
    const { output } = await appliedOnce();
    // put a user sheet after ours, then re-run with a different summary
    const wb = mustOpen(output);
    wb.applySync({ sheets: [{ name: 'Sau', rows: [[{ v: 'sau' }]] }] });
    const withAfter = wb.toBytes();
    const again = mustOpen(withAfter);
    again.applySync({ sheets: [{ ...summary('MỚI'), name: 'TỔNG HỢP' }] });
    const out = again.toBytes();
    const names = mustOpen(out).sheetNamesSync();
    expect(names).toEqual([DATA_SHEET, 'Ghi chú', 'TỔNG HỢP', 'Sau']);
    expect(mustOpen(out).readSheetSync('TỔNG HỢP').rows).toEqual([['MỚI']]);
    const wbXml = partsOf(out)['xl/workbook.xml'];
    expect(wbXml).toContain('<sheet name="TỔNG HỢP" sheetId="3" r:id="rId6"/>');
    expect(wbXml.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(wbXml).toContain(`localSheetId="2">'TỔNG HỢP'!$1:$1</definedName>`);
  });

  test('a chart sheet with our name is turned into a worksheet in the same position', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const base = handMadeXlsx({ sheetXml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` });
    const parts = partsOf(base);
    const zip = makeZip({
      ...parts,
      'xl/workbook.xml': parts['xl/workbook.xml'].replace('</sheets>', '<sheet name="Tổng hợp" sheetId="2" r:id="rId9"/></sheets>'),
      'xl/_rels/workbook.xml.rels': parts['xl/_rels/workbook.xml.rels'].replace(
        '</Relationships>',
        `<Relationship Id="rId9" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${MAIN}"/>`,
    });
    const wb = mustOpen(zip);
    expect(wb.readSheetSync('Tổng hợp').rows).toEqual([]);
    wb.applySync({ sheets: [summary('MỚI')] });
    const out = mustOpen(wb.toBytes());
    expect(out.sheetNamesSync()).toEqual(['Sheet1', 'Tổng hợp']);
    expect(out.readSheetSync('Tổng hợp').rows).toEqual([['MỚI']]);
    const outParts = partsOf(wb.toBytes());
    expect(outParts['xl/_rels/workbook.xml.rels']).toContain(`<Relationship Id="rId9" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>`);
    expect(outParts['[Content_Types].xml']).toContain('PartName="/xl/worksheets/sheet2.xml"');
  });

  test('createXlsx: an empty workbook that a plan fills; template sheets with validations', async () => {
    const empty = createXlsx();
    expect(empty.sheetNamesSync()).toEqual([]);
    expect(mustOpen(empty.toBytes()).sheetNamesSync()).toEqual([]);

    const wb = createXlsx();
    const long = Array.from({ length: 40 }, (_, i) => `Lựa chọn số ${i}`);
    await wb.apply({
      sheets: [
        {
          name: DATA_SHEET,
          rows: [[{ v: 'Mã đơn vị', s: 'data_header' }, { v: 'Xếp loại', s: 'data_header' }, { v: 'Có', s: 'data_header' }]],
          colWidths: [12, 30, 8],
          freeze: { rows: 1, cols: 1 },
          validations: [
            { range: 'B2:B500', list: ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ'] },
            { range: 'C2:C500', list: long },
          ],
        },
        summary('KẾT QUẢ'),
      ],
    });
    expect(wb.warnings()).toHaveLength(1); // the long list cannot be a literal list
    const bytes = wb.toBytes();
    const x = await readWithExcelJS(bytes);
    expect(x.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, 'Tổng hợp']);
    const ws = x.getWorksheet(DATA_SHEET)!;
    expect(ws.getCell('A1').value).toBe('Mã đơn vị');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    expect(validations(ws)['B2']).toMatchObject({ type: 'list' });
    expect(validations(ws)['C2']).toBeUndefined();
    // deterministic
    const wb2 = createXlsx();
    await wb2.apply({ sheets: [summary('KẾT QUẢ')] });
    const wb3 = createXlsx();
    await wb3.apply({ sheets: [summary('KẾT QUẢ')] });
    expect(Buffer.from(wb2.toBytes()).equals(Buffer.from(wb3.toBytes()))).toBe(true);
  });

  test('styles are reused, not duplicated, across runs', async () => {
    const { output } = await appliedOnce();
    const wb = mustOpen(output);
    wb.applySync(samplePlan());
    expect(partsOf(wb.toBytes())['xl/styles.xml']).toBe(partsOf(output)['xl/styles.xml']);
  });
});

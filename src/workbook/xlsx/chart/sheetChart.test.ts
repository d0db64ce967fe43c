/**
 * The chart's parts in a user's package across runs: free part names, the user's charts (on their
 * own sheets and on Tổng hợp) kept byte for byte, ours replaced in place, removed when the plan
 * has no chart, and a second run giving the same file.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { OutputPlan, SheetSpec } from '../../plan';
import { buildFixture, makeZip, mustOpen, partsOf, samplePlan } from '../test';
import { orderErrors } from './schemaOrder';
import { addUserChart, all, chartSheet, tree } from './test';

const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** The renderer's plan: status columns on the data sheet and a Tổng hợp with a chart. */
function plan(summary: SheetSpec = chartSheet()): OutputPlan {
  return { data: samplePlan().data, sheets: [summary] };
}

function apply(bytes: Uint8Array, p: OutputPlan = plan()): Uint8Array {
  const wb = mustOpen(bytes);
  wb.applySync(p);
  expect(wb.warnings()).toEqual([]);
  return wb.toBytes();
}

const raw = (zip: Uint8Array): Record<string, Uint8Array> => unzipSync(zip);
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));

/**
 * The fixture workbook (data sheet = sheet1.xml, `Ghi chú` = sheet2.xml) with a user's chart on
 * each: `Ghi chú` gets drawing1/chart1, the data sheet drawing2/chart2.
 */
async function userWorkbook(): Promise<Uint8Array> {
  let zip = await buildFixture();
  zip = addUserChart(zip, { sheet: 'xl/worksheets/sheet2.xml', drawing: 'xl/drawings/drawing1.xml', chart: 'xl/charts/chart1.xml', name: 'Biểu đồ 1', title: 'Đoàn viên' });
  zip = addUserChart(zip, { sheet: 'xl/worksheets/sheet1.xml', drawing: 'xl/drawings/drawing2.xml', chart: 'xl/charts/chart2.xml', name: 'Biểu đồ 2', title: 'Nữ' });
  return zip;
}

/** The summary's result for "Sáng kiến" changed from 82.4 to 95: a later run with other numbers. */
function changedSummary(): SheetSpec {
  const s = chartSheet();
  const rows = s.rows.map((r) => [...r]);
  rows[4][2] = { v: 95, s: 'cell_percent' };
  return { ...s, rows };
}

describe('a user workbook with charts of its own', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    input = await userWorkbook();
    output = apply(input);
  });

  test('ours take free part names; the user charts, their sheets and relationships keep their bytes', () => {
    const before = raw(input);
    const after = raw(output);
    // drawing1/chart1 and drawing2/chart2 are the user's: ours is number 3 of each.
    for (const part of [
      'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/charts/chart1.xml',
      'xl/drawings/drawing2.xml', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/charts/chart2.xml',
      'xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels',
    ]) {
      expect({ part, same: same(before[part], after[part]) }).toEqual({ part, same: true });
    }
    const p = partsOf(output);
    // The data sheet was patched (status columns) but still shows the user's drawing.
    expect(p['xl/worksheets/sheet1.xml']).toMatch(/<drawing r:id="rId\d+"\/>/);
    // Tổng hợp is sheet3.xml, its drawing and chart number 3.
    expect(p['xl/worksheets/_rels/sheet3.xml.rels']).toContain('Target="../drawings/drawing3.xml"');
    expect(p['xl/drawings/_rels/drawing3.xml.rels']).toContain('Target="../charts/chart3.xml"');
    expect(p['[Content_Types].xml']).toContain(`<Override PartName="/xl/charts/chart3.xml" ContentType="${CT_CHART}"/>`);
    expect(p['[Content_Types].xml']).toContain(`<Override PartName="/xl/drawings/drawing3.xml" ContentType="${CT_DRAWING}"/>`);
    expect(orderErrors(tree(p['xl/worksheets/sheet3.xml']))).toEqual([]);
  });

  test('running twice gives an equal file', () => {
    expect(same(apply(output), output)).toBe(true);
  });

  test('a chart the user added on Tổng hợp survives a re-run; ours is replaced in place', () => {
    const withMine = addUserChart(output, {
      sheet: 'xl/worksheets/sheet3.xml', drawing: 'unused', chart: 'xl/charts/chart9.xml', name: 'Biểu đồ của tôi', title: 'Của tôi',
    });
    const mine = strFromU8(raw(withMine)['xl/drawings/drawing3.xml']);
    const userAnchor = mine.slice(mine.indexOf('<xdr:twoCellAnchor editAs="oneCell">'), mine.lastIndexOf('</xdr:wsDr>'));
    expect(userAnchor.length).toBeGreaterThan(100);
    expect(userAnchor).toContain('name="Biểu đồ của tôi"');

    const rerun = apply(withMine, plan(changedSummary()));
    const p = partsOf(rerun);
    const drawing = p['xl/drawings/drawing3.xml'];
    // The user's anchor as it was, after ours (whose place is unchanged: first).
    expect(drawing).toContain(userAnchor);
    expect(drawing.indexOf('name="ChiTieuCDCS"')).toBeLessThan(drawing.indexOf(userAnchor));
    expect(tree(drawing).children.map((c) => c.name)).toEqual(['xdr:oneCellAnchor', 'xdr:twoCellAnchor']);
    expect(same(raw(rerun)['xl/charts/chart9.xml'], raw(withMine)['xl/charts/chart9.xml'])).toBe(true);
    expect(p['xl/drawings/_rels/drawing3.xml.rels']).toContain('Target="../charts/chart9.xml"');
    // Ours carries the new number (95 where 82.4 was) at the same part name.
    expect(p['xl/charts/chart3.xml']).toContain('<c:pt idx="0"><c:v>95</c:v></c:pt>');
    expect(p['xl/charts/chart3.xml']).not.toContain('82.4');
    // Shape ids stay unique: the user's got 3 (one above our 2 when added); ours is now one above
    // every id that is not ours, 4.
    expect(all(tree(drawing), 'xdr:cNvPr').map((e) => e.attrs.id)).toEqual(['4', '3']);
    // And once more changes nothing.
    expect(same(apply(rerun, plan(changedSummary())), rerun)).toBe(true);
  });

  test('a run whose plan has no chart removes ours and keeps a chart the user added there', () => {
    const noChart: SheetSpec = { ...chartSheet(), chart: undefined };
    // Without a user chart on Tổng hợp: the drawing, chart, relationships and content types go.
    const p = partsOf(apply(output, plan(noChart)));
    expect(p['xl/charts/chart3.xml']).toBeUndefined();
    expect(p['xl/drawings/drawing3.xml']).toBeUndefined();
    expect(p['xl/drawings/_rels/drawing3.xml.rels']).toBeUndefined();
    expect(p['[Content_Types].xml']).not.toMatch(/chart3|drawing3/);
    expect(p['xl/worksheets/_rels/sheet3.xml.rels'] ?? '').not.toContain('drawing');
    expect(p['xl/worksheets/sheet3.xml']).not.toContain('<drawing');
    // The user's charts elsewhere are still there.
    expect(p['xl/charts/chart1.xml']).toBeDefined();
    expect(p['xl/charts/chart2.xml']).toBeDefined();

    // With one: the drawing stays, holding only the user's anchor.
    const withMine = addUserChart(output, {
      sheet: 'xl/worksheets/sheet3.xml', drawing: 'unused', chart: 'xl/charts/chart9.xml', name: 'Biểu đồ của tôi', title: 'Của tôi',
    });
    const q = partsOf(apply(withMine, plan(noChart)));
    expect(all(tree(q['xl/drawings/drawing3.xml']), 'xdr:cNvPr').map((e) => e.attrs.name)).toEqual(['Biểu đồ của tôi']);
    expect(q['xl/charts/chart3.xml']).toBeUndefined();
    expect(q['xl/drawings/_rels/drawing3.xml.rels']).not.toContain('chart3');
    expect(q['xl/worksheets/sheet3.xml']).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
  });

  test('our chart saved by Excel with style and colour parts: they go with it on a re-run', () => {
    const files = raw(output);
    const R = 'http://schemas.microsoft.com/office/2011/relationships';
    const withStyle = makeZip({
      ...Object.fromEntries(Object.entries(files)),
      'xl/charts/style3.xml': '<?xml version="1.0"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>',
      'xl/charts/colors3.xml': '<?xml version="1.0"?><cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>',
      'xl/charts/_rels/chart3.xml.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId2" Type="${R}/chartColorStyle" Target="colors3.xml"/><Relationship Id="rId1" Type="${R}/chartStyle" Target="style3.xml"/></Relationships>`,
      '[Content_Types].xml': strFromU8(files['[Content_Types].xml']).replace(
        '</Types>',
        '<Override PartName="/xl/charts/style3.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>' +
          '<Override PartName="/xl/charts/colors3.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
      ),
    });
    const p = partsOf(apply(withStyle));
    expect(p['xl/charts/chart3.xml']).toBeDefined();
    expect(p['xl/charts/style3.xml']).toBeUndefined();
    expect(p['xl/charts/colors3.xml']).toBeUndefined();
    expect(p['xl/charts/_rels/chart3.xml.rels']).toBeUndefined();
    expect(p['[Content_Types].xml']).not.toMatch(/style3|colors3/);
  });
  test("a sheet's drawing relationship naming a part the package lacks is pointed at the new drawing", () => {
    const files = raw(output);
    const rels = strFromU8(files['xl/worksheets/_rels/sheet3.xml.rels']);
    const broken: Record<string, Uint8Array | string> = { ...files, 'xl/worksheets/_rels/sheet3.xml.rels': rels.replace('../drawings/drawing3.xml', '../drawings/lost.xml') };
    delete broken['xl/drawings/drawing3.xml'];
    const p = partsOf(apply(makeZip(broken)));
    // drawing3.xml is free again: written there, and the same relationship id now names it.
    const id = /<drawing r:id="(rId\d+)"\/>/.exec(p['xl/worksheets/sheet3.xml'])![1];
    expect(p['xl/worksheets/_rels/sheet3.xml.rels']).toMatch(new RegExp(`Id="${id}" Type="[^"]+/drawing" Target="../drawings/drawing3.xml"`));
    expect(p['xl/worksheets/_rels/sheet3.xml.rels']).not.toContain('lost.xml');
    expect(all(tree(p['xl/drawings/drawing3.xml']), 'xdr:cNvPr').map((e) => e.attrs.name)).toEqual(['ChiTieuCDCS']);
  });
});

describe('a Strict package', () => {
  const S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
  const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
  const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const strictPkg = (): Uint8Array =>
    makeZip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${S_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${S_MAIN}" xmlns:r="${S_REL}" conformance="strict"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${S_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${S_MAIN}"><sheetData/></worksheet>`,
    });

  test('chart, drawing and relationships are written in the Strict namespaces', () => {
    const wb = mustOpen(strictPkg());
    wb.applySync({ sheets: [chartSheet()] });
    const p = partsOf(wb.toBytes());
    expect(p['xl/worksheets/_rels/sheet2.xml.rels']).toContain(`Type="${S_REL}/drawing" Target="../drawings/drawing1.xml"`);
    expect(p['xl/drawings/_rels/drawing1.xml.rels']).toContain(`Type="${S_REL}/chart" Target="../charts/chart1.xml"`);
    const drawing = tree(p['xl/drawings/drawing1.xml']);
    expect(drawing.attrs['xmlns:xdr']).toBe('http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing');
    expect(all(drawing, 'a:graphicData')[0].attrs.uri).toBe('http://purl.oclc.org/ooxml/drawingml/chart');
    expect(all(drawing, 'xdr:oneCellAnchor')[0].attrs['xmlns:r']).toBe(S_REL);
    expect(tree(p['xl/charts/chart1.xml']).attrs['xmlns:c']).toBe('http://purl.oclc.org/ooxml/drawingml/chart');
    const sheet = tree(p['xl/worksheets/sheet2.xml']);
    expect(sheet.attrs['xmlns:r']).toBe(S_REL);
    expect(sheet.children[sheet.children.length - 1]).toMatchObject({ name: 'drawing', attrs: { 'r:id': 'rId1' } });
    // No Transitional namespace slipped into the new parts.
    for (const part of ['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/drawings/_rels/drawing1.xml.rels']) {
      expect({ part, transitional: /schemas\.openxmlformats\.org\/(drawingml|officeDocument)/.test(p[part]) }).toEqual({ part, transitional: false });
    }
  });
});

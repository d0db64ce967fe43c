/**
 * The chart, drawing and worksheet parts the xlsx adapter writes for a sheet's chart: well-formed
 * (parsed by saxes), elements in the order of the ECMA-376 sequences (schemaOrder.ts says where
 * they were looked up), and the cached values a reader draws from.
 */
import { createXlsx } from '../create';
import { partsOf } from '../test';
import { chartPlacement } from './anchorSize';
import { chartData } from './chartData';
import { chartXml } from './chartXml';
import { orderErrors } from './schemaOrder';
import { all, chartSheet, tree } from './test';

function written(): Record<string, string> {
  const wb = createXlsx();
  wb.applySync({ sheets: [chartSheet()] });
  expect(wb.warnings()).toEqual([]);
  return partsOf(wb.toBytes());
}

describe('element order against the schema sequences', () => {
  test('the checker itself finds an element out of order and a missing required one', () => {
    // c:order before c:idx, and no c:barDir: two faults a correct checker must report.
    const bad = tree('<c:barChart xmlns:c="urn:x"><c:ser><c:order val="0"/><c:idx val="0"/></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>');
    expect(orderErrors(bad)).toEqual(['c:barChart: c:barDir is missing', 'c:ser: c:idx is out of order']);
  });

  test('chart part, drawing part and worksheet follow their sequences', () => {
    const p = written();
    for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/worksheets/sheet1.xml']) {
      expect({ part, errors: orderErrors(tree(p[part])) }).toEqual({ part, errors: [] });
    }
    // The worksheet's <drawing> is where CT_Worksheet puts it: after pageSetup, the last child here.
    const names = tree(p['xl/worksheets/sheet1.xml']).children.map((c) => c.name);
    expect(names.slice(-2)).toEqual(['pageSetup', 'drawing']);
  });

  test('the Strict chart part follows the same sequences in the Strict namespaces', () => {
    const spec = chartSheet();
    const d = chartData(spec, spec.chart!);
    if (!d.ok) throw new Error(d.reason);
    const xml = chartXml(d.value, 'strict');
    const root = tree(xml);
    expect(orderErrors(root)).toEqual([]);
    expect(root.attrs['xmlns:c']).toBe('http://purl.oclc.org/ooxml/drawingml/chart');
    expect(root.attrs['xmlns:a']).toBe('http://purl.oclc.org/ooxml/drawingml/main');
    expect(root.attrs['xmlns:r']).toBe('http://purl.oclc.org/ooxml/officeDocument/relationships');
  });
});

describe('what the chart says', () => {
  test('two series, target and result, with references and cached values', () => {
    const chart = tree(written()['xl/charts/chart1.xml']);
    const sers = all(chart, 'c:ser');
    expect(sers).toHaveLength(2);
    const text = (el: ReturnType<typeof tree>, name: string): string[] => all(el, name).map((e) => e.attrs.val ?? '');
    // Each series refers to cells three times (name, categories, values): the name in the header
    // row (row 4), categories in A5:A7, values in rows 5–7 of columns B and C.
    expect(sers.map((s) => all(s, 'c:f').length)).toEqual([3, 3]);
    // Values are printed on the result bars only (series 2).
    expect(sers.map((s) => all(s, 'c:dLbls').length)).toEqual([0, 1]);
    const p = written()['xl/charts/chart1.xml'];
    expect(p).toContain("<c:f>'Tổng hợp'!$B$4</c:f>");
    expect(p).toContain("<c:f>'Tổng hợp'!$A$5:$A$7</c:f>");
    expect(p).toContain("<c:f>'Tổng hợp'!$B$5:$B$7</c:f>");
    expect(p).toContain("<c:f>'Tổng hợp'!$C$5:$C$7</c:f>");
    // Cached: names, 3 categories, target 90/100/50; result 82.4/100 and no point for "—" (a gap).
    expect(p).toContain('<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Mục tiêu (%)</c:v></c:pt></c:strCache>');
    expect(p).toContain('<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Kết quả (%)</c:v></c:pt></c:strCache>');
    expect(p).toContain(
      '<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Sáng kiến</c:v></c:pt><c:pt idx="1"><c:v>Bao phủ</c:v></c:pt><c:pt idx="2"><c:v>Nữ công</c:v></c:pt></c:strCache>',
    );
    expect(p).toContain(
      '<c:numCache><c:formatCode>0.0</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>90</c:v></c:pt><c:pt idx="1"><c:v>100</c:v></c:pt><c:pt idx="2"><c:v>50</c:v></c:pt></c:numCache>',
    );
    expect(p).toContain(
      '<c:numCache><c:formatCode>0.0</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>82.4</c:v></c:pt><c:pt idx="1"><c:v>100</c:v></c:pt></c:numCache>',
    );
    // Clustered columns, the Vietnamese title, legend at the bottom, a 0–100 value axis.
    expect(text(chart, 'c:barDir')).toEqual(['col']);
    expect(text(chart, 'c:grouping')).toEqual(['clustered']);
    expect(all(chart, 'a:t').length).toBe(1);
    expect(p).toContain('<a:t>Mục tiêu và kết quả (%)</a:t>');
    expect(text(chart, 'c:legendPos')).toEqual(['b']);
    expect(text(chart, 'c:max')).toEqual(['100']);
    expect(text(chart, 'c:min')).toEqual(['0']);
  });

  test('the drawing anchors the chart at E4 with the size of E4:J20, under the product name', () => {
    const d = tree(written()['xl/drawings/drawing1.xml']);
    const anchor = all(d, 'xdr:oneCellAnchor');
    expect(anchor).toHaveLength(1);
    expect(anchor[0].children.map((c) => c.name)).toEqual(['xdr:from', 'xdr:ext', 'xdr:graphicFrame', 'xdr:clientData']);
    const p = written()['xl/drawings/drawing1.xml'];
    // 0-based marker: E is column 4, row 4 is row 3.
    expect(p).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>');
    // E:J are 6 columns of the default 64 px: 384 px × 9525 EMU = 3 657 600; rows 4–20 are
    // 17 rows of the default 15 pt = 255 pt × 12 700 = 3 238 500 (under the cap, the width).
    expect(p).toContain('<xdr:ext cx="3657600" cy="3238500"/>');
    expect(all(d, 'xdr:cNvPr')[0].attrs.name).toBe('ChiTieuCDCS');
    expect(all(d, 'c:chart')[0].attrs['r:id']).toBe('rId1');
  });

  test('set column widths and row heights size the chart', () => {
    // B:C at width 14: trunc((256·14 + trunc(128/7)) / 256 · 7) = trunc(98.49…) = 98 px each;
    // rows 2–3 at 30 pt and 45 pt.
    const spec = { ...chartSheet(), colWidths: [30, 14, 14], rowHeights: { 2: 30, 3: 45 } };
    const place = chartPlacement(spec, { r1: 2, c1: 1, r2: 3, c2: 2 });
    expect(place).toEqual({ col: 1, row: 1, cx: 196 * 9525, cy: 75 * 12700 });
    // Rows of 200 pt (wrapped table text) would make a strip: 17 × 200 pt is capped at
    // max(width 384 px × 9525 = 3 657 600, 16 × 15 pt = 240 pt × 12 700 = 3 048 000) = 3 657 600.
    const heights: Record<number, number> = {};
    for (let r = 4; r <= 20; r++) heights[r] = 200;
    expect(chartPlacement({ ...chartSheet(), rowHeights: heights }, { r1: 4, c1: 4, r2: 20, c2: 9 }).cy).toBe(3657600);
    // A narrow chart (one default column, 64 px × 9525 = 609 600) may still be 16 rows tall: 3 048 000.
    expect(chartPlacement({ ...chartSheet(), rowHeights: heights }, { r1: 4, c1: 4, r2: 20, c2: 4 }).cy).toBe(3048000);
  });

  test('a chart never starts in a print-title row', () => {
    // Row 4 repeats on every printed page: the chart starts at row 5 (0-based marker 4), same size.
    const spec = { ...chartSheet(), page: { landscape: true, fitToWidth: true, printTitleRows: [4, 4] as const } };
    expect(chartPlacement(spec, { r1: 4, c1: 4, r2: 20, c2: 9 })).toEqual({ col: 4, row: 4, cx: 3657600, cy: 3238500 });
    // A chart below the title rows is where the plan put it.
    expect(chartPlacement(spec, { r1: 6, c1: 4, r2: 20, c2: 9 }).row).toBe(5);
  });

  test('relationships sheet → drawing → chart and the content types', () => {
    const p = written();
    expect(p['xl/worksheets/_rels/sheet1.xml.rels']).toContain(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>',
    );
    expect(p['xl/drawings/_rels/drawing1.xml.rels']).toContain(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>',
    );
    expect(p['xl/worksheets/sheet1.xml']).toContain('<drawing r:id="rId1"/></worksheet>');
    expect(p['[Content_Types].xml']).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(p['[Content_Types].xml']).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  test('a chart whose data block has no series is not drawn, with a note for the log', () => {
    const wb = createXlsx();
    wb.applySync({ sheets: [{ ...chartSheet(), chart: { title: 'x', data: 'A4:A7', at: 'E4:J20' } }] });
    expect(wb.warnings()).toEqual(['Tổng hợp: chart not drawn: chart data A4:A7 has no series or no category']);
    const p = partsOf(wb.toBytes());
    expect(Object.keys(p).filter((k) => /drawing|chart/.test(k))).toEqual([]);
    expect(p['xl/worksheets/sheet1.xml']).not.toContain('<drawing');
  });
});

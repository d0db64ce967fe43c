/**
 * The drawing part's scanner and splice on drawings other writers make: default namespace,
 * attributes in another order, an empty self-closing root, markup-compatibility wrappers, a
 * picture that happens to carry the product's name; and the small path helpers.
 */
import { chartPlacement } from './anchorSize';
import { anchorXml, parseDrawing, spliceDrawing } from './drawingXml';
import { drawingRelIdOf, relativeTarget } from './sheetChart';
import { chartSheet, tree } from './test';

const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const place = chartPlacement(chartSheet(), { r1: 4, c1: 4, r2: 20, c2: 9 });

/** A graphic frame (chart `rel`) with the cNvPr attributes as given, in prefix `p`. */
const frame = (p: string, cNvPrAttrs: string, rel: string): string =>
  `<${p}graphicFrame macro=""><${p}nvGraphicFramePr><${p}cNvPr ${cNvPrAttrs}/><${p}cNvGraphicFramePr/></${p}nvGraphicFramePr>` +
  `<${p}xfrm/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="${C}">` +
  `<c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${rel}"/></a:graphicData></a:graphic></${p}graphicFrame>`;

test('the product anchor is found with attributes in any order, in a drawing whose namespace is the default', () => {
  const ours = `<oneCellAnchor><from/><ext cx="1" cy="1"/>${frame('', 'name="ChiTieuCDCS" id="7"', 'rId4')}<clientData/></oneCellAnchor>`;
  const user = `<twoCellAnchor><from/><to/>${frame('', 'id="9" name="Doanh thu"', 'rId2')}<clientData/></twoCellAnchor>`;
  const d = parseDrawing(`<wsDr xmlns="${XDR}">${user}${ours}</wsDr>`);
  expect(d.prefix).toBe('');
  expect(d.children.map((c) => c.productChartRelId)).toEqual([undefined, 'rId4']);
  // Replaced in place, written in the drawing's own (default) namespace: no prefix.
  const out = spliceDrawing(d, anchorXml(place, 10, 'rId4', 'T', d.prefix, d.conformance));
  expect(out.startsWith(`<wsDr xmlns="${XDR}">${user}<oneCellAnchor xmlns:a=`)).toBe(true);
  expect(tree(out).children.map((c) => c.name)).toEqual(['twoCellAnchor', 'oneCellAnchor']);
});

test('an empty self-closing drawing is opened to take the anchor', () => {
  const d = parseDrawing(`<?xml version="1.0"?><xdr:wsDr xmlns:xdr="${XDR}"/>`);
  const out = spliceDrawing(d, anchorXml(place, 2, 'rId1', 'T', d.prefix, d.conformance));
  expect(out).toMatch(/^<\?xml version="1.0"\?><xdr:wsDr xmlns:xdr="[^"]+"><xdr:oneCellAnchor .*<\/xdr:oneCellAnchor><\/xdr:wsDr>$/);
  expect(tree(out).children.map((c) => c.name)).toEqual(['xdr:oneCellAnchor']);
});

test('what is not a product chart stays: a wrapped anchor, a picture under the product name', () => {
  const wrapped =
    `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="cx1"><xdr:twoCellAnchor><xdr:from/><xdr:to/>` +
    `${frame('xdr:', 'id="3" name="ChiTieuCDCS"', 'rId1')}<xdr:clientData/></xdr:twoCellAnchor></mc:Choice><mc:Fallback/></mc:AlternateContent>`;
  const picture = '<xdr:oneCellAnchor><xdr:from/><xdr:ext cx="1" cy="1"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="4" name="ChiTieuCDCS"/></xdr:nvPicPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>';
  const xml = `<xdr:wsDr xmlns:xdr="${XDR}">${wrapped}${picture}</xdr:wsDr>`;
  const d = parseDrawing(xml);
  expect(d.children.map((c) => c.productChartRelId)).toEqual([undefined, undefined]);
  // Nothing of ours to drop: unchanged; with a new anchor, it is appended after them.
  expect(spliceDrawing(d, undefined)).toBe(xml);
  const out = spliceDrawing(d, anchorXml(place, 5, 'rId2', 'T', d.prefix, d.conformance));
  expect(out.startsWith(`<xdr:wsDr xmlns:xdr="${XDR}">${wrapped}${picture}<xdr:oneCellAnchor`)).toBe(true);
});

test('relationship targets and the worksheet drawing id', () => {
  expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml')).toBe('../drawings/drawing1.xml');
  expect(relativeTarget('xl/drawings/drawing2.xml', 'xl/charts/chart3.xml')).toBe('../charts/chart3.xml');
  expect(relativeTarget('xl/charts/chart1.xml', 'xl/charts/style1.xml')).toBe('style1.xml');
  expect(relativeTarget('wb/sheets/s.xml', 'xl/drawings/d.xml')).toBe('../../xl/drawings/d.xml');
  // A prefixed worksheet binding relationships to another prefix.
  expect(drawingRelIdOf(`<x:worksheet xmlns:x="m" xmlns:rel="${R}"><x:sheetData/><x:drawing rel:id="rId5"/></x:worksheet>`)).toBe('rId5');
  expect(drawingRelIdOf('<worksheet xmlns="m"><sheetData/></worksheet>')).toBeUndefined();
});

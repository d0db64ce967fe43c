/**
 * The drawing part (`xl/drawings/drawingN.xml`, root `xdr:wsDr`) that places charts on a sheet.
 * The product's anchor is recognised by its name (PRODUCT_CHART_NAME); every other anchor (a
 * user's chart, picture or shape, or an `mc:AlternateContent` around one) is kept as its bytes.
 *
 * Element order from ECMA-376 Part 1 `dml-spreadsheetDrawing.xsd` as docx4j's generated classes
 * (org.docx4j.dml.spreadsheetdrawing: CT_TwoCellAnchor, CT_Marker) and Infragistics' and
 * python-pptx's quotes of it give it: CT_Drawing = (twoCellAnchor | oneCellAnchor |
 * absoluteAnchor)*; CT_TwoCellAnchor = from, to, (sp | grpSp | graphicFrame | cxnSp | pic |
 * contentPart), clientData; CT_OneCellAnchor = from, ext, (the same choice), clientData; CT_Marker = col, colOff, row, rowOff; CT_GraphicalObjectFrame =
 * nvGraphicFramePr, xfrm, a:graphic; CT_GraphicalObjectFrameNonVisual = cNvPr, cNvGraphicFramePr.
 */
import type { Conformance } from '../conformance';
import { childElements, escapeAttr, isSelfClosing, rootElement, rootNamespace, splitQName } from '../xml';
import { DRAWING_NS, PRODUCT_CHART_NAME } from './drawingNs';

const ANCHORS = new Set(['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']);

/** One top-level child of `xdr:wsDr`. */
export interface DrawingChild {
  readonly start: number;
  readonly end: number;
  /** Relationship id of the product's chart when this is the product's anchor, else undefined. */
  readonly productChartRelId?: string;
}

/** A drawing part split into its anchors, with what a splice needs. */
export interface ParsedDrawing {
  readonly xml: string;
  /** Prefix of the root (`xdr:`, or '' when SpreadsheetDrawing is the default namespace). */
  readonly prefix: string;
  readonly conformance: Conformance;
  readonly children: readonly DrawingChild[];
  /** Where a new anchor goes: before the root's end tag (or -1 when the root is self-closing). */
  readonly closeStart: number;
}

const PRODUCT_NAME = new RegExp(`<(?:[\\w.-]+:)?cNvPr\\s(?:[^>]*?\\s)?name\\s*=\\s*["']${PRODUCT_CHART_NAME}["']`);
const GRAPHIC_FRAME = /<(?:[\w.-]+:)?graphicFrame[\s>]/;
const CHART_REL = /<(?:[\w.-]+:)?chart\s(?:[^>]*?\s)?[\w.-]+:id\s*=\s*["']([^"']*)["']/;
const CNVPR_ID = /<(?:[\w.-]+:)?cNvPr\s(?:[^>]*?\s)?id\s*=\s*["'](\d+)["']/g;

/** Splits a drawing part into its top-level children. Throws XlsxError('corrupt') on unbalanced markup. */
export function parseDrawing(xml: string): ParsedDrawing {
  const root = rootElement(xml);
  const ns = rootNamespace(xml, root.prefix);
  const conformance: Conformance = ns === DRAWING_NS.strict.sheetDrawing ? 'strict' : 'transitional';
  if (isSelfClosing(xml, root.end)) return { xml, prefix: root.prefix, conformance, children: [], closeStart: -1 };
  const { children, closeStart } = childElements(xml, root.end);
  return {
    xml,
    prefix: root.prefix,
    conformance,
    closeStart,
    children: children.map((c) => {
      const text = xml.slice(c.start, c.end);
      const ours = ANCHORS.has(splitQName(c.qname).local) && GRAPHIC_FRAME.test(text) && PRODUCT_NAME.test(text);
      const rel = ours ? CHART_REL.exec(text)?.[1] : undefined;
      return { start: c.start, end: c.end, ...(rel !== undefined ? { productChartRelId: rel } : {}) };
    }),
  };
}

/** The largest `cNvPr id` among the anchors the product does not own (ids must be unique in a drawing). */
export function maxShapeId(d: ParsedDrawing): number {
  let max = 1;
  for (const c of d.children) {
    if (c.productChartRelId !== undefined) continue;
    for (const m of d.xml.slice(c.start, c.end).matchAll(CNVPR_ID)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/**
 * The product's anchor: the chart with its top-left corner in the cell (`col`, `row`, 0-based)
 * and the size `cx` × `cy` (EMU), shape id `id`, chart relationship `relId`. A oneCellAnchor
 * (from, ext, graphicFrame, clientData — ECMA-376 Part 1 §20.5.2.24, as officeopenxml.com
 * describes it) keeps that size whatever the rows' heights (see anchorSize.ts). Its namespaces
 * other than SpreadsheetDrawing's are declared on the anchor itself, so it can be spliced into a
 * user's drawing whatever prefixes that declares.
 */
export function anchorXml(
  place: { readonly col: number; readonly row: number; readonly cx: number; readonly cy: number },
  id: number,
  relId: string,
  title: string,
  prefix: string,
  conformance: Conformance,
): string {
  const ns = DRAWING_NS[conformance];
  const x = prefix;
  return (
    `<${x}oneCellAnchor xmlns:a="${escapeAttr(ns.main)}" xmlns:c="${escapeAttr(ns.chart)}" xmlns:r="${escapeAttr(ns.rel)}">` +
    `<${x}from><${x}col>${place.col}</${x}col><${x}colOff>0</${x}colOff><${x}row>${place.row}</${x}row><${x}rowOff>0</${x}rowOff></${x}from>` +
    `<${x}ext cx="${place.cx}" cy="${place.cy}"/>` +
    `<${x}graphicFrame macro="">` +
    `<${x}nvGraphicFramePr><${x}cNvPr id="${id}" name="${PRODUCT_CHART_NAME}" descr="${escapeAttr(title)}"/><${x}cNvGraphicFramePr/></${x}nvGraphicFramePr>` +
    `<${x}xfrm><a:off x="0" y="0"/><a:ext cx="${place.cx}" cy="${place.cy}"/></${x}xfrm>` +
    `<a:graphic><a:graphicData uri="${escapeAttr(ns.chart)}"><c:chart r:id="${escapeAttr(relId)}"/></a:graphicData></a:graphic>` +
    `</${x}graphicFrame><${x}clientData/></${x}oneCellAnchor>`
  );
}

/** A new drawing part holding `anchors` (already written with the `xdr:` prefix). */
export function newDrawingXml(anchors: string, conformance: Conformance): string {
  const ns = DRAWING_NS[conformance];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${escapeAttr(ns.sheetDrawing)}" xmlns:a="${escapeAttr(ns.main)}">${anchors}</xdr:wsDr>`
  );
}

/**
 * The drawing with the product's anchors replaced: the first by `anchor` (in place, so the
 * z-order of the user's charts is unchanged), the others dropped; `anchor` is appended when the
 * drawing had none of ours. An undefined `anchor` only drops ours. Everything else keeps its bytes.
 */
export function spliceDrawing(d: ParsedDrawing, anchor: string | undefined): string {
  const xml = d.xml;
  let out = '';
  let from = 0;
  let placed = anchor === undefined;
  for (const c of d.children) {
    if (c.productChartRelId === undefined) continue;
    out += xml.slice(from, c.start);
    if (!placed) out += anchor;
    placed = true;
    from = c.end;
  }
  if (!placed) {
    if (d.closeStart < 0) {
      // `<xdr:wsDr …/>`: opened up to hold the anchor.
      const root = rootElement(xml);
      const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, '>');
      return xml.slice(0, root.start) + open + anchor + `</${root.qname}>` + xml.slice(root.end);
    }
    out += xml.slice(from, d.closeStart) + anchor;
    from = d.closeStart;
  }
  return out + xml.slice(from);
}

/** True when the drawing keeps at least one anchor that is not the product's. */
export function hasUserAnchors(d: ParsedDrawing): boolean {
  return d.children.some((c) => c.productChartRelId === undefined);
}

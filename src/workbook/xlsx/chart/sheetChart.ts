/**
 * The parts behind the chart of a sheet the product writes: worksheet → drawing → chart, with
 * their relationships and content types. Called when a product sheet is (re)written; the user's
 * own sheets never come here, so their charts keep their bytes.
 *
 * On a re-run the sheet's earlier drawing is reused: the product's anchor (named
 * PRODUCT_CHART_NAME) is replaced in place and its chart part rewritten at the same name, any
 * other anchor (a chart the user added) is kept with its parts. Reusing names, relationship ids
 * and content-type entries is what makes running twice give an equal file.
 */
import type { SheetSpec } from '../../plan';
import { removeOverride, removeRelationship } from '../calcChain';
import { type Conformance, relType } from '../conformance';
import type { XlsxPackage } from '../pkg';
import { EMPTY_RELS, addRel, parseRels, relTypeIs, relsPathFor, resolveTarget, retargetRel, setOverride } from '../workbookParts';
import { attr, findElement, rootElement, tagEnd } from '../xml';
import { chartPlacement } from './anchorSize';
import { chartData, type ChartData } from './chartData';
import { chartXml } from './chartXml';
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE } from './drawingNs';
import { type ParsedDrawing, anchorXml, hasUserAnchors, maxShapeId, newDrawingXml, parseDrawing, spliceDrawing } from './drawingXml';

const CONTENT_TYPES = '[Content_Types].xml';

/** Parts a chart owns through its own relationships (Excel adds style and colour parts): removed with it. */
const CHART_OWNED = ['chartStyle', 'chartColorStyle', 'chartUserShapes', 'themeOverride', 'package'];

/** The relationship id of the `<drawing r:id>` of a worksheet's XML, if any. */
export function drawingRelIdOf(sheetXml: string): string | undefined {
  const p = rootElement(sheetXml).prefix;
  const el = findElement(sheetXml, p + 'drawing');
  if (!el) return undefined;
  const tag = sheetXml.slice(el.start, tagEnd(sheetXml, el.start));
  const id = /\s([\w.-]+:id)\s*=/.exec(tag);
  return id ? attr(tag, 0, tag.length, id[1]) : undefined;
}

/** `to` as a relationship target relative to the part `from` (both package paths without a leading slash). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** What syncSheetChart did: the relationship id for the worksheet's `<drawing>`, and notes for the log. */
export interface SheetChartResult {
  readonly drawingRelId?: string;
  readonly warnings: readonly string[];
}

/**
 * Brings the chart parts of the product sheet at `sheetPath` in line with `spec.chart`.
 * `previousXml` is the sheet's XML before this run (undefined for a new sheet part); `baseDir` is
 * the workbook part's folder (`xl/`), where new drawing and chart parts go. Must run before the
 * worksheet is written: the returned id goes into its `<drawing>` element.
 */
export function syncSheetChart(
  pkg: XlsxPackage,
  sheetPath: string,
  previousXml: string | undefined,
  spec: SheetSpec,
  conformance: Conformance,
  baseDir: string,
): SheetChartResult {
  const warnings: string[] = [];
  const sheetRelsPath = relsPathFor(sheetPath);
  let sheetRels = pkg.text(sheetRelsPath);

  // The drawing the sheet had, if it still exists.
  const oldId = previousXml !== undefined ? drawingRelIdOf(previousXml) : undefined;
  const oldRel = oldId !== undefined ? parseRels(sheetRels).find((r) => r.id === oldId && !r.external && relTypeIs(r.type, 'drawing')) : undefined;
  let drawingPath = oldRel ? resolveTarget(sheetPath, oldRel.target) : undefined;
  let drawing: ParsedDrawing | undefined;
  if (drawingPath !== undefined) {
    const text = pkg.text(drawingPath);
    if (text !== undefined) drawing = parseDrawing(text);
    else drawingPath = undefined;
  }
  const drawingRelsPath = drawingPath !== undefined ? relsPathFor(drawingPath) : undefined;
  let drawingRels = drawingRelsPath !== undefined ? pkg.text(drawingRelsPath) : undefined;

  // The sheet's charts: `chart` first, then `charts` (Tiến độ has several).
  const charts: ChartData[] = [];
  for (const c of [...(spec.chart ? [spec.chart] : []), ...(spec.charts ?? [])]) {
    const data = chartData(spec, c);
    if (data.ok) charts.push(data.value);
    else warnings.push(`chart not drawn: ${data.reason}`);
  }

  // The product's earlier charts: the first ones keep their part names and relationship ids (one
  // per chart drawn now, in order), the rest go.
  const oldCharts = (drawing?.children ?? [])
    .filter((c) => c.productChartRelId !== undefined)
    .map((c) => {
      const rel = parseRels(drawingRels).find((r) => r.id === c.productChartRelId && !r.external && relTypeIs(r.type, 'chart'));
      return { relId: c.productChartRelId!, path: rel ? resolveTarget(drawingPath!, rel.target) : undefined };
    });
  const reused = oldCharts.filter((c) => c.path !== undefined).slice(0, charts.length);
  for (const c of oldCharts) {
    const keep = reused.includes(c);
    if (c.path !== undefined) removeChartParts(pkg, c.path, keep);
    if (!keep && drawingRels !== undefined) drawingRels = removeRelationship(drawingRels, c.relId);
  }

  const keepDrawing = charts.length > 0 || (drawing !== undefined && hasUserAnchors(drawing));
  if (!keepDrawing) {
    // Nothing left to draw: the drawing goes with its relationship from the sheet.
    if (drawingPath !== undefined) {
      removePart(pkg, drawingPath);
      pkg.remove(drawingRelsPath!);
    }
    if (oldRel && sheetRels !== undefined) pkg.setText(sheetRelsPath, removeRelationship(sheetRels, oldRel.id));
    return { warnings };
  }

  // The drawing part: the sheet's own, or a new one under a free name.
  if (drawingPath === undefined) drawingPath = freePart(pkg, `${baseDir}drawings/drawing`);
  const drRelsPath = relsPathFor(drawingPath);

  let anchors = '';
  let shapeId = drawing ? maxShapeId(drawing) : 1;
  charts.forEach((chart, i) => {
    let chartPath = reused[i]?.path;
    let chartRelId = reused[i]?.relId;
    if (chartPath === undefined) {
      chartPath = freePart(pkg, `${baseDir}charts/chart`);
      const added = addRel(drawingRels ?? EMPTY_RELS, relType(conformance, 'chart'), relativeTarget(drawingPath!, chartPath));
      drawingRels = added.xml;
      chartRelId = added.id;
    }
    pkg.setText(chartPath, chartXml(chart, conformance));
    pkg.setText(CONTENT_TYPES, setOverride(pkg.text(CONTENT_TYPES)!, chartPath, CHART_CONTENT_TYPE));
    const dc = drawing?.conformance ?? conformance;
    const prefix = drawing ? drawing.prefix : 'xdr:';
    anchors += anchorXml(chartPlacement(spec, chart.at), ++shapeId, chartRelId!, chart.title, prefix, dc);
  });
  pkg.setText(drawingPath, drawing ? spliceDrawing(drawing, anchors || undefined) : newDrawingXml(anchors, conformance));
  if (drawingRels !== undefined) pkg.setText(drRelsPath, drawingRels);
  pkg.setText(CONTENT_TYPES, setOverride(pkg.text(CONTENT_TYPES)!, drawingPath, DRAWING_CONTENT_TYPE));

  if (oldRel) {
    // The sheet's relationship may name a drawing the package lacks: it now names the one written.
    const target = relativeTarget(sheetPath, drawingPath);
    if (resolveTarget(sheetPath, oldRel.target) !== drawingPath && sheetRels !== undefined) {
      pkg.setText(sheetRelsPath, retargetRel(sheetRels, oldRel.id, relType(conformance, 'drawing'), target));
    }
    return { drawingRelId: oldRel.id, warnings };
  }
  const added = addRel(sheetRels ?? EMPTY_RELS, relType(conformance, 'drawing'), relativeTarget(sheetPath, drawingPath));
  sheetRels = added.xml;
  pkg.setText(sheetRelsPath, sheetRels);
  return { drawingRelId: added.id, warnings };
}

/** `${stem}N.xml` with the smallest N ≥ 1 no part of the package uses. */
function freePart(pkg: XlsxPackage, stem: string): string {
  let n = 1;
  while (pkg.has(`${stem}${n}.xml`)) n++;
  return `${stem}${n}.xml`;
}

/** Removes a part and its content-type Override. */
function removePart(pkg: XlsxPackage, path: string): void {
  pkg.remove(path);
  const ct = pkg.text(CONTENT_TYPES);
  if (ct !== undefined) pkg.setText(CONTENT_TYPES, removeOverride(ct, path));
}

/**
 * Removes an earlier product chart: the parts it owns (style, colours, …) and its relationships
 * part, and — unless its name is reused for the new chart — the chart part itself.
 */
function removeChartParts(pkg: XlsxPackage, chartPath: string, reused: boolean): void {
  const relsPath = relsPathFor(chartPath);
  for (const r of parseRels(pkg.text(relsPath))) {
    if (!r.external && CHART_OWNED.some((k) => relTypeIs(r.type, k))) removePart(pkg, resolveTarget(chartPath, r.target));
  }
  pkg.remove(relsPath);
  if (!reused) removePart(pkg, chartPath);
}

/**
 * View settings the product sets outside its own sheets, by splicing text: which tab the workbook
 * opens on (`workbookView activeTab`, each sheet's `tabSelected`), and the frozen panes of the
 * user's data sheet. Everything else of the part keeps its bytes, and applying the same settings
 * to the output again gives the same text (a re-run gives an equal file).
 */
import { a1 } from '../../domain/grid';
import type { DataSheetView } from '../plan';
import { XlsxError } from './limits';
import { attr, findElement, findStartTag, rootElement, tagEnd } from './xml';

/** `tabSelected="1"` (or `"true"`) with its leading space, in a sheetView start tag. */
const TAB_SELECTED = /\s+tabSelected\s*=\s*("(?:1|true)"|'(?:1|true)')/;

/**
 * The sheet's XML with no selected tab: Excel opens a workbook whose several sheets say
 * `tabSelected` with those sheets grouped, and typing then changes all of them. The same text
 * when no sheet view is selected.
 */
export function unselectTab(xml: string): string {
  if (!xml.includes('tabSelected')) return xml;
  const p = rootElement(xml).prefix;
  const views = findElement(xml, p + 'sheetViews');
  if (!views || views.selfClosing) return xml;
  let out = xml.slice(0, views.openEnd);
  let i = views.openEnd;
  for (;;) {
    const at = findStartTag(xml, p + 'sheetView', i, views.innerEnd);
    if (at < 0) break;
    const end = tagEnd(xml, at);
    out += xml.slice(i, at) + xml.slice(at, end).replace(TAB_SELECTED, '');
    i = end;
  }
  return out + xml.slice(i);
}

/**
 * The frozen panes of the data sheet: the first sheet view gets a frozen `<pane>` (and a
 * selection in it) in place of any pane and selections it had; no tab selected (the workbook
 * opens on the summary). A sheet without `<sheetViews>` gets one, where CT_Worksheet puts it.
 *
 * @example
 * setFrozenPanes(xml, { freeze: { rows: 4, cols: 2 } }) // <sheetView workbookViewId="0"><pane xSplit="2" ySplit="4" topLeftCell="C5" …
 */
export function setFrozenPanes(xml: string, view: DataSheetView): string {
  xml = unselectTab(xml);
  const p = rootElement(xml).prefix;
  const rows = Math.max(0, Math.floor(view.freeze.rows));
  const cols = Math.max(0, Math.floor(view.freeze.cols));
  const kids = paneXml(p, rows, cols);
  const views = findElement(xml, p + 'sheetViews');
  if (!views) {
    if (!kids) return xml;
    // CT_Worksheet: sheetPr?, dimension?, sheetViews?, sheetFormatPr?, cols?, sheetData.
    const root = rootElement(xml);
    let at = root.end;
    for (const before of ['sheetPr', 'dimension']) {
      const el = findElement(xml, p + before);
      if (el && el.end > at) at = el.end;
    }
    return xml.slice(0, at) + `<${p}sheetViews><${p}sheetView workbookViewId="0">${kids}</${p}sheetView></${p}sheetViews>` + xml.slice(at);
  }
  if (views.selfClosing) {
    if (!kids) return xml;
    return xml.slice(0, views.start) + `<${p}sheetViews><${p}sheetView workbookViewId="0">${kids}</${p}sheetView></${p}sheetViews>` + xml.slice(views.end);
  }
  const view1 = findElement(xml, p + 'sheetView', views.openEnd, views.innerEnd);
  if (!view1) throw new XlsxError('corrupt', undefined, 'sheetViews without a sheetView');
  const open = xml.slice(view1.start, view1.openEnd).replace(/\s*\/>$/, '>');
  let inner = view1.selfClosing ? '' : xml.slice(view1.openEnd, view1.innerEnd);
  // CT_SheetView: pane?, selection{0,4}, pivotSelection{0,4}, extLst?. Ours replace the first two kinds.
  inner = inner.replace(new RegExp(`<${escapeRe(p)}(?:pane|selection)\\b[^>]*?(?:/>|>[\\s\\S]*?</${escapeRe(p)}(?:pane|selection)>)`, 'g'), '');
  const close = `</${p}sheetView>`;
  const replaced = inner === '' && !kids ? open.replace(/>$/, '/>') : open + kids + inner + close;
  return xml.slice(0, view1.start) + replaced + xml.slice(view1.end);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function paneXml(p: string, rows: number, cols: number): string {
  if (!rows && !cols) return '';
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const topLeft = a1(rows + 1, cols);
  return (
    `<${p}pane` +
    (cols ? ` xSplit="${cols}"` : '') +
    (rows ? ` ySplit="${rows}"` : '') +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<${p}selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

/**
 * The workbook opens on sheet `index` (0-based, in `<sheets>` order): `activeTab` of the first
 * workbook view, created when the part has no `<bookViews>`. A `firstSheet` past it (the tab
 * strip scrolled beyond) is brought back to it.
 */
export function setActiveTab(xml: string, index: number): string {
  const p = rootElement(xml).prefix;
  const views = findElement(xml, p + 'bookViews');
  if (!views || views.selfClosing) {
    const el = `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>`;
    if (views) return xml.slice(0, views.start) + el + xml.slice(views.end);
    const sheets = findStartTag(xml, p + 'sheets', 0);
    if (sheets < 0) throw new XlsxError('corrupt', undefined, 'workbook.xml without <sheets>');
    return xml.slice(0, sheets) + el + xml.slice(sheets);
  }
  const at = findStartTag(xml, p + 'workbookView', views.openEnd, views.innerEnd);
  if (at < 0) return xml.slice(0, views.openEnd) + `<${p}workbookView activeTab="${index}"/>` + xml.slice(views.openEnd);
  const end = tagEnd(xml, at);
  let tag = xml.slice(at, end);
  const set = (name: string, value: string | undefined): void => {
    const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
    if (value === undefined) tag = tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
    else if (re.test(tag)) tag = tag.replace(re, `$1"${value}"`);
    else tag = tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
  };
  // activeTab="0" is the default: written anyway, so the file says where it opens.
  set('activeTab', String(index));
  const first = Number(attr(xml, at, end, 'firstSheet') ?? '0');
  if (first > index) set('firstSheet', undefined);
  return xml.slice(0, at) + tag + xml.slice(end);
}

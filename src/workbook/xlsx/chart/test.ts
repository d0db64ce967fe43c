/**
 * Test helpers for charts (excluded from the build by its name): a summary sheet with a chart,
 * a user's own chart added to a package by hand, an element tree of a part.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { SheetSpec } from '../../plan';
import { appendAll, maxOf } from '../../../domain/arrays';

/**
 * A `Tổng hợp` like the renderer's: a table, then the chart block A4:C7 (header + 3 indicators;
 * the third has no result yet, "—") with the chart over E4:J20.
 */
export function chartSheet(name = 'Tổng hợp'): SheetSpec {
  const h = (v: string) => ({ v, s: 'table_header' as const });
  const pct = (v: number) => ({ v, s: 'cell_percent' as const });
  return {
    name,
    kind: 'summary',
    rows: [
      [{ v: 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024', s: 'title' }],
      [],
      [{ v: 'BIỂU ĐỒ: MỤC TIÊU VÀ KẾT QUẢ (%)', s: 'section' }],
      [h('Chỉ tiêu'), h('Mục tiêu (%)'), h('Kết quả (%)')],
      [{ v: 'Sáng kiến', s: 'cell' }, pct(90), pct(82.4)],
      [{ v: 'Bao phủ', s: 'cell' }, pct(100), pct(100)],
      [{ v: 'Nữ công', s: 'cell' }, pct(50), { v: '—', s: 'cell_center' }],
    ],
    colWidths: [30, 14, 14],
    page: { landscape: true, fitToWidth: true },
    chart: { title: 'Mục tiêu và kết quả (%)', data: 'A4:C7', at: 'E4:J20' },
  };
}

const T_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** A user's pie chart part (as a user's Excel would write it, trimmed), over literal values. */
export function userChartXml(title: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${T_REL}"><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
    '<c:val><c:numLit><c:ptCount val="2"/><c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>7</c:v></c:pt></c:numLit></c:val>' +
    '</c:ser><c:firstSliceAng val="0"/></c:pieChart></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}

/** A user's anchor for a chart, named `name`, with shape id `id`, chart relationship `relId`. */
export function userAnchor(name: string, id: number, relId: string): string {
  return (
    '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>25</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
    '<xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>40</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${T_REL}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/**
 * Adds a user's chart to the worksheet part `sheet` of a package: a new drawing `drawing` (or
 * appended to the sheet's drawing when it has one) holding an anchor named `name`, and the
 * chart part `chart`. Returns the new package.
 */
export function addUserChart(zip: Uint8Array, opts: { sheet: string; drawing: string; chart: string; name: string; title: string }): Uint8Array {
  const files = unzipSync(zip);
  const text = (p: string): string | undefined => (files[p] ? strFromU8(files[p]) : undefined);
  const put = (p: string, t: string): void => {
    files[p] = strToU8(t);
  };
  const relsOf = (p: string): string => p.replace(/([^/]+)$/, '_rels/$1.rels');
  const relTarget = (from: string, to: string): string => {
    const a = from.split('/').slice(0, -1);
    const b = to.split('/');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  };
  const addRel = (relsPath: string, type: string, target: string): string => {
    const xml = text(relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"></Relationships>`;
    let n = 1;
    while (xml.includes(`Id="rId${n}"`)) n++;
    put(relsPath, xml.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${T_REL}/${type}" Target="${target}"/></Relationships>`));
    return `rId${n}`;
  };
  const ct = (part: string, type: string): void => {
    put('[Content_Types].xml', text('[Content_Types].xml')!.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
  };
  let sheetXml = text(opts.sheet)!;
  const existing = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml);
  let drawingPath = opts.drawing;
  if (existing) {
    const rels = text(relsOf(opts.sheet))!;
    const target = new RegExp(`Id="${existing[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    drawingPath = 'xl/' + target.replace(/^\.\.\//, '');
  }
  const chartRel = addRel(relsOf(drawingPath), 'chart', relTarget(drawingPath, opts.chart));
  const drawingXml = text(drawingPath);
  // A shape id above any in the drawing.
  const ids = [...(drawingXml ?? '').matchAll(/cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  const anchor = userAnchor(opts.name, maxOf(1, ids) + 1, chartRel);
  if (drawingXml) put(drawingPath, drawingXml.replace('</xdr:wsDr>', anchor + '</xdr:wsDr>'));
  else {
    put(drawingPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchor}</xdr:wsDr>`);
    ct(drawingPath, 'application/vnd.openxmlformats-officedocument.drawing+xml');
    const id = addRel(relsOf(opts.sheet), 'drawing', relTarget(opts.sheet, drawingPath));
    if (!/xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet'))))) {
      sheetXml = sheetXml.replace('<worksheet ', `<worksheet xmlns:r="${T_REL}" `);
    }
    // Before anything CT_Worksheet puts after drawing (legacyDrawing … tableParts, extLst).
    const after = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]/.exec(sheetXml);
    const at = after ? after.index : sheetXml.lastIndexOf('</worksheet>');
    sheetXml = sheetXml.slice(0, at) + `<drawing r:id="${id}"/>` + sheetXml.slice(at);
    put(opts.sheet, sheetXml);
  }
  put(opts.chart, userChartXml(opts.title));
  ct(opts.chart, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  return zipSync(files, { mtime: new Date(2000, 0, 1) });
}

/** An element of a part: its qualified name and children (text ignored). */
export interface El {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: El[];
}

/** The element tree of a part, parsed by saxes (a conforming XML parser: throws on ill-formed XML). */
export function tree(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const stack: El[] = [];
  let root: El | undefined;
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    if (!t.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) stack.pop();
  });
  parser.write(xml).close();
  return root!;
}

/** Every element named `name` under `el` (depth first, `el` included). */
export function all(el: El, name: string): El[] {
  const out: El[] = el.name === name ? [el] : [];
  for (const c of el.children) appendAll(out, all(c, name));
  return out;
}

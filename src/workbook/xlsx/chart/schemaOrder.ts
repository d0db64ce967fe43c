/**
 * Test support (used by tests only): the child sequences of the ECMA-376 Part 1 types our chart,
 * drawing and worksheet parts use, as an explicit table, and a checker. Sources, found with the
 * `search`/`find_string` tools: `dml-chart.xsd` as python-pptx quotes it
 * (docs/dev/analysis/features/cht-*.rst: CT_ChartSpace, CT_Chart, CT_PlotArea, CT_BarChart,
 * CT_BarSer, CT_LineChart and CT_LineSer (as NPOI's OpenXmlFormats and qhta/DocxDocument's model list them), CT_CatAx, CT_ValAx, CT_Legend, CT_Title, CT_Tx, CT_Scaling, CT_Layout, Group_DLbls,
 * CT_StrRef, CT_NumRef, CT_StrData, CT_NumData, CT_StrVal, CT_NumVal); `dml-spreadsheetDrawing.xsd`
 * as docx4j's generated classes quote it (CT_TwoCellAnchor, CT_Marker), officeopenxml.com
 * (CT_OneCellAnchor, §20.5.2.24) and python-pptx
 * (CT_GraphicalObjectFrame, CT_GraphicalObjectFrameNonVisual); `dml-main.xsd` CT_TextBody,
 * CT_TextParagraph, CT_RegularTextRun, CT_TextCharacterProperties (python-pptx, Infragistics),
 * CT_ShapeProperties, CT_LineProperties; `sml.xsd` CT_Worksheet.
 *
 * An entry is an element name or a choice (array: any of them at that position); `!` marks an
 * element the sequence requires.
 */
import { appendAll } from '../../../domain/arrays';

type Entry = string | readonly string[];

const FILL = ['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill'];
const COLOR = ['a:scrgbClr', 'a:srgbClr', 'a:hslClr', 'a:sysClr', 'a:schemeClr', 'a:prstClr'];
const TEXT_BODY: Entry[] = ['a:bodyPr!', 'a:lstStyle', 'a:p!'];
const TITLE: Entry[] = ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'];
const SHAPE_PROPS: Entry[] = ['a:xfrm', ['a:custGeom', 'a:prstGeom'], FILL, 'a:ln', ['a:effectLst', 'a:effectDag'], 'a:scene3d', 'a:sp3d', 'a:extLst'];
const CHAR_PROPS: Entry[] = [
  'a:ln', FILL, ['a:effectLst', 'a:effectDag'], 'a:highlight', ['a:uLnTx', 'a:uLn'], ['a:uFillTx', 'a:uFill'],
  'a:latin', 'a:ea', 'a:cs', 'a:sym', 'a:hlinkClick', 'a:hlinkMouseOver', 'a:rtl', 'a:extLst',
];
const MARKER: Entry[] = ['xdr:col!', 'xdr:colOff!', 'xdr:row!', 'xdr:rowOff!'];
const AX_SHARED: Entry[] = [
  'c:axId!', 'c:scaling!', 'c:delete', 'c:axPos!', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt',
  'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx!', ['c:crosses', 'c:crossesAt'],
];

/**
 * Sequences by element name; `parent>child` keys name an element whose type depends on its
 * parent (`c:chart` is CT_Chart in a chart part, CT_RelId in a drawing).
 */
export const SEQUENCES: Readonly<Record<string, readonly Entry[]>> = {
  // dml-chart.xsd
  'c:chartSpace': [
    'c:date1904', 'c:lang', 'c:roundedCorners', 'c:style', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart!',
    'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings', 'c:userShapes', 'c:extLst',
  ],
  'c:chartSpace>c:chart': [
    'c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea!',
    'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs', 'c:showDLblsOverMax', 'c:extLst',
  ],
  'c:title': TITLE,
  'c:tx': [['c:strRef', 'c:rich']],
  'c:rich': TEXT_BODY,
  'c:txPr': TEXT_BODY,
  'c:plotArea': [
    'c:layout',
    ['c:areaChart', 'c:area3DChart', 'c:lineChart', 'c:line3DChart', 'c:stockChart', 'c:radarChart', 'c:scatterChart', 'c:pieChart',
      'c:pie3DChart', 'c:doughnutChart', 'c:barChart', 'c:bar3DChart', 'c:ofPieChart', 'c:surfaceChart', 'c:surface3DChart', 'c:bubbleChart'],
    ['c:valAx', 'c:catAx', 'c:dateAx', 'c:serAx'],
    'c:dTable', 'c:spPr', 'c:extLst',
  ],
  'c:layout': ['c:manualLayout', 'c:extLst'],
  'c:barChart': ['c:barDir!', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId!', 'c:extLst'],
  'c:barChart>c:ser': [
    'c:idx!', 'c:order!', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars',
    'c:cat', 'c:val', 'c:shape', 'c:extLst',
  ],
  'c:lineChart': [
    'c:grouping!', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines', 'c:hiLowLines', 'c:upDownBars', 'c:marker', 'c:smooth', 'c:axId!', 'c:extLst',
  ],
  'c:lineChart>c:ser': [
    'c:idx!', 'c:order!', 'c:tx', 'c:spPr', 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:smooth', 'c:extLst',
  ],
  'c:ser>c:marker': ['c:symbol', 'c:size', 'c:spPr', 'c:extLst'],
  'c:ser>c:tx': [['c:strRef', 'c:v']],
  'c:dLbls': [
    'c:dLbl', 'c:delete', 'c:numFmt', 'c:spPr', 'c:txPr', 'c:dLblPos', 'c:showLegendKey', 'c:showVal', 'c:showCatName', 'c:showSerName',
    'c:showPercent', 'c:showBubbleSize', 'c:separator', 'c:showLeaderLines', 'c:leaderLines', 'c:extLst',
  ],
  'c:cat': [['c:multiLvlStrRef', 'c:numRef', 'c:numLit', 'c:strRef', 'c:strLit']],
  'c:val': [['c:numRef', 'c:numLit']],
  'c:strRef': ['c:f!', 'c:strCache', 'c:extLst'],
  'c:numRef': ['c:f!', 'c:numCache', 'c:extLst'],
  'c:strCache': ['c:ptCount', 'c:pt', 'c:extLst'],
  'c:numCache': ['c:formatCode', 'c:ptCount', 'c:pt', 'c:extLst'],
  'c:pt': ['c:v!'],
  'c:catAx': [...AX_SHARED, 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip', 'c:noMultiLvlLbl', 'c:extLst'],
  'c:valAx': [...AX_SHARED, 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits', 'c:extLst'],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min', 'c:extLst'],
  'c:majorGridlines': ['c:spPr'],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:spPr': SHAPE_PROPS,
  // dml-main.xsd
  'a:p': ['a:pPr', ['a:r', 'a:br', 'a:fld'], 'a:endParaRPr'],
  'a:pPr': [
    'a:lnSpc', 'a:spcBef', 'a:spcAft', ['a:buClrTx', 'a:buClr'], ['a:buSzTx', 'a:buSzPct', 'a:buSzPts'], ['a:buFontTx', 'a:buFont'],
    ['a:buNone', 'a:buAutoNum', 'a:buChar', 'a:buBlip'], 'a:tabLst', 'a:defRPr', 'a:extLst',
  ],
  'a:r': ['a:rPr', 'a:t!'],
  'a:rPr': CHAR_PROPS,
  'a:defRPr': CHAR_PROPS,
  'a:endParaRPr': CHAR_PROPS,
  'a:ln': [FILL, ['a:prstDash', 'a:custDash'], ['a:round', 'a:bevel', 'a:miter'], 'a:headEnd', 'a:tailEnd', 'a:extLst'],
  'a:solidFill': [COLOR],
  'a:graphic': ['a:graphicData!'],
  // dml-spreadsheetDrawing.xsd
  'xdr:wsDr': [['xdr:twoCellAnchor', 'xdr:oneCellAnchor', 'xdr:absoluteAnchor']],
  'xdr:twoCellAnchor': ['xdr:from!', 'xdr:to!', ['xdr:sp', 'xdr:grpSp', 'xdr:graphicFrame', 'xdr:cxnSp', 'xdr:pic', 'xdr:contentPart'], 'xdr:clientData!'],
  'xdr:oneCellAnchor': ['xdr:from!', 'xdr:ext!', ['xdr:sp', 'xdr:grpSp', 'xdr:graphicFrame', 'xdr:cxnSp', 'xdr:pic', 'xdr:contentPart'], 'xdr:clientData!'],
  'xdr:from': MARKER,
  'xdr:to': MARKER,
  'xdr:graphicFrame': ['xdr:nvGraphicFramePr!', 'xdr:xfrm!', 'a:graphic!', 'xdr:extLst'],
  'xdr:nvGraphicFramePr': ['xdr:cNvPr!', 'xdr:cNvGraphicFramePr!'],
  'xdr:xfrm': ['a:off', 'a:ext'],
  // sml.xsd
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData!', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
    'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
    'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
    'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
    'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
};

/** An element of a parsed part (see test.ts `tree`). */
interface Node {
  readonly name: string;
  readonly children: readonly Node[];
}

/**
 * Every place where `el`'s tree breaks a sequence of SEQUENCES: a child out of order, one the
 * sequence does not allow, or a required one missing. Elements not in the table are not checked
 * (their content is someone else's, e.g. a:graphicData's chart reference).
 */
export function orderErrors(el: Node, parent = ''): string[] {
  const seq = SEQUENCES[`${parent}>${el.name}`] ?? SEQUENCES[el.name];
  const errors: string[] = [];
  if (seq) {
    const pos = (name: string): number => seq.findIndex((e) => (typeof e === 'string' ? e.replace(/!$/, '') === name : e.includes(name)));
    let last = -1;
    for (const c of el.children) {
      const p = pos(c.name);
      if (p < 0) errors.push(`${el.name}: ${c.name} is not allowed`);
      else if (p < last) errors.push(`${el.name}: ${c.name} is out of order`);
      else last = p;
    }
    for (const e of seq) {
      if (typeof e === 'string' && e.endsWith('!') && !el.children.some((c) => c.name === e.slice(0, -1))) {
        errors.push(`${el.name}: ${e.slice(0, -1)} is missing`);
      }
    }
  }
  for (const c of el.children) appendAll(errors, orderErrors(c, el.name));
  return errors;
}

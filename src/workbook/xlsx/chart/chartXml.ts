/**
 * The chart part (`xl/charts/chartN.xml`): a clustered column chart, one series per data column
 * (target and result, in %), each with references to the cells and their cached values, so Excel,
 * LibreOffice and openpyxl draw it without recalculating.
 *
 * Element order follows the sequences of ECMA-376 Part 1 `dml-chart.xsd`, read (with `search` /
 * `read_file`) as python-pptx quotes them in docs/dev/analysis (cht-chart.rst, cht-bar-chart.rst:
 * CT_ChartSpace, CT_Chart, CT_PlotArea, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx, CT_Legend,
 * Group_DLbls, CT_Scaling, CT_Layout, CT_StrRef/CT_NumRef/CT_StrData/CT_NumData, CT_Title, CT_Tx),
 * and `dml-main.xsd` CT_TextCharacterProperties / CT_RegularTextRun as docx4j and python-pptx
 * quote them. chartOrder.test.ts checks the output against those sequences.
 */
import type { Conformance } from '../conformance';
import { escapeAttr, escapeText } from '../xml';
import type { ChartData } from './chartData';
import { DRAWING_NS } from './drawingNs';
import { maxOf } from '../../../domain/arrays';

/** Axis ids: any two distinct unsigned ints; fixed so a re-run writes the same bytes. */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** Fills of the series in order: light grey for the target, dark blue for the result (apart in black and white too). */
const FILLS = ['BFBFBF', '1F4E79', '70AD47', 'ED7D31'];
const FONT = 'Times New Roman';

/** A number as the cache stores it (`xsd:double` text). */
function num(n: number): string {
  return String(n);
}

/** Text properties: size in hundredths of a point, optional bold, the font. */
function defRPr(size: number, bold = false): string {
  return `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr>`;
}

/** A CT_TextBody giving default text properties (c:txPr). */
function txPr(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${defRPr(size, bold)}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('') +
    '</c:strCache>'
  );
}

function numCache(values: readonly (number | undefined)[], formatCode: string): string {
  // A cell without a number has no point: the chart leaves a gap there (dispBlanksAs).
  return (
    `<c:numCache><c:formatCode>${escapeText(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => (v === undefined ? '' : `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`)).join('') +
    '</c:numCache>'
  );
}

/**
 * The lines' look, by series: a colour, a dash and a marker each, so that the lines stay apart
 * when the page is printed in black and white.
 */
const LINE_COLORS = ['1F4E79', 'C00000', '548235', '7F6000', '7030A0', '404040'];
const LINE_DASHES = ['solid', 'dash', 'sysDot', 'lgDash', 'dashDot', 'sysDash'];
const LINE_MARKERS = ['circle', 'square', 'triangle', 'diamond', 'x', 'star'];

/**
 * The series of a line chart. CT_LineSer: idx, order, tx, spPr, marker, dPt*, dLbls, trendline*,
 * errBars, cat, val, smooth, extLst (NPOI's OpenXmlFormats Dml.Chart CT_LineSer and qhta/DocxDocument's
 * LineChart model list them in this order); CT_Marker: symbol, size, spPr, extLst.
 */
function lineSeries(data: ChartData): string {
  return data.series
    .map((s, i) => {
      const color = LINE_COLORS[i % LINE_COLORS.length];
      const line = `<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:prstDash val="${LINE_DASHES[i % LINE_DASHES.length]}"/><a:round/></a:ln>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr>${line}</c:spPr>` +
        `<c:marker><c:symbol val="${LINE_MARKERS[i % LINE_MARKERS.length]}"/><c:size val="7"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr></c:marker>` +
        `<c:cat><c:strRef><c:f>${escapeText(data.categoriesRef)}</c:f>${strCache(data.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(s.valuesRef)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>` +
        '<c:smooth val="0"/></c:ser>'
      );
    })
    .join('');
}

/** The value axis' top: 100 when the values are percents (above 1, at most 100), else automatic. */
function valueMax(data: ChartData): number | undefined {
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  if (!all.length) return 100;
  const max = maxOf(-Infinity, all);
  return max > 1 && max <= 100 && -maxOf(-Infinity, all.map((v) => -v)) >= 0 ? 100 : undefined;
}

/**
 * The chart part's XML in the namespaces of `conformance`.
 *
 * @example
 * chartXml(chartData(spec, spec.chart!).value, 'transitional') // '<?xml …?><c:chartSpace …>'
 */
export function chartXml(data: ChartData, conformance: Conformance): string {
  const ns = DRAWING_NS[conformance];
  const max = valueMax(data);
  // Group_DLbls: numFmt, spPr, txPr, dLblPos, showLegendKey, showVal, showCatName, showSerName, showPercent, showBubbleSize
  const dLbls =
    `<c:dLbls>${txPr(800)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  const series = data.type === 'line' ? lineSeries(data) : data.series
    .map(
      (s, i) =>
        // CT_BarSer: idx, order, tx, spPr, invertIfNegative, pictureOptions, dPt, dLbls, trendline, errBars, cat, val, shape, extLst
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${FILLS[i % FILLS.length]}"/></a:solidFill>` +
        `<a:ln w="6350"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        // Values printed on the result bars only: on both, close values (100.0 beside 97.5) overlap.
        (i === data.series.length - 1 ? dLbls : '') +
        `<c:cat><c:strRef><c:f>${escapeText(data.categoriesRef)}</c:f>${strCache(data.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(s.valuesRef)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>` +
        '</c:ser>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${escapeAttr(ns.chart)}" xmlns:a="${escapeAttr(ns.main)}" xmlns:r="${escapeAttr(ns.rel)}">` +
    // CT_ChartSpace: date1904, lang, roundedCorners, style, clrMapOvr, pivotSource, protection, chart, spPr, txPr, …
    '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>' +
    // CT_Chart: title, autoTitleDeleted, pivotFmts, view3D, floor, sideWall, backWall, plotArea, legend, plotVisOnly, dispBlanksAs, …
    '<c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${defRPr(1200, true)}</a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:rPr><a:t>${escapeText(data.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>' +
    '<c:autoTitleDeleted val="0"/>' +
    // CT_PlotArea: layout, (charts)+, (axes)*, dTable, spPr, extLst
    '<c:plotArea><c:layout/>' +
    // CT_BarChart: barDir, grouping, varyColors, ser*, dLbls, gapWidth, overlap, serLines*, axId{2}, extLst
    (data.type === 'line'
      ? // CT_LineChart: grouping, varyColors, ser*, dLbls, dropLines, hiLowLines, upDownBars, marker, smooth, axId{2}, extLst
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
        series +
        `<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>`
      : '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
        series +
        `<c:gapWidth val="80"/><c:overlap val="0"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`) +
    // CT_CatAx: axId, scaling, delete, axPos, majorGridlines, minorGridlines, title, numFmt, majorTickMark, minorTickMark,
    // tickLblPos, spPr, txPr, crossAx, crosses, auto, lblAlgn, lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${txPr(900)}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    '<c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    // CT_ValAx: axId, scaling (logBase, orientation, max, min), delete, axPos, majorGridlines, …, numFmt, majorTickMark,
    // minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses, crossBetween, majorUnit
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${max !== undefined ? `<c:max val="${max}"/>` : ''}<c:min val="0"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${txPr(900)}<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    `${max === 100 ? '<c:majorUnit val="20"/>' : ''}</c:valAx>` +
    '</c:plotArea>' +
    // CT_Legend: legendPos, legendEntry*, layout, overlay, spPr, txPr
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(1000)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    txPr(1000) +
    '</c:chartSpace>'
  );
}

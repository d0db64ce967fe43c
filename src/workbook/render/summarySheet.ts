/**
 * The `Tổng hợp` sheet: a meeting document a secretary prints and hands out as is
 * (interfaces.md, "The meeting document"). Administrative header in the style of Nghị định
 * 30/2020 (reporting body, national motto, `Số:` line, place and date), title and the program
 * cited under it, the indicator table (STT, Chỉ tiêu in the program's words, Mục tiêu, Kết quả,
 * Đánh giá, Số đơn vị có số liệu, Ghi chú, Mã), then the signature block. A4 landscape, one page
 * wide; the table's header row repeats on each page of the table and only there (nothing but the
 * signature follows the table: full unit lists go to `Danh sách đơn vị`); `Trang x/y` footer.
 * The chart of target against result sits beside the table; its data lies right of the print
 * area, so it never prints as a block of its own.
 */
import { formatNumber, placeDateLine } from '../../domain/format';
import type { CheckResult, IndicatorResult } from '../../domain/result';
import { STATUS_LABEL } from '../../domain/status';
import { toNumber } from '../../domain/rational';
import { isFractionKind } from '../../domain/targetSet';
import type { CellSpec, ChartSpec, SheetSpec } from '../plan';
import { DEFAULT_OWN_SHEET_NAMES, type OwnSheetNames } from '../ownSheets';
import { BODY_FONT_SIZE, TABLE_FONT_SIZE } from '../styles';
import { reportingLines } from './reportingBody';
import { programLine, sheetRows, type Row } from './sheetRows';
import { rowHeightFor, wrappedLines } from './rowHeight';
import { figureText, indicatorWording, noteText, reportedText, targetText } from './summaryText';

export const SUMMARY_SHEET_NAME = 'Tổng hợp';

/** The main table's header row, in order (ownSheets.ts recognises the sheet by it). */
export const SUMMARY_HEADER = ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Số đơn vị có số liệu', 'Ghi chú', 'Mã'] as const;

/** The page footer: page x of y. */
export const PAGE_FOOTER = 'Trang &P/&N';

/** Options of one rendering. */
export interface SummaryOptions {
  /** The union making the report (`--don-vi`), else the set's issuer. */
  readonly reportingBody?: string;
}


/** Columns A–H: the table. I: a gap. J–O: the chart. Q–S: the chart's data (not printed). */
const TABLE_COLS = 8;
const CHART_FIRST = 9; // J, 0-based
const CHART_LAST = 14; // O
const DATA_FIRST = 16; // Q
/** Rows the chart spans at most (below the table rows are 15 points). */
const CHART_ROWS = 18;

const col = (c: number): string => String.fromCharCode(65 + c);

function text(v: string, s: CellSpec['s']): CellSpec {
  return { v, s };
}

/** A fraction as a percent number with one decimal: 0.8235 → 82.4. */
function percentValue(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/**
 * Width (characters) a column needs so that its longest word — a number above all — never
 * breaks: Times New Roman 12 pt runs about 1.2 default-font digits a character, plus padding.
 */
function widthForWords(texts: readonly string[], min: number): number {
  let longest = 0;
  for (const t of texts) for (const w of t.split(/\s+/)) if (w.length > longest) longest = w.length;
  return Math.max(min, Math.ceil(longest * 1.2) + 2);
}

/**
 * Height (points) of a table row in Times New Roman 12 pt: about 0.9 characters per width unit
 * once words wrap (measured on LibreOffice's pages with Liberation Serif, which has Times New
 * Roman's metrics), 14.5 points a line, and a little room above and below.
 */
function tableRowHeight(texts: readonly (string | undefined)[], widths: readonly number[]): number {
  let lines = 1;
  texts.forEach((t, i) => {
    if (t) lines = Math.max(lines, wrappedLines(t, (widths[i] ?? 10) * 0.9));
  });
  return Math.min(409, Math.max(20, lines * 14.5 + 4));
}

/** Points the chart is tall: about half an A4 landscape page at the table's scale. */
const CHART_POINTS = 260;

/**
 * @example
 * renderSummarySheet(result, new Date(2026, 10, 21)).name // 'Tổng hợp'
 */
export function renderSummarySheet(
  result: CheckResult,
  today: Date,
  names: OwnSheetNames = DEFAULT_OWN_SHEET_NAMES,
  options: SummaryOptions = {},
): SheetSpec {
  const set = result.targetSet;
  const indicators = result.indicators;
  const targets = indicators.map(targetText);
  const figures = indicators.map((r) => figureText(set, r));
  const groupFigures = (result.groups ?? []).flatMap((g) => g.indicators.map((r) => figureText(set, r)));
  // STT, Chỉ tiêu, Mục tiêu, Kết quả, Đánh giá, Số đơn vị, Ghi chú, Mã (small: the code is for formulas).
  const widths = [
    5,
    36,
    widthForWords(targets, 11),
    widthForWords([...figures, ...groupFigures], 15),
    15,
    11,
    34,
    11,
    // gap, chart (6 columns), gap, chart data
    2,
    9,
    9,
    9,
    9,
    9,
    9,
    2,
    6,
    12,
    12,
  ];
  const tableWidths = widths.slice(0, TABLE_COLS);
  const fullWidth = tableWidths.reduce((a, b) => a + b, 0);
  const last = col(TABLE_COLS - 1);

  const { rows, merges, heights, line, wide } = sheetRows(last, fullWidth);
  /** A row of the header blocks: left over A–C, right over E–H. */
  const leftWidth = tableWidths[0] + tableWidths[1] + tableWidths[2];
  const rightWidth = tableWidths[4] + tableWidths[5] + tableWidths[6] + tableWidths[7];
  const blocks = (left: CellSpec | null, right: CellSpec | null): number => {
    const r = line([left, null, null, null, right]);
    merges.push(`A${r}:C${r}`, `E${r}:${last}${r}`);
    const texts = [left?.v, right?.v].map((v) => (typeof v === 'string' ? v : undefined));
    heights[r] = Math.max(BODY_FONT_SIZE * 1.5, rowHeightFor(texts, [leftWidth, rightWidth], BODY_FONT_SIZE));
    return r;
  };

  // Administrative header (Nghị định 30/2020, Phụ lục I): reporting body left, national motto right.
  const body = reportingLines(set, options.reportingBody);
  const fromIssuer = options.reportingBody === undefined || body.body === reportingLines(set).body;
  const docCode = fromIssuer ? /-([^-/\s]+)$/.exec(set.documentNumber)?.[1] : undefined;
  blocks(text(body.above, 'org'), text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'motto'));
  blocks(text(body.body, 'org_bold'), text('Độc lập - Tự do - Hạnh phúc', 'motto_sub'));
  blocks(text(`Số:        /BC-${docCode ?? '……'}`, 'doc_number'), text(placeDateLine(set.place ?? '……', today), 'place_date'));
  line([]);
  wide(`BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM ${result.year}`, 'title', 14);
  wide(programLine(set), 'subtitle', BODY_FONT_SIZE);
  // One line when the reader must know the figures rest on a guess or an ill-fitting table.
  // Said as a fact of the document; what to do about it is for the screen, not the paper.
  const caveats: string[] = [];
  if (result.yearSource === 'guess') {
    caveats.push(`Năm ${result.year} là năm tạm tính: bảng số liệu, tiêu đề, tên sheet và tên tệp không ghi năm báo cáo.`);
  }
  const hint = result.targetSetHint;
  if (hint) {
    caveats.push(
      `Bảng số liệu thiếu ${formatNumber(hint.missing)}/${formatNumber(hint.needed)} cột mà bộ chỉ tiêu cần: chỉ tiêu nào cần các cột đó được ghi "Thiếu dữ liệu".`,
    );
  }
  if (caveats.length) wide(`Lưu ý: ${caveats.join(' ')}`, 'title_note', TABLE_FONT_SIZE);

  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const unitsOfYear = result.units.filter((u) => u.year === result.year).length;
  wide(
    `Số liệu: sheet "${result.sheet}", ${formatNumber(unitsOfYear)} đơn vị năm ${result.year}. Kiểm tra: ${formatNumber(errors)} lỗi, ${formatNumber(warnings)} cảnh báo (chi tiết ở sheet "${names.problems}").`,
    'note',
    TABLE_FONT_SIZE,
  );
  if (set.milestones?.length) wide(`Mốc thời gian: ${set.milestones.join('; ')}.`, 'note', TABLE_FONT_SIZE);
  line([]);

  const headerRow = line(SUMMARY_HEADER.map((h) => text(h, h === 'Mã' ? 'code_header' : 'table_header')));
  heights[headerRow] = 33;
  const indicatorRow = (stt: string, r: IndicatorResult, i: number | undefined): void => {
    const cells: Row = [
      text(stt, 'cell_stt'),
      text(indicatorWording(set, r), 'cell'),
      text(targetText(r), 'cell_figure'),
      text(i === undefined ? figureText(set, r) : figures[i], 'cell_figure'),
      text(STATUS_LABEL[r.status], `status_${r.status}`),
      text(reportedText(r), 'cell_center'),
      text(noteText(set, r, names.unitList), 'cell'),
      text(r.id, 'code_small'),
    ];
    const rr = line(cells);
    // The status cell shows a mark before the word (✓ Đạt): counted in its width.
    const texts = cells.map((c, k) => (c && typeof c.v === 'string' ? (k === 4 ? `✓ ${c.v}` : c.v) : undefined));
    texts[7] = undefined; // shrunk to fit, never wrapped
    heights[rr] = tableRowHeight(texts, tableWidths);
  };
  indicators.forEach((r, i) => indicatorRow(String(i + 1), r, i));
  const tableEnd = { row: rows.length };
  // Per parent union: the same indicators over its own units, as sections of the same table (so
  // the header that repeats above them is theirs).
  for (const group of result.groups ?? []) {
    const r = line([text(`${group.parent} — ${formatNumber(group.units)} đơn vị`, 'section_row')]);
    merges.push(`A${r}:${last}${r}`);
    heights[r] = 20;
    group.indicators.forEach((gr) => indicatorRow(String(indicators.findIndex((x) => x.id === gr.id) + 1), gr, undefined));
    tableEnd.row = rows.length;
  }

  // Target against result, in %, for the indicators measured in %: the chart's data, right of the
  // print area (categories are the table's STT, so the picture reads against the table).
  const charted = indicators.map((r, i) => ({ r, stt: String(i + 1) })).filter((x) => isFractionKind(x.r.kind));
  let chart: ChartSpec | undefined;
  let chartBottom = 0;
  if (charted.length) {
    const first = headerRow;
    const put = (row: number, cells: CellSpec[]): void => {
      const target = rows[row - 1] ?? [];
      while (target.length < DATA_FIRST) target.push(null);
      for (const c of cells) target.push(c);
      rows[row - 1] = target;
    };
    put(first, ['STT', 'Mục tiêu (%)', 'Kết quả (%)'].map((h) => text(h, 'table_header')));
    charted.forEach(({ r, stt }, k) => {
      while (rows.length < first + k + 1) line([]);
      put(first + k + 1, [
        text(stt, 'cell_stt'),
        { v: percentValue(toNumber(r.target.value)), s: 'cell_percent' },
        r.actual === undefined ? text('—', 'cell_center') : { v: percentValue(r.actual), s: 'cell_percent' },
      ]);
    });
    // As many rows as make the chart about CHART_POINTS tall (table rows are tall, so a fixed
    // number of rows would stretch it over pages), and never fewer than its data block.
    // It starts below the header row: a drawing in a print-title row is printed again on every
    // page (LibreOffice does), so the chart would come back in pieces over the table's later pages.
    let bottom = first + 1;
    for (let tall = 0; tall < CHART_POINTS && bottom < first + 1 + CHART_ROWS; bottom++) tall += heights[bottom] ?? 15;
    chartBottom = Math.max(bottom - 1, first + charted.length);
    chart = {
      title: 'Mục tiêu và kết quả (%)',
      data: `${col(DATA_FIRST)}${first}:${col(DATA_FIRST + 2)}${first + charted.length}`,
      at: `${col(CHART_FIRST)}${first + 1}:${col(CHART_LAST)}${chartBottom}`,
    };
  }

  // Signature block, right after the table (the chart beside it lies right of column H).
  while (rows.length < tableEnd.row) line([]);
  line([]);
  blocks(text('NGƯỜI LẬP BIỂU', 'sign_title'), text('TM. BAN THƯỜNG VỤ', 'sign_title'));
  blocks(text('(Ký, ghi rõ họ tên)', 'sign_note'), text('(Ký, ghi rõ họ tên, đóng dấu)', 'sign_note'));
  for (let k = 0; k < 4; k++) line([]);
  const lastRow = Math.max(rows.length, chartBottom);

  return {
    name: names.summary,
    kind: 'summary',
    rows,
    colWidths: widths,
    rowHeights: heights,
    merges,
    page: {
      landscape: true,
      fitToWidth: true,
      printTitleRows: [headerRow, headerRow],
      printArea: `A1:${col(chart ? CHART_LAST : TABLE_COLS - 1)}${lastRow}`,
      footer: PAGE_FOOTER,
    },
    ...(chart ? { chart } : {}),
  };
}

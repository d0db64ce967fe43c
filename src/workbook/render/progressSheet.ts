/**
 * The `Tiến độ` sheet (interfaces.md, "Progress over the years"), for a sơ kết or tổng kết: one
 * row per indicator and, per year, the result, the target that applied that year and the status
 * (coloured as on Tổng hợp), then the change from the first year; a line chart per indicator
 * group below the table; then, per unit, the years it met each per-unit indicator.
 *
 * Meeting-document style as Tổng hợp (summarySheet.ts): Times New Roman, A4 landscape one page
 * wide, the table's two header rows repeated on every printed page, `Trang x/y` footer. The
 * charts' numbers lie right of the print area, so they never print as a block of their own.
 */
import { appendAll } from '../../domain/arrays';
import { formatNumber } from '../../domain/format';
import type { History, IndicatorHistory } from '../../domain/cycle/history';
import type { IndicatorResult } from '../../domain/result';
import { STATUS_LABEL } from '../../domain/status';
import { isFractionKind } from '../../domain/targetSet';
import { columnLetters } from '../../domain/grid';
import type { CellSpec, ChartSpec, SheetSpec } from '../plan';
import { BODY_FONT_SIZE, TABLE_FONT_SIZE } from '../styles';
import { programLine, sheetRows, type Row } from './sheetRows';
import { rowHeightFor } from './rowHeight';
import { figureText, indicatorWording, targetText } from './summaryText';
import { PAGE_FOOTER } from './summarySheet';

export const PROGRESS_SHEET_NAME = 'Tiến độ';

/** The three columns of each year, in order (ownSheets.ts recognises the sheet by them). */
export const PROGRESS_YEAR_HEADER = ['Kết quả', 'Mục tiêu', 'Đánh giá'] as const;

/** Header of the per-unit table's first columns. */
export const PROGRESS_UNIT_HEADER = ['STT', 'Tên đơn vị', 'Mã đơn vị'] as const;

/** Lines a chart holds at most: more would be a tangle no one reads. */
export const LINES_PER_CHART = 6;


const text = (v: string, s: CellSpec['s']): CellSpec => ({ v, s });
const col = columnLetters;

/** A fraction as a percent number with one decimal: 0.8235 → 82.4 (as on Tổng hợp's chart). */
function percentValue(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/**
 * The change from the first year in words: `+8,0 điểm %` for fraction kinds (percentage
 * points), `+6` / `-1` for the others, `—` when a year lacks a figure.
 *
 * @example
 * changeText({ change: 0.08, changeKind: 'points', … }) // '+8 điểm %'
 */
export function changeText(h: Pick<IndicatorHistory, 'change' | 'changeKind'>): string {
  if (h.change === undefined) return '—';
  const value = h.changeKind === 'points' ? h.change * 100 : h.change;
  const rounded = Number(value.toFixed(h.changeKind === 'points' ? 1 : 2));
  const sign = rounded > 0 ? '+' : '';
  return `${sign}${formatNumber(rounded, h.changeKind === 'points' ? 1 : 2)}${h.changeKind === 'points' ? ' điểm %' : ''}`;
}

/** The indicator groups that share a chart: fraction kinds (%) in runs of LINES_PER_CHART, every other indicator alone (its own scale). */
export function chartGroups(h: History): { title: string; members: number[]; percent: boolean }[] {
  const groups: { title: string; members: number[]; percent: boolean }[] = [];
  const fractions = h.indicators.map((_, i) => i).filter((i) => isFractionKind(h.indicators[i].kind));
  for (let k = 0; k < fractions.length; k += LINES_PER_CHART) {
    const members = fractions.slice(k, k + LINES_PER_CHART);
    const range = members.length > 1 ? `chỉ tiêu ${members[0] + 1}–${members[members.length - 1] + 1}` : `chỉ tiêu ${members[0] + 1}`;
    groups.push({ title: `Kết quả qua các năm (%), ${range}`, members, percent: true });
  }
  h.indicators.forEach((ind, i) => {
    if (isFractionKind(ind.kind)) return;
    groups.push({ title: `${i + 1}. ${shortLabel(ind.label, 60)}`, members: [i], percent: false });
  });
  return groups;
}

function shortLabel(label: string, max: number): string {
  return label.length <= max ? label : label.slice(0, max - 1).trimEnd() + '…';
}

/** Options of one rendering: the sheet's name this run. */
export interface ProgressOptions {
  readonly name?: string;
}

/**
 * @example
 * renderProgressSheet(history).name // 'Tiến độ'
 */
export function renderProgressSheet(history: History, options: ProgressOptions = {}): SheetSpec {
  const set = history.targetSet;
  const years = history.years;
  const first = years[0];
  const last = years[years.length - 1];
  const lastResult = (h: IndicatorHistory): IndicatorResult => h.points[h.points.length - 1].result;

  // A STT, B Chỉ tiêu, then Kết quả / Mục tiêu / Đánh giá per year, Thay đổi, Mã.
  const yearCol = (k: number): number => 2 + 3 * k;
  const changeCol = yearCol(years.length);
  const codeCol = changeCol + 1;
  const tableCols = codeCol + 1;
  const widths: number[] = [5, 34];
  for (let k = 0; k < years.length; k++) widths.push(15, 11, 14);
  widths.push(14, 11);
  // The per-unit table: A STT, B Tên đơn vị, C Mã đơn vị, one column per per-unit indicator, Năm có số liệu.
  const perUnit = history.perUnitIds.map((id) => history.indicators.findIndex((i) => i.id === id));
  const unitCols = 3 + perUnit.length + 1;
  const printedCols = Math.max(tableCols, unitCols);
  while (widths.length < printedCols) widths.push(14);
  const dataFirst = printedCols + 1; // one gap column, then the charts' numbers
  widths.push(2);
  const lastCol = col(tableCols - 1);

  const fullWidth = widths.slice(0, tableCols).reduce((a, b) => a + b, 0);
  const { rows, merges, heights, line, wide } = sheetRows(lastCol, fullWidth);

  wide(`TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NĂM ${first}–${last}`, 'title', 14);
  wide(programLine(set), 'subtitle', BODY_FONT_SIZE);
  // Where each year was read from, grouped when several years come from one sheet.
  const from = new Map<string, number[]>();
  years.forEach((y, k) => from.set(history.sources[k], [...(from.get(history.sources[k]) ?? []), y]));
  const sources = [...from].map(([s, ys]) => `năm ${ys.join(', ')}: ${s}`).join('; ');
  wide(
    `Số liệu ${sources}. Mỗi năm được tính như khi kiểm tra riêng năm đó, với mục tiêu áp dụng cho năm đó. Cột "Thay đổi so với ${first}" là kết quả năm ${last} trừ kết quả năm ${first} (điểm % với chỉ tiêu tính bằng tỷ lệ).`,
    'note',
    TABLE_FONT_SIZE,
  );
  line([]);

  // The table: two header rows (the year over its three columns).
  const head1: Row = [text('STT', 'table_header'), text('Chỉ tiêu', 'table_header')];
  const head2: Row = [text('', 'table_header'), text('', 'table_header')];
  years.forEach((y) => {
    head1.push(text(`Năm ${y}`, 'table_header'), text('', 'table_header'), text('', 'table_header'));
    for (const h of PROGRESS_YEAR_HEADER) head2.push(text(h, 'table_header'));
  });
  head1.push(text(`Thay đổi so với ${first}`, 'table_header'), text('Mã', 'code_header'));
  head2.push(text('', 'table_header'), text('', 'code_header'));
  const h1 = line(head1);
  const h2 = line(head2);
  merges.push(`A${h1}:A${h2}`, `B${h1}:B${h2}`, `${col(changeCol)}${h1}:${col(changeCol)}${h2}`, `${col(codeCol)}${h1}:${col(codeCol)}${h2}`);
  years.forEach((_, k) => merges.push(`${col(yearCol(k))}${h1}:${col(yearCol(k) + 2)}${h1}`));
  heights[h1] = 22;
  heights[h2] = 22;

  history.indicators.forEach((ind, i) => {
    const cells: Row = [text(String(i + 1), 'cell_stt'), text(indicatorWording(set, lastResult(ind)), 'cell')];
    const texts: (string | undefined)[] = [undefined, indicatorWording(set, lastResult(ind))];
    for (const p of ind.points) {
      const figure = figureText(set, p.result);
      const target = targetText(p.result);
      cells.push(text(figure, 'cell_figure'), text(target, 'cell_figure'), text(STATUS_LABEL[p.result.status], `status_${p.result.status}`));
      texts.push(figure, target, `✓ ${STATUS_LABEL[p.result.status]}`);
    }
    const change = changeText(ind);
    cells.push(text(change, 'cell_figure'), text(ind.id, 'code_small'));
    texts.push(change);
    const r = line(cells);
    heights[r] = Math.max(20, rowHeightFor(texts, widths, TABLE_FONT_SIZE) + 4);
  });
  const tableEnd = rows.length;

  // The charts: below the table, two side by side (left over A–first year, right over the next
  // columns), each CHART_ROWS rows of 15 points; their numbers right of the print area.
  const groups = chartGroups(history);
  const charts: ChartSpec[] = [];
  let dataRow = h1;
  const put = (row: number, c0: number, cells: CellSpec[]): void => {
    while (rows.length < row) line([]);
    const target = rows[row - 1];
    while (target.length < c0) target.push(null);
    cells.forEach((c, k) => (target[c0 + k] = c));
  };
  if (groups.length) {
    line([]);
    const heading = line([text('Biểu đồ kết quả qua các năm', 'section')]);
    merges.push(`A${heading}:${lastCol}${heading}`);
    let top = rows.length + 1;
    const CHART_ROWS = 18;
    const leftEnd = Math.max(2, yearCol(0) + 2);
    const rightStart = leftEnd + 1;
    const rightEnd = Math.max(rightStart + 2, Math.min(tableCols - 1, rightStart + 4));
    groups.forEach((g, n) => {
      // The chart's numbers: Năm, then one column per line.
      put(dataRow, dataFirst, [
        text('Năm', 'table_header'),
        ...g.members.map((i) => text(`${i + 1}. ${shortLabel(history.indicators[i].label, 40)}`, 'table_header')),
      ]);
      years.forEach((y, k) => {
        put(dataRow + 1 + k, dataFirst, [
          text(String(y), 'cell_stt'),
          ...g.members.map((i): CellSpec => {
            const a = history.indicators[i].points[k]?.result.actual;
            // An empty cell, not a dash: LibreOffice draws a text cell of a series as 0, an empty one as a gap.
            if (a === undefined) return { v: null, s: 'cell_center' };
            return g.percent ? { v: percentValue(a), s: 'cell_percent' } : { v: a, s: 'cell_number' };
          }),
        ]);
      });
      const data = `${col(dataFirst)}${dataRow}:${col(dataFirst + g.members.length)}${dataRow + years.length}`;
      dataRow += years.length + 2;
      const right = n % 2 === 1;
      const at = `${col(right ? rightStart : 0)}${top}:${col(right ? rightEnd : leftEnd)}${top + CHART_ROWS - 1}`;
      charts.push({ type: 'line', title: g.title, data, at });
      if (right || n === groups.length - 1) {
        // Rows of 15 points: the charts keep their size (anchorSize.ts), so the rows under them must too.
        for (let r = top; r <= top + CHART_ROWS; r++) heights[r] = 15;
        top += CHART_ROWS + 1;
      }
    });
    while (rows.length < top - 1) line([]);
  }

  // Per unit: the years it met each per-unit indicator.
  if (perUnit.length && history.units.length) {
    line([]);
    const heading = line([text('Các năm từng đơn vị đạt chỉ tiêu (chỉ tiêu đánh giá theo từng đơn vị)', 'section')]);
    merges.push(`A${heading}:${lastCol}${heading}`);
    const header: Row = [
      ...PROGRESS_UNIT_HEADER.map((h) => text(h, 'table_header')),
      ...perUnit.map((i) => text(`${i + 1}. ${history.indicators[i].label}`, 'table_header')),
      text('Năm có số liệu', 'table_header'),
    ];
    const hr = line(header);
    heights[hr] = Math.max(33, rowHeightFor(header.map((c) => (c && typeof c.v === 'string' ? c.v : undefined)), widths, TABLE_FONT_SIZE) + 4);
    history.units.forEach((u, k) => {
      const cells: Row = [
        text(String(k + 1), 'cell_stt'),
        text(u.name ?? '', 'cell'),
        text(u.code ?? '', 'cell'),
        ...history.perUnitIds.map((id) => text(u.met[id].length ? u.met[id].join(', ') : '—', 'cell_center')),
        text(u.years.join(', '), 'cell_center'),
      ];
      const r = line(cells);
      // Tall enough for its wrapped years ("2022, 2023, 2024" wraps in a narrow column).
      heights[r] = Math.max(18, rowHeightFor(cells.map((c) => (c && typeof c.v === 'string' ? c.v : undefined)), widths, TABLE_FONT_SIZE) + 4);
    });
  }

  // Widths of the charts' numbers (not printed).
  widths.push(8);
  appendAll(widths, Array.from({ length: LINES_PER_CHART }, () => 12));
  return {
    name: options.name ?? PROGRESS_SHEET_NAME,
    kind: 'progress',
    rows,
    colWidths: widths,
    rowHeights: heights,
    merges,
    page: {
      landscape: true,
      fitToWidth: true,
      // No repeated header rows: below the table come the charts and the per-unit table, which
      // the indicator table's header would cover on every later page (one set per sheet in Excel).
      printArea: `A1:${col(printedCols - 1)}${Math.max(rows.length, tableEnd)}`,
      footer: PAGE_FOOTER,
    },
    ...(charts.length ? { charts } : {}),
  };
}

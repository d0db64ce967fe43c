/**
 * The `Tổng hợp` sheet for meetings: an administrative header in the style of Nghị định 30/2020
 * (issuing body, national motto, place and date, title), the indicator table, the units not
 * meeting each per-unit indicator, and a signature block. A4 landscape, one page wide.
 */
import { formatActual, formatReported, formatResultTarget } from '../../domain/display';
import { formatNumber, placeDateLine } from '../../domain/format';
import type { CheckResult, IndicatorResult } from '../../domain/result';
import { STATUS_LABEL } from '../../domain/status';
import { toNumber } from '../../domain/rational';
import { isFractionKind } from '../../domain/targetSet';
import type { CellSpec, ChartSpec, SheetSpec } from '../plan';
import { DEFAULT_OWN_SHEET_NAMES, type OwnSheetNames } from '../ownSheets';
import { rowHeightFor } from './rowHeight';

export const SUMMARY_SHEET_NAME = 'Tổng hợp';

/** How many units are named inside the table cell before "và N đơn vị khác". */
const NAMES_IN_CELL = 8;
/**
 * How many failing units the detailed list shows per indicator. A meeting reads a page or two;
 * the status column on the data sheet (filter "Chưa đạt") holds the complete list, and a
 * 100,000-row table would otherwise make a summary of over 100,000 rows.
 */
export const FAILING_LISTED = 200;
const WIDTHS = [16, 44, 13, 22, 14, 16, 44];

type Row = (CellSpec | null)[];

function text(v: string, s: CellSpec['s']): CellSpec {
  return { v, s };
}

function failingText(r: IndicatorResult): string {
  if (!r.perUnit) return '';
  if (r.failingUnits.length === 0) return r.status === 'THIEU_DU_LIEU' || r.status === 'KHONG_AP_DUNG' ? '' : 'Không có';
  const names = r.failingUnits.slice(0, NAMES_IN_CELL).map((u) => u.name ?? u.code ?? `dòng ${u.row}`);
  const more = r.failingUnits.length - names.length;
  return `${formatNumber(r.failingUnits.length)} đơn vị: ${names.join('; ')}${more > 0 ? `; và ${formatNumber(more)} đơn vị khác (xem danh sách bên dưới)` : ''}`;
}

/** Rows the chart spans at least, so it is tall enough to read. */
const CHART_ROWS = 16;

/** A fraction as a percent number with one decimal: 0.8235 → 82.4. */
function percentValue(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** Mã, Chỉ tiêu, Mục tiêu, Kết quả, Đạt/Chưa đạt, Số đơn vị có số liệu. */
function indicatorCells(r: IndicatorResult): CellSpec[] {
  return [
    text(r.id, 'cell'),
    text(r.label, 'cell'),
    text(formatResultTarget(r), 'cell_center'),
    text(formatActual(r), 'cell_center'),
    text(STATUS_LABEL[r.status], `status_${r.status}`),
    text(formatReported(r), 'cell_center'),
  ];
}

/**
 * @example
 * renderSummarySheet(result, new Date(2026, 10, 21)).name // 'Tổng hợp'
 */
export function renderSummarySheet(result: CheckResult, today: Date, names: OwnSheetNames = DEFAULT_OWN_SHEET_NAMES): SheetSpec {
  const set = result.targetSet;
  const rows: Row[] = [];
  const merges: string[] = [];
  const heights: Record<number, number> = {};
  const line = (cells: Row) => {
    rows.push(cells);
    return rows.length;
  };
  const fullWidth = WIDTHS.reduce((a, b) => a + b, 0);
  const wide = (v: string, s: CellSpec['s'], fontSize = 11) => {
    const r = line([text(v, s)]);
    merges.push(`A${r}:G${r}`);
    heights[r] = Math.max(fontSize > 12 ? 22 : 15, rowHeightFor([v], [fullWidth], fontSize));
  };
  const tableLine = (cells: Row) => {
    const r = line(cells);
    heights[r] = rowHeightFor(cells.map((c) => (c && typeof c.v === 'string' ? c.v : undefined)), WIDTHS);
    return r;
  };

  // Administrative header: issuing body on the left, national motto on the right.
  const left1 = set.parentIssuer ?? '';
  const r1 = line([text(left1.toUpperCase(), 'org'), null, null, null, text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'motto')]);
  merges.push(`A${r1}:C${r1}`, `E${r1}:G${r1}`);
  const r2 = line([text(set.issuer.toUpperCase(), 'org_bold'), null, null, null, text('Độc lập - Tự do - Hạnh phúc', 'motto_sub')]);
  merges.push(`A${r2}:C${r2}`, `E${r2}:G${r2}`);
  const r3 = line([null, null, null, null, text(placeDateLine(set.place ?? '……', today), 'place_date')]);
  merges.push(`E${r3}:G${r3}`);
  line([]);
  wide(`BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM ${result.year}`, 'title', 14);
  wide(`${set.document}${set.section ? `, ${set.section}` : ''}${set.title ? ` — ${set.title}` : ''}`, 'subtitle', 12);

  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const unitsOfYear = result.units.filter((u) => u.year === result.year).length;
  wide(
    `Số liệu: sheet "${result.sheet}", ${formatNumber(unitsOfYear)} đơn vị năm ${result.year}. Kiểm tra: ${formatNumber(errors)} lỗi, ${formatNumber(warnings)} cảnh báo (chi tiết ở sheet "${names.problems}"). Bộ chỉ tiêu: ${set.id}.`,
    'note',
  );
  if (set.milestones?.length) wide(`Mốc thời gian: ${set.milestones.join('; ')}.`, 'note');
  line([]);

  const headerRow = line(
    ['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đạt/Chưa đạt', 'Số đơn vị có số liệu', 'Đơn vị chưa đạt'].map((h) =>
      text(h, 'table_header'),
    ),
  );
  heights[headerRow] = 30;
  for (const r of result.indicators) tableLine([...indicatorCells(r), text(failingText(r), 'cell')]);

  // Target against result, in %, for the indicators measured in % — the chart's data (Excel
  // draws a native chart beside it; the numbers alone are there in every output).
  const charted = result.indicators.filter((r) => isFractionKind(r.kind));
  let chart: ChartSpec | undefined;
  if (charted.length) {
    line([]);
    wide('BIỂU ĐỒ: MỤC TIÊU VÀ KẾT QUẢ (%)', 'section');
    const first = line(['Mã', 'Mục tiêu (%)', 'Kết quả (%)'].map((h) => text(h, 'table_header')));
    for (const r of charted) {
      line([
        text(r.id, 'cell'),
        { v: percentValue(toNumber(r.target.value)), s: 'cell_percent' },
        r.actual === undefined ? text('—', 'cell_center') : { v: percentValue(r.actual), s: 'cell_percent' },
      ]);
    }
    const last = rows.length;
    const bottom = Math.max(last, first + CHART_ROWS);
    while (rows.length < bottom) line([]);
    chart = { title: 'Mục tiêu và kết quả (%)', data: `A${first}:C${last}`, at: `D${first}:G${bottom}` };
  }

  if (result.groups?.length) {
    line([]);
    wide('KẾT QUẢ THEO ĐƠN VỊ CẤP TRÊN', 'section');
  }
  for (const group of result.groups ?? []) {
    line([]);
    wide(`${group.parent.toUpperCase()} — ${formatNumber(group.units)} đơn vị`, 'section');
    line(['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đạt/Chưa đạt', 'Số đơn vị có số liệu'].map((h) => text(h, 'table_header')));
    for (const r of group.indicators) tableLine(indicatorCells(r));
  }

  const failing = result.indicators.filter((r) => r.perUnit && r.failingUnits.length > 0);
  if (failing.length) {
    line([]);
    wide('ĐƠN VỊ CHƯA ĐẠT THEO TỪNG CHỈ TIÊU', 'section');
    line(['Mã', 'Chỉ tiêu', 'Dòng', 'Mã đơn vị', 'Tên đơn vị'].map((h) => text(h, 'table_header')));
    for (const r of failing) {
      for (const u of r.failingUnits.slice(0, FAILING_LISTED)) {
        const rr = line([
          text(r.id, 'cell'),
          text(r.label, 'cell'),
          { v: u.row, s: 'cell_center', link: { sheet: result.sheet, cell: `A${u.row}` } },
          text(u.code ?? '', 'cell'),
          text(u.name ?? '', 'cell'),
        ]);
        merges.push(`E${rr}:G${rr}`);
      }
      const more = r.failingUnits.length - FAILING_LISTED;
      if (more > 0) {
        const rr = line([
          text(r.id, 'cell'),
          text(`… và ${formatNumber(more)} đơn vị khác chưa đạt: lọc "Chưa đạt" ở cột "Kết quả: ${r.label}" trên sheet "${result.sheet}".`, 'note'),
        ]);
        merges.push(`B${rr}:G${rr}`);
      }
    }
  }

  line([]);
  const sig = line([text('NGƯỜI LẬP BIỂU', 'org_bold'), null, null, null, text('TM. BAN THƯỜNG VỤ', 'org_bold')]);
  merges.push(`A${sig}:C${sig}`, `E${sig}:G${sig}`);
  const sig2 = line([text('(Ký, ghi rõ họ tên)', 'place_date'), null, null, null, text('(Ký, ghi rõ họ tên, đóng dấu)', 'place_date')]);
  merges.push(`A${sig2}:C${sig2}`, `E${sig2}:G${sig2}`);

  return {
    name: names.summary,
    kind: 'summary',
    rows,
    colWidths: WIDTHS,
    rowHeights: heights,
    merges,
    page: { landscape: true, fitToWidth: true, printTitleRows: [headerRow, headerRow] },
    ...(chart ? { chart } : {}),
  };
}

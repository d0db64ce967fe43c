/**
 * The `Danh sách đơn vị` sheet: the full lists behind `Tổng hợp`'s `Ghi chú` — per indicator,
 * the units that do not meet it (or, for a count, the units counted), each with a link to its
 * row on the data sheet. Kept off the printed summary so the meeting document stays short.
 */
import { formatNumber } from '../../domain/format';
import type { CheckResult } from '../../domain/result';
import type { CellSpec, SheetSpec } from '../plan';
import { DEFAULT_OWN_SHEET_NAMES, type OwnSheetNames } from '../ownSheets';
import { rowHeightFor } from './rowHeight';
import { PAGE_FOOTER } from './summarySheet';
import { namedUnits, unitsHeading } from './summaryText';

/** The list's header row (ownSheets.ts recognises the sheet by its first four cells). */
export const UNIT_LIST_HEADER = ['STT', 'Chỉ tiêu', 'Mã đơn vị', 'Tên đơn vị', 'Dòng', 'Diện'] as const;

/**
 * Units listed per indicator. A meeting needs a page or two; beyond this the status column on the
 * data sheet (filter its `Chưa đạt`) holds the rest, and a 100,000-row table would otherwise make
 * a list of 700,000 rows.
 */
export const UNITS_LISTED = 2000;

const WIDTHS = [6, 40, 13, 40, 8, 30];

/**
 * @example
 * renderUnitListSheet(result).rows[2].map((c) => c?.v) // ['STT', 'Chỉ tiêu', 'Mã đơn vị', 'Tên đơn vị', 'Dòng', 'Diện']
 */
export function renderUnitListSheet(result: CheckResult, names: OwnSheetNames = DEFAULT_OWN_SHEET_NAMES): SheetSpec {
  const rows: (CellSpec | null)[][] = [
    [{ v: `DANH SÁCH ĐƠN VỊ THEO TỪNG CHỈ TIÊU — năm ${result.year}`, s: 'section' }],
    [
      {
        v: `Các đơn vị được nêu ở cột "Ghi chú" của sheet "${names.summary}", đầy đủ. Bấm số dòng để đến dòng của đơn vị trên sheet "${result.sheet}".`,
        s: 'note',
      },
    ],
    UNIT_LIST_HEADER.map((h) => ({ v: h, s: 'table_header' as const })),
  ];
  const merges = ['A1:F1', 'A2:F2'];
  const heights: Record<number, number> = { 1: 22, 2: 32, 3: 22 };
  let stt = 0;
  result.indicators.forEach((r, i) => {
    const heading = unitsHeading(r);
    const units = namedUnits(r);
    if (!heading || units.length === 0) return;
    const label = `${i + 1}. ${r.label}`;
    for (const u of units.slice(0, UNITS_LISTED)) {
      rows.push([
        { v: ++stt, s: 'cell_stt' },
        { v: label, s: 'cell' },
        { v: u.code ?? '', s: 'cell' },
        { v: u.name ?? '', s: 'cell' },
        { v: u.row, s: 'link', link: { sheet: result.sheet, cell: `A${u.row}` } },
        { v: heading, s: 'cell' },
      ]);
      heights[rows.length] = Math.max(18, rowHeightFor([undefined, label, u.code, u.name, undefined, heading], WIDTHS.map((w) => w / 1.1), 12));
    }
    const more = units.length - UNITS_LISTED;
    if (more > 0) {
      rows.push([
        null,
        {
          v: `… và ${formatNumber(more)} đơn vị khác: lọc "Chưa đạt" ở cột "Kết quả: ${r.label}" trên sheet "${result.sheet}".`,
          s: 'note',
        },
      ]);
      merges.push(`B${rows.length}:F${rows.length}`);
    }
  });
  if (stt === 0) {
    rows.push([{ v: 'Không có đơn vị nào chưa đạt chỉ tiêu theo đơn vị.', s: 'note' }]);
    merges.push(`A${rows.length}:F${rows.length}`);
  }
  return {
    name: names.unitList,
    kind: 'unitList',
    rows,
    colWidths: WIDTHS,
    rowHeights: heights,
    merges,
    freeze: { rows: 3, cols: 0 },
    page: { landscape: true, fitToWidth: true, printTitleRows: [3, 3], footer: PAGE_FOOTER },
  };
}

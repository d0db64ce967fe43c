/**
 * The status columns on the user's data sheet: one empty column after the table, then
 * "Kết quả: <chỉ tiêu>" per per-unit indicator, then "Lỗi dữ liệu".
 */
import { ERROR_COUNT_HEADER, STATUS_HEADER_PREFIX } from '../../domain/header';
import { rangesOverlap } from '../../domain/grid';
import type { CheckResult } from '../../domain/result';
import { STATUS_LABEL, type Status } from '../../domain/status';
import type { CellSpec, DataSheetPatch, DataSheetView } from '../plan';

/** Excel's last column, XFD (0-based). */
export const LAST_COLUMN = 16383;

/** How many columns the product writes on the data sheet: one per per-unit indicator, then `Lỗi dữ liệu`. */
export function statusColumnCount(result: CheckResult): number {
  return result.indicators.filter((i) => i.perUnit).length + 1;
}

/**
 * The last column the user has something in, in the rows the status columns are written in
 * (header and units) — a note far right in a footer row neither pushes them away nor is
 * written over.
 */
export function lastUsedInWrittenRows(result: CheckResult): number {
  const layout = result.layout;
  const lastUsedAt = (row: number): number => layout.rowLastUsed[row - layout.headerRow] ?? -1;
  let last = Math.max(layout.lastCol, lastUsedAt(layout.headerRow));
  for (const u of result.units) {
    const used = lastUsedAt(u.row);
    if (used > last) last = used;
  }
  return last;
}

/**
 * The 0-based column where the status columns start, or undefined when they would pass XFD.
 * After everything the user has in the header and unit rows and one empty column, so no cell of
 * theirs is ever overwritten; moved right of any merged range they would fall under (a status cell
 * inside a merge is hidden by it).
 *
 * @example
 * statusColumnsStart(result) // layout.lastUsedCol + 2 when nothing is merged there
 */
export function statusColumnsStart(result: CheckResult): number | undefined {
  const layout = result.layout;
  const count = statusColumnCount(result);
  const bottom = result.units.reduce((max, u) => (u.row > max ? u.row : max), layout.headerRow);
  let start = lastUsedInWrittenRows(result) + 2;
  for (let moved = true; moved && start + count - 1 <= LAST_COLUMN; ) {
    moved = false;
    const block = { top: layout.headerRow, bottom, left: start, right: start + count - 1 };
    for (const m of layout.merges) {
      if (rangesOverlap(m, block)) {
        start = m.right + 2;
        moved = true;
        break;
      }
    }
  }
  return start + count - 1 <= LAST_COLUMN ? start : undefined;
}

/** Identity columns further right than this are not frozen: a frozen band wider than the screen hides the table. */
const MAX_FROZEN_COLS = 4;
/** A header further down than this is not frozen (the rows above it would fill the screen); it still prints on every page. */
const MAX_FROZEN_ROWS = 15;

/**
 * The data sheet's view: rows down to the header frozen, and the identity columns (STT, mã, tên
 * đơn vị — those at the table's left) frozen too; the same rows and columns print on every page,
 * so a page of status columns still shows which unit each row is.
 *
 * @example
 * dataSheetView(result) // { freeze: { rows: 4, cols: 2 }, printTitleRows: [3, 4], printTitleCols: [0, 1] }
 */
export function dataSheetView(result: CheckResult): DataSheetView {
  const layout = result.layout;
  const identity = ['ma_don_vi', 'ten_don_vi']
    .map((k) => layout.keyCol.get(k))
    .filter((c): c is number => c !== undefined && c < MAX_FROZEN_COLS);
  const cols = identity.reduce((m, c) => Math.max(m, c + 1), 0);
  return {
    freeze: { rows: layout.headerRow <= MAX_FROZEN_ROWS ? layout.headerRow : 0, cols },
    printTitleRows: [layout.headerTop, layout.headerRow],
    ...(cols ? { printTitleCols: [0, cols - 1] as const } : {}),
  };
}

/**
 * One shared, frozen cell per status: 100,000 units × 10 columns would otherwise be a million
 * equal objects (about 60 MB) held until the file is written.
 */
const STATUS_CELL: Readonly<Record<Status, CellSpec>> = Object.freeze({
  DAT: Object.freeze({ v: STATUS_LABEL.DAT, s: 'status_DAT' }),
  CHUA_DAT: Object.freeze({ v: STATUS_LABEL.CHUA_DAT, s: 'status_CHUA_DAT' }),
  THIEU_DU_LIEU: Object.freeze({ v: STATUS_LABEL.THIEU_DU_LIEU, s: 'status_THIEU_DU_LIEU' }),
  KHONG_AP_DUNG: Object.freeze({ v: STATUS_LABEL.KHONG_AP_DUNG, s: 'status_KHONG_AP_DUNG' }),
});

/** Shared cells for the usual error counts (a row rarely has more than a few). */
const ERROR_COUNT_CELLS: readonly CellSpec[] = Array.from({ length: 64 }, (_, n) =>
  Object.freeze({ v: n, s: n ? 'errors_some' : 'errors_none' }),
);

const errorCountCell = (n: number): CellSpec => ERROR_COUNT_CELLS[n] ?? { v: n, s: 'errors_some' };

/**
 * @example
 * renderStatusColumns(result).startCol // statusColumnsStart(result)
 */
export function renderStatusColumns(result: CheckResult): DataSheetPatch {
  const layout = result.layout;
  const perUnit = result.indicators.filter((i) => i.perUnit);
  const startCol = statusColumnsStart(result) ?? layout.lastUsedCol + 2;
  const header: CellSpec[] = [
    ...perUnit.map((i): CellSpec => ({ v: `${STATUS_HEADER_PREFIX} ${i.label}`, s: 'output_header' })),
    { v: ERROR_COUNT_HEADER, s: 'output_header' },
  ];
  const rows: { row: number; cells: readonly CellSpec[] }[] = [{ row: layout.headerRow, cells: header }];
  // Units with the same statuses and error count share one (frozen) row of cells: a few dozen
  // combinations stand for 100,000 rows (about 30 MB less, held until the file is written). Units
  // with the same statuses share one status record already (check.ts): cells are found by the
  // record, then by the count, without a key to build per unit.
  const shared = new Map<Readonly<Record<string, Status>>, Map<number, readonly CellSpec[]>>();
  for (const u of result.units) {
    let byCount = shared.get(u.status);
    if (!byCount) shared.set(u.status, (byCount = new Map()));
    let cells = byCount.get(u.errorCount);
    if (!cells) {
      const fresh: CellSpec[] = perUnit.map((i) => STATUS_CELL[u.status[i.id] ?? 'KHONG_AP_DUNG']);
      fresh.push(errorCountCell(u.errorCount));
      cells = Object.freeze(fresh);
      byCount.set(u.errorCount, cells);
    }
    rows.push({ row: u.row, cells });
  }
  return {
    sheet: result.sheet,
    clearCols: layout.outputCols,
    clearFromRow: layout.headerRow,
    clearToRow: layout.outputLastRow,
    startCol,
    rows,
    colWidths: [...perUnit.map(() => 22), 11],
    view: dataSheetView(result),
  };
}

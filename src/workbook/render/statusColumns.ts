/**
 * The status columns on the user's data sheet: one empty column after the table, then
 * "Kết quả: <chỉ tiêu>" per per-unit indicator, then "Lỗi dữ liệu".
 */
import { ERROR_COUNT_HEADER, STATUS_HEADER_PREFIX } from '../../domain/header';
import type { CheckResult } from '../../domain/result';
import { STATUS_LABEL } from '../../domain/status';
import type { CellSpec, DataSheetPatch } from '../plan';

/**
 * @example
 * renderStatusColumns(result).startCol // layout.lastCol + 2
 */
export function renderStatusColumns(result: CheckResult): DataSheetPatch {
  const layout = result.layout;
  const perUnit = result.indicators.filter((i) => i.perUnit);
  // After everything the user has in the table's rows, so no cell of theirs is ever overwritten.
  const startCol = layout.lastUsedCol + 2;
  const header: CellSpec[] = [
    ...perUnit.map((i): CellSpec => ({ v: `${STATUS_HEADER_PREFIX} ${i.label}`, s: 'output_header' })),
    { v: ERROR_COUNT_HEADER, s: 'output_header' },
  ];
  const rows = [{ row: layout.headerRow, cells: header }];
  for (const u of result.units) {
    const cells: CellSpec[] = perUnit.map((i) => {
      const s = u.status[i.id] ?? 'KHONG_AP_DUNG';
      return { v: STATUS_LABEL[s], s: `status_${s}` };
    });
    cells.push({ v: u.errorCount, s: u.errorCount ? 'errors_some' : 'errors_none' });
    rows.push({ row: u.row, cells });
  }
  return {
    sheet: result.sheet,
    clearCols: layout.outputCols,
    clearFromRow: layout.headerRow,
    startCol,
    rows,
    colWidths: [...perUnit.map(() => 22), 11],
  };
}

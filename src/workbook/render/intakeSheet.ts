/**
 * The `Nhập báo cáo` sheet beside the master table that intake builds (`chitieu merge`, the pane's
 * `Nhập báo cáo CĐCS`): one row per return, in the order read — what became of it (imported,
 * replaced by a later file, a duplicate, unusable), its units, its errors and warnings, and why.
 * The same facts as the JSON report's `files` block, for the secretary who only opens Excel.
 */
import { formatNumber } from '../../domain/format';
import type { FileReport, FileStatus, MergeResult } from '../../domain/merge';
import type { CellSpec, SheetSpec } from '../plan';
import { OWN_SHEET_TITLE } from '../ownSheets';
import { rowHeightFor } from './rowHeight';

/** What became of a file, as the sheet and the command line say it. */
export const FILE_STATUS_LABEL: Readonly<Record<FileStatus, string>> = {
  accepted: 'Đã nhập',
  replaced: 'Bị thay thế',
  duplicate: 'Trùng lặp',
  rejected: 'Không dùng được',
};

/** The header row (ownSheets.ts recognises the sheet by its first four cells). */
export const INTAKE_HEADER = ['STT', 'Tệp', 'Trạng thái', 'Đơn vị đã nhập', 'Đơn vị trong tệp', 'Lỗi', 'Cảnh báo', 'Lý do, ghi chú'] as const;

const WIDTHS = [6, 34, 17, 11, 11, 8, 10, 60];
/** Row of the header (1-based): a title and a one-line count above it. */
const HEADER_ROW = 4;

/** Errors and warnings of one file. */
function counts(f: FileReport): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of f.problems) if (p.severity === 'error') errors++;
  return { errors, warnings: f.problems.length - errors };
}

/**
 * The sentence above the table: how many files, what became of them, how many units the master has.
 *
 * @example
 * intakeSummary(merged) // '4 tệp: 1 đã nhập, 1 bị thay thế, 1 trùng lặp, 1 không dùng được. Bảng tổng hợp có 5 đơn vị.'
 */
export function intakeSummary(merged: MergeResult): string {
  const n: Record<FileStatus, number> = { accepted: 0, replaced: 0, duplicate: 0, rejected: 0 };
  for (const f of merged.files) n[f.status]++;
  const parts = (Object.keys(n) as FileStatus[]).filter((s) => n[s] > 0).map((s) => `${formatNumber(n[s])} ${FILE_STATUS_LABEL[s].toLowerCase()}`);
  return `${formatNumber(merged.files.length)} tệp: ${parts.join(', ')}. Bảng tổng hợp có ${formatNumber(merged.master.rows.length - 1)} đơn vị.`;
}

/**
 * @example
 * workbook.applySync({ sheets: [masterSheet(merged), intakeSheet(merged)] });
 */
export function intakeSheet(merged: MergeResult, name: string = OWN_SHEET_TITLE.intake): SheetSpec {
  const rows: (CellSpec | null)[][] = [
    [{ v: 'NHẬP BÁO CÁO CĐCS VÀO BẢNG TỔNG HỢP', s: 'section' }],
    [{ v: `${intakeSummary(merged)} Mỗi dòng dưới đây là một tệp, theo thứ tự đã đọc; tệp nhận sau thay số liệu cùng đơn vị, cùng năm của tệp trước.`, s: 'note' }],
    [],
    INTAKE_HEADER.map((h) => ({ v: h, s: 'table_header' as const })),
  ];
  const heights: Record<number, number> = { 1: 22, 2: 32, [HEADER_ROW]: 32 };
  merged.files.forEach((f, i) => {
    const { errors, warnings } = counts(f);
    const rejected = f.status === 'rejected';
    const reason = f.reason;
    rows.push([
      { v: i + 1, s: 'cell_stt' },
      { v: f.file, s: 'cell' },
      { v: FILE_STATUS_LABEL[f.status], s: 'cell' },
      // An unusable file was not read: no unit or problem count to show.
      rejected ? { v: null, s: 'cell' } : { v: f.units, s: 'cell_number' },
      rejected ? { v: null, s: 'cell' } : { v: f.unitsInFile, s: 'cell_number' },
      rejected ? { v: null, s: 'cell' } : { v: errors, s: 'cell_number' },
      rejected ? { v: null, s: 'cell' } : { v: warnings, s: 'cell_number' },
      { v: reason ?? null, s: 'cell' },
    ]);
    heights[rows.length] = Math.max(18, rowHeightFor([undefined, f.file, undefined, undefined, undefined, undefined, undefined, reason], WIDTHS, 12));
  });
  return {
    name,
    kind: 'intake',
    rows,
    colWidths: WIDTHS,
    rowHeights: heights,
    merges: ['A1:H1', 'A2:H2'],
    freeze: { rows: HEADER_ROW, cols: 0 },
  };
}

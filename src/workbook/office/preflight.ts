/// <reference types="office-js" />
/**
 * What the adapter checks before its first write, so that a run either writes everything or
 * nothing: the document mode (`Workbook.readOnly`, ExcelApi 1.8), the workbook structure
 * protection (`Workbook.protection.protected`, ExcelApi 1.7 — needed only when sheets are added
 * or renamed) and each target sheet's protection (`Worksheet.protection.protected`, ExcelApi 1.2).
 * The properties are loaded in the sync the adapter makes anyway before writing; this file turns
 * what came back into a refusal that says, in Vietnamese, what to unprotect.
 */
import { OfficeAdapterError } from './errors';

/** What the preflight sync brought back. */
export interface PreflightState {
  readonly readOnly: boolean;
  readonly structureProtected: boolean;
  /** Real names of the target sheets that are protected. */
  readonly protectedSheets: readonly string[];
}

/** What the run is about to do. */
export interface PreflightNeeds {
  /** Sheets to be added, renamed or deleted (these need the workbook structure unprotected). */
  readonly structureChanges: readonly string[];
}

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Throws an {@link OfficeAdapterError} naming what stops the run, or returns when nothing does.
 *
 * @example
 * refuseIfBlocked({ readOnly: false, structureProtected: false, protectedSheets: ['Dữ liệu'] }, { structureChanges: [] })
 * // throws: 'Sheet "Dữ liệu" đang được bảo vệ nên chưa ghi gì. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi chạy lại.'
 */
export function refuseIfBlocked(state: PreflightState, needs: PreflightNeeds): void {
  if (state.readOnly) {
    throw new OfficeAdapterError(
      'read_only',
      'Tệp đang mở ở chế độ chỉ đọc nên chưa ghi gì. Hãy bật chỉnh sửa (Chỉnh sửa sổ làm việc) hoặc lưu một bản sao có thể sửa, rồi chạy lại.',
    );
  }
  const problems: string[] = [];
  if (state.protectedSheets.length) {
    const one = state.protectedSheets.length === 1;
    problems.push(`${one ? 'Sheet' : 'Các sheet'} ${quoteList(state.protectedSheets)} đang được bảo vệ`);
  }
  if (state.structureProtected && needs.structureChanges.length) {
    problems.push(`cấu trúc sổ làm việc đang được bảo vệ (cần thêm, đổi tên hoặc xóa sheet ${quoteList(needs.structureChanges)})`);
  }
  if (problems.length === 0) return;
  const how = [
    ...(state.protectedSheets.length ? ['Xem lại › Bỏ bảo vệ trang tính'] : []),
    ...(state.structureProtected && needs.structureChanges.length ? ['Xem lại › Bảo vệ sổ làm việc'] : []),
  ].join('; ');
  const text = problems.join('; ');
  throw new OfficeAdapterError('protected', `${text[0].toUpperCase()}${text.slice(1)} nên chưa ghi gì. Hãy bỏ bảo vệ (${how}) rồi chạy lại.`);
}

/**
 * Limits that keep a hostile or accidental file (zip bomb, a sheet with millions of cells) from
 * exhausting memory, and the typed errors the adapter reports, each with a Vietnamese sentence
 * that tells the secretary what to do.
 */

export interface XlsxLimits {
  /**
   * Sum of the uncompressed sizes of the parts inflated whole (declared and real): every part but
   * the big worksheets, which are read as they inflate (sheetWindows.ts) and never held whole.
   */
  readonly maxUncompressedBytes: number;
  /**
   * Uncompressed size of one worksheet part (declared and real). A streamed worksheet costs time,
   * not memory: the memory is bounded by `maxCells`. 2 GiB holds Excel's 1,048,576 rows of a wide
   * table (a 1,000,000 × 14 table is about 1 GB of XML).
   */
  readonly maxSheetBytes: number;
  /** Cells holding a value (or a formula's result) in one sheet: what the grid costs in memory. */
  readonly maxCells: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxSheetBytes: 2 * 1024 * 1024 * 1024,
  maxCells: 2_000_000,
};

export function resolveLimits(partial?: Partial<XlsxLimits>): XlsxLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

export type OpenErrorCode =
  | 'not_zip'
  | 'encrypted_or_xls'
  | 'not_xlsx'
  | 'macro_enabled'
  | 'too_large'
  | 'too_many_cells'
  | 'corrupt'
  /** The workbook's sheets are all chart sheets: no cells to read. */
  | 'no_worksheets'
  /** The workbook lists sheets but its relationships part (xl/_rels/workbook.xml.rels) is missing. */
  | 'no_sheet_links';

export type OpenError = { code: OpenErrorCode; message: string };

/** Errors when reading one sheet: the open errors that can only show up then, plus an unknown name. */
export type ReadErrorCode = 'no_such_sheet' | 'too_large' | 'too_many_cells' | 'corrupt';
export type ReadError = { code: ReadErrorCode; message: string };

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

const MB = 1024 * 1024;

export function errorMessage(code: OpenErrorCode | ReadErrorCode, detail?: { limit?: number; sheet?: string }): string {
  switch (code) {
    case 'not_zip':
      return 'Tệp này không phải là tệp Excel .xlsx: hãy mở tệp trong Excel và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".';
    case 'encrypted_or_xls':
      return 'Tệp được bảo vệ bằng mật khẩu hoặc là tệp .xls cũ: hãy mở trong Excel, bỏ mật khẩu và lưu thành .xlsx.';
    case 'not_xlsx':
      return 'Tệp nén này không phải là sổ làm việc Excel: hãy chọn đúng tệp .xlsx (hoặc mở tệp trong Excel và lưu thành .xlsx).';
    case 'macro_enabled':
      return 'Tệp có chứa macro (.xlsm), chương trình không mở tệp có macro: hãy mở trong Excel và lưu thành "Sổ làm việc Excel (.xlsx)".';
    case 'too_large':
      return `Tệp quá lớn để xử lý (hơn ${Math.round((detail?.limit ?? 0) / MB)} MB khi giải nén): hãy xoá các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp nhỏ hơn.`;
    case 'too_many_cells':
      return `Trang tính${detail?.sheet ? ` "${detail.sheet}"` : ''} có quá nhiều ô (hơn ${(detail?.limit ?? 0).toLocaleString('vi-VN')} ô): hãy xoá các dòng, cột thừa hoặc tách dữ liệu thành nhiều tệp.`;
    case 'corrupt':
      return detail?.sheet
        ? `Trang tính "${detail.sheet}" bị hỏng hoặc không đọc được: hãy mở tệp trong Excel, lưu lại thành .xlsx rồi thử lại.`
        : 'Tệp Excel bị hỏng hoặc không đọc được: hãy mở tệp trong Excel, lưu lại thành .xlsx rồi thử lại.';
    case 'no_worksheets':
      return 'Tệp Excel chỉ có trang biểu đồ, không có trang tính nào chứa ô số liệu: hãy chọn tệp có bảng số liệu (hoặc chép bảng vào một trang tính rồi lưu lại thành .xlsx).';
    case 'no_sheet_links':
      return 'Tệp Excel bị thiếu phần liên kết tới các trang tính (xl/_rels/workbook.xml.rels) nên không đọc được trang tính nào: hãy mở tệp trong Excel, lưu lại thành .xlsx rồi thử lại.';
    case 'no_such_sheet':
      return `Không có trang tính "${detail?.sheet ?? ''}" trong tệp: hãy kiểm tra lại tên trang tính.`;
  }
}

/** Thrown by the synchronous/promise API; `code` and the Vietnamese `message` match OpenError/ReadError. */
export class XlsxError extends Error {
  constructor(
    readonly code: OpenErrorCode | ReadErrorCode,
    message?: string,
    /** Technical detail for logs (English), never shown as the user message. */
    readonly detail?: string,
  ) {
    super(message ?? errorMessage(code));
    this.name = 'XlsxError';
  }
}

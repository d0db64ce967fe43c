/**
 * Errors of the Office adapter as Vietnamese sentences that tell the user what to do.
 * Excel reports failures as `OfficeExtension.Error` with a `code` (not localised) and a message
 * meant for developers; the task pane shows {@link officeErrorMessage} instead.
 */

/** Codes of the adapter's own errors (not Excel's). */
export type OfficeAdapterErrorCode = 'no_such_sheet' | 'too_large' | 'protected' | 'read_only';

/** An error raised by the adapter itself, with its Vietnamese message. */
export class OfficeAdapterError extends Error {
  constructor(
    readonly code: OfficeAdapterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeAdapterError';
  }
}

const PROTECTED = 'Sheet đang được bảo vệ: hãy bỏ bảo vệ rồi thử lại.';

/** Excel error code → what the user should do. */
const MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: 'Hãy thoát khỏi ô đang sửa (nhấn Enter hoặc Esc) rồi thử lại.',
  RequestPayloadSizeLimitExceeded:
    'Dữ liệu gửi sang Excel trên web vượt giới hạn 5 MB của một lần gửi. Hãy thử lại; nếu vẫn lỗi, hãy mở tệp bằng Excel trên máy tính.',
  ResponsePayloadSizeLimitExceeded:
    'Bảng quá lớn để Excel trên web gửi về trong một lần (giới hạn 5 MB). Hãy thử lại; nếu vẫn lỗi, hãy mở tệp bằng Excel trên máy tính.',
  PayloadTooLarge:
    'Dữ liệu vượt giới hạn 5 MB của Excel trên web. Hãy thử lại; nếu vẫn lỗi, hãy mở tệp bằng Excel trên máy tính.',
  AccessDenied:
    'Excel không cho phép ghi vào tệp: sheet đang được bảo vệ hoặc tệp đang mở ở chế độ chỉ đọc. Hãy bỏ bảo vệ sheet (Xem lại › Bỏ bảo vệ trang tính) hoặc bật chỉnh sửa rồi thử lại.',
  ItemNotFound: 'Không tìm thấy sheet hoặc vùng ô cần dùng (có thể vừa bị đổi tên hoặc xóa). Hãy kiểm tra lại rồi thử lại.',
  ItemAlreadyExists: 'Tên sheet đã có trong tệp. Hãy đổi tên sheet đó rồi thử lại.',
  MergedRangeConflict:
    'Vùng cần ghi có ô đã gộp (Merge). Hãy bỏ gộp các ô bên phải bảng số liệu rồi thử lại.',
  FilteredRangeConflict: 'Bảng đang được lọc (Filter). Hãy bỏ lọc rồi thử lại.',
  PivotTableRangeConflict: 'Vùng cần ghi chồng lên một PivotTable. Hãy dời PivotTable sang chỗ khác rồi thử lại.',
  InsertDeleteConflict: 'Excel không chèn hoặc xóa được ô ở vùng này. Hãy bỏ gộp ô, bỏ lọc hoặc bảng (Table) chồng lên rồi thử lại.',
  Conflict: 'Tệp vừa được người khác sửa cùng lúc. Hãy chờ vài giây rồi thử lại.',
  InactiveWorkbook: 'Hãy chuyển về cửa sổ của tệp này trong Excel rồi thử lại.',
  ActivityLimitReached: 'Excel đang bận xử lý quá nhiều việc. Hãy chờ một chút rồi thử lại.',
  RequestAborted: 'Excel đã dừng yêu cầu giữa chừng. Hãy thử lại.',
  ConnectionFailure: 'Mất kết nối với Excel. Hãy kiểm tra mạng (với Excel trên web) rồi thử lại.',
  ApiNotFound:
    'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (cần Excel 2021, Microsoft 365 hoặc Excel trên web).',
  UnsupportedFeature:
    'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (cần Excel 2021, Microsoft 365 hoặc Excel trên web).',
  NotImplemented:
    'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (cần Excel 2021, Microsoft 365 hoặc Excel trên web).',
  UnsupportedSheet: 'Sheet này (ví dụ sheet biểu đồ) không chứa ô để đọc hoặc ghi. Hãy chọn một sheet dữ liệu.',
  RangeExceedsLimit: 'Vùng ô quá lớn để Excel xử lý một lần. Hãy xóa các dòng trống thừa ở cuối sheet rồi thử lại.',
  OperationCellsExceedLimit: 'Vùng ô quá lớn để Excel xử lý một lần. Hãy xóa các dòng trống thừa ở cuối sheet rồi thử lại.',
};

/** The code of an OfficeExtension.Error-like value (the error itself or its debugInfo). */
function codeOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code) return code;
  const inner = (e as { debugInfo?: { code?: unknown } }).debugInfo?.code;
  return typeof inner === 'string' && inner ? inner : undefined;
}

function messageOf(e: unknown): string {
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && e !== null) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return '';
}

/**
 * A Vietnamese sentence for any error met while talking to Excel: what happened and what to do.
 *
 * @example
 * officeErrorMessage({ code: 'InvalidOperationInCellEditMode' })
 * // 'Hãy thoát khỏi ô đang sửa (nhấn Enter hoặc Esc) rồi thử lại.'
 */
export function officeErrorMessage(e: unknown): string {
  if (e instanceof OfficeAdapterError) return e.message;
  const code = codeOf(e);
  const message = messageOf(e);
  // Excel's message names protection in the user's language; the code alone (AccessDenied,
  // InvalidOperation…) does not always tell protection from a read-only file.
  if (/protect|bảo vệ/i.test(message)) return PROTECTED;
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (/payload|5\s?MB/i.test(message)) return MESSAGES.PayloadTooLarge;
  return (
    'Excel báo lỗi khi xử lý' +
    (code ? ` (mã lỗi ${code})` : '') +
    '. Hãy thử lại; nếu vẫn lỗi, hãy lưu tệp, đóng rồi mở lại Excel.'
  );
}

import { OfficeAdapterError, officeErrorMessage } from './errors';

describe('officeErrorMessage', () => {
  test('cell edit mode: tells the user to leave the cell', () => {
    expect(officeErrorMessage({ code: 'InvalidOperationInCellEditMode', message: 'Excel is in cell-editing mode.' })).toBe(
      'Hãy thoát khỏi ô đang sửa (nhấn Enter hoặc Esc) rồi thử lại.',
    );
  });

  test('payload too large, either way, and by message alone', () => {
    for (const code of ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']) {
      expect(officeErrorMessage({ code })).toMatch(/5 MB.*Excel trên máy tính/);
    }
    expect(officeErrorMessage(new Error('The request payload size has exceeded the limit.'))).toMatch(/5 MB/);
  });

  test('a protected sheet, recognised from the message in English or Vietnamese', () => {
    const protectedSheet = 'Sheet đang được bảo vệ: hãy bỏ bảo vệ rồi thử lại.';
    expect(officeErrorMessage({ code: 'AccessDenied', message: 'The cell or chart you are trying to change is on a protected sheet.' })).toBe(protectedSheet);
    expect(officeErrorMessage({ code: 'InvalidOperation', message: 'Ô bạn đang cố thay đổi nằm trên trang tính được bảo vệ.' })).toBe(protectedSheet);
    expect(officeErrorMessage({ code: 'AccessDenied', message: 'Access denied.' })).toMatch(/bảo vệ.*chỉ đọc/);
  });

  test('the code may sit in debugInfo only', () => {
    expect(officeErrorMessage({ debugInfo: { code: 'ItemNotFound' } })).toMatch(/^Không tìm thấy sheet/);
  });

  test("the adapter's own errors keep their message", () => {
    expect(officeErrorMessage(new OfficeAdapterError('no_such_sheet', 'Không có sheet "X" trong tệp.'))).toBe('Không có sheet "X" trong tệp.');
  });

  test('anything else: a generic sentence that names the code when there is one', () => {
    expect(officeErrorMessage({ code: 'SomethingNew' })).toBe(
      'Excel báo lỗi khi xử lý (mã lỗi SomethingNew). Hãy thử lại; nếu vẫn lỗi, hãy lưu tệp, đóng rồi mở lại Excel.',
    );
    expect(officeErrorMessage(undefined)).toBe('Excel báo lỗi khi xử lý. Hãy thử lại; nếu vẫn lỗi, hãy lưu tệp, đóng rồi mở lại Excel.');
    expect(officeErrorMessage('boom')).toMatch(/^Excel báo lỗi/);
  });

  test('every message is a Vietnamese sentence ending with a full stop', () => {
    const codes = ['MergedRangeConflict', 'FilteredRangeConflict', 'Conflict', 'InactiveWorkbook', 'ApiNotFound', 'ActivityLimitReached', 'RangeExceedsLimit', 'ItemAlreadyExists'];
    for (const code of codes) expect(officeErrorMessage({ code })).toMatch(/^[A-ZĐÁÀẢÃẠÂẤẦẨẪẬĂẮẰẲẴẶÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ].*\.$/u);
  });
});

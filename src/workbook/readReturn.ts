/**
 * One return as bytes → its sheets, or the reason it cannot be used (Vietnamese). Shared by the
 * command line (files on disk) and the task pane (files picked or dropped in the browser).
 * Never runs macros, never writes.
 */
import type { ReturnFile } from '../domain/merge';
import { OWN_SHEETS } from './runCheck';
import { openXlsx, type XlsxLimits } from './xlsx';

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * @example
 * readReturnBytes('bao-cao.xlsm', bytes) // { file: 'bao-cao.xlsm', rejected: 'Tệp .xlsm có thể chứa macro …' }
 */
export function readReturnBytes(file: string, bytes: Uint8Array, limits?: Partial<XlsxLimits>): ReturnFile {
  const ext = extension(file);
  if (ext === '.xlsm' || ext === '.xltm' || ext === '.xlsb') {
    return { file, rejected: `Tệp ${ext} có thể chứa macro nên không được mở (không bao giờ chạy macro). Hãy mở trong Excel và lưu thành .xlsx.` };
  }
  if (ext === '.xls') return { file, rejected: 'Tệp .xls là định dạng cũ. Hãy mở trong Excel và lưu thành .xlsx (Excel Workbook).' };
  if (bytes.length === 0) return { file, rejected: 'Tệp rỗng (0 byte). Hãy xin đơn vị gửi lại.' };
  const opened = openXlsx(bytes, limits);
  if (!opened.ok) return { file, rejected: opened.error.message };
  const wb = opened.value;
  const sheets = [];
  for (const name of wb.sheetNamesSync()) {
    if (OWN_SHEETS.includes(name)) continue;
    const read = wb.readSheetResult(name);
    if (!read.ok) return { file, rejected: read.error.message };
    sheets.push(read.value);
  }
  return { file, sheets };
}

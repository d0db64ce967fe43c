/**
 * One return as bytes → its sheets, or the reason it cannot be used (Vietnamese). Shared by the
 * command line (files on disk) and the task pane (files picked or dropped in the browser).
 * Never runs macros, never writes.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { SheetGrid } from '../domain/grid';
import type { ReturnFile } from '../domain/merge';
import { contentKind } from './ownSheets';
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
  try {
    return readReturnUnguarded(file, bytes, limits);
  } catch (e) {
    // An intake run goes on: one file we cannot understand is rejected, the others still go in.
    return { file, rejected: `Không đọc được tệp (lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}). Hãy mở tệp trong Excel, lưu lại thành .xlsx rồi nhập lại.` };
  }
}

function readReturnUnguarded(file: string, bytes: Uint8Array, limits?: Partial<XlsxLimits>): ReturnFile {
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
  let register: SheetGrid | undefined;
  let unreadable: string | undefined;
  for (const { name, mark } of wb.sheetInfosSync()) {
    const read = wb.readSheetResult(name);
    // One unreadable sheet does not spoil the return: the table may be on another one.
    if (!read.ok) {
      unreadable ??= read.error.message;
      continue;
    }
    // The product's own sheets (a return that was checked before it was sent) hold no units;
    // an earlier master's register (`Danh bạ CĐCS`) is kept aside for chasing.
    const kind = mark ?? contentKind(read.value);
    if (kind === 'register') register ??= read.value;
    if (kind) continue;
    sheets.push(read.value);
  }
  if (!sheets.length && unreadable) return { file, rejected: unreadable };
  const saved = savedTime(bytes);
  return { file, sheets, ...(saved ? { saved } : {}), ...(register ? { register } : {}) };
}

/** core.xml is a few hundred bytes; anything larger is not read. */
const CORE_LIMIT = 1 << 16;

/**
 * When the file says it was last saved: `dcterms:modified` of docProps/core.xml (ISO 8601, as
 * Excel and LibreOffice write it), or undefined when the part or the date is absent. Chasing
 * shows it beside each return (`Ngày lưu tệp`).
 *
 * @example
 * savedTime(bytes) // '2024-03-05T08:12:00Z'
 */
export function savedTime(bytes: Uint8Array): string | undefined {
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name.toLowerCase() === 'docprops/core.xml' && f.originalSize <= CORE_LIMIT });
    const part = Object.values(parts)[0];
    if (!part) return undefined;
    const m = /<(?:[\w.-]+:)?modified\b[^>]*>\s*([^<]*?)\s*<\//.exec(strFromU8(part));
    return m && /^\d{4}-\d\d-\d\d/.test(m[1]) ? m[1] : undefined;
  } catch {
    // A date we cannot read is only a blank cell in the tracking sheet.
    return undefined;
  }
}

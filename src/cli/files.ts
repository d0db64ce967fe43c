/**
 * File access for the command line: read a workbook (never written back), write outputs.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openXlsx, type XlsxWorkbook } from '../workbook/xlsx';

export class UsageError extends Error {}

/**
 * Value cells one sheet may hold on the command line: 16,000,000 (a 1,000,000-row table of 16
 * columns). Measured: a 1,000,000 × 14 table (14,000,000 cells) needs about 1.3 GB of JavaScript
 * heap for the grid, the result and the plan, within Node's default heap on 64-bit machines.
 * The panes keep the package default (2,000,000): a browser tab has far less memory.
 */
export const CLI_MAX_CELLS = 16_000_000;

/** Opens an input workbook read-only; UsageError with a Vietnamese line when it cannot be used. */
export function openInput(path: string): XlsxWorkbook {
  if (!existsSync(path)) throw new UsageError(`Không tìm thấy tệp "${path}". Hãy kiểm tra lại đường dẫn.`);
  if (statSync(path).isDirectory()) throw new UsageError(`"${path}" là thư mục, không phải tệp .xlsx.`);
  let bytes: Uint8Array;
  try {
    // A view, not a copy (9 MB less for a 100,000-row file): the package only reads it by index.
    const file = readFileSync(path);
    bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`Không đọc được tệp "${path}" (${code}): hãy kiểm tra quyền đọc tệp hoặc đóng chương trình đang khoá tệp rồi thử lại.`);
  }
  const opened = openXlsx(bytes, { maxCells: CLI_MAX_CELLS });
  if (!opened.ok) throw new UsageError(`${path}: ${opened.error.message}`);
  return opened.value;
}

function same(a: string, b: string): boolean {
  const ra = existsSync(a) ? realpathSync(a) : resolve(a);
  const rb = existsSync(b) ? realpathSync(b) : resolve(b);
  return ra === rb;
}

/** Refuses an output path that is the input file: the input is never written to. */
export function guardOutput(input: string, output: string): void {
  if (same(input, output)) {
    throw new UsageError(`Tệp kết quả "${output}" trùng với tệp đầu vào. Hãy chọn tên khác (tệp gốc không bao giờ bị ghi đè).`);
  }
}

/**
 * Refuses, before any work, an output path that cannot be written: a folder, a path under a
 * file, a folder or file without write permission. `option` names the option (`--out`).
 *
 * @example
 * checkWritable('ket-qua', '--out') // UsageError when ket-qua is a folder
 */
export function checkWritable(path: string, option: string): void {
  const full = resolve(path);
  const isDir = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  if (/[\\/]$/.test(path) || isDir(full)) {
    throw new UsageError(`${option} "${path}" là một thư mục: hãy ghi cả tên tệp, ví dụ ${option} ${join(path, 'ket-qua.xlsx')}.`);
  }
  // The nearest part of the path that exists: it must be a folder we may write into (the rest is created).
  let existing = dirname(full);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!isDir(existing)) {
    throw new UsageError(`Không ghi được ${option} "${path}": "${existing}" là một tệp, không phải thư mục. Hãy chọn đường dẫn khác.`);
  }
  const target = existsSync(full) ? full : existing;
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new UsageError(`Không có quyền ghi ${option} "${path}" (${target === full ? 'tệp chỉ đọc' : `thư mục ${existing}`}). Hãy chọn thư mục khác, ví dụ thư mục Tài liệu của bạn.`);
  }
}

/** Writes an output file; a failure (disk full, file open in Excel on Windows…) is one Vietnamese line. */
export function writeOutput(path: string, data: Uint8Array | string): void {
  try {
    const dir = dirname(resolve(path));
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`Không ghi được tệp "${path}" (${code}): hãy đóng tệp nếu đang mở trong Excel, kiểm tra quyền ghi và chỗ trống trên đĩa, rồi thử lại.`);
  }
}

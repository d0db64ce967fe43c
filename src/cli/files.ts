/**
 * File access for the command line: read a workbook (never written back), write outputs.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openXlsx, type XlsxWorkbook } from '../workbook/xlsx';

export class UsageError extends Error {}

/** Opens an input workbook read-only; UsageError with a Vietnamese line when it cannot be used. */
export function openInput(path: string): XlsxWorkbook {
  if (!existsSync(path)) throw new UsageError(`Không tìm thấy tệp "${path}". Hãy kiểm tra lại đường dẫn.`);
  if (statSync(path).isDirectory()) throw new UsageError(`"${path}" là thư mục, không phải tệp .xlsx.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`Không đọc được tệp "${path}" (${code}): hãy kiểm tra quyền đọc tệp hoặc đóng chương trình đang khoá tệp rồi thử lại.`);
  }
  const opened = openXlsx(bytes);
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

export function writeOutput(path: string, data: Uint8Array | string): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeFileSync(path, data);
}

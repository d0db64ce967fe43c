/**
 * `chitieu send-out --register DANH-BA.xlsx --preset ID --year YYYY [--previous TỔNG_HỢP_NĂM_TRƯỚC.xlsx]
 * --out THƯ_MỤC/`: one pre-filled return per register unit (spec/interfaces.md "Send-out"), written
 * one at a time into the folder, and one summary line.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findRegister } from '../domain/cycle/register';
import { sendOutFileName, sendOutFileNames } from '../domain/cycle/sendOutName';
import { previousFigures, type PreviousFigures } from '../domain/cycle/sendOutPrevious';
import { formatNumber } from '../domain/format';
import type { SheetGrid } from '../domain/grid';
import { findPreset, PRESETS } from '../domain/presets';
import { contentKind } from '../workbook/ownSheets';
import { sendOutFiles } from '../workbook/render/sendOutFiles';
import type { XlsxWorkbook } from '../workbook/xlsx';
import type { ParsedArgs } from './args';
import type { Io } from './commands';
import { openInput, UsageError, writeOutput } from './files';

const USAGE = 'chitieu send-out --register DANH-BA.xlsx --preset ID --year NĂM [--previous TỔNG_HỢP_NĂM_TRƯỚC.xlsx] --out THƯ_MỤC';
/** Register notes shown on stderr; the rest are counted. */
const LISTED_NOTES = 10;

/** Every sheet of a workbook that can be read (one that cannot is skipped: the table may be on another). */
function readableSheets(wb: XlsxWorkbook): SheetGrid[] {
  const out: SheetGrid[] = [];
  for (const name of wb.sheetNamesSync()) {
    const read = wb.readSheetResult(name);
    if (read.ok) out.push(read.value);
  }
  return out;
}

/** Last year's figures from `--previous`: the first user table (the product's own sheets are not). */
function readPrevious(path: string, year: number): PreviousFigures {
  const sheets = readableSheets(openInput(path)).filter((g) => contentKind(g) === undefined);
  const found = previousFigures(sheets, year);
  if (!found) {
    throw new UsageError(`${path}: không thấy bảng số liệu của một năm trước ${year} (cần dòng tiêu đề có "Mã đơn vị" và cột Năm nhỏ hơn ${year}). Hãy chỉ ra bảng tổng hợp năm trước.`);
  }
  return found;
}

/**
 * The output folder, created if missing. Refused when it is a file, or when it already holds a
 * file of this send-out's names: it may be a return a unit sent back, never overwritten.
 */
function prepareFolder(dir: string, names: readonly string[]): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out "${dir}" là một tệp: hãy chỉ ra một thư mục, ví dụ --out mau-gui-cdcs/.`);
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UsageError(`Không tạo được thư mục "${dir}" (${(e as NodeJS.ErrnoException).code ?? String(e)}). Hãy chọn thư mục khác.`);
    }
    return;
  }
  const present = new Set(readdirSync(dir).map((n) => n.toLowerCase()));
  const clash = names.filter((n) => present.has(n.toLowerCase()));
  if (clash.length) {
    throw new UsageError(
      `Thư mục "${dir}" đã có ${formatNumber(clash.length)} tệp trùng tên mẫu sẽ tạo (ví dụ ${clash[0]}); không ghi đè vì đó có thể là báo cáo đơn vị đã gửi lại. Hãy chọn thư mục trống khác hoặc chuyển các tệp đó đi.`,
    );
  }
}

export function sendOutCommand(args: ParsedArgs, io: Io): number {
  const registerPath = args.options.get('register');
  const id = args.options.get('preset');
  const yearText = args.options.get('year');
  const out = args.options.get('out');
  const previousPath = args.options.get('previous');
  if (!registerPath) throw new UsageError(`Hãy cho biết tệp danh bạ đơn vị: ${USAGE}`);
  if (!id) throw new UsageError(`Hãy chọn bộ chỉ tiêu: --preset ID (xem "chitieu presets").`);
  const set = findPreset(id);
  if (!set) throw new UsageError(`Không có bộ chỉ tiêu "${id}". Các bộ có sẵn: ${PRESETS.map((p) => p.id).join(', ')}.`);
  if (!yearText) throw new UsageError('Hãy cho biết năm báo cáo: --year NĂM (ví dụ --year 2025).');
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year cần năm có bốn chữ số (ví dụ 2025), không phải "${yearText}".`);
  const year = Number(yearText);
  if (!out) throw new UsageError(`Hãy cho biết thư mục sẽ ghi các mẫu: --out THƯ_MỤC (ví dụ --out mau-gui-cdcs-${year}/).`);

  const register = findRegister(readableSheets(openInput(registerPath)));
  if (!register.ok) throw new UsageError(`${registerPath}: ${register.message}`);
  if (register.units.length === 0) throw new UsageError(`${registerPath}: danh bạ trong sheet "${register.sheet}" không có đơn vị nào có mã đơn vị.`);
  const previous = previousPath ? readPrevious(previousPath, year) : undefined;

  // The folder is checked against every name before anything is written.
  prepareFolder(out, sendOutFileNames(register.units.map((u) => u.code), year));
  let written = 0;
  let withPrevious = 0;
  const renamed: string[] = [];
  for (const f of sendOutFiles({ set, year, units: register.units, ...(previous ? { previous } : {}) })) {
    writeOutput(join(out, f.name), f.bytes);
    written++;
    if (f.withPrevious) withPrevious++;
    if (f.name !== sendOutFileName(f.unit.code, year)) renamed.push(`mã "${f.unit.code}" (dòng ${f.unit.row}) ghi thành ${f.name} vì trùng tên tệp với đơn vị khác`);
    if (io.progress && written % 100 === 0) io.err(`[${written}/${register.units.length}]`);
  }
  const notes = [...register.problems.map((p) => p.message), ...renamed];
  for (const n of notes.slice(0, LISTED_NOTES)) io.err(`Lưu ý: ${n}`);
  if (notes.length > LISTED_NOTES) io.err(`… và ${formatNumber(notes.length - LISTED_NOTES)} lưu ý khác.`);
  const ref = previous ? `; ${formatNumber(withPrevious)} mẫu có số liệu năm ${previous.year} để đối chiếu` : '';
  io.out(`Đã tạo ${formatNumber(written)} mẫu báo cáo năm ${year} (bộ ${set.id}), mỗi đơn vị một tệp bao-cao-<mã>-${year}.xlsx, trong thư mục ${resolve(out)}${ref}.`);
  return 0;
}

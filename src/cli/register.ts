/**
 * `chitieu register --from MASTER.xlsx --out DANH-BA.xlsx [--sheet TÊN]`: makes the unit register
 * (`Danh bạ CĐCS`) from an existing data table — one row per unit, in the table's order, with
 * the contact columns the table has (empty otherwise).
 */
import { resolve } from 'node:path';
import { readRegister } from '../domain/cycle/register';
import { formatNumber } from '../domain/format';
import { listSheets, resolveOwnSheets, sheetKey } from '../workbook/ownSheets';
import { registerSheet } from '../workbook/render/registerSheet';
import { findDataSheet } from '../workbook/runCheck';
import { createXlsx } from '../workbook/xlsx';
import type { ParsedArgs } from './args';
import type { Io } from './commands';
import { checkWritable, guardOutput, openInput, UsageError, writeOutput } from './files';

/** Problems listed on the terminal; the rest are counted. */
const LISTED_PROBLEMS = 20;

/**
 * @example
 * await registerCommand(parseArgs(['register', '--from', 'tong-hop.xlsx', '--out', 'danh-ba.xlsx'], ['from', 'out', 'sheet'], []).value, io) // 0
 */
export async function registerCommand(args: ParsedArgs, io: Io): Promise<number> {
  const from = args.options.get('from');
  const out = args.options.get('out');
  if (!from) throw new UsageError('Hãy cho biết tệp có bảng số liệu: chitieu register --from TỔNG_HỢP.xlsx --out DANH-BA.xlsx');
  if (!out) throw new UsageError('Hãy cho biết tệp danh bạ sẽ ghi: --out DANH-BA.xlsx');
  guardOutput(from, out);
  checkWritable(out, '--out');
  const wb = openInput(from);
  const sheets = await listSheets(wb);
  const wanted = args.options.get('sheet');
  let grid;
  if (wanted !== undefined) {
    const named = sheets.find((s) => sheetKey(s.name) === sheetKey(wanted));
    if (!named) throw new UsageError(`${from}: không có sheet "${wanted}". Các sheet trong tệp: ${sheets.map((s) => s.name).join(', ')}.`);
    grid = await wb.readSheet(named.name);
  } else {
    // The product's own sheets (a register already there, Theo dõi nộp báo cáo…) are never the table.
    grid = (await findDataSheet(wb, sheets, (await resolveOwnSheets(wb, sheets)).own))?.grid;
  }
  if (!grid) {
    throw new UsageError(`${from}: không tìm thấy bảng số liệu CĐCS (cần một dòng tiêu đề có "Mã đơn vị" và "Tên đơn vị"). Hãy chỉ ra tệp tổng hợp hoặc tệp số liệu có danh sách đơn vị.`);
  }
  const read = readRegister(grid);
  if (!read.ok) throw new UsageError(`${from}: ${read.message}`);
  if (read.units.length === 0) throw new UsageError(`${from}: bảng trong sheet "${grid.name}" không có dòng đơn vị nào có mã đơn vị.`);
  const book = createXlsx();
  book.applySync({ sheets: [registerSheet(read.units)] });
  writeOutput(out, book.toBytes());
  io.out(`Đã tạo danh bạ ${formatNumber(read.units.length)} đơn vị từ sheet "${grid.name}": ${resolve(out)}`);
  for (const p of read.problems.slice(0, LISTED_PROBLEMS)) io.out(`  Lưu ý: ${p.message}`);
  if (read.problems.length > LISTED_PROBLEMS) io.out(`  … và ${formatNumber(read.problems.length - LISTED_PROBLEMS)} lưu ý khác.`);
  io.out('  — điền cột Người liên hệ, Điện thoại, Email rồi dùng tệp này với "chitieu merge … --register DANH-BA.xlsx" để biết đơn vị nào chưa nộp.');
  return 0;
}

/**
 * A big table where every unit leaves its required cells blank: `chitieu check --out --json`
 * must finish. 15,000 such units used to end in "Maximum call stack size exceeded" (the problems
 * were appended with `push(...list)`). The memory this takes is measured by `npm run bench`
 * ("blank-required" line), not here.
 */
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../src/cli/commands';
import { run } from '../src/cli/main';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const UNITS = 15_000;
const dir = mkdtempSync(join(tmpdir(), 'chitieu-blank-'));

/** The bd-cdvc-2024 header on row 1; each unit row holds only its year (column D, `Năm`). */
async function writeBlankReturn(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu CĐCS');
  ws.addRow([...BD_CDVC_2024_HEADERS]);
  for (let i = 0; i < UNITS; i++) ws.addRow([null, null, null, 2024]);
  await wb.xlsx.writeFile(file);
}

/**
 * The first few thousand characters of each worksheet part, read with fflate's own unzip and
 * stopped there: the Kiểm tra part is ~170 MB of XML, its head says enough.
 */
function worksheetHeads(bytes: Uint8Array): Map<string, string> {
  const heads = new Map<string, string>();
  const unzip = new Unzip((file) => {
    if (!file.name.startsWith('xl/worksheets/')) return;
    const decoder = new TextDecoder();
    let text = '';
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      text += decoder.decode(chunk, { stream: !final });
      if (text.length < 4000 && !final) return;
      heads.set(file.name, text.slice(0, 4000));
      if (!final) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return heads;
}

describe(`check on ${UNITS.toLocaleString('en')} units with blank required cells`, () => {
  it('writes the result workbook and the JSON report with one problem per blank cell', async () => {
    const input = join(dir, 'trong.xlsx');
    await writeBlankReturn(input);
    const out = join(dir, 'ket-qua.xlsx');
    const json = join(dir, 'bao-cao.json');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: Io = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today: new Date(2026, 10, 21) };

    const code = await run(['check', input, '--preset', 'bd-cdvc-2024', '--out', out, '--json', json], io);

    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    // Per unit row (worked out from spec/validation.md and spec/indicators.md, bd-cdvc-2024):
    // - A Mã đơn vị, B Tên đơn vị, C Khu vực are required in every unit row: 3 blanks;
    // - the indicators read E so_ld_du_dk, F so_dv (bao_phu_dv, sang_kien_15), G dv_sang_kien,
    //   H co_ke_hoach, I dang_ky_thi_dua, J phat_dong_cds, K dang_ky_vh, L dat_chuan_vh,
    //   M xep_loai (khong_kht), none limited to part of the units, all rows of year 2024: 9 blanks;
    // - D Năm is filled. So 12 errors a row: 12 × 15,000 = 180,000, no warnings.
    expect(stdout).toContain('Kiểm tra: 180.000 lỗi, 0 cảnh báo.');

    const report = JSON.parse(readFileSync(json, 'utf8')) as { problems: { cell: string; rule: string; message: string }[] };
    expect(report.problems).toHaveLength(180_000);
    expect(report.problems.every((p) => p.rule === 'required_missing')).toBe(true);
    // In row order, then column order: the first is A2, the last M15001 (the last unit's row).
    expect(report.problems[0].cell).toBe('A2');
    expect(report.problems[0].message).toBe('Ô A2: Cột "Mã đơn vị" của dòng 2 đang trống. Hãy nhập mã đơn vị (ví dụ CD001).');
    expect(report.problems[179_999].cell).toBe('M15001');

    // The Kiểm tra sheet lists them all: title, note and header rows, then one row per problem,
    // so rows 1 to 3 + 180,000 = 180,003, columns A (STT) to H (Nội dung).
    const head = [...worksheetHeads(readFileSync(out)).values()].find((x) => x.includes('KẾT QUẢ KIỂM TRA SỐ LIỆU'));
    expect(head).toContain('<dimension ref="A1:H180003"/>');
    expect(head).toContain('180.000 lỗi, 0 cảnh báo');
  }, 120_000);
});

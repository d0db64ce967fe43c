/**
 * `chitieu merge` on returns built here with ExcelJS: each intake case, the master's content
 * cell by cell, the per-file report, idempotent re-import, and formula text kept as text.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/commands';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const TODAY = new Date(2026, 10, 21);
const io = (): Io & { stdout: string[]; stderr: string[] } => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today: TODAY };
};

// bd-cdvc-2024's master columns, in catalog order, then Nguồn.
const MASTER_HEADER = [...BD_CDVC_2024_HEADERS, 'Nguồn'];
const STD = MASTER_HEADER.slice(0, 13);
const unit = (code: string, name: string, so_dv: number | string, xl = 'HTT') => [code, name, 'Nhà nước', 2024, 20, so_dv, 3, 'Có', 'Có', 'Có', 'Có', 'Có', xl];

async function book(file: string, rows: unknown[][], sheet = 'Báo cáo'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

async function masterRows(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Dữ liệu CĐCS')!;
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    const vals: unknown[] = [];
    for (let c = 1; c <= MASTER_HEADER.length; c++) vals.push(row.getCell(c).value ?? null);
    out[n - 1] = vals;
  });
  return out;
}

describe('chitieu merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-merge-'));
  const inbox = join(dir, 'bao-cao');
  mkdirSync(inbox);
  const f = (n: string) => join(inbox, n);

  beforeAll(async () => {
    // r1: two units and a totals row (not a unit).
    await book(f('r1.xlsx'), [STD, unit('CD01', 'CĐCS Trường A', 20), unit('CD02', 'CĐCS Sở B', 18), [null, 'Tổng cộng', null, null, 40, 38]]);
    // r2: title rows, columns reordered and renamed, a TCVN3 name, formula-looking names, text number.
    await book(f('r2.xlsx'), [
      ['BÁO CÁO SỐ LIỆU NĂM 2024'],
      [],
      ['Xếp loại', 'Số ĐV', 'Tên CĐCS', 'Mã CĐCS', 'Khu vực', 'Năm', 'Số CBCCVCLĐ đủ điều kiện gia nhập', 'ĐV đăng ký SK', 'Có chương trình, kế hoạch gắn nhiệm vụ chính trị', 'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên', 'Phát động thi đua chuyển đổi số', 'Đăng ký xây dựng cơ quan đạt chuẩn văn hóa', 'Được công nhận đạt chuẩn văn hóa'],
      ['HTXS', '20', 'C«ng ®oµn Tr­êng C', 'CD03', 'Nhà nước', 2024, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có'],
      ['HT', 10, '=1+1', 'CD04', 'Nhà nước', 2024, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Có'],
      ['HT', 10, '@SUM(A1)', 'CD05', 'Nhà nước', 2024, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Có'],
    ]);
    // r3: a corrected return for CD02, sent later: replaces r1's CD02.
    await book(f('r3.xlsx'), [STD, unit('CD02', 'CĐCS Sở B', 20)]);
    // r1's content again under another name: a duplicate.
    await book(f('r4-gui-lai.xlsx'), [STD, unit('CD01', 'CĐCS Trường A', 20), unit('CD02', 'CĐCS Sở B', 18), [null, 'Tổng cộng', null, null, 40, 38]]);
    // Unusable files.
    writeFileSync(f('r5.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(f('r6.xlsm'), 'PK');
    writeFileSync(f('r7.xlsx'), '');
    await book(f('r8.xlsx'), [['Kính gửi LĐLĐ tỉnh'], ['Số liệu xin gửi sau.']]);
    writeFileSync(f('r9.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3])); // encrypted .xlsx is an OLE file too
  });

  it('builds the master, reports each file, and checks the master', async () => {
    const c = io();
    const code = await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--out', join(dir, 'tong-hop.xlsx'), '--json', join(dir, 'tong-hop.json')], c);
    expect(c.stderr).toEqual([]);
    expect(code).toBe(0);

    const report = JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8'));
    expect(report.files.map((x: { file: string; status: string; units: number }) => [x.file, x.status, x.units])).toEqual([
      ['r1.xlsx', 'accepted', 1], // CD02 replaced by r3
      ['r2.xlsx', 'accepted', 3],
      ['r3.xlsx', 'accepted', 1],
      ['r4-gui-lai.xlsx', 'duplicate', 0],
      ['r5.xls', 'rejected', 0],
      ['r6.xlsm', 'rejected', 0],
      ['r7.xlsx', 'rejected', 0],
      ['r8.xlsx', 'rejected', 0],
      ['r9.xlsx', 'rejected', 0],
    ]);
    const reason = (file: string) => report.files.find((x: { file: string }) => x.file === file).reason as string;
    expect(reason('r1.xlsx')).toContain('r3.xlsx');
    expect(reason('r4-gui-lai.xlsx')).toContain('r1.xlsx');
    expect(reason('r5.xls')).toContain('.xlsx');
    expect(reason('r6.xlsm')).toContain('macro');
    expect(reason('r7.xlsx')).toContain('rỗng');
    expect(reason('r8.xlsx')).toContain('Không tìm thấy bảng');
    expect(reason('r9.xlsx')).toContain('mật khẩu');

    // Problems per file at the cell in that file: r2's TCVN3 name is C4 of r2.
    const legacy = report.problems.find((p: { rule: string }) => p.rule === 'legacy_encoding');
    expect(legacy).toMatchObject({ file: 'r2.xlsx', sheet: 'Báo cáo', cell: 'C4', unit: 'CD03' });
    // The master is checked too: units in master order, year 2024.
    expect(report.year).toBe(2024);
    expect(report.units.map((u: { code: string }) => u.code)).toEqual(['CD01', 'CD02', 'CD03', 'CD04', 'CD05']);

    // The master, cell by cell (the replacing CD02 keeps CD02's first place).
    const rows = await masterRows(join(dir, 'tong-hop.xlsx'));
    expect(rows[0]).toEqual(MASTER_HEADER);
    expect(rows.slice(1)).toEqual([
      [...unit('CD01', 'CĐCS Trường A', 20), 'r1.xlsx, dòng 2'],
      [...unit('CD02', 'CĐCS Sở B', 20), 'r3.xlsx, dòng 2'],
      ['CD03', 'C«ng ®oµn Tr­êng C', 'Nhà nước', 2024, 20, '20', 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'HTXS', 'r2.xlsx, dòng 4'],
      ['CD04', '=1+1', 'Nhà nước', 2024, 10, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Có', 'HT', 'r2.xlsx, dòng 5'],
      ['CD05', '@SUM(A1)', 'Nhà nước', 2024, 10, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Có', 'HT', 'r2.xlsx, dòng 6'],
    ]);
  });

  it('merging again gives the same master; importing the same files twice changes nothing', async () => {
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--out', join(dir, 'lan-2.xlsx')], io())).toBe(0);
    const again = [f('r1.xlsx'), f('r2.xlsx'), f('r3.xlsx'), f('r1.xlsx'), f('r2.xlsx'), f('r3.xlsx')];
    const c = io();
    expect(await run(['merge', ...again, '--preset', 'bd-cdvc-2024', '--out', join(dir, 'lan-3.xlsx'), '--json', join(dir, 'lan-3.json')], c)).toBe(0);
    const first = await masterRows(join(dir, 'tong-hop.xlsx'));
    expect(await masterRows(join(dir, 'lan-2.xlsx'))).toEqual(first);
    expect(await masterRows(join(dir, 'lan-3.xlsx'))).toEqual(first);
    const report = JSON.parse(readFileSync(join(dir, 'lan-3.json'), 'utf8'));
    expect(report.files.map((x: { status: string }) => x.status)).toEqual(['accepted', 'accepted', 'accepted', 'duplicate', 'duplicate', 'duplicate']);
  });

  it('formula-looking text from a return stays text (ExcelJS and LibreOffice)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tong-hop.xlsx'));
    const cell = wb.getWorksheet('Dữ liệu CĐCS')!.getCell('B5');
    expect(cell.value).toBe('=1+1');
    expect(cell.formula).toBeUndefined();
    const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
    if (!soffice) {
      expect(process.env.CI).toBeFalsy();
      return;
    }
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'csv', '--outdir', dir, join(dir, 'tong-hop.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const csv = readFileSync(join(dir, 'tong-hop.csv'), 'utf8').split('\n');
    // Row 5 of the master: LibreOffice shows the text, not 2.
    expect(csv[4].split(',').slice(0, 2)).toEqual(['CD04', '=1+1']);
    expect(csv[5].split(',').slice(0, 2)).toEqual(['CD05', '@SUM(A1)']);
  }, 180_000);

  it('unusable command lines exit 2', async () => {
    expect(await run(['merge', '--preset', 'bd-cdvc-2024', '--out', join(dir, 'x.xlsx')], io())).toBe(2);
    expect(await run(['merge', inbox, '--out', join(dir, 'x.xlsx')], io())).toBe(2);
    expect(await run(['merge', join(dir, 'khong-co'), '--preset', 'bd-cdvc-2024', '--out', join(dir, 'x.xlsx')], io())).toBe(2);
  });
});

/**
 * Chasing returns with `chitieu merge … --register`: a register and five returns built here with
 * ExcelJS — one on time, one sent twice (the later replaces the earlier), one whose file name
 * names another code than its table, one from a unit the register does not list, and two
 * register units that sent nothing — checked in the JSON `register` block and in the
 * `Theo dõi nộp báo cáo` sheet read back from the master.
 */
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';
import { captureIo } from './support/cliIo';

const TODAY = new Date(2026, 10, 21);
const unitRow = (code: string, name: string, soDv: number) => [code, name, 'Nhà nước', 2024, 20, soDv, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'HTT'];

async function book(file: string, sheet: string, rows: unknown[][], modified?: Date): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (modified) wb.modified = modified;
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

/** The same file without docProps/core.xml (a return that says nothing about when it was saved). */
function withoutCoreProperties(file: string): void {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  delete parts['docProps/core.xml'];
  parts['_rels/.rels'] = strToU8(new TextDecoder().decode(parts['_rels/.rels']).replace(/<Relationship[^>]*core[^>]*\/>/, ''));
  writeFileSync(file, zipSync(parts));
}

describe('chitieu merge --register: chasing returns', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-chasing-'));
  const inbox = join(dir, 'bao-cao');
  mkdirSync(inbox);
  const f = (n: string) => join(inbox, n);
  const register = join(dir, 'danh-ba.xlsx');
  const master = join(dir, 'tong-hop.xlsx');
  const json = join(dir, 'tong-hop.json');
  let stdout: string[] = [];

  beforeAll(async () => {
    // A register typed by hand: a title, aliases for the headers, a total line under the units.
    await book(register, 'Danh bạ CĐCS', [
      ['DANH BẠ CĐCS NĂM 2024'],
      ['Mã CĐCS', 'Tên CĐCS', 'Trực thuộc', 'Người phụ trách', 'Số điện thoại', 'Email'],
      ['CD001', 'CĐCS Trường A', 'CĐ Giáo dục', 'Nguyễn Văn An', '0912000001', 'a@x.vn'],
      ['CD002', 'CĐCS Sở B', null, null, null, null],
      // A unit without a code: left out of the register, named in the JSON at its cell (A5).
      [null, 'CĐCS Không mã', null, 'Phạm Văn Ba', null, null],
      ['CD003', 'CĐCS Bệnh viện C', null, null, null, null],
      ['CD004', 'CĐCS Công ty D', null, 'Lê Thị Dung', '0912000004', null],
      ['CD005', 'CĐCS Xã E', null, null, null, 'e@x.vn'],
      [null, 'Tổng cộng: 5 đơn vị'],
    ]);
    const header = [...BD_CDVC_2024_HEADERS];
    // Read in name order: CD001, CD002, CD002-lan2 (after the shorter name), CD009, CD999.
    await book(f('bao-cao-CD001-2024.xlsx'), 'Báo cáo', [header, unitRow('CD001', 'CĐCS Trường A', 20)], new Date(Date.UTC(2024, 2, 5, 20, 30)));
    await book(f('bao-cao-CD002-2024.xlsx'), 'Báo cáo', [header, unitRow('CD002', 'CĐCS Sở B', 18)], new Date(Date.UTC(2024, 2, 1, 2, 0)));
    await book(f('bao-cao-CD002-2024-lan2.xlsx'), 'Báo cáo', [header, unitRow('CD002', 'CĐCS Sở B', 19)], new Date(Date.UTC(2024, 2, 10, 3, 0)));
    // CD003's figures under a name that says CD009.
    await book(f('bao-cao-CD009-2024.xlsx'), 'Báo cáo', [header, unitRow('CD003', 'CĐCS Bệnh viện C', 40)]);
    withoutCoreProperties(f('bao-cao-CD009-2024.xlsx'));
    await book(f('bao-cao-CD999-2024.xlsx'), 'Báo cáo', [header, unitRow('CD999', 'CĐCS Lạ', 9)], new Date(Date.UTC(2024, 2, 7, 1, 0)));

    const io = captureIo(TODAY);
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--register', register, '--out', master, '--json', json], io)).toBe(0);
    stdout = io.stdout;
  });

  it('reports the register block in the JSON exactly as worked out by hand', () => {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    // 5 in the register; CD001, CD002 (twice) and CD003 (under the CD009 name) sent → 3; CD004 and
    // CD005 did not, with the contacts the register has; CD999 is not in the register.
    expect(report.register).toEqual({
      expected: 5,
      received: 3,
      missing: [
        { ma_don_vi: 'CD004', ten_don_vi: 'CĐCS Công ty D', nguoi_lien_he: 'Lê Thị Dung', dien_thoai: '0912000004' },
        { ma_don_vi: 'CD005', ten_don_vi: 'CĐCS Xã E', email: 'e@x.vn' },
      ],
      unknown: [{ file: 'bao-cao-CD999-2024.xlsx', ma_don_vi: 'CD999' }],
      mismatched: [{ file: 'bao-cao-CD009-2024.xlsx', ma_don_vi: 'CD003', ma_trong_ten_tep: 'CD009' }],
      resent: [{ ma_don_vi: 'CD002', file: 'bao-cao-CD002-2024-lan2.xlsx', thay_tep: ['bao-cao-CD002-2024.xlsx'] }],
      problems: [{ sheet: 'Danh bạ CĐCS', cell: 'A5', rule: 'missing_code', message: expect.stringContaining('chưa có mã đơn vị cho "CĐCS Không mã"') }],
    });
    // The earlier CD002 file was replaced by the later one; the warnings sit on their files.
    const byFile = new Map(report.files.map((x: { file: string }) => [x.file, x]));
    expect((byFile.get('bao-cao-CD002-2024.xlsx') as { status: string }).status).toBe('replaced');
    expect((byFile.get('bao-cao-CD999-2024.xlsx') as { warnings: string[] }).warnings[0]).toContain('không có trong danh bạ: CD999 (CĐCS Lạ)');
    expect((byFile.get('bao-cao-CD009-2024.xlsx') as { warnings: string[] }).warnings[0]).toContain('ghi mã CD009 nhưng bảng trong tệp ghi mã CD003');
    expect((byFile.get('bao-cao-CD001-2024.xlsx') as { warnings?: string[] }).warnings).toBeUndefined();
  });

  it('prints the headline, whom to call, the re-sent unit and the warnings', () => {
    expect(stdout).toContain('Đã nhận 3/5 — còn 2 đơn vị chưa nộp');
    expect(stdout).toContain('  Chưa nộp: CD004 CĐCS Công ty D — Lê Thị Dung, 0912000004');
    expect(stdout.some((l) => l.startsWith('  Nộp lại: CD002'))).toBe(true);
    expect(stdout.filter((l) => l.startsWith('  Cảnh báo: ')).length).toBe(2);
  });

  it('writes Theo dõi nộp báo cáo: the headline, one row per register unit, then the unknown return', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    const ws = wb.getWorksheet('Theo dõi nộp báo cáo')!;
    expect(ws).toBeDefined();
    const row = (n: number) => Array.from({ length: 11 }, (_, c) => ws.getRow(n).getCell(c + 1).value ?? null);
    expect(row(1)[0]).toBe('THEO DÕI NỘP BÁO CÁO CĐCS NĂM 2024');
    expect(row(2)[0]).toBe('Đã nhận 3/5 — còn 2 đơn vị chưa nộp');
    expect(row(5)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Tình trạng', 'Tệp', 'Ngày lưu tệp', 'Người liên hệ', 'Điện thoại', 'Email', 'Ghi chú']);
    // Dates: 20:30 UTC on 5 March is 6 March in Hà Nội; 03:00 UTC on 10 March is 10 March; the CD009 file has no core.xml.
    expect(row(6)).toEqual([1, 'CD001', 'CĐCS Trường A', 'CĐ Giáo dục', 'Đã nộp', 'bao-cao-CD001-2024.xlsx', '06/03/2024', 'Nguyễn Văn An', '0912000001', 'a@x.vn', null]);
    expect(row(7)).toEqual([2, 'CD002', 'CĐCS Sở B', null, 'Nộp lại', 'bao-cao-CD002-2024-lan2.xlsx', '10/03/2024', null, null, null, 'Thay tệp nhận trước: bao-cao-CD002-2024.xlsx.']);
    expect(row(8)).toEqual([3, 'CD003', 'CĐCS Bệnh viện C', null, 'Đã nộp', 'bao-cao-CD009-2024.xlsx', null, null, null, null, 'Tên tệp ghi mã CD009.']);
    expect(row(9)).toEqual([4, 'CD004', 'CĐCS Công ty D', null, 'Chưa nộp', null, null, 'Lê Thị Dung', '0912000004', null, null]);
    expect(row(10)).toEqual([5, 'CD005', 'CĐCS Xã E', null, 'Chưa nộp', null, null, null, null, 'e@x.vn', null]);
    // 01:00 UTC on 7 March is 7 March in Hà Nội.
    expect(row(11)).toEqual([6, 'CD999', 'CĐCS Lạ', null, 'Ngoài danh bạ', 'bao-cao-CD999-2024.xlsx', '07/03/2024', null, null, null, 'Đơn vị không có trong danh bạ.']);
    expect(ws.rowCount).toBe(11);

    // Chưa nộp: amber fill, bold italic and a ✗ mark (readable in grey print); Đã nộp plain with ✓.
    const missing = ws.getRow(9).getCell(5);
    expect((missing.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFEB9C$/);
    expect(missing.font).toMatchObject({ bold: true, italic: true, name: 'Times New Roman' });
    expect(missing.numFmt).toBe('"✗ "@');
    const received = ws.getRow(6).getCell(5);
    expect(received.numFmt).toBe('"✓ "@');
    expect(received.font?.italic).toBeFalsy();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '5:5' });
  });

  it('keeps the master table and its check as without a register', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    // CD001, CD002 (the later figures, 19), CD003, CD999: four units in the master.
    const data = wb.getWorksheet('Dữ liệu CĐCS')!;
    const codes: unknown[] = [];
    data.eachRow((r, n) => n > 1 && codes.push(r.getCell(1).value));
    expect(codes).toEqual(['CD001', 'CD002', 'CD003', 'CD999']);
    expect(data.getRow(3).getCell(6).value).toBe(19);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Nhập báo cáo', 'Theo dõi nộp báo cáo', 'Tổng hợp', 'Kiểm tra']));
  });

  it('gives an equal file when run again', async () => {
    const again = join(dir, 'tong-hop-2.xlsx');
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--register', register, '--out', again], captureIo(TODAY))).toBe(0);
    expect(Buffer.compare(readFileSync(again), readFileSync(master))).toBe(0);
  });

  it('without --register, chases against the Danh bạ CĐCS of an earlier master given as input', async () => {
    const late = join(dir, 'bao-cao-CD004-2024.xlsx');
    await book(late, 'Báo cáo', [[...BD_CDVC_2024_HEADERS], unitRow('CD004', 'CĐCS Công ty D', 25)], new Date(Date.UTC(2024, 2, 20, 1, 0)));
    const second = join(dir, 'tong-hop-lan-2.xlsx');
    const secondJson = join(dir, 'tong-hop-lan-2.json');
    const io = captureIo(TODAY);
    expect(await run(['merge', master, late, '--preset', 'bd-cdvc-2024', '--out', second, '--json', secondJson], io)).toBe(0);
    expect(io.stdout).toContain('Theo dõi nộp báo cáo theo danh bạ tệp "tong-hop.xlsx", sheet "Danh bạ CĐCS":');
    const report = JSON.parse(readFileSync(secondJson, 'utf8'));
    // The earlier master holds CD001, CD002, CD003 and CD999; CD004 comes now: 4 of 5, CD005 still missing.
    expect(report.register).toMatchObject({
      expected: 5,
      received: 4,
      missing: [{ ma_don_vi: 'CD005', ten_don_vi: 'CĐCS Xã E', email: 'e@x.vn' }],
      // Named by the file its master row came from (Nguồn), not the master.
      unknown: [{ file: 'bao-cao-CD999-2024.xlsx', ma_don_vi: 'CD999' }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    const ws = wb.getWorksheet('Theo dõi nộp báo cáo')!;
    expect(ws.getRow(2).getCell(1).value).toBe('Đã nhận 4/5 — còn 1 đơn vị chưa nộp');
    // Units carried over keep the file their master row names; CD004's file says 20 March.
    expect([6, 7, 8, 9, 10].map((r) => [ws.getRow(r).getCell(2).value, ws.getRow(r).getCell(5).value, ws.getRow(r).getCell(6).value, ws.getRow(r).getCell(7).value ?? null])).toEqual([
      ['CD001', 'Đã nộp', 'bao-cao-CD001-2024.xlsx', null],
      ['CD002', 'Đã nộp', 'bao-cao-CD002-2024-lan2.xlsx', null],
      ['CD003', 'Đã nộp', 'bao-cao-CD009-2024.xlsx', null],
      ['CD004', 'Đã nộp', 'bao-cao-CD004-2024.xlsx', '20/03/2024'],
      ['CD005', 'Chưa nộp', null, null],
    ]);
    // The register travels with the master for the next intake.
    // Header in row 4, CD001…CD004 in rows 5–8; Điện thoại is column H.
    expect(wb.getWorksheet('Danh bạ CĐCS')?.getRow(8).getCell(8).value).toBe('0912000004');
  });

  it('exits 2 with one line when the register has no table', async () => {
    const bad = join(dir, 'khong-phai-danh-ba.xlsx');
    await book(bad, 'Ghi chú', [['Danh sách gửi sau']]);
    const io = captureIo(TODAY);
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--register', bad, '--out', join(dir, 'x.xlsx')], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain('Không tìm thấy danh bạ đơn vị');
  });
});

describe('the cycle: register → send-out → returns → merge --register', () => {
  it('finds no mismatch in send-out names (codes with marks and slashes too), and one in a renamed return', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-cycle-'));
    const table = join(dir, 'tong-hop-2023.xlsx');
    await book(table, 'Dữ liệu CĐCS', [
      [...BD_CDVC_2024_HEADERS],
      unitRow('CĐ/01', 'CĐCS Trường A', 20),
      unitRow('CD02', 'CĐCS Sở B', 18),
      unitRow('CD03', 'CĐCS Bệnh viện C', 30),
    ]);
    const register = join(dir, 'danh-ba.xlsx');
    expect(await run(['register', '--from', table, '--out', register], captureIo(TODAY))).toBe(0);
    const sent = join(dir, 'gui-di');
    expect(await run(['send-out', '--register', register, '--preset', 'bd-cdvc-2024', '--year', '2024', '--out', sent], captureIo(TODAY))).toBe(0);

    // Back come CĐ/01's return under its own name, CD02's renamed to CD04 by mistake; CD03 sends nothing.
    const inbox = join(dir, 'nhan-ve');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'bao-cao-CD-01-2024.xlsx'), readFileSync(join(sent, 'bao-cao-CD-01-2024.xlsx')));
    writeFileSync(join(inbox, 'bao-cao-CD04-2024.xlsx'), readFileSync(join(sent, 'bao-cao-CD02-2024.xlsx')));
    const json = join(dir, 'tong-hop.json');
    expect(await run(['merge', inbox, '--preset', 'bd-cdvc-2024', '--register', register, '--out', join(dir, 'tong-hop.xlsx'), '--json', json], captureIo(TODAY))).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')).register;
    // 3 in the register; CĐ/01 and CD02 (under the CD04 name) received; CD03 missing.
    expect(report).toMatchObject({
      expected: 3,
      received: 2,
      missing: [{ ma_don_vi: 'CD03', ten_don_vi: 'CĐCS Bệnh viện C' }],
      unknown: [],
      mismatched: [{ file: 'bao-cao-CD04-2024.xlsx', ma_don_vi: 'CD02', ma_trong_ten_tep: 'CD04' }],
    });
  });
});

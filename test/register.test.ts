/**
 * `chitieu register`: the register made from a data table built here with ExcelJS, read back
 * cell by cell (values, font, borders, print setup), read again by the register reader, and the
 * refusal of a workbook without a table.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { readRegister } from '../src/domain/cycle/register';
import { columnsForSet } from '../src/domain/columnsForSet';
import { PRESETS } from '../src/domain/presets';
import { templatePlan } from '../src/workbook/render/templatePlan';
import { contentKind } from '../src/workbook/ownSheets';
import { openXlsx } from '../src/workbook/xlsx';
import { captureIo } from './support/cliIo';

const TODAY = new Date(2026, 10, 21);

async function book(file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  await wb.xlsx.writeFile(file);
}

describe('chitieu register', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-register-'));
  const master = join(dir, 'tong-hop.xlsx');
  const out = join(dir, 'danh-ba.xlsx');

  beforeAll(async () => {
    await book(master, {
      // A notes sheet first: it has no table, so the data sheet after it is the one read.
      'Ghi chú': [['Bảng tổng hợp năm 2024']],
      'Dữ liệu CĐCS': [
        ['TỔNG HỢP SỐ LIỆU CĐCS NĂM 2024'],
        ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Khu vực', 'Số đoàn viên', 'SĐT'],
        [1, 'CD003', 'CĐCS Trường C', 'CĐ Giáo dục', 'Nhà nước', 30, '0901000003'],
        [2, 'CD001', 'CĐCS Công ty A', 'LĐLĐ huyện', 'NNN', 12, null],
        [3, 'CD002', 'CĐCS Bệnh viện B', null, 'KVNN', 55, null],
        [null, 'Tổng cộng', null, null, null, 97, null],
      ],
    });
  });

  it('writes one Danh bạ CĐCS sheet, one row per unit in the table order, contacts only where the table has them', async () => {
    const io = captureIo(TODAY);
    expect(await run(['register', '--from', master, '--out', out], io)).toBe(0);
    expect(io.stdout[0]).toContain('Đã tạo danh bạ 3 đơn vị từ sheet "Dữ liệu CĐCS"');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh bạ CĐCS']);
    const ws = wb.getWorksheet('Danh bạ CĐCS')!;
    const row = (n: number) => Array.from({ length: 9 }, (_, c) => ws.getRow(n).getCell(c + 1).value ?? null);
    expect(row(4)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Khu vực', 'Cấp', 'Người liên hệ', 'Điện thoại', 'Email']);
    // Table order (CD003 first), the total row left out; NNN → Ngoài nhà nước, KVNN → Nhà nước
    // (the catalog's canonical values); no Cấp column in the table, so Cấp is empty; only CD003 has a phone.
    expect(row(5)).toEqual([1, 'CD003', 'CĐCS Trường C', 'CĐ Giáo dục', 'Nhà nước', null, null, '0901000003', null]);
    expect(row(6)).toEqual([2, 'CD001', 'CĐCS Công ty A', 'LĐLĐ huyện', 'Ngoài nhà nước', null, null, null, null]);
    expect(row(7)).toEqual([3, 'CD002', 'CĐCS Bệnh viện B', null, 'Nhà nước', null, null, null, null]);
    expect(ws.rowCount).toBe(7);

    // Styled like the product's other sheets: Times New Roman, bordered bold header, A4 landscape one page wide.
    const header = ws.getRow(4).getCell(2);
    expect(header.font?.name).toBe('Times New Roman');
    expect(header.font?.bold).toBe(true);
    expect(header.border?.top?.style).toBeDefined();
    expect(ws.getRow(6).getCell(7).border?.bottom?.style).toBeDefined(); // an empty contact cell is bordered too
    expect(ws.getRow(5).getCell(3).font?.name).toBe('Times New Roman');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:4' });
  });

  it('is read back by the register reader as the same units, and recognised as the product sheet', () => {
    const opened = openXlsx(new Uint8Array(readFileSync(out)));
    if (!opened.ok) throw new Error(opened.error.message);
    const grid = opened.value.readSheetSync('Danh bạ CĐCS');
    expect(contentKind(grid)).toBe('register');
    const read = readRegister(grid);
    expect(read.ok && read.units.map((u) => [u.code, u.name, u.parent ?? null, u.sector ?? null, u.contact.phone ?? null, u.row])).toEqual([
      ['CD003', 'CĐCS Trường C', 'CĐ Giáo dục', 'Nhà nước', '0901000003', 5],
      ['CD001', 'CĐCS Công ty A', 'LĐLĐ huyện', 'Ngoài nhà nước', null, 6],
      ['CD002', 'CĐCS Bệnh viện B', null, 'Nhà nước', null, 7],
    ]);
  });

  it('gives the same file when run again', async () => {
    const again = join(dir, 'danh-ba-2.xlsx');
    expect(await run(['register', '--from', master, '--out', again], captureIo(TODAY))).toBe(0);
    expect(Buffer.compare(readFileSync(again), readFileSync(out))).toBe(0);
  });

  it('exits 2 with one Vietnamese line when the input has no table', async () => {
    const empty = join(dir, 'khong-bang.xlsx');
    await book(empty, { 'Trang 1': [['Chỉ có ghi chú'], ['Không có bảng']] });
    const io = captureIo(TODAY);
    expect(await run(['register', '--from', empty, '--out', join(dir, 'x.xlsx')], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain('không tìm thấy bảng số liệu CĐCS');
  });

  it('is never taken for the data table by check, even as the first sheet', async () => {
    // The register's header names code, name, parent, sector and level: a table to the locator,
    // but the product's own sheet (recognised by its whole header row), so check reads the next sheet.
    const both = join(dir, 'danh-ba-truoc.xlsx');
    await book(both, {
      'Danh bạ CĐCS': [['DANH BẠ'], [], [], ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Khu vực', 'Cấp', 'Người liên hệ', 'Điện thoại', 'Email'], [1, 'X1', 'Đơn vị X', null, 'Nhà nước', 'CĐCS']],
      'Số liệu': [['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số đoàn viên'], ['CD001', 'A', 'Nhà nước', 10]],
    });
    const io = captureIo(TODAY);
    expect(await run(['check', both, '--preset', 'bd-cdvc-2024', '--year', '2024'], io)).toBe(0);
    expect(io.stdout.some((l) => l.includes('sheet "Số liệu": 1 đơn vị'))).toBe(true);
  });

  it('has its own help listing every option', async () => {
    const io = captureIo(TODAY);
    expect(await run(['register', '--help'], io)).toBe(0);
    const text = io.stdout.join('\n');
    for (const o of ['--from', '--out', '--sheet']) expect(text).toContain(o);
    expect(text).toContain('chitieu register --from tong-hop.xlsx --out danh-ba.xlsx');
  });

  it('asks for --from and --out', async () => {
    const io = captureIo(TODAY);
    expect(await run(['register', '--out', out], io)).toBe(2);
    expect(io.stderr[0]).toContain('--from');
  });
});

describe('contact columns in the catalog', () => {
  // Người liên hệ, Điện thoại, Email are for the register only: no target set reads them, so no
  // template or master table gains them.
  const CONTACTS = ['Người liên hệ', 'Điện thoại', 'Email'];
  it.each(PRESETS.map((p) => [p.id, p]))('the %s template and master columns have none of them', (_id, set) => {
    for (const key of ['nguoi_lien_he', 'dien_thoai', 'email']) expect(columnsForSet(set)).not.toContain(key);
    const texts = templatePlan(set).sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => (c && typeof c.v === 'string' ? c.v : ''))));
    for (const h of CONTACTS) expect(texts).not.toContain(h);
  });
});

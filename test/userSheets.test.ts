/**
 * Never lose a user's cell (issue 7): the user's own `Tổng hợp`, formulas and formatted cells
 * beside the table, hidden columns, a stray cell near XFD, a renamed product sheet, a note below
 * the table. Inputs are built with ExcelJS (an independent writer); outputs are read back with
 * ExcelJS and, for package details, as raw XML.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { captureIo, type CapturedIo } from './support/cliIo';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const TODAY = new Date(2026, 10, 21);
const dir = mkdtempSync(join(tmpdir(), 'chitieu-user-sheets-'));
const path = (name: string) => join(dir, name);

const capture = (): CapturedIo => captureIo(TODAY);

async function check(input: string, output: string): Promise<{ code: number; io: ReturnType<typeof capture> }> {
  const io = capture();
  const code = await run(['check', input, '--preset', 'bd-cdvc-2024', '--year', '2024', '--out', output], io);
  return { code, io };
}

/**
 * The bd-cdvc-2024 table (13 columns, A…M) on `ws` from row 1, three valid units on rows 2–4.
 * bd-cdvc-2024 has 7 per-unit indicators (co_ke_hoach, dang_ky_thi_dua, bao_phu_dv, phat_dong_cds,
 * sang_kien_15, dang_ky_vh, dat_chuan_vh; khong_kht is a count), so the product writes
 * 7 status columns + `Lỗi dữ liệu` = 8 columns.
 */
function addTable(ws: ExcelJS.Worksheet): void {
  ws.addRow([...BD_CDVC_2024_HEADERS]);
  for (let i = 1; i <= 3; i++) {
    ws.addRow([`CD0${i}`, `CĐCS số ${i}`, 'Nhà nước', 2024, 20, 20, 4, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ']);
  }
}
const STATUS_COLUMNS = 8;

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet: address → value, formula and style (as ExcelJS reports them). */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => void out.set(c.address, JSON.stringify({ v: c.value, s: c.style }))),
  );
  return out;
}

const parts = (file: string): Record<string, string> => {
  const raw = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)]));
};

/** The header cells (row `row`) that start with "Kết quả:", by column number (1-based). */
function statusHeaderCols(ws: ExcelJS.Worksheet, row: number): number[] {
  const cols: number[] = [];
  ws.getRow(row).eachCell((c, col) => {
    if (typeof c.value === 'string' && c.value.startsWith('Kết quả:')) cols.push(col);
  });
  return cols;
}

describe("a user's sheet named like the product's", () => {
  const input = path('user-tong-hop.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    addTable(wb.addWorksheet('Dữ liệu'));
    const mine = wb.addWorksheet('TỔNG HỢP');
    mine.getCell('A1').value = 'Tổng số đoàn viên';
    mine.getCell('B1').value = { formula: "SUM('Dữ liệu'!F2:F4)", result: 60 };
    mine.getCell('A2').value = 'Ghi chú của tôi';
    wb.definedNames.add("'TỔNG HỢP'!$B$1", 'TongSoDV');
    await wb.xlsx.writeFile(input);
  });

  it('keeps it cell for cell and writes the summary under a free name, saying so', async () => {
    const { code, io } = await check(input, path('out1.xlsx'));
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('kết quả ghi vào sheet "Tổng hợp (2)"');
    const before = await read(input);
    const after = await read(path('out1.xlsx'));
    expect(after.worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'TỔNG HỢP', 'Tổng hợp (2)', 'Kiểm tra', 'Danh sách đơn vị']);
    expect(cellsOf(after.getWorksheet('TỔNG HỢP')!)).toEqual(cellsOf(before.getWorksheet('TỔNG HỢP')!));
    // The user's defined name still points at the user's sheet.
    expect(parts(path('out1.xlsx'))['xl/workbook.xml']).toMatch(/<definedName name="TongSoDV"[^>]*>(?:'|&apos;)TỔNG HỢP(?:'|&apos;)!\$B\$1<\/definedName>/);
    // The summary carries the product's marker, pointing at its own sheet.
    expect(parts(path('out1.xlsx'))['xl/workbook.xml']).toContain(`<definedName name="_ChiTieu.summary" hidden="1">'Tổng hợp (2)'!$A$1</definedName>`);
  });

  it('a second run finds its own sheets again (no "Tổng hợp (3)") and the third is byte-identical', async () => {
    await check(path('out1.xlsx'), path('out2.xlsx'));
    await check(path('out2.xlsx'), path('out3.xlsx'));
    const names = (await read(path('out2.xlsx'))).worksheets.map((w) => w.name);
    expect(names).toEqual(['Dữ liệu', 'TỔNG HỢP', 'Tổng hợp (2)', 'Kiểm tra', 'Danh sách đơn vị']);
    expect(Buffer.compare(readFileSync(path('out2.xlsx')), readFileSync(path('out3.xlsx')))).toBe(0);
  });

  it('a renamed product sheet is found by its marker and replaced, not duplicated', async () => {
    // As Excel saves a rename: the sheet entry and every formula naming it, the marker too.
    const raw = unzipSync(new Uint8Array(readFileSync(path('out1.xlsx'))));
    const wbXml = strFromU8(raw['xl/workbook.xml']).replace(/Tổng hợp \(2\)/g, 'Báo cáo họp');
    raw['xl/workbook.xml'] = strToU8(wbXml);
    writeFileSync(path('renamed.xlsx'), zipSync(raw));
    const { code } = await check(path('renamed.xlsx'), path('renamed-out.xlsx'));
    expect(code).toBe(0);
    const out = await read(path('renamed-out.xlsx'));
    expect(out.worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'TỔNG HỢP', 'Báo cáo họp', 'Kiểm tra', 'Danh sách đơn vị']);
    expect(String(out.getWorksheet('Báo cáo họp')!.getCell('A1').value)).not.toBe('');
  });
});

describe('a data sheet named "Tổng hợp"', () => {
  it('is read as data and keeps its table; the summary goes to "Tổng hợp (2)"', async () => {
    const wb = new ExcelJS.Workbook();
    addTable(wb.addWorksheet('Tổng hợp'));
    await wb.xlsx.writeFile(path('data-tong-hop.xlsx'));
    const { code } = await check(path('data-tong-hop.xlsx'), path('data-tong-hop-out.xlsx'));
    expect(code).toBe(0);
    const out = await read(path('data-tong-hop-out.xlsx'));
    expect(out.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổng hợp (2)', 'Kiểm tra', 'Danh sách đơn vị']);
    const data = out.getWorksheet('Tổng hợp')!;
    expect(data.getCell('A1').value).toBe('Mã đơn vị');
    expect(data.getCell('B4').value).toBe('CĐCS số 3');
    // Table A…M, one empty column N, statuses from O (15).
    expect(statusHeaderCols(data, 1)[0]).toBe(15);
  });
});

describe('cells right of the table', () => {
  it('a formula whose result is empty and a cell with only a fill push the status columns right of them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    addTable(ws);
    ws.getCell('N2').value = { formula: 'IF(F2>E2,"Sai","")', result: '' };
    ws.getCell('P3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    await wb.xlsx.writeFile(path('beside.xlsx'));
    const { code } = await check(path('beside.xlsx'), path('beside-out.xlsx'));
    expect(code).toBe(0);
    const out = (await read(path('beside-out.xlsx'))).getWorksheet('Dữ liệu')!;
    // Last cell of the user's in the table rows: P (16). One empty column Q, statuses from R (18).
    expect(statusHeaderCols(out, 1)).toEqual([18, 19, 20, 21, 22, 23, 24]);
    expect(out.getCell('N2').value).toMatchObject({ formula: 'IF(F2>E2,"Sai","")' });
    expect(out.getCell('P3').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
  });

  it('status columns inside a hidden column range are shown; the rest of the range stays hidden', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    addTable(ws);
    for (let c = 14; c <= 40; c++) ws.getColumn(c).hidden = true;
    await wb.xlsx.writeFile(path('hidden.xlsx'));
    expect((await check(path('hidden.xlsx'), path('hidden-out.xlsx'))).code).toBe(0);
    const out = (await read(path('hidden-out.xlsx'))).getWorksheet('Dữ liệu')!;
    // Statuses from O (15) to V (22): shown. N (14) and W (23) onwards: still hidden.
    for (let c = 15; c < 15 + STATUS_COLUMNS; c++) expect(out.getColumn(c).hidden).toBe(false);
    expect(out.getColumn(14).hidden).toBe(true);
    expect(out.getColumn(15 + STATUS_COLUMNS).hidden).toBe(true);
    expect(out.getColumn(40).hidden).toBe(true);
  });

  it('a stray value that would push the status columns past XFD is refused with exit 2, nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    addTable(ws);
    ws.getCell('XFA3').value = 'x';
    await wb.xlsx.writeFile(path('stray.xlsx'));
    const { code, io } = await check(path('stray.xlsx'), path('stray-out.xlsx'));
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain('XFD');
    expect(io.stderr.join('\n')).toContain('Hãy xóa các ô thừa');
    expect(() => readFileSync(path('stray-out.xlsx'))).toThrow();
  });

  it('a stray cell far right below the units moves nothing and is not refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    addTable(ws);
    ws.getCell('XFA8').value = 'x';
    await wb.xlsx.writeFile(path('stray-below.xlsx'));
    const { code } = await check(path('stray-below.xlsx'), path('stray-below-out.xlsx'));
    expect(code).toBe(0);
    const out = (await read(path('stray-below-out.xlsx'))).getWorksheet('Dữ liệu')!;
    expect(statusHeaderCols(out, 1)[0]).toBe(15);
    expect(out.getCell('XFA8').value).toBe('x');
  });

  it('a formatted empty cell between the table and the status columns is never covered on a re-run', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    addTable(ws);
    ws.getCell('P1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    await wb.xlsx.writeFile(path('fmt-gap.xlsx'));
    await check(path('fmt-gap.xlsx'), path('fmt-gap-1.xlsx'));
    await check(path('fmt-gap-1.xlsx'), path('fmt-gap-2.xlsx'));
    for (const file of ['fmt-gap-1.xlsx', 'fmt-gap-2.xlsx']) {
      const out = (await read(path(file))).getWorksheet('Dữ liệu')!;
      // P1 (16) is the user's: statuses from R (18), in both runs.
      expect(statusHeaderCols(out, 1)[0]).toBe(18);
      expect(out.getCell('P1').fill).toMatchObject({ fgColor: { argb: 'FF00FF00' } });
    }
  });

  it('a note typed below the table in a status column survives the next run', async () => {
    const wb = new ExcelJS.Workbook();
    addTable(wb.addWorksheet('Dữ liệu'));
    await wb.xlsx.writeFile(path('note.xlsx'));
    await check(path('note.xlsx'), path('note-1.xlsx'));
    const first = await read(path('note-1.xlsx'));
    // Statuses start at O (15); the user writes a note in O10, below the table (rows 1–4).
    first.getWorksheet('Dữ liệu')!.getCell('O10').value = 'Đã xem ngày 20/11';
    await first.xlsx.writeFile(path('note-2.xlsx'));
    expect((await check(path('note-2.xlsx'), path('note-3.xlsx'))).code).toBe(0);
    const out = (await read(path('note-3.xlsx'))).getWorksheet('Dữ liệu')!;
    expect(out.getCell('O10').value).toBe('Đã xem ngày 20/11');
    // O10 is in no row the statuses are written in (header, units): they stay from O (15).
    expect(statusHeaderCols(out, 1)[0]).toBe(15);
    expect(out.getCell('O2').value).toBe('Đạt');
  });
});

describe('package details', () => {
  it('a hidden sheet in front (last year\'s table) is not taken for the data', async () => {
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Năm 2023');
    addTable(old);
    old.state = 'hidden';
    addTable(wb.addWorksheet('Năm 2024'));
    await wb.xlsx.writeFile(path('hidden-sheet.xlsx'));
    const io = capture();
    const code = await run(['check', path('hidden-sheet.xlsx'), '--preset', 'bd-cdvc-2024', '--year', '2024', '--json', path('hidden-sheet.json')], io);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(path('hidden-sheet.json'), 'utf8')).sheet).toBe('Năm 2024');
  });

  it('replacing a product sheet that held a formula drops calcChain.xml with its relationship and content type', async () => {
    const wb = new ExcelJS.Workbook();
    addTable(wb.addWorksheet('Dữ liệu'));
    await wb.xlsx.writeFile(path('calc.xlsx'));
    await check(path('calc.xlsx'), path('calc-1.xlsx'));
    // The user adds a formula on the product's summary; Excel lists it in calcChain.xml.
    const raw = unzipSync(new Uint8Array(readFileSync(path('calc-1.xlsx'))));
    const wbXml = strFromU8(raw['xl/workbook.xml']);
    const rels = strFromU8(raw['xl/_rels/workbook.xml.rels']);
    const summaryRel = /<sheet name="Tổng hợp" sheetId="(\d+)" r:id="(rId\d+)"/.exec(wbXml)!;
    const target = new RegExp(`Id="${summaryRel[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${summaryRel[2]}"`).exec(rels)![1];
    const part = 'xl/' + target.replace(/^\/?xl\//, '');
    raw[part] = strToU8(strFromU8(raw[part]).replace('</sheetData>', '<row r="200"><c r="A200"><f>1+1</f><v>2</v></c></row></sheetData>'));
    raw['xl/calcChain.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A200" i="${summaryRel[1]}"/></calcChain>`);
    raw['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const ct = strFromU8(raw['[Content_Types].xml']);
    raw['[Content_Types].xml'] = strToU8(ct.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    writeFileSync(path('calc-2.xlsx'), zipSync(raw));

    expect((await check(path('calc-2.xlsx'), path('calc-3.xlsx'))).code).toBe(0);
    const out = parts(path('calc-3.xlsx'));
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(out['xl/_rels/workbook.xml.rels']).not.toContain('calcChain');
    expect(out['[Content_Types].xml']).not.toContain('calcChain');
    // ExcelJS opens the result.
    expect((await read(path('calc-3.xlsx'))).worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'Tổng hợp', 'Kiểm tra', 'Danh sách đơn vị']);
  });
});

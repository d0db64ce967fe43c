/**
 * `chitieu template` read back with ExcelJS (an independent reader): the data sheet's widths,
 * lists and number rules with their Vietnamese messages; the `Chỉ tiêu` sheet's order, grouped
 * technical columns, protection (which cells a secretary may edit), and the document named by
 * number and date. Then the round trip: edit Mục tiêu in the template, the check uses it.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { captureIo } from './support/cliIo';

const TODAY = new Date(2026, 10, 21);
const dir = mkdtempSync(join(tmpdir(), 'chitieu-mau-'));

async function template(preset: string): Promise<ExcelJS.Workbook> {
  const file = join(dir, `mau-${preset}.xlsx`);
  const io = captureIo(TODAY);
  expect(await run(['template', '--preset', preset, '--out', file], io)).toBe(0);
  // Where to type, said on the command line too.
  expect(io.stdout[1]).toBe('  — sheet "Dữ liệu CĐCS": nhập số liệu từ dòng 2 (danh sách chọn, kiểm tra số); sheet "Chỉ tiêu": chỉ sửa cột Mục tiêu (ô nền vàng).');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The sheet's protection as ExcelJS reads it (not in its typings); undefined when unprotected. */
function protectionOf(ws: ExcelJS.Worksheet): Record<string, unknown> | undefined {
  return (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
}

/** Column number (1-based) of a header text in a row. */
function columnOf(ws: ExcelJS.Worksheet, row: number, header: string): number {
  const values = ws.getRow(row).values as unknown[];
  const c = values.indexOf(header);
  if (c < 1) throw new Error(`no "${header}" in row ${row}`);
  return c;
}

/** The row of the Chỉ tiêu table's header (the one starting with STT). */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 40; r++) if (ws.getRow(r).getCell(1).value === 'STT') return r;
  throw new Error('no STT header');
}

describe('chitieu template: the data sheet', () => {
  let ws: ExcelJS.Worksheet;
  let hy: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = (await template('bd-cdvc-2024')).getWorksheet('Dữ liệu CĐCS')!;
    hy = (await template('hy-cdgd-nq02')).getWorksheet('Dữ liệu CĐCS')!;
  });

  it('every column is wide enough for its longest allowed value; Xếp loại for "Hoàn thành xuất sắc nhiệm vụ"', () => {
    const xl = columnOf(ws, 1, 'Xếp loại');
    // 'Hoàn thành xuất sắc nhiệm vụ' is 28 characters; the column must be wider than that.
    expect(ws.getColumn(xl).width).toBeGreaterThanOrEqual(28);
    // 'Ngoài nhà nước' is 14 characters.
    expect(ws.getColumn(columnOf(ws, 1, 'Khu vực')).width).toBeGreaterThanOrEqual(14);
    // Money: '1.000.000.000.000' is 17 characters.
    expect(hy.getColumn(columnOf(hy, 1, 'Kinh phí công đoàn đã thu')).width).toBeGreaterThanOrEqual(17);
    // Unit names are long.
    expect(ws.getColumn(columnOf(ws, 1, 'Tên đơn vị')).width).toBeGreaterThanOrEqual(40);
  });

  it('count columns take whole numbers ≥ 0 with a Vietnamese input message', () => {
    const c = columnOf(ws, 1, 'Số đoàn viên');
    for (const row of [2, 500, 1001]) {
      expect(ws.getRow(row).getCell(c).dataValidation).toMatchObject({
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        showInputMessage: true,
        showErrorMessage: true,
        formulae: [0],
        promptTitle: 'Số đoàn viên',
        prompt: 'Số đoàn viên: gõ số nguyên từ 0 trở lên, ví dụ 25. Để trống nếu chưa có số liệu.',
        errorTitle: 'Giá trị không hợp lệ',
        error: 'Cột "Số đoàn viên" chỉ nhận số nguyên từ 0 trở lên, ví dụ 25.',
      });
    }
    // A header longer than Excel's 32-character title: the title says what to type instead.
    const long = ws.getRow(2).getCell(columnOf(ws, 1, 'Số CBCCVCLĐ đủ điều kiện gia nhập')).dataValidation;
    expect(long).toMatchObject({ type: 'whole', promptTitle: 'Số nguyên không âm' });
    expect(long.prompt).toContain('Số CBCCVCLĐ đủ điều kiện gia nhập: gõ số nguyên');
    // Below the 1,000 prepared rows there is no rule.
    expect(ws.getRow(1002).getCell(c).dataValidation).toBeUndefined();
  });

  it('money columns take any amount ≥ 0; the year is a whole number between 2000 and 2100', () => {
    const money = hy.getRow(2).getCell(columnOf(hy, 1, 'Kinh phí công đoàn đã thu')).dataValidation;
    expect(money).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: 'Kinh phí công đoàn đã thu' });
    expect(money.prompt).toContain('gõ số tiền bằng đồng, từ 0 trở lên');
    expect(ws.getRow(2).getCell(columnOf(ws, 1, 'Năm')).dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [2000, 2100],
      promptTitle: 'Năm báo cáo',
    });
  });

  it('choice and yes/no columns keep their lists, now with an input message', () => {
    expect(ws.getRow(2).getCell(columnOf(ws, 1, 'Xếp loại')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ,Không hoàn thành nhiệm vụ"'],
      promptTitle: 'Xếp loại',
    });
    const yesNo = ws.getRow(2).getCell(columnOf(ws, 1, 'Được công nhận đạt chuẩn văn hóa')).dataValidation;
    expect(yesNo).toMatchObject({ type: 'list', formulae: ['"Có,Không"'], prompt: 'Được công nhận đạt chuẩn văn hóa: chọn Có hoặc Không trong danh sách.' });
    // Text columns take anything.
    expect(ws.getRow(2).getCell(columnOf(ws, 1, 'Tên đơn vị')).dataValidation).toBeUndefined();
  });

  it('the data sheet is not protected (secretaries type everywhere)', () => {
    expect(protectionOf(ws)).toBeFalsy();
  });
});

describe('chitieu template: the Chỉ tiêu sheet', () => {
  let ws: ExcelJS.Worksheet;
  let h: number;
  beforeAll(async () => {
    ws = (await template('bd-cdvc-2024')).getWorksheet('Chỉ tiêu')!;
    h = headerRowOf(ws);
  });

  it('STT, Chỉ tiêu, Mục tiêu first; the technical columns grouped at level 1 and collapsed', () => {
    const header = (ws.getRow(h).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Diễn giải']);
    // Columns E onward: Mã, Loại, … (14 technical columns for bd-cdvc-2024, Kết quả nhập tay and Đơn vị tính among them).
    expect(header.slice(4, 6)).toEqual(['Mã', 'Loại']);
    expect(header).toHaveLength(18);
    for (let c = 1; c <= 4; c++) expect([ws.getColumn(c).hidden, ws.getColumn(c).outlineLevel ?? 0]).toEqual([false, 0]);
    for (let c = 5; c <= 18; c++) expect([ws.getColumn(c).hidden, ws.getColumn(c).outlineLevel]).toEqual([true, 1]);
    expect(ws.properties.outlineLevelCol).toBe(1);
    // Rows numbered 1…8, as a printed table.
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((i) => ws.getRow(h + i).getCell(1).value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('protected without a password; only the Mục tiêu cells are unlocked', () => {
    expect(protectionOf(ws)).toMatchObject({ sheet: true });
    expect(protectionOf(ws)?.password ?? protectionOf(ws)?.hashValue).toBeUndefined();
    // Resizing columns and rows stays allowed (ExcelJS reports an allowed action as true: the XML says formatColumns="0").
    expect(protectionOf(ws)).toMatchObject({ formatColumns: true, formatRows: true });
    // Absent attributes keep Excel's default: cells cannot be formatted, rows not inserted or deleted.
    for (const action of ['formatCells', 'insertRows', 'deleteRows'] as const) expect(protectionOf(ws)?.[action]).toBeFalsy();
    const target = columnOf(ws, h, 'Mục tiêu');
    const unlocked: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (cell.protection?.locked === false && unlocked.push(cell.address))));
    // Rows h+1 … h+8, column C.
    expect(unlocked).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => `C${h + i}`));
    expect(target).toBe(3);
    // The label, the header and a technical cell stay locked (ExcelJS: no protection = Excel's default, locked).
    for (const addr of [`B${h + 1}`, `C${h}`, `E${h + 1}`, 'A1', 'C3']) expect(ws.getCell(addr).protection?.locked).not.toBe(false);
    // The editable cells are marked by a fill.
    expect((ws.getCell(`C${h + 1}`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
  });

  it('a set with a manual indicator also unlocks Kết quả nhập tay on those rows only', async () => {
    const bt = (await template('bt-ldld-2024')).getWorksheet('Chỉ tiêu')!;
    const hb = headerRowOf(bt);
    const manual = columnOf(bt, hb, 'Kết quả nhập tay');
    const kind = columnOf(bt, hb, 'Loại');
    expect(manual).toBe(4);
    let rows = 0;
    for (let r = hb + 1; bt.getRow(r).getCell(1).value !== null; r++) {
      rows++;
      const isManual = bt.getRow(r).getCell(kind).value === 'Nhập tay (manual)';
      expect([r, bt.getRow(r).getCell(manual).protection?.locked === false]).toEqual([r, isManual]);
      expect(bt.getRow(r).getCell(3).protection?.locked).toBe(false);
    }
    expect(rows).toBeGreaterThan(5);
  });

  it('names the program document by number and date, never a file name', () => {
    expect(ws.getCell('A1').value).toBe('Chỉ tiêu theo Chương trình số 06/CTr-CĐVC ngày 16/9/2024');
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    expect(texts).toContain('Văn bản');
    expect(texts.filter((t) => /\.txt\b|^0\d\d_[0-9a-f]+/.test(t))).toEqual([]);
  });
});

describe('template → edit Mục tiêu in Excel → check uses it', () => {
  it('lowers dat_chuan_vh from ≥ 95% to ≥ 50% on the protected sheet; the check reads it', async () => {
    const wb = await template('bd-cdvc-2024');
    const data = wb.getWorksheet('Dữ liệu CĐCS')!;
    data.addRow(['CD1', 'CĐCS A', 'Nhà nước', 2025, 10, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ']);
    data.addRow(['CD2', 'CĐCS B', 'Nhà nước', 2025, 10, 10, 2, 'Có', 'Có', 'Có', 'Có', 'Không', 'Hoàn thành tốt nhiệm vụ']);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    const h = headerRowOf(ws);
    const idCol = columnOf(ws, h, 'Mã');
    let row = 0;
    ws.eachRow((r, n) => void (r.getCell(idCol).value === 'dat_chuan_vh' && (row = n)));
    expect(ws.getRow(row).getCell(3).value).toBe('≥ 95%');
    expect(ws.getRow(row).getCell(3).protection?.locked).toBe(false); // a cell Excel lets the secretary type in
    ws.getRow(row).getCell(3).value = '50%';
    const file = join(dir, 'mau-da-sua.xlsx');
    await wb.xlsx.writeFile(file);

    const io = captureIo(TODAY);
    expect(await run(['check', file, '--json', join(dir, 'mau-da-sua.json')], io)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'mau-da-sua.json'), 'utf8'));
    expect(report.preset).toBe('bd-cdvc-2024');
    // dat_chuan_vh: 1 of 2 units = 50%; a bare 50% keeps the indicator's ≥ → ≥ 50% → Đạt.
    expect(report.indicators.find((i: { id: string }) => i.id === 'dat_chuan_vh')).toMatchObject({ target: 0.5, actual: 0.5, status: 'DAT' });
    // The other targets are the set's own: sang_kien_15 needs every unit ≥ 15% (2/10 = 20% in both) → Đạt.
    expect(report.indicators.find((i: { id: string }) => i.id === 'sang_kien_15')).toMatchObject({ target: 1, status: 'DAT' });
  });
});

/**
 * layouts.md "Values", "The year of a sheet" and "A table that does not fit the chosen target
 * set", end to end through `chitieu check` on workbooks built here with ExcelJS (formulas with
 * cached values, TCVN3/VNI cells, a signing date line, money in triệu đồng). Expected values are
 * worked out by hand in the comments.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { captureIo, type CapturedIo } from './support/cliIo';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const TODAY = new Date(2026, 10, 21);
const dir = mkdtempSync(join(tmpdir(), 'chitieu-values-'));
const path = (name: string) => join(dir, name);

const capture = (): CapturedIo => captureIo(TODAY);

async function check(file: string, ...extra: string[]) {
  const io = capture();
  const json = file.replace(/\.xlsx$/, '.json');
  const code = await run(['check', file, '--json', json, ...extra], io);
  return { code, io, report: JSON.parse(readFileSync(json, 'utf8')) };
}

/** One bd-cdvc-2024 unit row (A…M, headers as BD_CDVC_2024_HEADERS) with every check passing. */
const unit = (code: string, extra: Partial<Record<number, ExcelJS.CellValue>> = {}): ExcelJS.CellValue[] => {
  const row: ExcelJS.CellValue[] = [code, `CĐCS ${code}`, 'Nhà nước', 2024, 20, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ'];
  for (const [i, v] of Object.entries(extra)) row[Number(i)] = v as ExcelJS.CellValue;
  return row;
};

describe('values', () => {
  it('=E5*70% cached as 2093699.9999999998 counts as 2.093.700, no not_integer', async () => {
    const file = path('float-noise.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow([...BD_CDVC_2024_HEADERS]);
    // Row 2: 2.991.000 eligible (E2); members F2 = E2*70% with Excel's cached 2093699.9999999998.
    ws.addRow(unit('CD01', { 4: 2991000, 5: { formula: 'E2*70%', result: 2093699.9999999998 } }));
    ws.addRow(unit('CD02'));
    await wb.xlsx.writeFile(file);
    const { code, report } = await check(file, '--preset', 'bd-cdvc-2024', '--strict');
    expect(report.problems.filter((p: { rule: string }) => p.rule === 'not_integer')).toEqual([]);
    // bao_phu_dv: (2.093.700 + 20) / (2.991.000 + 20) = 2.093.720 / 2.991.020.
    const bao = report.indicators.find((i: { id: string }) => i.id === 'bao_phu_dv');
    expect([bao.numerator, bao.denominator]).toEqual([2093720, 2991020]);
    expect(code).toBe(0);
  });

  it('TCVN3 and VNI yes/no and level cells are read, with legacy_encoding warnings', async () => {
    const file = path('legacy-cells.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow([...BD_CDVC_2024_HEADERS, 'Cấp']);
    // Row 2 (TCVN3): H "Cã" = Có, N "C§CS" = CĐCS. Row 3 (VNI): H "Coù" = Có, N "CÑCS" = CĐCS.
    ws.addRow([...unit('CD01', { 7: 'Cã' }), 'C§CS']);
    ws.addRow([...unit('CD02', { 7: 'Coù' }), 'CÑCS']);
    await wb.xlsx.writeFile(file);
    const { report } = await check(file, '--preset', 'bd-cdvc-2024');
    expect(report.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    expect(report.problems.map((p: { rule: string; cell: string }) => `${p.rule}@${p.cell}`)).toEqual([
      'legacy_encoding@H2',
      'legacy_encoding@N2',
      'legacy_encoding@H3',
      'legacy_encoding@N3',
    ]);
    // co_ke_hoach: both units read as Có → 2/2.
    expect(report.indicators.find((i: { id: string }) => i.id === 'co_ke_hoach')).toMatchObject({ numerator: 2, denominator: 2, status: 'DAT' });
  });

  it('money in (triệu đồng): computed in đồng, the JSON names the unit', async () => {
    const file = path('trieu-dong.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Năm', 'Kinh phí công đoàn đã thu\n(triệu đồng)', 'Kinh phí CĐCS được sử dụng (triệu đồng)']);
    // kp_su_dung / kp_thu per unit: 1,8/2,4 = 75% and 3/4 = 75% (target of bd-cdvc-nq02 su_dung_kp: ≥ 75%).
    ws.addRow(['CD01', 'CĐCS 1', 'Nhà nước', 2024, 2.4, 1.8]);
    ws.addRow(['CD02', 'CĐCS 2', 'Nhà nước', 2024, 4, 3]);
    await wb.xlsx.writeFile(file);
    const { report } = await check(file, '--preset', 'bd-cdvc-nq02');
    expect(report.moneyUnits).toEqual({ kp_thu: 'triệu đồng', kp_su_dung: 'triệu đồng' });
    // Σ kp_su_dung = 1.800.000 + 3.000.000 = 4.800.000 đồng; Σ kp_thu = 2.400.000 + 4.000.000 = 6.400.000.
    const kp = report.indicators.find((i: { id: string }) => i.id === 'su_dung_kp');
    expect([kp.numerator, kp.denominator, kp.status]).toEqual([4800000, 6400000, 'DAT']);
  });
});

describe('the year of a sheet without a Năm column', () => {
  const headers = BD_CDVC_2024_HEADERS.filter((h) => h !== 'Năm');
  const row = (code: string) => unit(code).filter((_, i) => i !== 3);

  it('a signing date line above the title NĂM 2023 is not the year: 2023 is', async () => {
    const file = path('date-line.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.getCell('H1').value = 'Quy Nhơn, ngày 12 tháng 01 năm 2024';
    ws.getCell('A2').value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023';
    ws.mergeCells('A2:L2');
    ws.addRow([]);
    ws.addRow(headers);
    ws.addRow(row('CD01'));
    await wb.xlsx.writeFile(file);
    const { io, report } = await check(file, '--preset', 'bd-cdvc-2024');
    expect([report.year, report.yearSource]).toEqual([2023, 'title']);
    expect(io.stdout.join('\n')).toContain('năm 2023, sheet "Số liệu"');
  });

  it('no year anywhere: this year, with a warning that says how to set it', async () => {
    const file = path('khong-nam.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').addRows([headers, row('CD01')]);
    await wb.xlsx.writeFile(file);
    const { io, report } = await check(file, '--preset', 'bd-cdvc-2024');
    expect([report.year, report.yearSource]).toEqual([2026, 'guess']);
    const warning = io.stdout.find((l) => l.startsWith('Lưu ý: Không thấy năm báo cáo'));
    expect(warning).toContain('--year');
    // The warning comes before the results.
    expect(io.stdout.indexOf(warning as string)).toBeLessThan(io.stdout.findIndex((l) => l.startsWith('Bộ chỉ tiêu')));
  });

  it('the file name gives the year when the sheet has none', async () => {
    const file = path('bao-cao-2022.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').addRows([headers, row('CD01')]);
    await wb.xlsx.writeFile(file);
    const { report } = await check(file, '--preset', 'bd-cdvc-2024');
    expect([report.year, report.yearSource]).toEqual([2022, 'file']);
  });
});

describe('a table that does not fit the chosen target set', () => {
  it('runs, warns before the results naming the best set, and fails --strict', async () => {
    const file = path('bt-ldld.xlsx');
    const wb = new ExcelJS.Workbook();
    // Headers of cdgd-ct1-2024's table (spec/indicators.md): its 8 needed columns and Năm.
    wb.addWorksheet('Số liệu').addRows([
      ['Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Năm', 'Số cán bộ CĐCS', 'Số cán bộ CĐCS được tập huấn', 'Thực hiện quy hoạch cán bộ công đoàn', 'BCH đánh giá ủy viên trong năm', 'Xếp loại'],
      ['CD01', 'CĐCS 1', 'Nhà nước', 2024, 5, 5, 'Có', 'Có', 'HTT'],
    ]);
    await wb.xlsx.writeFile(file);
    // Against bd-cdvc-2024 (12 columns) the table has ma_don_vi, ten_don_vi, khu_vuc, xep_loai: 8 missing.
    const { code, io, report } = await check(file, '--preset', 'bd-cdvc-2024', '--strict');
    const first = 'Cảnh báo: Bảng thiếu 8/12 cột của bộ bd-cdvc-2024. Bảng này khớp nhất với bộ cdgd-ct1-2024 (8/8 cột).';
    const line = io.stdout.findIndex((l) => l.startsWith(first));
    expect(line).toBeGreaterThanOrEqual(0);
    expect(io.stdout[line]).toContain('--preset cdgd-ct1-2024');
    expect(line).toBeLessThan(io.stdout.findIndex((l) => l.startsWith('Bộ chỉ tiêu')));
    expect(report.targetSetHint.best).toEqual({ preset: 'cdgd-ct1-2024', present: 8, needed: 8 });
    expect(report.indicators).toHaveLength(8);
    expect(code).toBe(1);
    // With the right set there is no hint.
    const right = await check(file, '--preset', 'cdgd-ct1-2024');
    expect(right.report.targetSetHint).toBeUndefined();
  });
});

/**
 * layouts.md "Rows inside the table", end to end through `chitieu check` on workbooks built here
 * with ExcelJS the way offices make them: a column-number row, sections with `Cộng khối`
 * subtotals (one deliberately wrong) and a grand total (formulas with cached values), `Khu vực`
 * merged down over each block, a hidden unit row, a signature block; and a table with its grand
 * total directly under the header, merged across STT/code/name, ten STT-only template rows and a
 * footer. Expected values are worked out by hand in the comments.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/commands';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const TODAY = new Date(2026, 10, 21);
const dir = mkdtempSync(join(tmpdir(), 'chitieu-layouts-'));
const path = (name: string) => join(dir, name);

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today: TODAY };
}

interface Report {
  units: { row: number; code?: string; section?: string }[];
  indicators: { id: string; numerator: number | null; denominator: number | null }[];
  problems: { cell: string; rule: string; message: string }[];
  rows: { counts: Record<string, number>; nonUnit: Record<string, number[]> };
}

async function check(file: string): Promise<{ code: number; io: ReturnType<typeof capture>; report: Report }> {
  const io = capture();
  const json = file.replace(/\.xlsx$/, '.json');
  const code = await run(['check', file, '--preset', 'bd-cdvc-2024', '--json', json], io);
  return { code, io, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
}

// Columns: A STT, then the bd-cdvc-2024 headers B…N:
// B Mã, C Tên, D Khu vực, E Năm, F Số CBCCVCLĐ đủ điều kiện, G Số đoàn viên, H Số ĐV đăng ký SK,
// I Có kế hoạch, J Đăng ký thi đua, K Phát động CĐS, L Đăng ký VH, M Đạt chuẩn VH, N Xếp loại.
const HEADER = ['STT', ...BD_CDVC_2024_HEADERS];

/** A unit row; `khuVuc` null where a merge from above covers the cell. */
function unit(stt: number, code: string, name: string, khuVuc: string | null, dk: number, dv: number, sk: number, keHoach: string): ExcelJS.CellValue[] {
  return [stt, code, name, khuVuc, 2024, dk, dv, sk, keHoach, 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ'];
}

/** A total row: label in C, sums in F, G, H (formulas with cached results), a COUNTIF in I. */
function totalRow(label: string, range: [number, number], f: number, g: number, h: number, countI: number): ExcelJS.CellValue[] {
  const [a, b] = range;
  return [
    null,
    null,
    label,
    null,
    null,
    { formula: `SUM(F${a}:F${b})`, result: f },
    { formula: `SUM(G${a}:G${b})`, result: g },
    { formula: `SUM(H${a}:H${b})`, result: h },
    { formula: `COUNTIF(I${a}:I${b},"Có")`, result: countI },
  ];
}

describe('sections, Cộng khối subtotals and the grand total', () => {
  let result: Awaited<ReturnType<typeof check>>;

  beforeAll(async () => {
    const file = path('khoi.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.getCell('A1').value = 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH';
    ws.mergeCells('A1:N1');
    ws.getCell('A2').value = 'BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024';
    ws.mergeCells('A2:N2');
    ws.getRow(4).values = HEADER; // 4
    ws.getRow(5).values = HEADER.map((_, i) => `(${i + 1})`); // 5: (1) … (14)
    ws.getRow(6).values = ['I', null, 'KHỐI TRƯỜNG HỌC']; // 6
    ws.getRow(7).values = unit(1, 'TH01', 'CĐCS Trường THPT Quang Trung', 'Nhà nước', 40, 38, 6, 'Có'); // 7
    ws.getRow(8).values = unit(2, 'TH02', 'CĐCS Trường THCS Lê Lợi', null, 30, 30, 5, 'Có'); // 8
    ws.getRow(9).values = unit(3, 'TH03', 'CĐCS Trường Tiểu học Số 1', null, 50, 45, 7, 'Có'); // 9
    ws.mergeCells('D7:D9'); // Khu vực "Nhà nước" over the block
    // 10: F 40+30+50 = 120, G 38+30+45 = 113, H 6+5+7 = 18, I three "Có" → 3. All right.
    ws.getRow(10).values = totalRow('Cộng khối trường học', [7, 9], 120, 113, 18, 3);
    ws.getRow(11).values = ['II', null, 'KHỐI DOANH NGHIỆP']; // 11
    ws.getRow(12).values = unit(4, 'DN01', 'CĐCS Công ty May Phú Tài', 'Ngoài nhà nước', 100, 80, 12, 'Có'); // 12
    ws.getRow(13).values = unit(5, 'DN02', 'CĐCS Công ty Cổ phần Cảng', null, 60, 50, 8, 'Không'); // 13 (hidden)
    ws.mergeCells('D12:D13');
    ws.getRow(13).hidden = true;
    // 14: F 100+60 = 160 right; G typed 135 but 80+50 = 130 (the deliberate mistake); H 12+8 = 20; I one "Có" → 1.
    ws.getRow(14).values = totalRow('Cộng khối doanh nghiệp', [12, 13], 160, 135, 20, 1);
    ws.getRow(15).values = ['III', null, 'KHỐI CƠ QUAN']; // 15
    ws.getRow(16).values = unit(6, 'CQ01', 'CĐCS Sở Tài chính', 'Nhà nước', 25, 25, 4, 'Có'); // 16
    ws.getRow(17).values = totalRow('Cộng khối cơ quan', [16, 16], 25, 25, 4, 1); // 17
    // 18: the grand total over the units only: F 120+160+25 = 305, G 113+130+25 = 268,
    // H 18+20+4 = 42, I 3+1+1 = 5. (Adding the subtotals in would double these.)
    ws.getRow(18).values = [null, null, 'TỔNG CỘNG', null, null, 305, 268, 42, 5];
    // 19 blank; 20–23 the signature block, partly merged, under number and yes/no columns.
    ws.getRow(20).values = [null, null, 'Người lập biểu', null, null, null, null, null, null, null, 'TM. BAN THƯỜNG VỤ'];
    ws.mergeCells('K20:N20');
    ws.getRow(21).values = [null, null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, null, null, 'CHỦ TỊCH'];
    ws.getRow(23).values = [null, null, 'Nguyễn Văn An', null, null, null, null, null, null, null, 'Trần Thị Bình'];
    await wb.xlsx.writeFile(file);
    result = await check(file);
  });

  it('units are the six unit rows (the hidden one too), each with its section', () => {
    expect(result.code).toBe(0);
    expect(result.report.units.map((u) => [u.row, u.code, u.section])).toEqual([
      [7, 'TH01', 'I. KHỐI TRƯỜNG HỌC'],
      [8, 'TH02', 'I. KHỐI TRƯỜNG HỌC'],
      [9, 'TH03', 'I. KHỐI TRƯỜNG HỌC'],
      [12, 'DN01', 'II. KHỐI DOANH NGHIỆP'],
      [13, 'DN02', 'II. KHỐI DOANH NGHIỆP'],
      [16, 'CQ01', 'III. KHỐI CƠ QUAN'],
    ]);
  });

  it('the one problem is the wrong subtotal; its message names the block and the right sum', () => {
    // No required_missing on D8, D9, D13 (covered by the Khu vực merges), no invalid_choice on
    // the COUNTIF cells, nothing on headings, totals or signatures.
    expect(result.report.problems.map((p) => `${p.rule}@${p.cell}`)).toEqual(['total_row_mismatch@G14']);
    expect(result.report.problems[0].message).toBe(
      'Ô G14: Dòng "Cộng khối doanh nghiệp" ghi 135 nhưng tổng của khối "II. KHỐI DOANH NGHIỆP" (2 đơn vị, dòng 12–13) là 130 (cột "Số đoàn viên"). Hãy sửa thành 130 hoặc dùng công thức =SUM(G12:G13).',
    );
  });

  it('indicators count units only', () => {
    const ind = (id: string) => result.report.indicators.find((i) => i.id === id)!;
    // bao_phu_dv: so_dv 268 over so_ld_du_dk 305 (units only). co_ke_hoach: 5 "Có" of 6 units.
    expect([ind('bao_phu_dv').numerator, ind('bao_phu_dv').denominator]).toEqual([268, 305]);
    expect([ind('co_ke_hoach').numerator, ind('co_ke_hoach').denominator]).toEqual([5, 6]);
  });

  it('the JSON has every row kind, and the command line says what was set aside', () => {
    expect(result.report.rows.counts).toEqual({
      unit: 6,
      column_numbers: 1,
      section_heading: 3,
      subtotal: 3,
      grand_total: 1,
      breakdown: 0,
      template: 0,
      blank: 2, // 19 and 22
      footer: 3, // 20, 21, 23
    });
    expect(result.report.rows.nonUnit).toEqual({
      column_numbers: [5],
      section_heading: [6, 11, 15],
      subtotal: [10, 14, 17],
      grand_total: [18],
      breakdown: [],
      template: [],
      blank: [19, 22],
      footer: [20, 21, 23],
    });
    expect(result.io.stdout).toContain(
      'Bỏ qua 1 dòng số thứ tự cột, 3 dòng tiêu đề khối, 3 dòng cộng khối, 1 dòng tổng cộng, 3 dòng ghi chú và chữ ký (không tính là đơn vị).',
    );
  });
});

describe('grand total directly under the header, merged across STT/code/name; template rows; footer', () => {
  let result: Awaited<ReturnType<typeof check>>;

  beforeAll(async () => {
    const file = path('tong-tren.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tổng hợp CĐCS');
    ws.getRow(1).values = HEADER; // 1
    ws.getRow(2).values = ['A', 'B', 'C', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]; // 2: letters, then numbers
    // 3: "Tổng cộng" in A3, merged A3:C3. F 20+30+25 = 75 right; G typed 80 but 20+28+25 = 73; H 3+4+5 = 12.
    ws.getRow(3).values = ['Tổng cộng', null, null, null, null, { formula: 'SUM(F4:F16)', result: 75 }, 80, { formula: 'SUM(H4:H16)', result: 12 }];
    ws.mergeCells('A3:C3');
    ws.getRow(4).values = unit(1, 'CD01', 'CĐCS Trường Mầm non Hoa Sen', 'Nhà nước', 20, 20, 3, 'Có'); // 4
    ws.getRow(5).values = unit(2, 'CD02', 'CĐCS Bệnh viện Đa khoa', 'Nhà nước', 30, 28, 4, 'Có'); // 5
    ws.getRow(6).values = unit(3, 'CD03', 'CĐCS Công ty Điện lực', 'Ngoài nhà nước', 25, 25, 5, 'Có'); // 6
    // 7–16: the form's empty rows, STT only.
    for (let i = 0; i < 10; i++) ws.getRow(7 + i).values = [4 + i];
    // 17–18: the footer right under the template rows.
    ws.getRow(17).values = [null, null, 'Ghi chú: số liệu tính đến 31/12/2024'];
    ws.getRow(18).values = [null, null, 'Người lập biểu'];
    await wb.xlsx.writeFile(file);
    result = await check(file);
  });

  it('three units; the total under the header adds all of them', () => {
    expect(result.report.units.map((u) => u.row)).toEqual([4, 5, 6]);
    expect(result.report.problems.map((p) => `${p.rule}@${p.cell}`)).toEqual(['total_row_mismatch@G3']);
    expect(result.report.problems[0].message).toBe(
      'Ô G3: Dòng "Tổng cộng" ghi 80 nhưng tổng của tất cả 3 đơn vị của bảng là 73 (cột "Số đoàn viên"). Hãy sửa thành 73 hoặc dùng công thức =SUM(G4:G6).',
    );
  });

  it('template rows and the footer are set aside silently', () => {
    expect(result.report.rows.counts).toMatchObject({ unit: 3, column_numbers: 1, grand_total: 1, template: 10, footer: 2 });
    expect(result.report.rows.nonUnit.template).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(result.report.rows.nonUnit.footer).toEqual([17, 18]);
    expect(result.io.stdout).toContain('Bỏ qua 1 dòng số thứ tự cột, 1 dòng tổng cộng, 10 dòng mẫu để trống, 2 dòng ghi chú và chữ ký (không tính là đơn vị).');
  });
});

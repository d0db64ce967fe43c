/**
 * The meeting document end to end through the command line: the reporting body given once with
 * `--don-vi` is remembered in the workbook, the output opens on Tổng hợp, the full unit lists are
 * on their own sheet, and per-parent results stay inside the table.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { createXlsx, openXlsx } from '../src/workbook/xlsx';
import { columnDef } from '../src/domain/catalog';
import { captureIo } from './support/cliIo';

const TODAY = new Date(2026, 10, 21);
const dir = mkdtempSync(join(tmpdir(), 'chitieu-meeting-'));
const path = (f: string): string => join(dir, f);

/** A small table of 4 units under two parent unions, written by the product's own xlsx writer. */
function input(file: string): void {
  const keys = ['ma_don_vi', 'ten_don_vi', 'don_vi_cap_tren', 'khu_vuc', 'nam', 'so_ld_du_dk', 'so_dv', 'xep_loai'];
  const rows = [
    ['CD01', 'CĐCS Trường A', 'LĐLĐ huyện An Nhơn', 'Nhà nước', 2024, 10, 10, 'Hoàn thành tốt nhiệm vụ'],
    ['CD02', 'CĐCS Trường B', 'LĐLĐ huyện An Nhơn', 'Nhà nước', 2024, 10, 9, 'Không hoàn thành nhiệm vụ'],
    ['CD03', 'CĐCS Sở C', 'LĐLĐ huyện Tuy Phước', 'Nhà nước', 2024, 20, 20, 'Hoàn thành xuất sắc nhiệm vụ'],
    ['CD04', 'CĐCS Sở D', 'LĐLĐ huyện Tuy Phước', 'Nhà nước', 2024, 20, 18, 'Hoàn thành nhiệm vụ'],
  ];
  const wb = createXlsx();
  wb.applySync({
    sheets: [{ name: 'Số liệu', rows: [keys.map((k) => ({ v: columnDef(k)!.header })), ...rows.map((r) => r.map((v) => ({ v })))] }],
  });
  writeFileSync(file, wb.toBytes());
}

function summaryRows(file: string): (string | number | boolean | null)[][] {
  const wb = openXlsx(new Uint8Array(readFileSync(file)));
  if (!wb.ok) throw new Error(wb.error.message);
  return wb.value.readSheetSync('Tổng hợp').rows.map((r) => r.map((c) => (c === undefined ? null : (c as string | number | boolean | null))));
}

describe('the meeting document through the command line', () => {
  beforeAll(() => input(path('in.xlsx')));

  it('prints the union given with --don-vi under the issuer, and a later run without it keeps it', async () => {
    const io = captureIo(TODAY);
    expect(await run(['check', path('in.xlsx'), '--preset', 'bd-cdvc-2024', '--don-vi', 'Công đoàn Trường THPT số 1', '--out', path('out1.xlsx')], io)).toBeLessThanOrEqual(1);
    const first = summaryRows(path('out1.xlsx'));
    expect([first[0][0], first[1][0]]).toEqual(['CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH', 'CÔNG ĐOÀN TRƯỜNG THPT SỐ 1']);

    // Checked again without --don-vi: the body is read back from the product's Tổng hợp, and
    // the file is the same as the first output.
    expect(await run(['check', path('out1.xlsx'), '--preset', 'bd-cdvc-2024', '--out', path('out2.xlsx')], captureIo(TODAY))).toBeLessThanOrEqual(1);
    expect(Buffer.compare(readFileSync(path('out2.xlsx')), readFileSync(path('out1.xlsx')))).toBe(0);

    // A new --don-vi replaces it.
    expect(await run(['check', path('out1.xlsx'), '--preset', 'bd-cdvc-2024', '--don-vi', 'LĐLĐ huyện An Nhơn; Công đoàn xã Nhơn Hậu', '--out', path('out3.xlsx')], captureIo(TODAY))).toBeLessThanOrEqual(1);
    const third = summaryRows(path('out3.xlsx'));
    expect([third[0][0], third[1][0]]).toEqual(['LĐLĐ HUYỆN AN NHƠN', 'CÔNG ĐOÀN XÃ NHƠN HẬU']);
  });

  it('without --don-vi on a fresh file, the issuer of the set reports', async () => {
    expect(await run(['check', path('in.xlsx'), '--preset', 'bd-cdvc-2024', '--out', path('plain.xlsx')], captureIo(TODAY))).toBeLessThanOrEqual(1);
    const rows = summaryRows(path('plain.xlsx'));
    expect([rows[0][0], rows[1][0]]).toEqual(['LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH', 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH']);
  });

  it('keeps per-parent results as sections of the same table, numbered like the main rows', async () => {
    const rows = summaryRows(path('plain.xlsx'));
    const h = rows.findIndex((r) => r[0] === 'STT');
    // bd-cdvc-2024 has 8 indicators; then one section per parent (sorted), each with the 8 again
    // (no manual indicator in this set).
    const sections = rows.map((r, i) => [i, r[0]] as const).filter(([, v]) => typeof v === 'string' && v.startsWith('LĐLĐ huyện'));
    expect(sections.map(([, v]) => v)).toEqual(['LĐLĐ huyện An Nhơn — 2 đơn vị', 'LĐLĐ huyện Tuy Phước — 2 đơn vị']);
    expect(sections[0][0]).toBe(h + 1 + 8);
    // Under An Nhơn: khong_kht (STT 3) counts CĐCS Trường B (rated Không hoàn thành nhiệm vụ).
    const anNhon = rows.slice(sections[0][0] + 1, sections[1][0]);
    const kht = anNhon.find((r) => r[7] === 'khong_kht')!;
    expect([kht[0], kht[3], kht[6]]).toEqual(['3', '1 đơn vị', 'CĐCS không hoàn thành nhiệm vụ (1): CĐCS Trường B.']);
  });

  it('opens on Tổng hợp and lists the units on Danh sách đơn vị', async () => {
    const wb = openXlsx(new Uint8Array(readFileSync(path('plain.xlsx'))));
    if (!wb.ok) throw new Error(wb.error.message);
    expect(wb.value.sheetNamesSync()).toEqual(['Số liệu', 'Tổng hợp', 'Kiểm tra', 'Danh sách đơn vị']);
    const list = wb.value.readSheetSync('Danh sách đơn vị').rows;
    // bao_phu_dv (4th) ≥ 100% per unit: CD02 (9/10) and CD04 (18/20) are below.
    expect(list.filter((r) => r[1] === '4. Đoàn viên / CBCCVCLĐ đủ điều kiện').map((r) => r[2])).toEqual(['CD02', 'CD04']);
  });
});

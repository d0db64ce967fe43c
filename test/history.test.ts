/**
 * Progress over the years through the command line: `check FILE --history OLD …` and a table
 * whose Năm column holds several years; the JSON `history` block, the `Tiến độ` sheet, its line
 * charts (schema order, LibreOffice draws them), and a second run on the output giving the same
 * bytes. Expected values are worked out by hand in the comments (the same rows as the
 * hy-cdgd-nq02 example of src/domain/cycle/history.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { run } from '../src/cli/main';
import { columnDef, KV_NNN } from '../src/domain/catalog';
import { openXlsx } from '../src/workbook/xlsx';
import { orderErrors } from '../src/workbook/xlsx/chart/schemaOrder';
import { tree } from '../src/workbook/xlsx/chart/test';
import { captureIo } from './support/cliIo';

const TODAY = new Date(2026, 11, 2);
const KEYS = ['ma_don_vi', 'ten_don_vi', 'khu_vuc', 'tuldtt', 'vu_viec_tu_van', 'vu_viec_dai_dien', 'dv_ket_nap_moi'];
/** [tuldtt, tu_van, dai_dien, ket_nap] for units X and Y, both ngoài nhà nước. */
const DATA: Record<number, [string, number, number, number][]> = {
  2023: [['Có', 10, 7, 30], ['Không', 10, 6, 20]],
  2024: [['Có', 10, 6, 40], ['Có', 10, 7, 30]],
  2026: [['Có', 10, 8, 100], ['Không', 10, 7, 90]],
};

let dir: string;
const path = (name: string): string => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A return as a secretary types it: a title with the year (or a Năm column), the header, the units. */
async function writeTable(file: string, years: readonly number[], withYearColumn: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  const keys = withYearColumn ? [...KEYS.slice(0, 3), 'nam', ...KEYS.slice(3)] : KEYS;
  ws.addRow([withYearColumn ? 'BÁO CÁO CÁC NĂM' : `BÁO CÁO KẾT QUẢ NĂM ${years[0]}`]);
  ws.addRow([]);
  ws.addRow(keys.map((k) => columnDef(k)!.header));
  for (const y of years) {
    DATA[y].forEach(([tuldtt, tuVan, daiDien, ketNap], i) => {
      const code = i === 0 ? 'X' : 'Y';
      const values: Record<string, string | number> = { ma_don_vi: code, ten_don_vi: `CĐCS ${code}`, khu_vuc: KV_NNN, nam: y, tuldtt, vu_viec_tu_van: tuVan, vu_viec_dai_dien: daiDien, dv_ket_nap_moi: ketNap };
      ws.addRow(keys.map((k) => values[k]));
    });
  }
  await wb.xlsx.writeFile(file);
}

function readJson(file: string): { year: number; indicators: { id: string; actual: number | null; status: string }[]; history?: { id: string; years: { year: number; actual: number | null; target: number; status: string }[] }[] } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function progressRows(file: string): (string | number | boolean | null)[][] {
  const wb = openXlsx(new Uint8Array(readFileSync(file)));
  if (!wb.ok) throw new Error(wb.error.message);
  return wb.value.readSheetSync('Tiến độ').rows.map((r) => r.map((c) => (c === undefined ? null : (c as string | number | boolean | null))));
}

function charts(file: string): string[] {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.keys(parts)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .sort()
    .map((n) => strFromU8(parts[n]));
}

describe('check --history: three yearly files of hy-cdgd-nq02', () => {
  beforeAll(async () => {
    for (const y of [2023, 2024, 2026]) await writeTable(path(`so-lieu-${y}.xlsx`), [y], false);
    const io = captureIo(TODAY);
    const status = await run(
      ['check', path('so-lieu-2026.xlsx'), '--preset', 'hy-cdgd-nq02', '--history', path('so-lieu-2024.xlsx'), '--history', path('so-lieu-2023.xlsx'), '--out', path('out1.xlsx'), '--json', path('out1.json')],
      io,
    );
    expect({ status, err: io.stderr }).toEqual({ status: 0, err: [] });
    expect(io.stdout).toContain('Tiến độ qua các năm 2023, 2024, 2026: 20 chỉ tiêu, từng năm tính như kiểm tra riêng năm đó (sheet "Tiến độ" của tệp --out, khối "history" của báo cáo JSON).');
  }, 60_000);

  it('writes the JSON history block: per year the actual, the target of that year, the status', () => {
    const report = readJson(path('out1.json'));
    const h = new Map(report.history!.map((e) => [e.id, e.years]));
    // tuldtt_nnn: 1/2 against "by 2023 ≥ 100%"; 2/2 against "by 2025 ≥ 80%"; 1/2 against "by 2030 ≥ 85%".
    expect(h.get('tuldtt_nnn')).toEqual([
      { year: 2023, actual: 0.5, target: 1, status: 'CHUA_DAT' },
      { year: 2024, actual: 1, target: 0.8, status: 'DAT' },
      { year: 2026, actual: 0.5, target: 0.85, status: 'CHUA_DAT' },
    ]);
    // dai_dien_tu_van: 13/20 = 65% ≥ 65% (by 2023); 13/20 < 68% (by 2025); 15/20 = 75% ≥ 75% (by 2030).
    expect(h.get('dai_dien_tu_van')!.map((y) => [y.actual, y.target, y.status])).toEqual([[0.65, 0.65, 'DAT'], [0.65, 0.68, 'CHUA_DAT'], [0.75, 0.75, 'DAT']]);
    // Windows read from each file alone: 2021–2025 holds 30+20 = 50 in 2023, 40+30 = 70 in 2024, none of 2026.
    expect(h.get('ket_nap_2021_2025')!.map((y) => [y.actual, y.status])).toEqual([[50, 'CHUA_DAT'], [70, 'CHUA_DAT'], [null, 'THIEU_DU_LIEU']]);
    expect(h.get('ket_nap_2026_2030')!.map((y) => [y.actual, y.status])).toEqual([[null, 'THIEU_DU_LIEU'], [null, 'THIEU_DU_LIEU'], [190, 'CHUA_DAT']]);
    // The last year is the run's own: the same as its `indicators`.
    expect(report.year).toBe(2026);
    for (const i of report.indicators) expect(h.get(i.id)![2]).toMatchObject({ actual: i.actual, status: i.status });
  });

  it('writes Tiến độ: a row per indicator, a column group per year, the change from the first year', () => {
    const rows = progressRows(path('out1.xlsx'));
    expect(rows[0][0]).toBe('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NĂM 2023–2026');
    const h1 = rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Chỉ tiêu');
    // (Right of the table, past a gap, lie the charts' numbers.)
    expect(rows[h1].slice(0, rows[h1].indexOf('Mã') + 1).filter((c) => c !== null && c !== '')).toEqual(['STT', 'Chỉ tiêu', 'Năm 2023', 'Năm 2024', 'Năm 2026', 'Thay đổi so với 2023', 'Mã']);
    expect(rows[h1 + 1].slice(0, 12).filter((c) => c !== null && c !== '')).toEqual(['Kết quả', 'Mục tiêu', 'Đánh giá', 'Kết quả', 'Mục tiêu', 'Đánh giá', 'Kết quả', 'Mục tiêu', 'Đánh giá']);
    const row = (id: string) => rows.find((r) => r.includes(id))!;
    // tuldtt_nnn: 50% (1/2) ≥ 100% Chưa đạt, 100% (2/2) ≥ 80% Đạt, 50% (1/2) ≥ 85% Chưa đạt; change 50% − 50% = 0 points.
    expect(row('tuldtt_nnn').slice(2, 12)).toEqual(['50% (1/2)', '≥ 100%', 'Chưa đạt', '100% (2/2)', '≥ 80%', 'Đạt', '50% (1/2)', '≥ 85%', 'Chưa đạt', '0 điểm %']);
    // dai_dien_tu_van: 65% → 75%: +10 points.
    expect(row('dai_dien_tu_van')[11]).toBe('+10 điểm %');
    // Per unit: the years each met tuldtt_nnn (X every year, Y in 2024).
    const unitHeader = rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Tên đơn vị');
    // tuldtt_nnn is the set's 18th indicator.
    const col = rows[unitHeader].findIndex((c) => typeof c === 'string' && c.startsWith('18. '));
    expect(col).toBeGreaterThan(2);
    expect(rows[unitHeader + 1].slice(0, 3)).toEqual(['1', 'CĐCS X', 'X']);
    expect(rows[unitHeader + 1][col]).toBe('2023, 2024, 2026');
    expect(rows[unitHeader + 2][col]).toBe('2024');
  });

  it('draws one line chart per indicator group, in the schema order of CT_LineChart and CT_LineSer', () => {
    const parts = charts(path('out1.xlsx'));
    // Tổng hợp's bar chart, then on Tiến độ: 17 indicators in % in runs of 6 (6, 6, 5) and the three sums alone.
    expect(parts.filter((x) => x.includes('<c:barChart>'))).toHaveLength(1);
    const lines = parts.filter((x) => x.includes('<c:lineChart>'));
    expect(lines).toHaveLength(6);
    for (const x of lines) expect(orderErrors(tree(x))).toEqual([]);
    const series = lines.map((x) => (x.match(/<c:ser>/g) ?? []).length).sort();
    expect(series).toEqual([1, 1, 1, 5, 6, 6]);
  });

  it('a second run on its own output gives the same file', async () => {
    const io = captureIo(TODAY);
    const status = await run(
      ['check', path('out1.xlsx'), '--preset', 'hy-cdgd-nq02', '--history', path('so-lieu-2024.xlsx'), '--history', path('so-lieu-2023.xlsx'), '--out', path('out2.xlsx')],
      io,
    );
    expect(status).toBe(0);
    expect(Buffer.compare(readFileSync(path('out2.xlsx')), readFileSync(path('out1.xlsx')))).toBe(0);
  }, 60_000);

  it('refuses a --history file that is missing, with one line naming it', async () => {
    const io = captureIo(TODAY);
    const status = await run(['check', path('so-lieu-2026.xlsx'), '--preset', 'hy-cdgd-nq02', '--history', path('khong-co.xlsx')], io);
    expect(status).toBe(2);
    expect(io.stderr.join('\n')).toContain('khong-co.xlsx');
  });
});

describe('a table whose Năm column holds several years', () => {
  it('gets Tiến độ and the JSON history without --history', async () => {
    await writeTable(path('nhieu-nam.xlsx'), [2023, 2024, 2026], true);
    const io = captureIo(TODAY);
    expect(await run(['check', path('nhieu-nam.xlsx'), '--preset', 'hy-cdgd-nq02', '--out', path('nhieu-nam-kq.xlsx'), '--json', path('nhieu-nam.json')], io)).toBe(0);
    const report = readJson(path('nhieu-nam.json'));
    const h = new Map(report.history!.map((e) => [e.id, e.years]));
    // The same tuldtt_nnn as from three files; the window 2021–2025 counts every row of it the
    // table holds in every year (as check --year YYYY on this table does): 50 + 70 = 120.
    expect(h.get('tuldtt_nnn')!.map((y) => y.status)).toEqual(['CHUA_DAT', 'DAT', 'CHUA_DAT']);
    expect(h.get('ket_nap_2021_2025')!.map((y) => y.actual)).toEqual([120, 120, 120]);
    expect(progressRows(path('nhieu-nam-kq.xlsx'))[0][0]).toBe('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NĂM 2023–2026');
  }, 60_000);

  it('a one-year table gets neither', async () => {
    await writeTable(path('mot-nam.xlsx'), [2024], true);
    expect(await run(['check', path('mot-nam.xlsx'), '--preset', 'hy-cdgd-nq02', '--out', path('mot-nam-kq.xlsx'), '--json', path('mot-nam.json')], captureIo(TODAY))).toBe(0);
    expect(readJson(path('mot-nam.json')).history).toBeUndefined();
    const wb = openXlsx(new Uint8Array(readFileSync(path('mot-nam-kq.xlsx'))));
    expect(wb.ok && wb.value.sheetNamesSync()).not.toContain('Tiến độ');
  }, 60_000);
});

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const pdftoppm = spawnSync('which', ['pdftoppm']).status === 0;

(soffice && pdftoppm ? describe : describe.skip)('LibreOffice prints Tiến độ with its line charts', () => {
  it('the printed sheet has the charts\' titles and lines in the series colours', async () => {
    // Only Tiến độ in the file printed: the first output with its other sheets removed is not
    // needed, LibreOffice prints every sheet; the pages of Tiến độ are found by their title.
    const outdir = path('pdf');
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${path('profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, path('out1.xlsx')], { timeout: 180_000, encoding: 'utf8' });
    expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
    const pdf = join(outdir, 'out1.pdf');
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const first = pages.findIndex((p) => p.includes('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU'));
    expect(first).toBeGreaterThanOrEqual(0);
    const text = pages.slice(first).join('\n');
    expect(text).toContain('Kết quả qua các năm (%), chỉ tiêu 1–6');
    expect(text).toContain('Kết quả qua các năm (%), chỉ tiêu 16–20');
    // Lines are drawn where there are figures: the three sums (ket_nap_…, each alone in its chart,
    // first series: dark blue 1F4E79 = 31,78,121) and, in the chart of indicators 16–20, the third
    // series, tuldtt_nnn (green 548235 = 84,130,53). Counted on Tiến độ's pages only; the status
    // cells' greens (C6EFCE fill, 006100 text) are far from that green.
    let blue = 0;
    let green = 0;
    for (let page = first + 1; page <= pages.length; page++) {
      const out = path(`tien-do-${page}`);
      const s = spawnSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
      if (s.status !== 0) break;
      const ppm = readFileSync(out + '.ppm');
      const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
      const rgb = ppm.subarray(header[0].length);
      for (let i = 0; i + 2 < rgb.length; i += 3) {
        if (Math.abs(rgb[i] - 31) < 25 && Math.abs(rgb[i + 1] - 78) < 25 && Math.abs(rgb[i + 2] - 121) < 25) blue++;
        if (Math.abs(rgb[i] - 84) < 25 && Math.abs(rgb[i + 1] - 130) < 25 && Math.abs(rgb[i + 2] - 53) < 25) green++;
      }
    }
    // Lines 3 points wide over a chart about 7 inches wide, at 50 dpi: well over a hundred pixels each.
    expect(blue).toBeGreaterThan(100);
    expect(green).toBeGreaterThan(30);
  }, 240_000);
});

/**
 * Two independent readers of the chart: openpyxl (Debian python3-openpyxl) loads the workbook and
 * finds the chart with its two series; LibreOffice prints it, and the printed page has the
 * chart's title and its bars. Both are installed by `.ci/run`; without them locally the checks
 * are skipped with a note (and fail in CI).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createXlsx } from '../create';
import { buildFixture, mustOpen, samplePlan } from '../test';
import { addUserChart, chartSheet } from './test';

/** A Python with openpyxl: Debian's, also when another python3 comes first on PATH. */
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const pdftoppm = spawnSync('which', ['pdftoppm']).status === 0;

/**
 * The user's workbook after a run (our chart on Tổng hợp, a user's pie on `Ghi chú`), then a
 * user's pie added on Tổng hợp and a second run.
 */
async function userOutput(): Promise<Uint8Array> {
  let zip = await buildFixture();
  zip = addUserChart(zip, { sheet: 'xl/worksheets/sheet2.xml', drawing: 'xl/drawings/drawing1.xml', chart: 'xl/charts/chart1.xml', name: 'Biểu đồ 1', title: 'Đoàn viên' });
  const plan = { data: samplePlan().data, sheets: [chartSheet()] };
  let wb = mustOpen(zip);
  wb.applySync(plan);
  zip = addUserChart(wb.toBytes(), { sheet: 'xl/worksheets/sheet3.xml', drawing: 'unused', chart: 'xl/charts/chart9.xml', name: 'Biểu đồ của tôi', title: 'Biểu đồ riêng' });
  wb = mustOpen(zip);
  wb.applySync(plan);
  return wb.toBytes();
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-chart-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(python ? describe : describe.skip)('openpyxl reads the chart', () => {
  test('Tổng hợp has our chart with two series, and the user charts are still there', async () => {
    const file = join(dir, 'openpyxl.xlsx');
    writeFileSync(file, await userOutput());
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'def title(c):',
      '    return "".join(r.t for p in c.title.tx.rich.p for r in (p.r or []))',
      'out = {}',
      'for ws in wb.worksheets:',
      '    out[ws.title] = [{"type": c.tagname, "title": title(c), "series": len(c.series),',
      '        "refs": [s.val.numRef.f if s.val and s.val.numRef else None for s in c.series],',
      '        "cached": [[p.v for p in s.val.numRef.numCache.pt] if s.val and s.val.numRef else None for s in c.series]} for c in ws._charts]',
      'print(json.dumps(out, ensure_ascii=False))',
    ].join('\n');
    const r = spawnSync(python!, ['-c', script, file], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
    const charts = JSON.parse(r.stdout) as Record<string, { type: string; title: string; series: number; refs: (string | null)[]; cached: (number[] | null)[] }[]>;
    // Ours: a bar chart, 2 series, target 90/100/50 and result 82.4/100 (no point for "—");
    // the user's pie (literal values, so no reference) after it on the same sheet.
    expect(charts['Tổng hợp']).toEqual([
      {
        type: 'barChart',
        title: 'Mục tiêu và kết quả (%)',
        series: 2,
        refs: ["'Tổng hợp'!$B$5:$B$7", "'Tổng hợp'!$C$5:$C$7"],
        cached: [
          [90, 100, 50],
          [82.4, 100],
        ],
      },
      { type: 'pieChart', title: 'Biểu đồ riêng', series: 1, refs: [null], cached: [null] },
    ]);
    expect(charts['Ghi chú']).toEqual([{ type: 'pieChart', title: 'Đoàn viên', series: 1, refs: [null], cached: [null] }]);
  }, 120_000);
});

/** A private LibreOffice profile, so a concurrent one (or a first-run dialog) cannot interfere. */
function toPdf(file: string): string {
  const r = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    timeout: 120_000,
    encoding: 'utf8',
  });
  expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
  return file.replace(/\.xlsx$/, '.pdf');
}

/** Page `page` of a PDF as RGB pixels (pdftoppm's binary PPM, 50 dpi). */
function pagePixels(pdf: string, page: number): { width: number; height: number; rgb: Uint8Array } {
  const out = join(dir, `page${page}`);
  const r = spawnSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', pdf, out], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const ppm = readFileSync(out + '.ppm');
  // P6 <width> <height> <maxval>\n then bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

(soffice && pdftoppm ? describe : describe.skip)('LibreOffice draws the chart', () => {
  test('the printed Tổng hợp shows the title and the result bars right of the table', () => {
    const wb = createXlsx();
    wb.applySync({ sheets: [chartSheet()] });
    const file = join(dir, 'fresh.xlsx');
    writeFileSync(file, wb.toBytes());
    const pdf = toPdf(file);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    // The title is only in the chart (the sheet's heading above the block is in capitals).
    expect(text).toContain('Mục tiêu và kết quả (%)');
    // The result bars are dark blue (1F4E79 = 31,78,121). The table is in A:C, the chart in E:J:
    // bar pixels are counted in the right half of the page only.
    const { width, height, rgb } = pagePixels(pdf, 1);
    let bars = 0;
    let leftHalf = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        const near = Math.abs(rgb[i] - 31) < 25 && Math.abs(rgb[i + 1] - 78) < 25 && Math.abs(rgb[i + 2] - 121) < 25;
        if (!near) continue;
        if (x > width / 2) bars++;
        else leftHalf++;
      }
    }
    // Two bars (82.4 and 100 of a 0–100 axis) at 50 dpi cover a few hundred pixels at least.
    expect(bars).toBeGreaterThan(300);
    expect(leftHalf).toBe(0);
  }, 180_000);

  test('after a re-run, the page shows our chart and the chart the user added', async () => {
    const file = join(dir, 'rerun.xlsx');
    writeFileSync(file, await userOutput());
    const pdf = toPdf(file);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Mục tiêu và kết quả (%)');
    expect(text).toContain('Biểu đồ riêng');
    expect(text).toContain('Đoàn viên');
  }, 180_000);
});

if (!python || !soffice || !pdftoppm) {
  test('chart readers skipped (fails in CI, which installs them)', () => {
    expect(process.env.CI).toBeFalsy();
    console.log('openpyxl, soffice or pdftoppm missing: some chart reader checks were skipped.');
  });
}

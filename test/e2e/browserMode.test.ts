/**
 * The pane's browser mode end to end, in real Chromium: the built dist/ served from 127.0.0.1,
 * a return made with ExcelJS uploaded, bd-cdvc-2024 chosen, results downloaded and read back
 * with ExcelJS. Every request that is not to 127.0.0.1 is blocked and recorded, which proves
 * the pane needs no network (office.js, the one allowed outside script, fails to load here and
 * the page must work without it). Screenshots at 350 px go to test/e2e/screenshots/.
 *
 * Needs `npm run build` first (npm test does it) and Debian's /usr/bin/chromium.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, observeLongTasks, panePage } from './chromiumSetup';
import type { WatchedPage } from './chromiumSetup';
import { serveDirectory } from './staticServer';
import type { StaticServer } from './staticServer';
import { BD_CDVC_2024_HEADERS } from '../support/bdCdvc2024Headers';

// E2E_DIST: a build made elsewhere (so a measurement does not disturb another run's dist/).
const DIST = process.env.E2E_DIST ?? join(__dirname, '..', '..', 'dist');
// Committed screenshots are refreshed on request (SAVE_SCREENSHOTS=1); a plain test run writes to a temp folder.
const SHOTS = process.env.SAVE_SCREENSHOTS === '1' ? join(__dirname, 'screenshots') : join(tmpdir(), 'chitieu-screenshots');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const HEADERS = [...BD_CDVC_2024_HEADERS];

/**
 * Five units under a title row; the header is on row 3, units on rows 4–8.
 *   A Mã | B Tên | C Khu vực | D Năm | E Số đủ ĐK | F Số ĐV | G ĐV SK | H Kế hoạch | I Thi đua | J CĐS | K ĐK VH | L Đạt VH | M Xếp loại
 *
 * Per-unit statuses worked out by hand (bao_phu = F/E ≥ 100%; sang_kien = G/F ≥ 15%; the others: Có → Đạt, Không → Chưa đạt, blank → Thiếu dữ liệu):
 *   CD01  20/20, 3/20 = 15% (exactly)       → kế hoạch Đạt, thi đua Đạt, bao_phu Đạt, CĐS Đạt, SK Đạt, ĐK VH Đạt, đạt VH Đạt; 0 lỗi
 *   CD02  38/40 = 95%, 10/38 ≈ 26%; thi đua Không, đạt VH Không
 *                                           → Đạt, Chưa đạt, Chưa đạt, Đạt, Đạt, Đạt, Chưa đạt; 0 lỗi
 *   CD03  95/100 = 95%, 14/95 ≈ 14,7%; CĐS Không
 *                                           → Đạt, Đạt, Chưa đạt, Chưa đạt, Chưa đạt, Đạt, Đạt; 0 lỗi
 *   CD04  Số ĐV blank (required) → bao_phu and SK Thiếu dữ liệu; "co" and "x" read as Có
 *                                           → Đạt, Đạt, Thiếu dữ liệu, Đạt, Thiếu dữ liệu, Đạt, Đạt; 1 lỗi
 *   CD05  10/10, 2/10 = 20%; ĐK VH blank (required); xếp loại "Tốt lắm" (invalid)
 *                                           → Đạt, Đạt, Đạt, Đạt, Đạt, Thiếu dữ liệu, Đạt; 2 lỗi
 * Aggregates: kế hoạch 5/5 Đạt; thi đua 4/5 Chưa đạt; KHT 0 Đạt; bao_phu 163/170 Chưa đạt; CĐS 4/5 Chưa đạt;
 * SK 3 of 4 units Chưa đạt; ĐK VH 4/4 Đạt; đạt VH 4/5 = 80% < 95% Chưa đạt.
 */
const UNITS: (string | number | null)[][] = [
  ['CD01', 'CĐCS Trường THPT Quang Trung', 'Nhà nước', 2024, 20, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['CD02', 'CĐCS Sở Tài chính', 'Nhà nước', 2024, 40, 38, 10, 'Có', 'Không', 'Có', 'Có', 'Không', 'HTT'],
  ['CD03', 'CĐCS Bệnh viện đa khoa tỉnh', 'Nhà nước', 2024, 100, 95, 14, 'Có', 'Có', 'Không', 'Có', 'Có', 'Hoàn thành nhiệm vụ'],
  ['CD04', 'CĐCS Công ty May Phú Tài', 'Ngoài nhà nước', 2024, 50, null, 8, 'co', 'x', 'Có', 'Có', 'Có', 'HTT'],
  ['CD05', 'CĐCS Trường Mầm non Hoa Sen', 'Nhà nước', 2024, 10, 10, 2, 'Có', 'Có', 'Có', null, 'Có', 'Tốt lắm'],
];

const D = 'Đạt';
const C = 'Chưa đạt';
const T = 'Thiếu dữ liệu';
/** Expected per-unit statuses, in the order of the set's per-unit indicators, then Lỗi dữ liệu. */
const EXPECTED: Record<string, (string | number)[]> = {
  CD01: [D, D, D, D, D, D, D, 0],
  CD02: [D, C, C, D, D, D, C, 0],
  CD03: [D, D, C, C, C, D, D, 0],
  CD04: [D, D, T, D, T, D, D, 1],
  CD05: [D, D, D, D, D, T, D, 2],
};
const PER_UNIT_LABELS = [
  'CĐCS có kế hoạch gắn nhiệm vụ chính trị',
  'CĐCS đăng ký thi đua HTT nhiệm vụ trở lên',
  'Đoàn viên / CBCCVCLĐ đủ điều kiện',
  'CĐCS phát động thi đua chuyển đổi số',
  'ĐV đăng ký sáng kiến ≥ 15%',
  'CĐCS đăng ký xây dựng đơn vị đạt chuẩn VH',
  'Cơ quan, đơn vị đạt chuẩn văn hóa',
];

async function returnWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu 2024');
  ws.getCell('A1').value = 'BẢNG SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024';
  ws.addRow([]);
  ws.addRow(HEADERS);
  for (const u of UNITS) ws.addRow(u);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rows of the large check (the figure: a 100,000-row return froze the page for 6 s). */
const LARGE_ROWS = 100_000;
/** A main-thread task longer than this makes the page feel frozen (the bound). */
const LONG_TASK_LIMIT_MS = 200;

/**
 * LARGE_ROWS units: the five units above over and over, each with its own code (CD000001…).
 * Two in five carry errors (as CD04 and CD05), so the check lists 60,000 problems: the pane
 * must stay responsive with a long problem list too.
 */
async function largeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu 2024');
  ws.addRow(HEADERS);
  for (let i = 0; i < LARGE_ROWS; i++) {
    const u = [...UNITS[i % UNITS.length]];
    u[0] = `CD${String(i + 1).padStart(6, '0')}`;
    ws.addRow(u);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const describeIfChromium = chromiumAvailable() ? describe : describe.skip;

describeIfChromium('browser mode in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run "npm run build" first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDirectory(DIST);
    base = `http://127.0.0.1:${server.address.port}`;
    browser = await launchChromium();
    watched = await panePage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks a return, lists its problems, and the downloaded workbook holds the statuses', async () => {
    const { page, blocked, pageErrors, cspViolations } = watched;
    await page.goto(`${base}/taskpane.html`);
    const run = page.getByRole('button', { name: 'Kiểm tra và tính chỉ tiêu' });
    await run.waitFor();
    await page.screenshot({ path: join(SHOTS, 'empty.png'), fullPage: true });

    await page.getByLabel('Chọn tệp .xlsx').setInputFiles({
      name: 'so-lieu-2024.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await returnWorkbook(),
    });
    await page.getByText('Tệp đang dùng: so-lieu-2024.xlsx').waitFor();
    await page.getByRole('combobox', { name: 'Bộ chỉ tiêu' }).click();
    await page.getByRole('option', { name: 'bd-cdvc-2024 — 06/CTr-CĐVC' }).click();
    await run.click();

    const table = page.getByRole('table', { name: 'Kết quả chỉ tiêu' });
    await table.waitFor();
    const status = (label: string) => table.getByRole('row').filter({ hasText: label }).locator('[data-status]');
    expect(await status('ĐV đăng ký sáng kiến ≥ 15%').textContent()).toBe('Chưa đạt');
    expect(await status('CĐCS đăng ký xây dựng đơn vị đạt chuẩn VH').textContent()).toBe('Đạt');
    expect(await status('Số CĐCS không hoàn thành nhiệm vụ').textContent()).toBe('Đạt');
    await page.screenshot({ path: join(SHOTS, 'results.png'), fullPage: true });

    const problems = page.getByRole('region', { name: 'Lỗi và cảnh báo' });
    await problems.getByText('3 lỗi', { exact: true }).waitFor();
    await problems.getByText(/Ô M8: "Tốt lắm" không phải là mức xếp loại/).waitFor();
    await problems.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'problems.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống kết quả' }).click()]);
    expect(download.suggestedFilename()).toBe('so-lieu-2024-ket-qua.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Số liệu 2024', 'Tổng hợp', 'Kiểm tra', 'Danh sách đơn vị']);

    const ws = wb.getWorksheet('Số liệu 2024')!;
    const header = ws.getRow(3);
    const colOf = (text: string): number => {
      let found = 0;
      header.eachCell((cell, col) => {
        if (cell.value === text) found = col;
      });
      if (!found) throw new Error(`no column "${text}" in row 3`);
      return found;
    };
    const cols = [...PER_UNIT_LABELS.map((l) => colOf(`Kết quả: ${l}`)), colOf('Lỗi dữ liệu')];
    // The status columns start after one empty column to the right of the table (A–M, N empty).
    expect(cols[0]).toBe(15);
    UNITS.forEach((u, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(1).value).toBe(u[0]);
      expect(cols.map((c) => row.getCell(c).value)).toEqual(EXPECTED[u[0] as string]);
      // What the user typed is unchanged.
      u.forEach((v, c) => expect(row.getCell(c + 1).value ?? null).toEqual(v));
    });

    const summary = wb.getWorksheet('Tổng hợp')!;
    const verdict = new Map<string, unknown>();
    summary.eachRow((row) => {
      // Mã is the last column of the table (H); Đánh giá is E.
      const id = row.getCell(8).value;
      // The main table comes first; later blocks (units not meeting an indicator) repeat the id.
      if (typeof id === 'string' && !verdict.has(id)) verdict.set(id, row.getCell(5).value);
    });
    expect(Object.fromEntries(['co_ke_hoach', 'dang_ky_thi_dua', 'khong_kht', 'bao_phu_dv', 'sang_kien_15', 'dat_chuan_vh'].map((id) => [id, verdict.get(id)]))).toEqual({
      co_ke_hoach: D,
      dang_ky_thi_dua: C,
      khong_kht: D,
      bao_phu_dv: C,
      sang_kien_15: C,
      dat_chuan_vh: C,
    });

    // Nothing but office.js was even attempted off this machine, and the page ran without it.
    expect(blocked.filter((u) => u !== OFFICE_JS)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('runs the browser mode when office.js loads but reports no Office host', async () => {
    const page = await watched.context.newPage();
    // office.js outside an Office client resolves onReady with host null.
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: null, platform: null }) };' }),
    );
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('button', { name: 'Chọn tệp .xlsx' }).waitFor();
    await page.close();
  });

  it('in an Excel too old for the add-in, says which Excel it needs', async () => {
    const page = await watched.context.newPage();
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body:
          'window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),' +
          ' context: { requirements: { isSetSupported: () => false } } };',
      }),
    );
    await page.goto(`${base}/taskpane.html`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('cần Excel 2021, Excel của Microsoft 365 hoặc Excel trên web (ExcelApi 1.9)');
    await page.close();
  });

  it('says in Vietnamese what to do with a file that is not .xlsx', async () => {
    const { page } = watched;
    await page.goto(`${base}/taskpane.html`);
    await page.getByLabel('Chọn tệp .xlsx').setInputFiles({ name: 'ghi-chu.xlsx', mimeType: 'text/plain', buffer: Buffer.from('không phải Excel') });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('không phải là tệp Excel .xlsx');
  });

  it(`checks a ${LARGE_ROWS.toLocaleString('en')}-row return with no main-thread task over ${LONG_TASK_LIMIT_MS} ms`, async () => {
    // From a file on disk: a buffer would be decoded by Playwright's own script in the page,
    // one long task of the test's making, not the pane's.
    const path = join(mkdtempSync(join(tmpdir(), 'chitieu-large-')), 'so-lieu-lon-2024.xlsx');
    writeFileSync(path, await largeWorkbook());
    const page = await watched.context.newPage();
    await page.addInitScript(observeLongTasks);
    await page.goto(`${base}/taskpane.html`);
    const run = page.getByRole('button', { name: 'Kiểm tra và tính chỉ tiêu' });
    await run.waitFor();
    const started = await page.evaluate(() => performance.now());
    await page.getByLabel('Chọn tệp .xlsx').setInputFiles(path);
    await page.getByText('Tệp đang dùng: so-lieu-lon-2024.xlsx').waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Bộ chỉ tiêu' }).click();
    await page.getByRole('option', { name: 'bd-cdvc-2024 — 06/CTr-CĐVC' }).click();
    // No waiting for navigations after the click: a frozen page would hold the click itself.
    await run.click({ noWaitAfter: true });
    await page.getByRole('table', { name: 'Kết quả chỉ tiêu' }).waitFor({ timeout: 180_000 });
    // Units per the cycle of five: CD04-like rows (20,000) have 1 error, CD05-like rows (20,000) have 2.
    await page.getByRole('region', { name: 'Lỗi và cảnh báo' }).getByText('60.000 lỗi', { exact: true }).waitFor({ timeout: 60_000 });
    // Let the last render land before reading the tasks.
    await page.waitForTimeout(500);
    const tasks = await page.evaluate((from) => (window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(([start]) => start >= from), started);
    const longest = Math.max(0, ...tasks.map(([, d]) => d));
    // Each task as [start, duration] in ms, for the record.
    console.log(`long tasks: ${JSON.stringify(tasks.map(([a, b]) => [Math.round(a), Math.round(b)]))}`);
    console.log(`browser mode, ${LARGE_ROWS} rows: ${tasks.length} long tasks, longest main-thread task ${Math.round(longest)} ms`);
    expect(longest).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
    await page.close();
  }, 300_000);
});

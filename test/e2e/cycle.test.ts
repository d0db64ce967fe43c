/**
 * The reporting cycle in the pane, end to end in real Chromium at 350 px.
 *
 * Browser mode (the built dist/, as browserMode.test.ts): a workbook of this year's table and an
 * earlier year's sheet is uploaded; "Tạo danh bạ CĐCS" adds the register, "Tạo mẫu gửi CĐCS"
 * downloads a .zip holding one return workbook per unit (read back with fflate and ExcelJS),
 * and "Tạo sheet Tiến độ" adds the progress sheet for the ticked earlier year.
 * Office mode (cycleHarness.tsx: the real App on an in-memory workbook with a register): an
 * import shows who has not reported, and the send-out shows its command line.
 *
 * Screenshots of each new pane state go to test/e2e/screenshots/cycle/ with SAVE_SCREENSHOTS=1.
 * Needs `npm run build` first (or E2E_DIST) and Debian's /usr/bin/chromium.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, panePage } from './chromiumSetup';
import type { WatchedPage } from './chromiumSetup';
import { bundleHarness } from './cycleBundle';
import { serveDirectory } from './staticServer';
import type { StaticServer } from './staticServer';
import { BD_CDVC_2024_HEADERS } from '../support/bdCdvc2024Headers';

const DIST = process.env.E2E_DIST ?? join(__dirname, '..', '..', 'dist');
const SHOTS = process.env.SAVE_SCREENSHOTS === '1' ? join(__dirname, 'screenshots', 'cycle') : join(tmpdir(), 'chitieu-screenshots', 'cycle');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Three units of bd-cdvc-2024 (columns as BD_CDVC_2024_HEADERS), the year column last set per sheet. */
const UNITS: (string | number | null)[][] = [
  ['CD01', 'CĐCS Trường THPT Quang Trung', 'Nhà nước', 0, 20, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['CD02', 'CĐCS Sở Tài chính', 'Nhà nước', 0, 40, 38, 10, 'Có', 'Không', 'Có', 'Có', 'Không', 'Hoàn thành tốt nhiệm vụ'],
  ['CD03', 'CĐCS Bệnh viện đa khoa tỉnh', 'Nhà nước', 0, 100, 95, 14, 'Có', 'Có', 'Không', 'Có', 'Có', 'Hoàn thành nhiệm vụ'],
];

/** Sheet "Số liệu 2024" (title row, header on row 3) and sheet "Năm 2023" (the same units a year before). */
async function cycleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, year] of [['Số liệu 2024', 2024], ['Năm 2023', 2023]] as const) {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = `BẢNG SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM ${year}`;
    ws.addRow([]);
    ws.addRow([...BD_CDVC_2024_HEADERS]);
    for (const u of UNITS) ws.addRow(u.map((v, i) => (i === 3 ? year : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readWorkbook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every text cell of a sheet. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && out.push(cell.value))));
  return out;
}

async function shot(page: Page, region: string, file: string): Promise<void> {
  const el = page.getByRole('region', { name: region });
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: join(SHOTS, file) });
}

const describeIfChromium = chromiumAvailable() ? describe : describe.skip;

describeIfChromium('the reporting cycle in the pane (Chromium)', () => {
  let dist: StaticServer;
  let harness: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run "npm run build" first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-cycle-'));
    await bundleHarness(join(__dirname, 'cycleHarness.tsx'), dir);
    dist = await serveDirectory(DIST);
    harness = await serveDirectory(dir);
    browser = await launchChromium();
    watched = await panePage(browser);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await dist?.close();
    await harness?.close();
  });

  it('browser mode: register, send-out .zip with one workbook per unit, and Tiến độ', async () => {
    const { page, blocked, pageErrors } = watched;
    await page.goto(`http://127.0.0.1:${dist.address.port}/taskpane.html`);
    await page.getByLabel('Chọn tệp .xlsx').setInputFiles({ name: 'so-lieu-2024.xlsx', mimeType: XLSX, buffer: await cycleWorkbook() });
    await page.getByText('Tệp đang dùng: so-lieu-2024.xlsx').waitFor();
    await page.getByRole('combobox', { name: 'Bộ chỉ tiêu' }).click();
    await page.getByRole('option', { name: 'bd-cdvc-2024 — 06/CTr-CĐVC' }).click();
    await page.getByRole('textbox', { name: /Năm báo cáo/ }).fill('2025');
    const cycle = page.getByRole('region', { name: 'Chu kỳ báo cáo' });
    await cycle.getByText('Tệp chưa có sheet "Danh bạ CĐCS": mẫu gửi sẽ lấy các đơn vị trong bảng số liệu.').waitFor();
    await shot(page, 'Chu kỳ báo cáo', 'browser-cycle.png');

    // The register, from the table of "Số liệu 2024": its three units, in the file the pane holds.
    await cycle.getByRole('button', { name: 'Tạo danh bạ CĐCS' }).click();
    await cycle.getByText(/^Đã thêm sheet "Danh bạ CĐCS" \(3 đơn vị\)/).waitFor({ timeout: 60_000 });
    await cycle.getByText('Danh bạ: sheet "Danh bạ CĐCS", 3 đơn vị.').waitFor();
    await shot(page, 'Chu kỳ báo cáo', 'browser-register.png');
    const [withRegister] = await Promise.all([page.waitForEvent('download'), cycle.getByRole('button', { name: 'Tải xuống tệp có danh bạ' }).click()]);
    expect(withRegister.suggestedFilename()).toBe('so-lieu-2024-danh-ba.xlsx');
    const registerBook = await readWorkbook(readFileSync(await withRegister.path()));
    expect(registerBook.worksheets.map((w) => w.name)).toEqual(['Số liệu 2024', 'Năm 2023', 'Danh bạ CĐCS']);
    expect(texts(registerBook.getWorksheet('Danh bạ CĐCS')!)).toEqual(expect.arrayContaining(['CD01', 'CD02', 'CD03', 'CĐCS Sở Tài chính']));

    // The send-out: one return per register unit, for 2025, in one .zip.
    await cycle.getByRole('button', { name: 'Tạo mẫu gửi CĐCS' }).click();
    const save = cycle.getByRole('button', { name: 'Tải xuống mau-gui-cdcs-2025.zip' });
    await save.waitFor({ timeout: 60_000 });
    await shot(page, 'Chu kỳ báo cáo', 'browser-send-out.png');
    const [zip] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(zip.suggestedFilename()).toBe('mau-gui-cdcs-2025.zip');
    const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    expect(Object.keys(entries).sort()).toEqual(['bao-cao-CD01-2025.xlsx', 'bao-cao-CD02-2025.xlsx', 'bao-cao-CD03-2025.xlsx']);
    for (const [name, bytes] of Object.entries(entries)) {
      // Each a workbook of its own unit: its code (from the name) and the year 2025 are in it.
      const book = await readWorkbook(bytes);
      const all = book.worksheets.flatMap(texts);
      expect(all).toContain(/bao-cao-(CD\d+)-2025/.exec(name)![1]);
    }

    // Tiến độ: the table (2024) and the ticked earlier year (2023).
    const history = page.getByRole('region', { name: 'Tiến độ qua các năm' });
    await history.getByRole('checkbox', { name: 'Năm 2023' }).check();
    await shot(page, 'Tiến độ qua các năm', 'browser-history-picked.png');
    await history.getByRole('button', { name: 'Tạo sheet Tiến độ' }).click();
    await history.getByText(/^Đã thêm sheet "Tiến độ" cho các năm 2023, 2024\./).waitFor({ timeout: 60_000 });
    await shot(page, 'Tiến độ qua các năm', 'browser-history-done.png');
    const [withHistory] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Tải xuống tệp có tiến độ' }).click()]);
    const historyBook = await readWorkbook(readFileSync(await withHistory.path()));
    expect(historyBook.worksheets.map((w) => w.name)).toEqual(['Số liệu 2024', 'Năm 2023', 'Danh bạ CĐCS', 'Tiến độ']);
    expect(texts(historyBook.getWorksheet('Tiến độ')!)).toContain('sang_kien_15');
    await page.screenshot({ path: join(SHOTS, 'browser-full.png'), fullPage: true });

    expect(blocked.filter((u) => u !== OFFICE_JS)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('Office mode: an import with a register says who has not reported; the send-out gives its command', async () => {
    const page = await watched.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${harness.address.port}/taskpane.html`);
    const cycle = page.getByRole('region', { name: 'Chu kỳ báo cáo' });
    await cycle.getByText('Danh bạ: sheet "Danh bạ CĐCS", 5 đơn vị.').waitFor({ timeout: 60_000 });

    // Three returns made with ExcelJS: CD01; a file named for CD02 holding CD03; CD999, not in the register.
    const ret = async (row: (string | number | null)[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Báo cáo');
      ws.addRow([...BD_CDVC_2024_HEADERS]);
      ws.addRow(row.map((v, i) => (i === 3 ? 2024 : v)));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const intake = page.getByRole('region', { name: 'Nhập báo cáo CĐCS' });
    await page.waitForFunction(() => !document.querySelector('[aria-disabled="true"]'));
    await intake.getByLabel('Chọn các tệp báo cáo .xlsx').setInputFiles([
      { name: 'bao-cao-CD01-2024.xlsx', mimeType: XLSX, buffer: await ret(UNITS[0]) },
      { name: 'bao-cao-CD02-2024.xlsx', mimeType: XLSX, buffer: await ret(['CD03', ...UNITS[2].slice(1)]) },
      { name: 'bao-cao-CD999-2024.xlsx', mimeType: XLSX, buffer: await ret(['CD999', 'CĐCS Công ty Lạ', ...UNITS[1].slice(2)]) },
    ]);
    await intake.getByRole('button', { name: 'Nhập vào bảng tổng hợp' }).click();
    const chasing = page.getByRole('region', { name: 'Theo dõi nộp báo cáo' });
    // Received: CD01 and CD03 (2 of 5); missing CD02, CD04, CD05, in Vietnamese order of their names.
    await chasing.getByText('Đã nhận 2/5 — còn 3 đơn vị chưa nộp').waitFor({ timeout: 60_000 });
    const missing = chasing.getByRole('list', { name: 'Đơn vị chưa nộp' }).getByRole('listitem');
    expect(await missing.allTextContents()).toEqual([
      'CĐCS Điện lực D (CD04)Lê Minh Đức · duc@dienluc-d.vn',
      'CĐCS Sở B (CD02)Danh bạ chưa có người liên hệ',
      'CĐCS Ủy ban phường E (CD05)0236 3822 111',
    ]);
    await chasing.getByText(/^Tệp "bao-cao-CD999-2024\.xlsx": mã đơn vị CD999 không có trong danh bạ CĐCS/).waitFor();
    await chasing.getByText(/^Tệp "bao-cao-CD02-2024\.xlsx": tên tệp ghi mã CD02 nhưng ô mã đơn vị trong tệp ghi CD03/).waitFor();
    await shot(page, 'Theo dõi nộp báo cáo', 'office-chasing.png');

    // In Excel the .zip is not downloaded: the command line, with this workbook's name.
    await cycle.getByRole('button', { name: 'Tạo mẫu gửi CĐCS' }).click();
    const command = cycle.getByLabel('Lệnh tạo mẫu gửi CĐCS');
    await command.waitFor();
    expect(await command.textContent()).toBe('npx chitieu send-out --register "Tong hop CDCS 2026.xlsx" --preset bd-cdvc-2024 --year 2026 --out mau-gui-cdcs-2026');
    await shot(page, 'Chu kỳ báo cáo', 'office-send-out-command.png');
    await page.screenshot({ path: join(SHOTS, 'office-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

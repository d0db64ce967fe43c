/**
 * The Office-mode pane in real Chromium at 350 px, without Excel: the real App on the in-memory
 * port (officeHarness.tsx, bundled here with the project's webpack settings). It is driven with
 * the keyboard only, and its screenshots (empty, problems listed, results, import) go to
 * test/e2e/screenshots/office-*.png next to the browser mode's.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bundleHarness } from './cycleBundle';
import { chromiumAvailable, launchChromium, panePage } from './chromiumSetup';
import type { WatchedPage } from './chromiumSetup';
import { serveDirectory } from './staticServer';
import type { StaticServer } from './staticServer';
import { fixtureGrid } from '../../src/taskpane/paneFixture';
import { createXlsx } from '../../src/workbook/xlsx';

// Committed screenshots are refreshed on request (SAVE_SCREENSHOTS=1); a plain test run writes to a temp folder.
const SHOTS = process.env.SAVE_SCREENSHOTS === '1' ? join(__dirname, 'screenshots') : join(tmpdir(), 'chitieu-screenshots');

/** Presses Tab (or Shift+Tab) until the focused element has this text (at most 30 times). */
async function tabTo(page: Page, text: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.test(focused)) return;
  }
  throw new Error(`Tab never reached ${text}`);
}

/** Rows of the pane's fixture (with its header) as the bytes of an .xlsx return. */
function returnBytes(rows: number[]): Buffer {
  const grid = fixtureGrid().rows;
  const wb = createXlsx();
  const cells = [grid[0], ...rows.map((r) => grid[r])].map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : { v })));
  wb.applySync({ sheets: [{ name: 'Báo cáo', rows: cells }] });
  return Buffer.from(wb.toBytes());
}

const describeIfChromium = chromiumAvailable() ? describe : describe.skip;

describeIfChromium('Office-mode pane in Chromium (in-memory workbook)', () => {
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-pane-'));
    await bundleHarness(join(__dirname, 'officeHarness.tsx'), dir);
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDirectory(dir);
    browser = await launchChromium();
    watched = await panePage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks, lists problems, computes, and selects a cell, all from the keyboard', async () => {
    const { page, blocked, pageErrors } = watched;
    await page.goto(`http://127.0.0.1:${server.address.port}/taskpane.html`);
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'office-empty.png') });

    await tabTo(page, /^Kiểm tra dữ liệu$/);
    await page.keyboard.press('Enter');
    const problems = page.getByRole('region', { name: 'Lỗi và cảnh báo' });
    await problems.getByText(/Ô M4: "Tốt lắm"/).waitFor();
    // The engine ran in its Web Worker (the harness is bundled by webpack like the pane).
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([expect.stringMatching(/\.js$/)]);
    // The button kept the focus through the work (it was busy, not removed from the tab order).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kiểm tra dữ liệu');
    await page.screenshot({ path: join(SHOTS, 'office-problems.png'), fullPage: true });

    await tabTo(page, /^Ô M4: "Tốt lắm"/);
    await page.keyboard.press('Enter');
    const calls = await page.evaluate(() => (window as unknown as { __port: { calls: { op: string; args: unknown[] }[] } }).__port.calls);
    expect(calls.filter((c) => c.op === 'selectCell').map((c) => c.args)).toEqual([['Số liệu', 'M4']]);

    await tabTo(page, /^Tính chỉ tiêu$/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Kết quả chỉ tiêu' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'office-results.png'), fullPage: true });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('imports returns chosen through the drop zone from the keyboard (the returns are read in the engine worker)', async () => {
    const { page, blocked, pageErrors } = watched;
    await page.goto(`http://127.0.0.1:${server.address.port}/taskpane.html`);
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).waitFor();

    // The first read of the workbook is done (while busy, the drop zone refuses to open the dialog).
    await page.waitForFunction(
      () =>
        (window as unknown as { __port: { calls: { op: string }[] } }).__port.calls.some((c) => c.op === 'sheetNames') &&
        !document.querySelector('[aria-disabled="true"]'),
    );
    // Listening early: Playwright takes a moment to start intercepting the dialog.
    const chooserShown = page.waitForEvent('filechooser');
    await tabTo(page, /^Kéo thả các tệp báo cáo/);
    await page.keyboard.press('Enter');
    const chooser = await chooserShown;
    expect(chooser.isMultiple()).toBe(true);
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await chooser.setFiles([
      { name: 'cd-2.xlsx', mimeType: type, buffer: returnBytes([3]) },
      { name: 'cd-1.xlsx', mimeType: type, buffer: returnBytes([1, 2]) },
    ]);
    await tabTo(page, /^Nhập vào bảng tổng hợp$/);
    await page.keyboard.press('Enter');
    await page.getByText('Xong: sheet "Dữ liệu CĐCS" có 3 đơn vị. 2 tệp được nhập.').waitFor();
    const items = page.getByRole('list', { name: 'Kết quả nhập từng tệp' }).getByRole('listitem');
    expect(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.status))).toEqual(['accepted', 'accepted']);
    await page.screenshot({ path: join(SHOTS, 'office-intake.png'), fullPage: true });

    const calls = await page.evaluate(() => (window as unknown as { __port: { calls: { op: string; args: { sheets: { name: string }[] }[] }[] } }).__port.calls);
    // One write: the master table and, beside it, the list of imported files (Nhập báo cáo).
    expect(calls.filter((c) => c.op === 'apply').map((c) => c.args[0].sheets.map((s) => s.name))).toEqual([['Dữ liệu CĐCS', 'Nhập báo cáo']]);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

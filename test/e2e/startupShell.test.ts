/**
 * The task pane's start-up, in real Chromium on the built dist/: the frame (title bar, "Đang
 * tải…", the Fluent pane's colours) is painted while office.js is still loading; a wait that
 * does not end says in Vietnamese what to check; a late answer from Office still opens the pane.
 *
 * office.js is replaced per test (page routes come before chromiumSetup's "block everything not
 * on 127.0.0.1"): a request that never answers, a stub whose Office.onReady never resolves until
 * the test says so, or nothing at all. Time is Playwright's fake clock, paused, so the 10 s and
 * 15 s limits are crossed exactly when the test says, without waiting for them.
 *
 * Needs `npm run build:local` first (npm test does it) and Debian's /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, panePage } from './chromiumSetup';
import type { WatchedPage } from './chromiumSetup';
import { serveDirectory } from './staticServer';
import type { StaticServer } from './staticServer';

const DIST = process.env.E2E_DIST ?? join(__dirname, '..', '..', 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// As browserMode.test.ts: committed screenshots only on request (SAVE_SCREENSHOTS=1).
const SHOTS = process.env.SAVE_SCREENSHOTS === '1' ? join(__dirname, 'screenshots') : join(tmpdir(), 'chitieu-screenshots');
/** What Office adds to the pane's URL (host, platform, version, language): the page is "inside Office". */
const IN_OFFICE = '?_host_Info=Excel$Win32$16.01$vi-VN$$$$0';
/** Row of the title bar's bottom line, the same in the static shell and the React pane (worked out below). */
const TITLE_BAR_LINE_Y = 59;

/**
 * An office.js whose Office.onReady answers only when the test calls window.__officeAnswer(info),
 * and whose host supports no requirement set (so an answer "Excel" leads to the requirements message).
 */
const SILENT_OFFICE_JS = `
window.Office = {
  HostType: { Excel: 'Excel' },
  context: { requirements: { isSetSupported: function () { return false; } } },
  onReady: function () { return new Promise(function (resolve) { window.__officeAnswer = resolve; }); }
};`;

// ---------------------------------------------------------------- pixels of a screenshot

/** RGB of every pixel of an 8-bit RGB/RGBA PNG (what Chromium's screenshots are), row by row. */
function decodePng(png: Buffer): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25];
  expect([png[24], colourType === 2 || colourType === 6]).toEqual([8, true]);
  const bpp = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= bpp ? out[y * stride + i - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= bpp && y > 0 ? out[(y - 1) * stride + i - bpp] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      out[y * stride + i] = (x + pred) & 0xff;
    }
  }
  return { width, height, rgb: (x, y) => [out[y * stride + x * bpp], out[y * stride + x * bpp + 1], out[y * stride + x * bpp + 2]] };
}

const hex = ([r, g, b]: [number, number, number]) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * The frame as painted, read down the column x = 4 (left of any text): the title bar's colour,
 * the y of its bottom line, and the page colour below it.
 */
async function frameOf(page: Page): Promise<{ bar: string; lineY: number; line: string; page: string }> {
  const shot = decodePng(await page.screenshot({ timeout: 5000 }));
  let lineY = -1;
  for (let y = 1; y < 120 && lineY < 0; y++) if (hex(shot.rgb(4, y)) !== hex(shot.rgb(4, 0))) lineY = y;
  return { bar: hex(shot.rgb(4, 2)), lineY, line: hex(shot.rgb(4, lineY)), page: hex(shot.rgb(4, Math.min(shot.height - 1, lineY + 300))) };
}

// ---------------------------------------------------------------- tests

const describeIfChromium = chromiumAvailable() ? describe : describe.skip;

describeIfChromium('task pane start-up in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let base: string;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run "npm run build:local" first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDirectory(DIST);
    base = `http://127.0.0.1:${server.address.port}`;
    browser = await launchChromium();
  });

  afterEach(async () => {
    await watched?.context.close();
    watched = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh 350 px page with a fake clock; `officeJs` answers the office.js request (or not). */
  async function open(officeJs: 'hang' | 'silent' | 'blocked', query = ''): Promise<WatchedPage> {
    watched = await panePage(browser);
    const { page } = watched;
    // Paused: on a busy machine loading the bundle takes seconds, which must not count towards
    // the limits; timers fire only when the test moves the clock.
    await page.clock.install({ time: 0 });
    await page.clock.pauseAt(1000);
    if (officeJs === 'hang') await page.route(OFFICE_JS, () => undefined); // never answered
    if (officeJs === 'silent') await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: SILENT_OFFICE_JS }));
    // 'blocked': chromiumSetup's context route refuses it, as a proxy or a CSP would.
    await page.goto(`${base}/taskpane.html${query}`, { waitUntil: 'commit' });
    return watched;
  }

  it('paints the frame and "Đang tải…" while office.js is still loading, in the Fluent pane\'s colours', async () => {
    const { page, pageErrors, cspViolations } = await open('hang');
    await page.getByRole('heading', { name: 'Chỉ tiêu CĐCS' }).waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByText('Đang tải…').isVisible()).resolves.toBe(true);
    // Painted, not just parsed: a screenshot needs a frame (with office.js in <head> Chromium
    // produces none until it arrives). Colours are webLightTheme's: neutral background 1 (#ffffff)
    // for the bar, stroke 2 (#e0e0e0) for its line, neutral background 2 (#fafafa) for the page.
    const frame = await frameOf(page);
    expect({ bar: frame.bar, line: frame.line, page: frame.page }).toEqual({ bar: '#ffffff', line: '#e0e0e0', page: '#fafafa' });
    // The bar is as tall as the React one (PaneHeader): 8 px padding + the Subtitle2 h1 (22 px,
    // with the browser's 0.67em = 10.72 px margins) + 8 px = 59.44 px, its line on row 59.
    expect(frame.lineY).toBe(TITLE_BAR_LINE_Y);
    expect(await page.locator('#startup-help').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'startup-loading.png') });
    expect({ pageErrors, cspViolations }).toEqual({ pageErrors: [], cspViolations: [] });
  });

  it('after 15 s without office.js and the bundle, says in Vietnamese what to check', async () => {
    const { page, pageErrors, cspViolations } = await open('hang');
    await page.locator('#startup').waitFor({ state: 'visible', timeout: 10_000 });
    await page.clock.fastForward(14_000);
    expect(await page.locator('#startup-help').isVisible()).toBe(false);
    await page.clock.fastForward(1_000);
    await page.locator('#startup-help').waitFor({ state: 'visible', timeout: 5000 });
    await expect(page.locator('#startup-status').textContent()).resolves.toBe('Ngăn Chỉ tiêu CĐCS chưa mở được sau 15 giây.');
    const help = (await page.locator('#startup-help').textContent()) ?? '';
    for (const check of ['Mạng:', 'appsforoffice.microsoft.com', 'Phiên bản Excel:', 'ExcelApi 1.9', 'Cách mở:', 'Tải lại:']) expect(help).toContain(check);
    await page.screenshot({ path: join(SHOTS, 'startup-timeout-shell.png') });
    expect({ pageErrors, cspViolations }).toEqual({ pageErrors: [], cspViolations: [] });
  });

  it('inside Office, an Office.onReady that never answers: the React frame takes over, then after 10 s the message; a late answer still opens the pane', async () => {
    const { page, pageErrors, cspViolations } = await open('silent', IN_OFFICE);
    await page.getByText('Đang kết nối với Excel…').waitFor({ state: 'visible', timeout: 30_000 });
    // The static shell is gone, and with it its 15 s limit.
    expect(await page.locator('#startup').count()).toBe(0);
    const frame = await frameOf(page);
    expect({ bar: frame.bar, line: frame.line, page: frame.page, lineY: frame.lineY }).toEqual({ bar: '#ffffff', line: '#e0e0e0', page: '#fafafa', lineY: TITLE_BAR_LINE_Y });

    await page.clock.fastForward(9_000);
    expect(await page.getByText('Excel chưa trả lời sau 10 giây.').count()).toBe(0);
    await page.clock.fastForward(1_000);
    const message = page.locator('[data-startup="timeout"]');
    await message.waitFor({ state: 'visible', timeout: 5000 });
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('Excel chưa trả lời sau 10 giây.');
    expect(text).toContain('Ngăn vẫn tiếp tục chờ');
    for (const check of ['Mạng:', 'appsforoffice.microsoft.com', 'Phiên bản Excel:', 'ExcelApi 1.9', 'Cách mở:', 'Tải lại:']) expect(text).toContain(check);
    // Still waiting, visibly.
    expect(await page.getByText('Đang kết nối với Excel…').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'startup-timeout-office.png') });

    // Excel answers late (this stub's Excel lacks ExcelApi 1.9): the pane moves on.
    await page.evaluate(() => (window as unknown as { __officeAnswer: (i: unknown) => void }).__officeAnswer({ host: 'Excel', platform: 'PC' }));
    await page.getByText(/Phiên bản Excel này chưa chạy được Chỉ tiêu CĐCS/).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await message.count()).toBe(0);
    expect({ pageErrors, cspViolations }).toEqual({ pageErrors: [], cspViolations: [] });
  });

  it('inside Office with office.js blocked, says so at once instead of opening the browser mode', async () => {
    const { page, blocked, cspViolations } = await open('blocked', IN_OFFICE);
    const message = page.locator('[data-startup="office-js-missing"]');
    await message.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await message.textContent()).toContain('Không tải được thư viện Office (office.js).');
    expect(blocked).toContain(OFFICE_JS);
    expect(await page.getByText('Đang tải…').count()).toBe(0);
    expect(cspViolations).toEqual([]);
  });

  it('a bundle this WebView cannot parse: the shell says so at once, without waiting for the time limit', async () => {
    watched = await panePage(browser);
    const { page } = watched;
    await page.clock.install();
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: SILENT_OFFICE_JS }));
    // What an older Safari makes of syntax newer than it knows: a SyntaxError at parse time.
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'class A { static { this.x ??= 1 } } }' }));
    await page.goto(`${base}/taskpane.html${IN_OFFICE}`);
    await page.locator('#startup-help').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.locator('#startup').getAttribute('data-state')).resolves.toBe('script-error');
    await expect(page.locator('#startup-status').textContent()).resolves.toBe('Trình duyệt của Excel không chạy được ngăn Chỉ tiêu CĐCS.');
    expect(watched.pageErrors.join('\n')).toMatch(/SyntaxError|Unexpected token/);
  });
});

/**
 * Shared by the Chromium tests: Debian's chromium, launched headless with no background
 * networking, and a page that refuses (and records) every request not to 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * True when chromium is installed. Without it the tests fail in CI (where .ci/run installs it)
 * and are skipped with a note elsewhere.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); CI must run the browser tests.`);
  console.warn(`Chromium tests skipped: ${CHROMIUM} not found (apt-get install -y chromium).`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests refused because they were not to 127.0.0.1. */
  readonly blocked: string[];
  readonly pageErrors: string[];
  /** Console messages about Content-Security-Policy violations. */
  readonly cspViolations: string[];
}

/** A 350 px wide page (the task pane's usual width) that only reaches 127.0.0.1. */
export async function panePage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 350, height: 760 }, acceptDownloads: true, locale: 'vi-VN' });
  const blocked: string[] = [];
  // On the context, so every page of it is guarded; a page's own routes (a stub office.js) come first.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, blocked, pageErrors: [], cspViolations: [] };
  page.on('pageerror', (e) => watched.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) watched.cspViolations.push(m.text());
  });
  return watched;
}

/**
 * For `page.addInitScript`, so it runs before the page's scripts: every long task (over 50 ms) of
 * the main thread goes to `window.__longTasks` as [start, duration].
 *
 * @example
 * await page.addInitScript(observeLongTasks);
 */
export function observeLongTasks(): void {
  const w = window as unknown as { __longTasks: [number, number][] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

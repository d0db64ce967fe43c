/**
 * The built pages (dist/, made by `npm run build` before jest in `npm test`): the bundle Excel
 * loads stays small and free of the xlsx adapter, fflate and ExcelJS (those come only with the
 * browser mode's async chunk, and with the returns reader the Office pane loads when the user
 * imports returns), and both pages carry the Content-Security-Policy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const DIST = join(__dirname, '..', '..', 'dist');

/**
 * Budget for the Office-mode initial JavaScript, gzipped: React, Fluent UI, the engine and the
 * Office adapter, and the reporting cycle's pane (register, send-out command, chasing, Tiến độ:
 * about 8 KB). Was 240 KB before the cycle.
 */
const OFFICE_BUDGET_GZ = 256 * 1024;

/** Strings only the browser-mode code has: the xlsx adapter's macro check and fflate's inflate errors. */
const BROWSER_ONLY = [/vbaproject/i, /invalid block type/, /exceljs/i];

function page(name: string): string {
  const file = join(DIST, name);
  if (!existsSync(file)) throw new Error(`dist/${name} is missing: run "npm run build" first (npm test does).`);
  return readFileSync(file, 'utf8');
}

/** The scripts a page loads at start, our own only (office.js comes from its CDN). */
function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

describe('built pages', () => {
  const taskpane = page('taskpane.html');
  const commands = page('commands.html');

  it('the task pane shows its start-up shell before any script loads', () => {
    // The frame is markup in <body> ahead of office.js (a script in <head> holds the first paint):
    // title, the "Đang tải…" line, and the help the start-up script reveals when the wait is too long.
    const body = taskpane.slice(taskpane.indexOf('<body>'));
    const shell = body.indexOf('id="startup"');
    expect(shell).toBeGreaterThan(0);
    expect(shell).toBeLessThan(body.indexOf('<script'));
    expect(body).toContain('<h1>Chỉ tiêu CĐCS</h1>');
    expect(body).toContain('Đang tải…');
    expect(body).toMatch(/<div id="startup-help"[^>]*hidden>/);
    expect(body.indexOf('window.chitieuStartup')).toBeLessThan(body.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js'));
  });

  it('Office mode loads one small script with none of the browser-mode code', () => {
    const scripts = initialScripts(taskpane);
    expect(scripts).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]+\.js$/)]);
    const code = scripts.map((s) => readFileSync(join(DIST, s), 'utf8')).join('\n');
    for (const marker of BROWSER_ONLY) expect(code).not.toMatch(marker);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(OFFICE_BUDGET_GZ);
  });

  it('the browser mode arrives as its own chunk; the xlsx adapter comes with it or with the engine it starts', () => {
    const chunks = readdirSync(DIST).filter((f) => /^browser\.[0-9a-f]+\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    // The adapter may sit in the browser chunk itself or in the engine's chunks (a Web Worker and
    // its same-thread fallback): every lazy chunk except the returns reader's.
    const lazy = readdirSync(DIST).filter((f) => f.endsWith('.js') && !/^(taskpane|commands|intake)\./.test(f));
    const code = lazy.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(code).toMatch(BROWSER_ONLY[0]);
    expect(code).toMatch(BROWSER_ONLY[1]);
  });

  it('the returns reader of "Nhập báo cáo CĐCS" is its own chunk, with the xlsx adapter but not ExcelJS', () => {
    const chunks = readdirSync(DIST).filter((f) => /^intake\.[0-9a-f]+\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    const code = readFileSync(join(DIST, chunks[0]), 'utf8');
    expect(code).toMatch(BROWSER_ONLY[0]);
    expect(code).toMatch(BROWSER_ONLY[1]);
    expect(code).not.toMatch(BROWSER_ONLY[2]);
  });

  it.each([
    ['taskpane.html', taskpane],
    ['commands.html', commands],
  ])('%s has a strict CSP and loads office.js', (_, html) => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    // Scripts: our origin, office.js's CDN and, on the task pane, the one inline start-up script
    // by its hash (never 'unsafe-inline').
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toMatch(/^'self' https:\/\/appsforoffice\.microsoft\.com( 'sha256-[A-Za-z0-9+/]+=*')?$/);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
    expect(scriptSrc.split(' ').filter((s) => s.startsWith("'sha256-"))).toEqual(inline);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toMatch(/connect-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    // Frames only from office.js's CDN (its host-trust prompt in Excel on the web); nothing else.
    expect(csp).toMatch(/frame-src https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    // The CSP comes before any script, or the scripts before it would run unchecked.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    // office.js runs before any script of ours that uses it: ours are deferred (or, the start-up
    // script, do not touch Office).
    for (const tag of html.match(/<script[^>]*\ssrc="(?!https:)[^"]*"[^>]*>/g) ?? []) expect(tag).toContain(' defer');
  });

  it('copies the icons and the manifest', () => {
    expect(existsSync(join(DIST, 'assets'))).toBe(true);
    if (existsSync(join(__dirname, '..', '..', 'manifest.xml'))) expect(existsSync(join(DIST, 'manifest.xml'))).toBe(true);
  });
});

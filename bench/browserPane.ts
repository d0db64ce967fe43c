/**
 * The browser pane on a large return, in real Chromium, as a process of its own:
 * `node build/bench/browserPane.js '{"dist":…,"input":…,"rows":…}'` prints one
 * `BENCH_RESULT {…}` line (protocol.ts). Started by browserPaneBench.ts.
 *
 * The same approach as test/e2e/browserMode.test.ts: the built pane (dist/) served from
 * 127.0.0.1, Debian's chromium headless, every request off the machine refused; the file is
 * uploaded from disk, bd-cdvc-2024 chosen, the check run in the Web Worker, and the results
 * table awaited. Measured:
 * - total time, upload to the results table, and the check alone, click to the table;
 * - the longest main-thread task (PerformanceObserver `longtask`, installed before the page's scripts);
 * - peak memory from /proc, not `performance.measureUserAgentSpecificMemory()`: that needs a
 *   cross-origin-isolated page (COOP + COEP headers), which the pane as served is not (the
 *   result records `crossOriginIsolated`). A dedicated Web Worker is a thread of its page's
 *   renderer process, so the renderer's `VmHWM` (the kernel's exact high-water mark of its RSS)
 *   is the tab's peak, worker included. Also sampled every 100 ms: the sum of all renderers'
 *   RSS and of every Chromium process's RSS (browser, GPU, utility), whose peaks are recorded too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { launchChromium, observeLongTasks, panePage } from '../test/e2e/chromiumSetup';
import { serveDirectory } from '../test/e2e/staticServer';
import { RESULT_MARKER } from './protocol';

// No `performance` import from node:perf_hooks: the page-side functions below use the page's own
// global, and an import would be rewritten into them by the compiler. Node 20 has the global too.

interface Params {
  readonly dist: string;
  readonly input: string;
  readonly rows: number;
  /** How long to wait for the results table, ms. */
  readonly timeoutMs?: number;
}

interface Proc {
  readonly pid: number;
  readonly renderer: boolean;
  /** A thread of it is a dedicated Web Worker (Chromium names them `DedicatedWorker thread`). */
  readonly worker: boolean;
  /** Current and peak resident set, KiB. */
  readonly rssKB: number;
  readonly hwmKB: number;
}

/** Every process below `root` (Chromium and its zygotes, renderers, GPU and utility processes). */
function descendants(root: number): Proc[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the fields after its ')' are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const out: Proc[] = [];
  for (const pid of parent.keys()) {
    if (!below(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const renderer = cmdline.includes('--type=renderer');
      out.push({ pid, renderer, worker: renderer && hasWorkerThread(pid), rssKB: kb('VmRSS'), hwmKB: kb('VmHWM') });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

function hasWorkerThread(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker');
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

async function main(p: Params): Promise<Record<string, unknown>> {
  const server = await serveDirectory(p.dist);
  const browser = await launchChromium();
  let samples = 0;
  let renderersPeakKB = 0;
  let chromiumPeakKB = 0;
  const hwm = new Map<number, number>();
  /** Renderers seen running a Web Worker: the tab's (the pane's engine runs in one). */
  const withWorker = new Set<number>();
  const sample = (): void => {
    const procs = descendants(process.pid);
    samples++;
    let renderers = 0;
    let all = 0;
    for (const q of procs) {
      all += q.rssKB;
      if (q.renderer) {
        renderers += q.rssKB;
        hwm.set(q.pid, Math.max(hwm.get(q.pid) ?? 0, q.hwmKB));
        if (q.worker) withWorker.add(q.pid);
      }
    }
    renderersPeakKB = Math.max(renderersPeakKB, renderers);
    chromiumPeakKB = Math.max(chromiumPeakKB, all);
  };
  const timer = setInterval(sample, 100);
  try {
    const { page, blocked, pageErrors } = await panePage(browser);
    await page.addInitScript(observeLongTasks);
    await page.goto(`http://127.0.0.1:${server.address.port}/taskpane.html`);
    const run = page.getByRole('button', { name: 'Kiểm tra và tính chỉ tiêu' });
    await run.waitFor();
    const isolated = await page.evaluate(() => self.crossOriginIsolated);
    const pageStart = await page.evaluate(() => performance.now());
    const t0 = performance.now();
    await page.getByLabel('Chọn tệp .xlsx').setInputFiles(p.input);
    await page.getByText(`Tệp đang dùng: ${basename(p.input)}`).waitFor({ timeout: 120_000 });
    await page.getByRole('combobox', { name: 'Bộ chỉ tiêu' }).click();
    await page.getByRole('option', { name: 'bd-cdvc-2024 — 06/CTr-CĐVC' }).click();
    const tClick = performance.now();
    // No waiting for navigations after the click: a frozen page would hold the click itself.
    await run.click({ noWaitAfter: true });
    await page.getByRole('table', { name: 'Kết quả chỉ tiêu' }).waitFor({ timeout: p.timeoutMs ?? 600_000 });
    const tDone = performance.now();
    // Let the last render land before reading the tasks and the peaks.
    await page.waitForTimeout(500);
    sample();
    const tasks = await page.evaluate(
      (from) => (window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(([start]) => start >= from),
      pageStart,
    );
    const longest = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
    // The tab's renderer is the one that ran the Web Worker; failing that, the largest.
    const tabPids = withWorker.size > 0 ? [...withWorker] : [...hwm.keys()];
    const tabPeakKB = tabPids.reduce((m, pid) => Math.max(m, hwm.get(pid) ?? 0), 0);
    return {
      ms: tDone - t0,
      rows: p.rows,
      checkMs: tDone - tClick,
      longestTaskMs: longest,
      longTasks: tasks.length,
      tasks: tasks.map(([a, b]) => [Math.round(a), Math.round(b)]),
      tabPeakMB: tabPeakKB / 1024,
      renderers: hwm.size,
      tabRendererFoundBy: withWorker.size > 0 ? 'its DedicatedWorker thread' : 'largest VmHWM (no worker thread seen)',
      renderersHwmSumMB: [...hwm.values()].reduce((s, x) => s + x, 0) / 1024,
      renderersSampledPeakMB: renderersPeakKB / 1024,
      chromiumSampledPeakMB: chromiumPeakKB / 1024,
      samples,
      crossOriginIsolated: isolated,
      memorySource: '/proc VmHWM of the renderer processes (measureUserAgentSpecificMemory needs cross-origin isolation)',
      blocked: blocked.filter((u) => !u.includes('appsforoffice.microsoft.com')),
      pageErrors,
    };
  } finally {
    clearInterval(timer);
    await browser.close();
    await server.close();
  }
}

main(JSON.parse(process.argv[2] ?? '{}') as Params).then(
  (report) => {
    process.stdout.write(RESULT_MARKER + JSON.stringify(report) + '\n');
  },
  (err: unknown) => {
    process.stderr.write(`browser pane bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);

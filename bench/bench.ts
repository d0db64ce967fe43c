/**
 * `npm run bench`: for 1k, 10k and 100k rows of the `bd-cdvc-2024` columns (one year), the time
 * and peak memory of `chitieu check … --out … --json …` next to reading and writing the same file
 * with ExcelJS's document API, and the engine alone (checkSheet on a grid already read).
 *
 * Every measurement runs in a fresh Node process (child.ts), so each peak is that contender's own.
 * Times are the child's timed section (loading the contender's code included, Node start-up not);
 * the parent's spawn-to-exit wall times are in results.json too.
 *
 * Environment:
 * - BENCH_SIZES=1000,10000   sizes to run (default 1000,10000,100000)
 * - BENCH_REPEAT=N           end-to-end repeats per size (default 3 up to 10k rows, else 1)
 * - BENCH_ENGINE_RUNS=N      timed engine runs after the warm-up (default 5)
 * - BENCH_DIR=…              where inputs and outputs go (default os.tmpdir()/chitieu-bench)
 * - BENCH_REGENERATE=1       rebuild the cached input files
 * - BENCH_STRICT=1           exit 1 when a requirement fails
 * - BENCH_BLANK=0            skip the blank-required line (15,000 units with blank required cells)
 * - BENCH_HISTORY=0          skip the history line (5 years × 10,000 units: --history files and one table)
 * - BENCH_SENDOUT=0          skip the send-out line (2,000 pre-filled returns with last year's figures)
 * - BENCH_LIBREOFFICE=0      skip LibreOffice (`soffice --headless --convert-to csv`, warm profile) beside chitieu
 * - BENCH_LO_REPEAT=N        LibreOffice runs per size (default 3)
 * - BENCH_BROWSER=0          skip the browser pane (Chromium, 100,000 rows in the Web Worker)
 * - BENCH_BROWSER_ROWS=N     rows for the browser pane (default 100000)
 * - BENCH_PANE_DIST=…        the built pane to serve (default dist/; built into BENCH_DIR/pane-dist when missing)
 * - BENCH_PANE_BUILD=1       build the pane into BENCH_DIR/pane-dist even when dist/ exists
 *
 * 1,000,000 rows (BENCH_SIZES=1000000): the input is generated with an 8 GB heap (the generator,
 * not what is measured); ExcelJS and the Office adapter are not run above 100,000 rows.
 *
 * Output: the table and verdicts on stdout, progress on stderr, build/bench/results.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CONTENDERS, median, seconds, type Contender, type Measurement, type SizeContext, type Verdict } from './contenders';
import { formattedBench } from './formatted';
import { blankRequiredBench } from './blankRequired';
import { intakeBench } from './intake';
import { historyBench } from './history';
import { sendOutBench } from './sendOut';
import { runChild, type Outcome } from './spawn';
import { libreOfficeMissing, libreOfficeRunner } from './libreoffice';
import { libreOfficeTable, libreOfficeVerdicts } from './libreofficeReport';
import { browserPaneBench } from './browserPaneBench';

const PRESET = 'bd-cdvc-2024';
const YEAR = 2024;
const SEED = 1;
const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** The size the requirements speak of. */
const REQUIRED_ROWS = 100_000;
/** The file LibreOffice's unmeasured warm-up run converts. */
const WARM_ROWS = 1_000;
const PEAK_LIMIT_MB = 1024; // 1 GB = 1024 MiB
const ENGINE_LIMIT_MS = 500;

const BUILD_SRC = join(__dirname, '..', 'src');

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function sizesFromEnv(): number[] {
  const text = process.env.BENCH_SIZES?.trim();
  if (!text) return DEFAULT_SIZES;
  const sizes = text.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`BENCH_SIZES: expected sizes like 1000,10000, got "${text}"`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** Fingerprint of the code that makes the input files: change it and the cache is rebuilt. */
function generatorHash(): string {
  const h = createHash('sha1');
  for (const dir of [join(BUILD_SRC, 'domain'), join(BUILD_SRC, 'workbook', 'xlsx')]) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) {
      h.update(f);
      h.update(readFileSync(join(dir, f)));
    }
  }
  return h.digest('hex').slice(0, 16);
}

interface InputInfo {
  readonly path: string;
  readonly bytes: number;
  /** How it was made (the `generate` child's report), or `cached`. */
  readonly generated: Record<string, unknown> | 'cached';
}

function ensureInput(dir: string, rows: number, hash: string): InputInfo {
  const path = join(dir, `${PRESET}-${rows}.xlsx`);
  const metaPath = `${path}.meta.json`;
  const meta = { preset: PRESET, rows, year: YEAR, seed: SEED, generator: hash };
  const fresh =
    process.env.BENCH_REGENERATE !== '1' &&
    existsSync(path) &&
    existsSync(metaPath) &&
    readFileSync(metaPath, 'utf8') === JSON.stringify(meta);
  if (fresh) {
    progress(`${rows} rows: input cached at ${path}`);
    return { path, bytes: statSync(path).size, generated: 'cached' };
  }
  progress(`${rows} rows: generating ${path} …`);
  const out = runChild('generate', { input: path, preset: PRESET, units: rows, year: YEAR, seed: SEED }, {
    nodeArgs: ['--max-old-space-size=8192'],
    timeoutMs: 10 * 60_000,
  });
  if (out.status !== 'ok') throw new Error(`generating ${rows} rows failed (${out.status}): ${out.message}`);
  writeFileSync(metaPath, JSON.stringify(meta));
  progress(`${rows} rows: generated in ${seconds(out.report.ms)}, ${(out.report.bytes as number / 1e6).toFixed(1)} MB`);
  return { path, bytes: statSync(path).size, generated: out.report };
}

function measure(contender: Contender, ctx: SizeContext): Measurement {
  const n = Math.max(1, contender.repeat(ctx.rows));
  const repeats: Outcome[] = [];
  for (let i = 0; i < n; i++) {
    const out = runChild(contender.mode, contender.params(ctx), { nodeArgs: contender.nodeArgs, timeoutMs: contender.timeoutMs });
    repeats.push(out);
    const tag = n > 1 ? ` [${i + 1}/${n}]` : '';
    if (out.status === 'ok') {
      progress(`${ctx.rows} rows: ${contender.title}${tag}: ${seconds(out.report.ms)}, peak ${Math.round(out.report.maxRssMB)} MB`);
    } else {
      progress(`${ctx.rows} rows: ${contender.title}${tag}: ${out.status.toUpperCase()} after ${seconds(out.wallMs)}: ${out.message}`);
      break; // a timeout or out-of-memory will not get better on a second try
    }
  }
  const failed = repeats.find((r) => r.status !== 'ok');
  const oks = repeats.flatMap((r) => (r.status === 'ok' ? [r] : []));
  if (failed) {
    return { status: failed.status, message: failed.message, wallMs: failed.wallMs, repeats };
  }
  return {
    status: 'ok',
    ms: median(oks.map((r) => r.report.ms)),
    maxRssMB: Math.max(...oks.map((r) => r.report.maxRssMB)),
    wallMs: median(oks.map((r) => r.wallMs)),
    repeats,
  };
}

// ---- printing ----

const STATUS_TEXT: Record<Measurement['status'], string> = { ok: 'ok', timeout: 'timeout', oom: 'OOM', error: 'error' };

const timeCell = (m: Measurement | undefined): string =>
  !m ? '—' : m.ms !== undefined ? seconds(m.ms) : `${STATUS_TEXT[m.status]} (${seconds(m.wallMs ?? 0)})`;
const peakCell = (m: Measurement | undefined): string =>
  !m ? '—' : m.maxRssMB !== undefined ? `${Math.round(m.maxRssMB)} MB` : STATUS_TEXT[m.status];

interface SizeResult {
  readonly rows: number;
  readonly input: InputInfo;
  readonly results: Record<string, Measurement>;
}

function table(sizes: readonly SizeResult[]): string[] {
  const head = ['rows', 'exceljs_read_write', 'chitieu_check', 'ratio', 'exceljs_peak', 'chitieu_peak'];
  const body = sizes.map((s) => {
    const e = s.results.exceljs;
    const c = s.results.chitieu;
    const ratio = e?.ms !== undefined && c?.ms !== undefined ? (c.ms / e.ms).toFixed(2) : '—';
    return [String(s.rows), timeCell(e), timeCell(c), ratio, peakCell(e), peakCell(c)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)) + 3);
  return [head, ...body].map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('').trimEnd());
}

function verdicts(sizes: readonly SizeResult[]): Verdict[] {
  const at = sizes.find((s) => s.rows === REQUIRED_ROWS);
  const notRun = (requirement: string): Verdict => ({
    requirement,
    verdict: 'NOT RUN',
    detail: `${REQUIRED_ROWS} rows not in BENCH_SIZES`,
  });
  const r1 = `chitieu check at ${REQUIRED_ROWS} rows no slower than ExcelJS read + write`;
  const r2 = `chitieu check at ${REQUIRED_ROWS} rows peaks under 1 GB (${PEAK_LIMIT_MB} MB)`;
  const r3 = `engine alone at ${REQUIRED_ROWS} rows under ${ENGINE_LIMIT_MS / 1000} s`;
  if (!at) return [notRun(r1), notRun(r2), notRun(r3)];
  const e = at.results.exceljs;
  const c = at.results.chitieu;
  const g = at.results.engine;
  const out: Verdict[] = [];

  if (c?.ms === undefined) out.push({ requirement: r1, verdict: 'FAIL', detail: `chitieu check did not finish: ${c?.status ?? 'not run'}` });
  else if (e?.ms === undefined) {
    // ExcelJS did not finish (timeout/OOM): chitieu, which did, is not slower.
    out.push({ requirement: r1, verdict: e ? 'PASS' : 'NOT RUN', detail: `chitieu ${seconds(c.ms)}; ExcelJS ${e ? STATUS_TEXT[e.status] : 'not run'}` });
  } else {
    out.push({
      requirement: r1,
      verdict: c.ms <= e.ms ? 'PASS' : 'FAIL',
      detail: `chitieu ${seconds(c.ms)} vs ExcelJS ${seconds(e.ms)}, ratio ${(c.ms / e.ms).toFixed(2)}`,
    });
  }

  if (c?.maxRssMB === undefined) out.push({ requirement: r2, verdict: 'FAIL', detail: `chitieu check did not finish: ${c?.status ?? 'not run'}` });
  else {
    out.push({
      requirement: r2,
      verdict: c.maxRssMB < PEAK_LIMIT_MB ? 'PASS' : 'FAIL',
      detail: `peak ${Math.round(c.maxRssMB)} MB${e?.maxRssMB !== undefined ? ` (ExcelJS ${Math.round(e.maxRssMB)} MB)` : ''}`,
    });
  }

  if (g?.ms === undefined) out.push({ requirement: r3, verdict: 'FAIL', detail: `engine did not finish: ${g?.status ?? 'not run'}` });
  else out.push({ requirement: r3, verdict: g.ms < ENGINE_LIMIT_MS ? 'PASS' : 'FAIL', detail: `${seconds(g.ms)} (median)` });
  return out;
}

// ---- Office adapter: fixes, and the 4 MB request budget ----

/** Excel on the web refuses requests over 5 MB; the adapter's own budget is 4 MB (measured by the fake). */
const OFFICE_REQUEST_BUDGET = 4_000_000;
const OFFICE_FIXES = 20_000;

/** `office fixes=20000 syncs=N max_request_bytes=B total_bytes=T`, from a fresh process. */
function officeFixesBench(): { line: string; maxRequestBytes?: number; raw: Outcome } {
  progress(`office: ${OFFICE_FIXES} fixes on the fake Excel …`);
  const out = runChild('officeFixes', { input: '', preset: PRESET, rows: OFFICE_FIXES }, { nodeArgs: ['--max-old-space-size=4096'], timeoutMs: 10 * 60_000 });
  if (out.status !== 'ok') return { line: `office fixes=${OFFICE_FIXES}: ${out.status} (${out.message})`, raw: out };
  const report = out.report as { line?: unknown; maxRequestBytes?: unknown };
  return {
    line: typeof report.line === 'string' ? report.line : `office fixes=${OFFICE_FIXES}: no line`,
    ...(typeof report.maxRequestBytes === 'number' ? { maxRequestBytes: report.maxRequestBytes } : {}),
    raw: out,
  };
}

/** Every Office request of the check + write at each size, and of the fixes, under 4 MB. */
function officeVerdicts(sizes: readonly SizeResult[], fixes: { maxRequestBytes?: number } | undefined): Verdict[] {
  const maxes: number[] = [];
  for (const s of sizes) {
    const r = s.results.office?.repeats[0];
    const b = r?.status === 'ok' ? (r.report as { maxRequestBytes?: unknown }).maxRequestBytes : undefined;
    if (typeof b === 'number') maxes.push(b);
  }
  if (fixes?.maxRequestBytes !== undefined) maxes.push(fixes.maxRequestBytes);
  if (maxes.length === 0) return [{ requirement: 'Office requests under 4 MB', verdict: 'NOT RUN', detail: 'no office measurement' }];
  const max = Math.max(...maxes);
  return [{ requirement: 'Office requests under 4 MB', verdict: max < OFFICE_REQUEST_BUDGET ? 'PASS' : 'FAIL', detail: `largest request ${max} bytes` }];
}

// ---- main ----

function main(): number {
  const sizes = sizesFromEnv();
  const dir = process.env.BENCH_DIR || join(tmpdir(), 'chitieu-bench');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(BUILD_SRC, 'cli', 'main.js'))) throw new Error('build/src is missing: run `npm run build:cli` first');
  const hash = generatorHash();
  const started = Date.now();
  const loadAverage = loadavg()[0];
  progress(`sizes ${sizes.join(', ')}; files in ${dir}; node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB`);

  const loNotRun = process.env.BENCH_LIBREOFFICE === '0' ? 'BENCH_LIBREOFFICE=0' : libreOfficeMissing();
  if (loNotRun) progress(`LibreOffice: NOT RUN (${loNotRun})`);
  const lo = loNotRun ? undefined : libreOfficeRunner(dir, progress);
  const loRepeat = Number(process.env.BENCH_LO_REPEAT) > 0 ? Number(process.env.BENCH_LO_REPEAT) : 3;
  const notRunAbove = new Map<string, string>();
  const done: SizeResult[] = [];
  for (const rows of sizes) {
    const input = ensureInput(dir, rows, hash);
    const ctx: SizeContext = { rows, input: input.path, dir, preset: PRESET };
    const results: Record<string, Measurement> = {};
    for (const contender of CONTENDERS) {
      if (contender.maxRows !== undefined && rows > contender.maxRows) {
        notRunAbove.set(contender.id, `${contender.title}: not run above ${contender.maxRows.toLocaleString('en')} rows`);
        continue;
      }
      results[contender.id] = measure(contender, ctx);
    }
    if (lo) {
      // Once, unmeasured, on the small file (any file creates the profile; a 1,000,000-row one
      // would only cost minutes): the profile exists and is warm for every size's measured runs.
      if (done.length === 0) lo.warm(ensureInput(dir, WARM_ROWS, hash).path);
      progress(`${rows} rows: LibreOffice --convert-to csv …`);
      results.libreoffice = lo.measure(input.path, loRepeat);
    }
    done.push({ rows, input, results });
  }

  const loadBefore = loadAverage;
  const loadAfter = loadavg()[0];
  const busy = Math.max(loadBefore, loadAfter) > cpus().length * 0.75;
  const lines = [
    `chitieu bench: ${PRESET}, one year (${YEAR}), title rows; node ${process.version}, ${cpus().length} cores`,
    ...(busy ? [`note: load average ${loadBefore.toFixed(1)} before / ${loadAfter.toFixed(1)} after on ${cpus().length} cores: other work was running, times are noisy`] : []),
    '',
    ...table(done),
    '',
  ];
  for (const s of done) {
    for (const c of CONTENDERS) {
      const m = s.results[c.id];
      if (c.line && m) lines.push(c.line(s.rows, m));
    }
  }
  lines.push(...notRunAbove.values());
  lines.push('');
  const loRows = done.map((s) => ({ rows: s.rows, chitieu: s.results.chitieu, libreoffice: s.results.libreoffice }));
  lines.push(...libreOfficeTable(loRows, loNotRun), '');
  const fixes = process.env.BENCH_OFFICE_FIXES === '0' ? undefined : officeFixesBench();
  if (fixes) lines.push(fixes.line);
  lines.push('');
  lines.push('times: the measured section in a fresh process (loading the contender\'s code included, Node start-up not);');
  lines.push('peaks: the whole process\'s max RSS. Process wall times are in results.json.');
  lines.push('');
  const intake = process.env.BENCH_INTAKE === '0' ? undefined : intakeBench(dir, progress);
  if (intake) lines.push(...intake.lines, '');
  const formatted = process.env.BENCH_FORMATTED === '0' ? undefined : formattedBench(dir, progress);
  if (formatted) lines.push(...formatted.lines, '');
  const blank = process.env.BENCH_BLANK === '0' ? undefined : blankRequiredBench(dir, progress);
  if (blank) lines.push(...blank.lines, '');
  const history = process.env.BENCH_HISTORY === '0' ? undefined : historyBench(dir, progress);
  if (history) lines.push(...history.lines, '');
  const sendOut = process.env.BENCH_SENDOUT === '0' ? undefined : sendOutBench(dir, progress);
  if (sendOut) lines.push(...sendOut.lines, '');
  const browserRows = Number(process.env.BENCH_BROWSER_ROWS) > 0 ? Number(process.env.BENCH_BROWSER_ROWS) : REQUIRED_ROWS;
  const browser = process.env.BENCH_BROWSER === '0' ? undefined : browserPaneBench(dir, ensureInput(dir, browserRows, hash).path, browserRows, progress);
  if (browser) lines.push(...browser.lines, '');
  else lines.push(`browser pane: NOT RUN (BENCH_BROWSER=0)`, '');
  const vs = [...verdicts(done), ...libreOfficeVerdicts(loRows, loNotRun), ...(browser?.verdicts ?? []), ...officeVerdicts(done, fixes), ...(intake?.verdicts ?? []), ...(formatted?.verdicts ?? []), ...(blank?.verdicts ?? []), ...(history?.verdicts ?? []), ...(sendOut?.verdicts ?? [])];
  for (const v of vs) lines.push(`${v.verdict.padEnd(7)} ${v.requirement}: ${v.detail}`);
  process.stdout.write(lines.join('\n') + '\n');

  const resultsPath = join(__dirname, 'results.json');
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    totalMemGB: Math.round(totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadAfter },
    preset: PRESET,
    year: YEAR,
    dir,
    totalSeconds: (Date.now() - started) / 1000,
    sizes: done.map((s) => ({ rows: s.rows, input: s.input, ...s.results })),
    officeFixes: fixes?.raw,
    intake: intake?.raw,
    formatted: formatted?.raw,
    blankRequired: blank?.raw,
    history: history?.raw,
    sendOut: sendOut?.raw,
    browserPane: browser?.raw,
    verdicts: vs,
  };
  writeFileSync(resultsPath, JSON.stringify(json, null, 2) + '\n');
  progress(`results written to ${resultsPath} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  return process.env.BENCH_STRICT === '1' && vs.some((v) => v.verdict === 'FAIL') ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}

/**
 * The history figure (issue 11): progress over 5 years × 10,000 units must take under 10 s.
 * Two ways the data comes: five yearly files given with `--history`, and one table whose Năm
 * column holds the five years (50,000 rows). Each is `chitieu check … --out … --json …` in a
 * fresh Node process, timed from spawn to exit (Node start-up included: what a secretary waits).
 * Skipped with BENCH_HISTORY=0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawCell } from '../src/domain/grid';
import { findPreset } from '../src/domain/presets';
import { sampleWorkbook } from '../src/domain/sample';
import type { CellSpec, SheetSpec } from '../src/workbook/plan';
import { createXlsx } from '../src/workbook/xlsx';

const PRESET = 'hy-cdgd-nq02';
const YEARS = [2021, 2022, 2023, 2024, 2025];
const UNITS = 10_000;
const LIMIT_MS = 10_000;
const MAIN = join(__dirname, '..', 'src', 'cli', 'main.js');

/** A sample grid as a sheet the xlsx adapter writes (values only: the bench reads, it does not look). */
function sheetOf(name: string, rows: readonly (readonly RawCell[])[]): SheetSpec {
  return {
    name,
    rows: rows.map((r) => r.map((v): CellSpec | null => (v === null || v === undefined || typeof v === 'object' ? null : { v }))),
  };
}

function writeSample(file: string, years: readonly number[], progress: (l: string) => void): void {
  if (existsSync(file)) return;
  progress(`history: generating ${file} …`);
  const set = findPreset(PRESET)!;
  const last = years[years.length - 1];
  const sample = sampleWorkbook(set, { units: UNITS, year: last, seed: last, title: true, ...(years.length > 1 ? { years: years.slice(0, -1) } : {}) });
  const wb = createXlsx();
  wb.applySync({ sheets: [sheetOf('Dữ liệu CĐCS', sample.grid.rows)] });
  writeFileSync(file, wb.toBytes());
}

/** What the child prints last on stderr: its CPU time (user + system), so a busy machine's wall time can be read against it. */
const CPU_LINE = /^cpu-ms (\d+)$/m;

/** One `chitieu` run in a fresh process: wall and CPU milliseconds, or why it failed. */
function timeCli(args: readonly string[]): { ms: number; cpuMs: number } | { error: string } {
  const started = Date.now();
  const script =
    `require(${JSON.stringify(MAIN)}).run(process.argv.slice(1)).then((c) => { process.exitCode = c; ` +
    `const u = process.resourceUsage(); process.stderr.write('cpu-ms ' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + '\\n'); })`;
  const r = spawnSync(process.execPath, ['-e', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 10 * 60_000,
  });
  const ms = Date.now() - started;
  if (r.status !== 0) return { error: `exit ${r.status}: ${(r.stderr || r.stdout).split('\n')[0]}` };
  if (!/Tiến độ qua các năm/.test(r.stdout)) return { error: 'no history in the output' };
  return { ms, cpuMs: Number(CPU_LINE.exec(r.stderr)?.[1] ?? NaN) };
}

export interface HistoryVerdict {
  readonly requirement: string;
  readonly verdict: 'PASS' | 'FAIL';
  readonly detail: string;
}

/**
 * @example
 * const h = historyBench(dir, progress); lines.push(...h.lines);
 */
export function historyBench(base: string, progress: (l: string) => void): { lines: string[]; verdicts: HistoryVerdict[]; raw: unknown } {
  const dir = join(base, 'history');
  mkdirSync(dir, { recursive: true });
  const yearly = YEARS.map((y) => join(dir, `nam-${y}-${UNITS}.xlsx`));
  YEARS.forEach((y, i) => writeSample(yearly[i], [y], progress));
  const table = join(dir, `nam-${YEARS[0]}-${YEARS[YEARS.length - 1]}-${UNITS}.xlsx`);
  writeSample(table, YEARS, progress);

  progress(`history: check ${YEARS.length} yearly files × ${UNITS} units with --history …`);
  const files = timeCli([
    'check', yearly[yearly.length - 1], '--preset', PRESET,
    ...yearly.slice(0, -1).reverse().flatMap((f) => ['--history', f]),
    '--out', join(dir, 'out-files.xlsx'), '--json', join(dir, 'out-files.json'),
  ]);
  progress(`history: check one table of ${YEARS.length} years × ${UNITS} units …`);
  const oneTable = timeCli(['check', table, '--preset', PRESET, '--out', join(dir, 'out-table.xlsx'), '--json', join(dir, 'out-table.json')]);

  const text = (o: { ms: number; cpuMs: number } | { error: string }): string =>
    'ms' in o ? `${(o.ms / 1000).toFixed(2)} s (CPU ${(o.cpuMs / 1000).toFixed(2)} s)` : o.error;
  const lines = [
    `history ${YEARS.length} years × ${UNITS.toLocaleString('en')} units (${PRESET}): check + --history of 5 yearly files ${text(files)}; one table with a Năm column of 5 years ${text(oneTable)} (spawn to exit, Tiến độ + JSON history written)`,
  ];
  const verdicts: HistoryVerdict[] = [
    ['yearly files with --history', files] as const,
    ['one table of five years', oneTable] as const,
  ].map(([what, o]) => ({
    requirement: `history over 5 years × 10,000 units under 10 s (${what})`,
    verdict: 'ms' in o && o.ms < LIMIT_MS ? 'PASS' : 'FAIL',
    detail: text(o),
  }));
  return { lines, verdicts, raw: { files, oneTable } };
}

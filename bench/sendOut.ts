/**
 * The send-out figure (issue 11): `chitieu send-out` of 2,000 units (with last year's master for
 * the reference figures) must take under 30 s and 1 GB. One run in a fresh Node process, timed
 * from spawn to exit (Node start-up included: what a secretary waits), its peak RSS reported by
 * the child itself. Skipped with BENCH_SENDOUT=0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawCell } from '../src/domain/grid';
import { findPreset } from '../src/domain/presets';
import { sampleWorkbook } from '../src/domain/sample';
import type { CellSpec, SheetSpec } from '../src/workbook/plan';
import { createXlsx } from '../src/workbook/xlsx';

const PRESET = 'bd-cdvc-2024';
const UNITS = 2_000;
const YEAR = 2025;
const LIMIT_MS = 30_000;
const LIMIT_MB = 1024;
const MAIN = join(__dirname, '..', 'src', 'cli', 'main.js');

function sheetOf(name: string, rows: readonly (readonly RawCell[])[]): SheetSpec {
  return {
    name,
    rows: rows.map((r) => r.map((v): CellSpec | null => (v === null || v === undefined || typeof v === 'object' ? null : { v }))),
  };
}

/**
 * Last year's master (a sample table of 2,000 units in YEAR − 1) and a register of the same
 * units (code, name, parent, sector), so every return gets its reference block.
 */
function writeInputs(dir: string, progress: (l: string) => void): { register: string; master: string } {
  const register = join(dir, `danh-ba-${UNITS}.xlsx`);
  const master = join(dir, `tong-hop-${YEAR - 1}-${UNITS}.xlsx`);
  if (existsSync(register) && existsSync(master)) return { register, master };
  progress(`send-out: generating a register and last year's master of ${UNITS} units …`);
  const sample = sampleWorkbook(findPreset(PRESET)!, { units: UNITS, year: YEAR - 1, seed: YEAR - 1 });
  const rows = sample.grid.rows;
  const header = rows[sample.headerRow - 1];
  const col = (h: string): number => header.findIndex((v) => v === h);
  const [code, name, sector] = [col('Mã đơn vị'), col('Tên đơn vị'), col('Khu vực')];
  const units = rows.slice(sample.headerRow).filter((r) => typeof r[code] === 'string' && r[code] !== '');
  const registerRows: RawCell[][] = [
    ['Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Khu vực'],
    ...units.map((r, i) => [r[code], r[name], `Công đoàn ngành ${i % 7}`, r[sector]]),
  ];
  const reg = createXlsx();
  reg.applySync({ sheets: [sheetOf('Danh bạ CĐCS', registerRows)] });
  writeFileSync(register, reg.toBytes());
  const m = createXlsx();
  m.applySync({ sheets: [sheetOf('Dữ liệu CĐCS', rows)] });
  writeFileSync(master, m.toBytes());
  return { register, master };
}

/** What the child prints last on stderr: CPU milliseconds and peak RSS (MiB). */
const USAGE_LINE = /^usage (\d+) (\d+)$/m;

function timeSendOut(args: readonly string[]): { ms: number; cpuMs: number; peakMB: number; stdout: string } | { error: string } {
  const started = Date.now();
  const script =
    `require(${JSON.stringify(MAIN)}).run(process.argv.slice(1)).then((c) => { process.exitCode = c; ` +
    `const u = process.resourceUsage(); process.stderr.write('usage ' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + ' ' + Math.round(u.maxRSS / 1024) + '\\n'); })`;
  const r = spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 10 * 60_000 });
  const ms = Date.now() - started;
  if (r.status !== 0) return { error: `exit ${r.status}: ${(r.stderr || r.stdout).split('\n')[0]}` };
  const m = USAGE_LINE.exec(r.stderr);
  return { ms, cpuMs: Number(m?.[1] ?? NaN), peakMB: Number(m?.[2] ?? NaN), stdout: r.stdout.trim() };
}

export interface SendOutVerdict {
  readonly requirement: string;
  readonly verdict: 'PASS' | 'FAIL';
  readonly detail: string;
}

/**
 * @example
 * const s = sendOutBench(dir, progress); lines.push(...s.lines);
 */
export function sendOutBench(base: string, progress: (l: string) => void): { lines: string[]; verdicts: SendOutVerdict[]; raw: unknown } {
  const dir = join(base, 'send-out');
  mkdirSync(dir, { recursive: true });
  const { register, master } = writeInputs(dir, progress);
  const out = join(dir, `mau-gui-${YEAR}`);
  // send-out never overwrites a return: each run starts from an empty folder.
  rmSync(out, { recursive: true, force: true });
  progress(`send-out: ${UNITS} units (${PRESET}, --previous) …`);
  const r = timeSendOut(['send-out', '--register', register, '--preset', PRESET, '--year', String(YEAR), '--previous', master, '--out', out]);
  const files = existsSync(out) ? readdirSync(out).length : 0;
  const detail = 'ms' in r ? `${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s), peak ${r.peakMB} MB, ${files} files` : r.error;
  const ok = 'ms' in r && r.ms < LIMIT_MS && r.peakMB < LIMIT_MB && files === UNITS;
  return {
    lines: [`send-out ${UNITS.toLocaleString('en')} units (${PRESET}, with last year's figures): ${detail} (spawn to exit)`],
    verdicts: [{ requirement: `send-out of ${UNITS.toLocaleString('en')} units under 30 s and 1 GB`, verdict: ok ? 'PASS' : 'FAIL', detail }],
    raw: { ...r, files },
  };
}

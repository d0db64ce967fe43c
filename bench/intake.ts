/**
 * The intake figures (`chitieu merge`): 500 returns of one unit each against only opening them
 * with ExcelJS (must be within 1.3×), and the peak memory of 20 returns of 5,000 units (< 1 GB).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seconds } from './contenders';
import { runChild, type Outcome } from './spawn';

const PRESET = 'bd-cdvc-2024';
const LONG = 20 * 60_000;

function ensureReturns(dir: string, files: number, units: number, progress: (l: string) => void): void {
  if (existsSync(dir) && readdirSync(dir).length === files) return;
  progress(`generating ${files} returns of ${units} units in ${dir} …`);
  const r = runChild('generateReturns', { input: '', preset: PRESET, dir, files, units }, { nodeArgs: [], timeoutMs: LONG });
  if (r.status !== 'ok') throw new Error(`bench: generating returns failed: ${r.message}`);
}

const ms = (o: Outcome) => (o.status === 'ok' ? o.report.ms : undefined);
const peak = (o: Outcome) => (o.status === 'ok' ? o.report.maxRssMB : undefined);

export interface IntakeVerdict {
  readonly requirement: string;
  readonly verdict: 'PASS' | 'FAIL';
  readonly detail: string;
}

/** Runs both intake measurements; returns printable lines and verdicts. */
export function intakeBench(base: string, progress: (l: string) => void): { lines: string[]; verdicts: IntakeVerdict[]; raw: unknown } {
  const small = join(base, 'returns-500x1');
  const big = join(base, 'returns-20x5000');
  ensureReturns(small, 500, 1, progress);
  ensureReturns(big, 20, 5000, progress);

  progress('intake: ExcelJS opening 500 returns …');
  const open = runChild('exceljsOpenDir', { input: '', preset: PRESET, dir: small }, { nodeArgs: ['--max-old-space-size=8192'], timeoutMs: LONG });
  progress('intake: chitieu merge of 500 returns …');
  const m500 = runChild('merge', { input: '', preset: PRESET, dir: small, output: join(base, 'merge-500.xlsx'), json: join(base, 'merge-500.json') }, { nodeArgs: [], timeoutMs: LONG });
  progress('intake: chitieu merge of 20 × 5,000 units …');
  const m20 = runChild('merge', { input: '', preset: PRESET, dir: big, output: join(base, 'merge-20x5000.xlsx'), json: join(base, 'merge-20x5000.json') }, { nodeArgs: [], timeoutMs: LONG });

  const lines: string[] = [];
  const verdicts: IntakeVerdict[] = [];
  const o = ms(open);
  const m = ms(m500);
  lines.push(
    `intake 500 returns × 1 unit: chitieu merge + check ${m !== undefined ? seconds(m) : m500.status}, ExcelJS open only ${o !== undefined ? seconds(o) : open.status}` +
      (m !== undefined && o !== undefined ? `, ratio ${(m / o).toFixed(2)}` : '') +
      `; peaks ${Math.round(peak(m500) ?? 0)} MB / ${Math.round(peak(open) ?? 0)} MB`,
  );
  verdicts.push({
    requirement: 'merge + check of 500 returns within 1.3× of opening them with ExcelJS',
    verdict: m !== undefined && o !== undefined && m <= 1.3 * o ? 'PASS' : 'FAIL',
    detail: m !== undefined && o !== undefined ? `${seconds(m)} vs ${seconds(o)}, ratio ${(m / o).toFixed(2)}` : `${m500.status} / ${open.status}`,
  });
  const p20 = peak(m20);
  lines.push(`intake 20 returns × 5,000 units: chitieu merge + check ${ms(m20) !== undefined ? seconds(ms(m20)!) : m20.status}, peak ${p20 !== undefined ? Math.round(p20) : '?'} MB`);
  verdicts.push({
    requirement: 'merge of 20 returns × 5,000 units peaks under 1 GB',
    verdict: p20 !== undefined && p20 < 1024 ? 'PASS' : 'FAIL',
    detail: p20 !== undefined ? `peak ${Math.round(p20)} MB` : m20.status,
  });
  return { lines, verdicts, raw: { open, m500, m20 } };
}

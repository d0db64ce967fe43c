/**
 * layouts.md, "Reading limits": a 30-unit sheet bordered down to row 1,048,576 is checked like
 * its 30 units — `chitieu check --out --json` under 2 s and 300 MB (median of 3 fresh processes).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seconds } from './contenders';
import { formattedToLastRow } from './formattedSheet';
import type { IntakeVerdict } from './intake';
import { runChild } from './spawn';

const TIME_LIMIT_MS = 2000;
const PEAK_LIMIT_MB = 300;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the measurement; returns a printable line and its verdict. */
export function formattedBench(base: string, progress: (l: string) => void): { lines: string[]; verdicts: IntakeVerdict[]; raw: unknown } {
  const input = join(base, 'formatted-30-to-row-1048576.xlsx');
  if (!existsSync(input)) {
    progress('generating a 30-unit sheet bordered down to row 1,048,576 …');
    writeFileSync(input, formattedToLastRow(30));
  }
  const runs = [1, 2, 3].map((i) => {
    progress(`formatted sheet: chitieu check, run ${i}/3 …`);
    return runChild('cli', { input, preset: 'bd-cdvc-2024', output: join(base, 'formatted-out.xlsx'), json: join(base, 'formatted-out.json') }, { nodeArgs: [], timeoutMs: 10 * 60_000 });
  });
  const ok = runs.flatMap((r) => (r.status === 'ok' ? [r.report] : []));
  if (ok.length === 0) {
    const why = runs.map((r) => (r.status === 'ok' ? 'ok' : r.status)).join(', ');
    return { lines: [`formatted sheet (30 units, bordered to row 1,048,576): failed (${why})`], verdicts: [{ requirement: 'formatted sheet under 2 s and 300 MB', verdict: 'FAIL', detail: why }], raw: runs };
  }
  const ms = median(ok.map((r) => r.ms));
  const mb = median(ok.map((r) => r.maxRssMB));
  return {
    lines: [`formatted sheet (30 units, bordered to row 1,048,576): chitieu check ${seconds(ms)} (median of ${ok.length}), peak ${Math.round(mb)} MB; runs ${ok.map((r) => seconds(r.ms)).join(' / ')}`],
    verdicts: [
      {
        requirement: '30-unit sheet formatted to row 1,048,576 checked under 2 s and 300 MB',
        verdict: ms < TIME_LIMIT_MS && mb < PEAK_LIMIT_MB ? 'PASS' : 'FAIL',
        detail: `${seconds(ms)}, ${Math.round(mb)} MB`,
      },
    ],
    raw: runs,
  };
}

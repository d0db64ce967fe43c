/**
 * Peak memory of `chitieu check --out --json` on a table whose units leave their required cells
 * blank (bd-cdvc-2024: 12 problems a unit, so 180,000 at 15,000 units), in a fresh process with
 * Node's defaults (its time goes to results.json). It must stay under 400 MB: such a table once
 * took 1.07 GB at 10,000 units and crashed at 15,000 ("Maximum call stack size exceeded").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './spawn';

const PRESET = 'bd-cdvc-2024';
const UNITS = 15_000;
/** MiB, as maxRSS is reported. */
export const BLANK_REQUIRED_LIMIT_MB = 400;
const LONG = 20 * 60_000;

export interface BlankRequiredVerdict {
  readonly requirement: string;
  readonly verdict: 'PASS' | 'FAIL';
  readonly detail: string;
}

/** Generates the input once (kept in `dir`), runs the check; returns the printed line and the verdict. */
export function blankRequiredBench(dir: string, progress: (l: string) => void): { lines: string[]; verdicts: BlankRequiredVerdict[]; raw: unknown } {
  const input = join(dir, `blank-required-${UNITS}.xlsx`);
  if (!existsSync(input)) {
    progress(`generating ${UNITS} units with blank required cells in ${input} …`);
    const g = runChild('generateBlank', { input, preset: PRESET, units: UNITS, year: 2024 }, { nodeArgs: [], timeoutMs: LONG });
    if (g.status !== 'ok') throw new Error(`bench: generating the blank-required table failed: ${g.message}`);
  }
  progress(`blank-required: chitieu check of ${UNITS} units …`);
  const out = runChild(
    'cli',
    { input, preset: PRESET, output: join(dir, `out-blank-required-${UNITS}.xlsx`), json: join(dir, `out-blank-required-${UNITS}.json`) },
    { nodeArgs: [], timeoutMs: LONG },
  );
  const peak = out.status === 'ok' ? Math.round(out.report.maxRssMB) : undefined;
  const line =
    out.status === 'ok'
      ? `blank-required ${UNITS} units: peak ${peak} MB (limit ${BLANK_REQUIRED_LIMIT_MB})`
      : `blank-required ${UNITS} units: ${out.status.toUpperCase()} (${out.message})`;
  const verdict: BlankRequiredVerdict = {
    requirement: `chitieu check of ${UNITS} units with blank required cells peaks under ${BLANK_REQUIRED_LIMIT_MB} MB`,
    verdict: peak !== undefined && peak < BLANK_REQUIRED_LIMIT_MB ? 'PASS' : 'FAIL',
    detail: peak !== undefined ? `peak ${peak} MB` : out.status,
  };
  return { lines: [line], verdicts: [verdict], raw: out };
}

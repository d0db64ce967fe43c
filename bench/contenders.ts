/**
 * What the bench measures at each size: a small registry. `exceljs` and `chitieu` make the
 * side-by-side table; any other contender prints a line of its own under it (`line`), so a later
 * one (e.g. `office rows=10000 syncs=7 max_request_bytes=… total_bytes=…`) is a new mode in
 * modes.ts plus one entry here.
 */
import { join } from 'node:path';
import type { ModeName, ModeParams } from './protocol';
import type { Outcome } from './spawn';

export interface SizeContext {
  readonly rows: number;
  /** The generated input file for this size. */
  readonly input: string;
  /** The bench's temp directory (outputs go there too). */
  readonly dir: string;
  readonly preset: string;
}

/** A contender's figures at one size, over its repeats: median time, highest peak. */
export interface Measurement {
  readonly status: Outcome['status'];
  /** Median of the timed sections (ms), when every repeat finished. */
  readonly ms?: number;
  /** Highest peak RSS over the repeats (MiB). */
  readonly maxRssMB?: number;
  /** Median process wall time seen by the parent, spawn to exit (ms), including Node start-up. */
  readonly wallMs?: number;
  /** Why there is no figure (timeout, out of memory, error). */
  readonly message?: string;
  /** Every repeat as the child reported it. */
  readonly repeats: readonly Outcome[];
}

/** One requirement's outcome, printed as `PASS    requirement: detail`. */
export interface Verdict {
  readonly requirement: string;
  readonly verdict: 'PASS' | 'FAIL' | 'NOT RUN';
  readonly detail: string;
}

export interface Contender {
  /** Key in results.json; `exceljs` and `chitieu` are the table's two contenders. */
  readonly id: string;
  /** For progress lines. */
  readonly title: string;
  readonly mode: ModeName;
  readonly nodeArgs: readonly string[];
  readonly timeoutMs: number;
  /** Fresh processes per size; the time is their median, the peak their maximum. */
  repeat(rows: number): number;
  /** Above this many rows the contender is not run (it cannot open the file); the bench says so. */
  readonly maxRows?: number;
  params(ctx: SizeContext): ModeParams;
  /** A line printed under the table, for contenders that are not columns of it. */
  line?(rows: number, m: Measurement): string;
}

const envInt = (name: string): number | undefined => {
  const v = process.env[name];
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
};

/** ExcelJS is repeated at small sizes, where one run is noisy; once from 100k (it takes minutes there). */
const exceljsRepeat = (rows: number): number => envInt('BENCH_REPEAT') ?? (rows <= 10_000 ? 3 : 1);
/** chitieu's figures are requirements (issue 12: medians of 3): three runs at every size. */
const chitieuRepeat = (): number => envInt('BENCH_REPEAT') ?? 3;
/** ExcelJS's document model of 1,000,000 rows does not fit in memory: it is not run above this. */
export const EXCELJS_MAX_ROWS = 100_000;

export const ENGINE_RUNS = envInt('BENCH_ENGINE_RUNS') ?? 5;

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The telling line of a failure: chitieu's own message if it printed one, else the error, else the first line. */
export function reason(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(exit \d+|signal \w+)$/.test(l));
  const said = lines.find((l) => l.startsWith('chitieu: ')) ?? lines.find((l) => /\b\w*Error: /.test(l) && !/^bench child failed: Error: chitieu /.test(l)) ?? lines[0] ?? text;
  return said.replace(/^bench child failed: /, '').slice(0, 240);
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export const CONTENDERS: readonly Contender[] = [
  {
    id: 'exceljs',
    title: 'ExcelJS read + write',
    mode: 'exceljs',
    // Give ExcelJS room, and a limit: a timeout or out-of-memory is recorded as such.
    nodeArgs: ['--max-old-space-size=8192'],
    timeoutMs: 15 * 60_000,
    repeat: exceljsRepeat,
    maxRows: EXCELJS_MAX_ROWS,
    params: (c) => ({ input: c.input, output: join(c.dir, `out-exceljs-${c.rows}.xlsx`), preset: c.preset }),
  },
  {
    id: 'chitieu',
    title: 'chitieu check --out --json',
    mode: 'cli',
    // Node's defaults: what a user running `npx chitieu check` gets.
    nodeArgs: [],
    timeoutMs: 15 * 60_000,
    repeat: chitieuRepeat,
    params: (c) => ({
      input: c.input,
      output: join(c.dir, `out-chitieu-${c.rows}.xlsx`),
      json: join(c.dir, `out-chitieu-${c.rows}.json`),
      preset: c.preset,
    }),
  },
  {
    id: 'engine',
    title: `engine alone (median of ${ENGINE_RUNS})`,
    mode: 'engine',
    nodeArgs: ['--expose-gc'],
    timeoutMs: 10 * 60_000,
    repeat: () => 1,
    params: (c) => ({ input: c.input, preset: c.preset, runs: ENGINE_RUNS }),
    line: (rows, m) =>
      m.ms !== undefined
        ? `engine alone (validate + compute), ${rows} rows: ${seconds(m.ms)} (median of ${ENGINE_RUNS})`
        : `engine alone (validate + compute), ${rows} rows: ${m.status} (${reason(m.message ?? '')})`,
  },
  {
    id: 'office',
    title: 'Office adapter on the fake Excel (check + write)',
    mode: 'office',
    nodeArgs: ['--max-old-space-size=4096'],
    timeoutMs: 10 * 60_000,
    repeat: () => 1,
    // The fake Excel holds the whole sheet as cell objects; the Office figures are about 100k.
    maxRows: 100_000,
    params: (c) => ({ input: c.input, preset: c.preset, rows: c.rows }),
    line: (rows, m) => {
      const report = m.repeats[0]?.status === 'ok' ? m.repeats[0].report : undefined;
      return typeof report?.line === 'string' ? report.line : `office rows=${rows}: ${m.status} (${reason(m.message ?? '')})`;
    },
  },
];

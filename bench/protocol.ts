/**
 * What the bench parent (bench.ts) and its measuring children (child.ts) say to each other.
 *
 * The parent starts one fresh Node process per measurement: `node [nodeArgs] build/bench/child.js
 * MODE 'PARAMS-JSON'`. The child runs the mode and prints one line on stdout:
 * `BENCH_RESULT {"ms":…,"maxRssMB":…,…}`. Everything else on stdout/stderr is ignored (kept for
 * error messages), so a mode may log freely to stderr.
 */

/** The child's modes; add one here, in modes.ts and (for the parent) in contenders.ts. */
export type ModeName = 'generate' | 'generateBlank' | 'exceljs' | 'cli' | 'engine' | 'generateReturns' | 'exceljsOpenDir' | 'merge' | 'office' | 'officeFixes';

/** Parameters of a mode, passed as one JSON argument. Each mode reads the fields it needs. */
export interface ModeParams {
  /** The .xlsx to read (for `generate`: the one to write). */
  readonly input: string;
  /** The .xlsx to write. */
  readonly output?: string;
  /** The JSON report to write (`cli`). */
  readonly json?: string;
  /** Target set id, e.g. `bd-cdvc-2024`. */
  readonly preset: string;
  /** `generate`, `generateBlank`: number of units (data rows). */
  readonly units?: number;
  readonly year?: number;
  readonly seed?: number;
  /** `engine`: timed runs after the warm-up. */
  readonly runs?: number;
  /** Returns intake: the folder of returns, and how many files to make in it. */
  readonly dir?: string;
  readonly files?: number;
  /** `office`: rows of the table checked through the Office adapter on the fake Excel. */
  readonly rows?: number;
}

/** What a mode returns: its timed figure plus anything it wants recorded. */
export interface ModeResult {
  /** The timed section, in milliseconds (for `engine`: the median of the runs). */
  readonly ms: number;
  readonly [extra: string]: unknown;
}

/** What the child prints after the mode: the mode's result plus the process's peak memory. */
export interface ChildReport extends ModeResult {
  /** Peak resident set size of the whole child process (`process.resourceUsage().maxRSS`), MiB. */
  readonly maxRssMB: number;
}

export const RESULT_MARKER = 'BENCH_RESULT ';

/**
 * Runs one mode in a fresh Node process and turns what happened into an Outcome: the child's
 * report, or why there is none (timeout, out of memory, error).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RESULT_MARKER, type ChildReport, type ModeName, type ModeParams } from './protocol';

export type Outcome =
  | { readonly status: 'ok'; readonly report: ChildReport; readonly wallMs: number }
  | { readonly status: 'timeout' | 'oom' | 'error'; readonly wallMs: number; readonly message: string };

export interface SpawnOptions {
  /** Flags for node itself, e.g. `--max-old-space-size=8192`. */
  readonly nodeArgs: readonly string[];
  readonly timeoutMs: number;
}

/** build/bench/child.js, next to this module once compiled. */
export const CHILD_SCRIPT = join(__dirname, 'child.js');

const tail = (text: string, lines = 12): string => text.trimEnd().split('\n').slice(-lines).join('\n');

export function runChild(mode: ModeName, params: ModeParams, options: SpawnOptions): Outcome {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...options.nodeArgs, CHILD_SCRIPT, mode, JSON.stringify(params)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - t0;
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  const errCode = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (errCode === 'ETIMEDOUT') {
    return { status: 'timeout', wallMs, message: `killed after ${(options.timeoutMs / 1000).toFixed(0)} s` };
  }
  if (r.error) return { status: 'error', wallMs, message: `${r.error.message}\n${tail(stderr)}` };
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (r.status === 0 && line) {
    return { status: 'ok', report: JSON.parse(line.slice(RESULT_MARKER.length)) as ChildReport, wallMs };
  }
  // V8 aborts with "JavaScript heap out of memory"; the kernel's OOM killer sends SIGKILL.
  const oom = /heap out of memory|Allocation failed|ERR_STRING_TOO_LONG|Invalid string length/i.test(stderr) || r.signal === 'SIGKILL';
  const how = r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  return { status: oom ? 'oom' : 'error', wallMs, message: `${how}\n${tail(stderr)}` };
}

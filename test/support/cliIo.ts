/**
 * The command line's Io for in-process tests: what it printed, line by line, and a fixed today.
 */
import type { Io } from '../../src/cli/commands';

export type CapturedIo = Io & { readonly stdout: string[]; readonly stderr: string[] };

/**
 * @example
 * const io = captureIo(new Date(2026, 10, 21));
 * await run(['presets'], io); // io.stdout holds the lines
 */
export function captureIo(today: Date): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today };
}

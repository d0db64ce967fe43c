/**
 * One measurement in a fresh process: `node build/bench/child.js MODE 'PARAMS-JSON'`.
 * Prints `BENCH_RESULT {…, "maxRssMB": …}` on stdout (see protocol.ts); exit 1 on failure.
 */
import { MODES } from './modes';
import { RESULT_MARKER, type ChildReport, type ModeName, type ModeParams } from './protocol';

async function main(argv: readonly string[]): Promise<number> {
  const [name, json] = argv;
  if (!name || !Object.prototype.hasOwnProperty.call(MODES, name)) {
    process.stderr.write(`usage: child.js (${Object.keys(MODES).join('|')}) '{"input":…}'\n`);
    return 2;
  }
  const params = JSON.parse(json ?? '{}') as ModeParams;
  const result = await MODES[name as ModeName](params);
  // maxRSS is the peak of the whole process so far, in KiB on Linux and macOS.
  const report: ChildReport = { ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(RESULT_MARKER + JSON.stringify(report) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);

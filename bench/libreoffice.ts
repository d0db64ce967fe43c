/**
 * The LibreOffice contender: `soffice --headless --convert-to csv` of the same generated file,
 * timed as a whole process (spawn to exit) from the bench parent, with a warm profile.
 *
 * How the peak is measured: `/usr/bin/time -f %M` around soffice. `soffice` is a shell script that
 * execs `oosplash`, which forks `soffice.bin` (the office itself) and waits for it. The kernel
 * hands a waiting parent the max RSS of its waited-for descendants (wait4's rusage takes the
 * larger of the child's own peak and its children's), so `%M` is the peak of `soffice.bin` (or of
 * `oosplash`, whichever is larger: in practice always `soffice.bin`). Checked by hand against
 * `VmHWM` of `soffice.bin` sampled from /proc during a 100,000-row run: 212,124 KiB from time,
 * 212,464 KiB sampled.
 *
 * The profile: `-env:UserInstallation=file:///…` points at a directory of the bench's own, used
 * once unmeasured first so the first-start profile creation is not timed, and so no other
 * soffice running on the machine (which would take over the conversion) shares it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median, type Measurement } from './contenders';
import type { Outcome } from './spawn';

const TIME = '/usr/bin/time';
/** A 1,000,000-row file takes LibreOffice minutes; a hang is killed (with its whole process group) after this. */
const TIMEOUT_S = 30 * 60;

/** Where soffice is, or undefined: the first `soffice` on PATH. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, 'soffice');
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Why LibreOffice cannot be measured here, or undefined when it can. */
export function libreOfficeMissing(): string | undefined {
  if (!findSoffice()) return 'soffice not found on PATH (apt-get install -y libreoffice-calc)';
  if (!existsSync(TIME)) return `${TIME} not found (apt-get install -y time): it measures the peak of the soffice process tree`;
  return undefined;
}

export interface LibreOfficeRunner {
  /** One unmeasured run with the bench's profile, so the profile exists and is warm. */
  warm(input: string): Outcome;
  /** `repeats` measured runs on `input`: median wall time, highest peak. */
  measure(input: string, repeats: number): Measurement;
}

/** Runs soffice with its profile under `dir`/libreoffice-profile and its CSV output under `dir`/libreoffice-out. */
export function libreOfficeRunner(dir: string, progress: (line: string) => void): LibreOfficeRunner {
  const soffice = findSoffice() ?? 'soffice';
  const profile = join(dir, 'libreoffice-profile');
  const outDir = join(dir, 'libreoffice-out');
  const timeFile = join(dir, 'libreoffice-time.txt');
  mkdirSync(outDir, { recursive: true });

  const once = (input: string): Outcome => {
    const csv = join(outDir, basename(input).replace(/\.xlsx$/i, '') + '.csv');
    rmSync(csv, { force: true });
    rmSync(timeFile, { force: true });
    const args = [
      '-f', '%e %M', '-o', timeFile,
      // `timeout` kills the whole process group (oosplash and soffice.bin) if it hangs; it waits
      // for soffice, so the peak still reaches /usr/bin/time.
      'timeout', '-k', '10', String(TIMEOUT_S),
      soffice, `-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'csv', '--outdir', outDir, input,
    ];
    const t0 = performance.now();
    const r = spawnSync(TIME, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
    const wallMs = performance.now() - t0;
    const said = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-4).join('\n');
    if (r.error) return { status: 'error', wallMs, message: r.error.message };
    if (r.status === 124 || r.status === 137) return { status: 'timeout', wallMs, message: `killed after ${TIMEOUT_S} s` };
    const timed = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '' : '';
    const m = /^([\d.]+) (\d+)$/.exec(timed);
    // soffice exits 0 even when it could not convert: the CSV is the proof.
    if (r.status !== 0 || !m || !existsSync(csv) || statSync(csv).size === 0) {
      return { status: 'error', wallMs, message: `exit ${r.status}; ${existsSync(csv) ? 'empty CSV' : 'no CSV written'}; ${said}` };
    }
    const maxRssMB = Number(m[2]) / 1024; // %M is KiB
    return { status: 'ok', wallMs, report: { ms: wallMs, maxRssMB, csvBytes: statSync(csv).size, timeSays: timed } };
  };

  return {
    warm: (input) => {
      const out = once(input);
      progress(`LibreOffice warm-up (unmeasured, profile ${profile}): ${out.status}${out.status === 'ok' ? '' : ` ${out.message}`}`);
      return out;
    },
    measure: (input, repeats) => {
      const runs: Outcome[] = [];
      for (let i = 0; i < repeats; i++) {
        const out = once(input);
        runs.push(out);
        const tag = `[${i + 1}/${repeats}]`;
        if (out.status !== 'ok') {
          progress(`LibreOffice ${tag}: ${out.status.toUpperCase()} after ${(out.wallMs / 1000).toFixed(2)} s: ${out.message}`);
          return { status: out.status, message: out.message, wallMs: out.wallMs, repeats: runs };
        }
        progress(`LibreOffice ${tag}: ${(out.wallMs / 1000).toFixed(2)} s, peak ${Math.round(out.report.maxRssMB)} MB`);
      }
      const oks = runs.flatMap((r) => (r.status === 'ok' ? [r] : []));
      const ms = median(oks.map((r) => r.wallMs));
      return { status: 'ok', ms, wallMs: ms, maxRssMB: Math.max(...oks.map((r) => r.report.maxRssMB)), repeats: runs };
    },
  };
}

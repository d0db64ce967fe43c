/**
 * Issue 12's figures: `chitieu check --out --json` beside LibreOffice's load + CSV export of the
 * same file (a table and the ratio), and the verdicts at 100,000 and 1,000,000 rows.
 *
 * Both times are whole processes seen by the bench parent, spawn to exit (chitieu's includes
 * Node's start-up; LibreOffice's its own start-up with a warm profile), medians of the repeats;
 * both peaks are the highest max RSS of the process (for soffice, its process tree: libreoffice.ts).
 */
import { reason, seconds, type Measurement, type Verdict } from './contenders';

export interface LibreOfficeRow {
  readonly rows: number;
  readonly chitieu?: Measurement;
  readonly libreoffice?: Measurement;
}

/** Issue 12: 100,000 rows at most as slow as LibreOffice, peak RSS ≤ 300 MB. */
const ROWS_100K = 100_000;
const TIME_RATIO_LIMIT = 1.0;
const PEAK_100K_MB = 300;
/** Issue 12: 1,000,000 rows complete, peak RSS ≤ 1.5 GB. */
const ROWS_1M = 1_000_000;
const PEAK_1M_MB = 1536;

const mb = (x: number): string => `${Math.round(x)} MB`;
const failed = (m: Measurement | undefined, why: string): string =>
  !m ? why : `${m.status}${m.message ? ` (${reason(m.message)})` : ''}`;

/** The side-by-side table; `notRun` says why LibreOffice has no column figures (disabled, missing). */
export function libreOfficeTable(rows: readonly LibreOfficeRow[], notRun: string | undefined): string[] {
  const head = ['rows', 'chitieu_time', 'libreoffice_time', 'time_ratio', 'chitieu_peak', 'libreoffice_peak', 'peak_ratio'];
  const lo = (m: Measurement | undefined, f: (m: Measurement) => number | undefined, show: (x: number) => string): string => {
    if (notRun) return 'NOT RUN';
    const x = m && f(m);
    return x !== undefined ? show(x) : m ? m.status : '—';
  };
  const body = rows.map((r) => {
    const c = r.chitieu;
    const l = r.libreoffice;
    const cTime = c?.status === 'ok' && c.wallMs !== undefined ? seconds(c.wallMs) : c ? c.status : '—';
    const cPeak = c?.maxRssMB !== undefined ? mb(c.maxRssMB) : c ? c.status : '—';
    const tRatio = c?.status === 'ok' && c.wallMs !== undefined && l?.ms !== undefined ? (c.wallMs / l.ms).toFixed(2) : '—';
    const pRatio = c?.maxRssMB !== undefined && l?.maxRssMB !== undefined ? (c.maxRssMB / l.maxRssMB).toFixed(2) : '—';
    return [String(r.rows), cTime, lo(l, (m) => m.ms, seconds), tRatio, cPeak, lo(l, (m) => m.maxRssMB, mb), pRatio];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)) + 3);
  return [
    'chitieu check --out --json vs LibreOffice (soffice --headless --convert-to csv, warm profile): whole processes,',
    'spawn to exit, medians; peak = max RSS of the process (soffice: of its process tree, soffice.bin included); ratio = chitieu / LibreOffice',
    ...(notRun ? [`LibreOffice: NOT RUN (${notRun})`] : []),
    ...[head, ...body].map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('').trimEnd()),
  ];
}

/** The issue's verdicts; a size not in BENCH_SIZES is NOT RUN. */
export function libreOfficeVerdicts(rows: readonly LibreOfficeRow[], notRun: string | undefined): Verdict[] {
  const out: Verdict[] = [];
  const at100k = rows.find((r) => r.rows === ROWS_100K);
  const at1m = rows.find((r) => r.rows === ROWS_1M);
  const absent = (n: number): string => `${n} rows not in BENCH_SIZES`;

  const rTime = `${ROWS_100K} rows: chitieu time ≤ ${TIME_RATIO_LIMIT.toFixed(1)}× LibreOffice`;
  const c = at100k?.chitieu;
  const l = at100k?.libreoffice;
  if (!at100k) out.push({ requirement: rTime, verdict: 'NOT RUN', detail: absent(ROWS_100K) });
  else if (notRun) out.push({ requirement: rTime, verdict: 'NOT RUN', detail: `LibreOffice ${notRun}` });
  else if (c?.status !== 'ok' || c.wallMs === undefined) out.push({ requirement: rTime, verdict: 'FAIL', detail: `chitieu did not finish: ${failed(c, 'not run')}` });
  else if (l?.ms === undefined) out.push({ requirement: rTime, verdict: 'NOT RUN', detail: `LibreOffice did not finish: ${failed(l, 'not run')}` });
  else {
    const ratio = c.wallMs / l.ms;
    out.push({
      requirement: rTime,
      verdict: ratio <= TIME_RATIO_LIMIT ? 'PASS' : 'FAIL',
      detail: `chitieu ${seconds(c.wallMs)} vs LibreOffice ${seconds(l.ms)}, ratio ${ratio.toFixed(2)} (whole processes, medians of ${c.repeats.length} and ${l.repeats.length})`,
    });
  }

  const rPeak = `${ROWS_100K} rows: chitieu peak RSS ≤ ${PEAK_100K_MB} MB`;
  if (!at100k) out.push({ requirement: rPeak, verdict: 'NOT RUN', detail: absent(ROWS_100K) });
  else if (c?.maxRssMB === undefined) out.push({ requirement: rPeak, verdict: 'FAIL', detail: `chitieu did not finish: ${failed(c, 'not run')}` });
  else {
    const beside = l?.maxRssMB !== undefined ? ` (LibreOffice ${mb(l.maxRssMB)})` : '';
    out.push({ requirement: rPeak, verdict: c.maxRssMB <= PEAK_100K_MB ? 'PASS' : 'FAIL', detail: `peak ${mb(c.maxRssMB)}${beside}` });
  }

  const c1 = at1m?.chitieu;
  const rDone = `${ROWS_1M} rows: chitieu completes`;
  const rPeak1m = `${ROWS_1M} rows: chitieu peak RSS ≤ 1.5 GB (${PEAK_1M_MB} MB)`;
  if (!at1m) {
    out.push({ requirement: rDone, verdict: 'NOT RUN', detail: `${absent(ROWS_1M)} (BENCH_SIZES=1000000)` });
    out.push({ requirement: rPeak1m, verdict: 'NOT RUN', detail: absent(ROWS_1M) });
    return out;
  }
  const l1 = at1m.libreoffice;
  const beside1m = l1?.ms !== undefined ? `; LibreOffice ${seconds(l1.ms)}, peak ${mb(l1.maxRssMB ?? 0)}` : notRun ? `; LibreOffice ${notRun}` : `; LibreOffice ${failed(l1, 'not run')}`;
  if (c1?.status !== 'ok') {
    out.push({ requirement: rDone, verdict: 'FAIL', detail: `${failed(c1, 'not run')}${beside1m}` });
    out.push({ requirement: rPeak1m, verdict: 'FAIL', detail: 'did not complete' });
  } else {
    out.push({ requirement: rDone, verdict: 'PASS', detail: `${seconds(c1.wallMs ?? 0)} (whole process, median of ${c1.repeats.length})${beside1m}` });
    const peak = c1.maxRssMB ?? Infinity;
    out.push({ requirement: rPeak1m, verdict: peak <= PEAK_1M_MB ? 'PASS' : 'FAIL', detail: `peak ${mb(peak)}` });
  }
  return out;
}

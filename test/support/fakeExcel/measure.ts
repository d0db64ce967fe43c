/**
 * Figures of the Office adapter on the fake Excel, for tests and `npm run bench`: check + write
 * of an n-row `bd-cdvc-2024` table, counted by the fake (syncs, bytes of each request and
 * response), with the adapter's own estimates alongside.
 *
 * @example
 * formatOfficeLine(await measureOffice(10_000))
 * // 'office rows=10000 syncs=6 max_request_bytes=… total_bytes=…'
 */
import { findPreset } from '../../../src/domain/presets';
import { sampleWorkbook } from '../../../src/domain/sample';
import { officeWorkbook, type OfficeStats } from '../../../src/workbook/office';
import { runCheck } from '../../../src/workbook/runCheck';
import { createFakeExcel } from './index';

export interface OfficeMeasurement extends OfficeStats {
  readonly rows: number;
  /** What the adapter itself counted (estimates) for the same work. */
  readonly adapter: OfficeStats;
  /** Bytes of every request and response, in sync order (as the fake counted them). */
  readonly requests: readonly number[];
  readonly responses: readonly number[];
}

/**
 * Builds an n-row sheet (sample units without mistakes) in a fake Excel, runs `runCheck` and
 * `apply` through the Office adapter, and returns the fake's counts. Throws if any request or
 * response went over the fake's 5 MB limit.
 */
export async function measureOffice(rows: number): Promise<OfficeMeasurement> {
  const set = findPreset('bd-cdvc-2024');
  if (!set) throw new Error('preset bd-cdvc-2024 missing');
  const sample = sampleWorkbook(set, { units: rows, year: 2024, seed: 1, mistakes: false });
  const fake = createFakeExcel({ sheets: [{ name: sample.grid.name, rows: sample.grid.rows }] });
  const workbook = officeWorkbook(fake.run, { isSetSupported: fake.supports });
  const out = await runCheck(workbook, { targetSet: set, year: 2024, today: new Date(2024, 11, 31) });
  if (!out.ok) throw new Error(out.error.message);
  await workbook.apply(out.plan);
  const s = fake.stats;
  return {
    rows,
    syncs: s.syncs,
    maxRequestBytes: s.maxRequestBytes,
    maxResponseBytes: s.maxResponseBytes,
    totalBytes: s.totalBytes,
    adapter: workbook.lastStats(),
    requests: [...s.requests],
    responses: [...s.responses],
  };
}

/** The benchmark's line: `office rows=10000 syncs=7 max_request_bytes=1234567 total_bytes=9876543`. */
export function formatOfficeLine(m: OfficeStats & { readonly rows: number }): string {
  return `office rows=${m.rows} syncs=${m.syncs} max_request_bytes=${m.maxRequestBytes} total_bytes=${m.totalBytes}`;
}

/** "Công đoàn cơ sở số" typed in TCVN3 (the legacy font encoding that returns still arrive in). */
const TCVN3_NAME = 'C«ng ®oµn c¬ së sè';

/** The fixes figure: {@link measureOfficeFixes}. */
export interface OfficeFixesMeasurement extends OfficeStats {
  readonly fixes: number;
  readonly requests: readonly number[];
  readonly responses: readonly number[];
  /** Cells the fixes left alone because they changed since the check (none here). */
  readonly changed: number;
}

/**
 * A table of `units` rows whose unit names were typed in TCVN3: the check proposes one fix per
 * name (to Unicode), and the fixes are written through the Office adapter as the pane does (with
 * the value the check read). Counts only the fixes' traffic, as the fake measured it.
 */
export async function measureOfficeFixes(units: number): Promise<OfficeFixesMeasurement> {
  const set = findPreset('bd-cdvc-2024');
  if (!set) throw new Error('preset bd-cdvc-2024 missing');
  const sample = sampleWorkbook(set, { units, year: 2024, seed: 1, mistakes: false });
  const header = sample.grid.rows[0];
  const nameCol = header.findIndex((h) => typeof h === 'string' && /^Tên/i.test(h));
  if (nameCol < 0) throw new Error('no unit-name column in the sample');
  const rows = sample.grid.rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === nameCol ? `${TCVN3_NAME} ${i}` : v))));
  const fake = createFakeExcel({ sheets: [{ name: sample.grid.name, rows }] });
  const workbook = officeWorkbook(fake.run, { isSetSupported: fake.supports });
  const out = await runCheck(workbook, { targetSet: set, year: 2024, today: new Date(2024, 11, 31) });
  if (!out.ok) throw new Error(out.error.message);
  const fixes = out.result.fixes;
  fake.resetStats();
  const { changed } = await workbook.writeCells(
    sample.grid.name,
    fixes.map((f) => ({ cell: f.cell, value: f.value, ...(f.was !== undefined ? { expected: f.was } : {}) })),
  );
  const s = fake.stats;
  return {
    fixes: fixes.length,
    changed: changed.length,
    syncs: s.syncs,
    maxRequestBytes: s.maxRequestBytes,
    maxResponseBytes: s.maxResponseBytes,
    totalBytes: s.totalBytes,
    requests: [...s.requests],
    responses: [...s.responses],
  };
}

/** The benchmark's fixes line: `office fixes=20000 syncs=N max_request_bytes=B total_bytes=T`. */
export function formatOfficeFixesLine(m: OfficeFixesMeasurement): string {
  return `office fixes=${m.fixes} syncs=${m.syncs} max_request_bytes=${m.maxRequestBytes} total_bytes=${m.totalBytes}`;
}

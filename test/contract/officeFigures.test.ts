/**
 * Figures of the Office adapter on the fake Excel (not timed): check + write of a large
 * `bd-cdvc-2024` table in a small, constant number of round trips, every request and response
 * under Excel on the web's 5 MB. `npm run bench` prints the same measurement for 1k/10k/100k.
 * 100,000 rows take about half a minute in the fake: set CHITIEU_OFFICE_100K=1 to include them.
 */
import { formatOfficeFixesLine, formatOfficeLine, measureOffice, measureOfficeFixes, type OfficeMeasurement } from '../support/fakeExcel/measure';

const FIVE_MB = 5_000_000;
/** The adapter's own budget: every request under 4 MB, measured by the fake from the serialised request. */
const FOUR_MB = 4_000_000;

function expectWithinLimits(m: OfficeMeasurement): void {
  for (const bytes of [...m.requests, ...m.responses]) expect(bytes).toBeLessThan(FIVE_MB);
  for (const bytes of m.requests) expect(bytes).toBeLessThan(FOUR_MB);
  expect(m.maxRequestBytes).toBeLessThan(FOUR_MB);
  expect(m.maxResponseBytes).toBeLessThan(FIVE_MB);
  // The adapter counts its own syncs exactly, and its byte estimates are close to the fake's.
  expect(m.adapter.syncs).toBe(m.syncs);
  expect(m.adapter.totalBytes / m.totalBytes).toBeGreaterThan(0.85);
  expect(m.adapter.totalBytes / m.totalBytes).toBeLessThan(1.25);
}

test('1,000 rows: check + write in 6 syncs', async () => {
  const m = await measureOffice(1_000);
  expectWithinLimits(m);
  // sheet list 1, read 2; apply: look-up with protection and document mode 1, second look (used
  // ranges, tables) 1 — nothing written before these — and the whole write in 1.
  expect(m.syncs).toBe(6);
  expect(formatOfficeLine(m)).toMatch(/^office rows=1000 syncs=6 max_request_bytes=\d+ total_bytes=\d+$/);
});

test('10,000 rows: check + write in at most 10 syncs, every payload under 5 MB', async () => {
  const m = await measureOffice(10_000);
  expectWithinLimits(m);
  expect(m.syncs).toBeLessThanOrEqual(10);
  // One more than 1,000 rows: the write (about 4.7 MB of serialised requests) takes two requests under 4 MB.
  expect(m.syncs).toBeLessThanOrEqual(7);
});

const big = process.env.CHITIEU_OFFICE_100K === '1' ? test : test.skip;
big('100,000 rows: every payload under 5 MB; syncs grow only with data volume / 4 MB', async () => {
  const m = await measureOffice(100_000);
  expectWithinLimits(m);
  // ~30 MB to read and ~13 MB to write cannot pass in fewer round trips of < 5 MB each.
  expect(m.syncs).toBeLessThanOrEqual(20);
});

test('20,000 fixes (unit names typed in TCVN3) written in requests under 4 MB', async () => {
  const m = await measureOfficeFixes(20_000);
  // One fix per unit name: 20,000 units, 20,000 names typed in TCVN3.
  expect(m.fixes).toBe(20_000);
  expect(m.changed).toBe(0);
  for (const bytes of m.requests) expect(bytes).toBeLessThan(FOUR_MB);
  for (const bytes of m.responses) expect(bytes).toBeLessThan(FIVE_MB);
  expect(formatOfficeFixesLine(m)).toMatch(/^office fixes=20000 syncs=\d+ max_request_bytes=\d+ total_bytes=\d+$/);
}, 120_000);

/**
 * layouts.md, "Reading limits": the limits count cells that hold a value or a formula, not cells
 * that only carry a format — a sheet formatted down to row 1,048,576 with 30 units is read
 * normally. (Its time and memory are measured by `npm run bench`, not here.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formattedToLastRow } from '../bench/formattedSheet';
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/commands';

test('30 units with borders down to row 1,048,576: checked, not refused; 30 units read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-formatted-'));
  const input = join(dir, 'formatted.xlsx');
  writeFileSync(input, formattedToLastRow(30));
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today: new Date(2026, 0, 1) };
  // Two bordered cells on each of the 1,048,545 rows below the table: 2,097,090 cells that only
  // carry a format, more than the 2,000,000-cell limit if they were counted.
  const code = await run(['check', input, '--preset', 'bd-cdvc-2024', '--json', join(dir, 'out.json')], io);
  expect(stderr).toEqual([]);
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  expect(report.units).toHaveLength(30);
  // sang_kien_15: unit i has i % 5 of 20 members → ≥ 3 (15%) when i % 5 is 3 or 4: i = 3, 4, 8, 9, … → 12 of 30.
  expect(report.indicators.find((i: { id: string }) => i.id === 'sang_kien_15')).toMatchObject({ numerator: 12, denominator: 30 });
}, 120_000);

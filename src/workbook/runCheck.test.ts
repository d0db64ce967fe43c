import { findPreset } from '../domain/presets';
import { sampleWorkbook } from '../domain/sample';
import type { CellSpec } from './plan';
import { runCheck } from './runCheck';
import { createXlsx, openXlsx } from './xlsx';

describe('runCheck on a sheet too big to read', () => {
  test('says the sheet has too many cells, not that there is no table', async () => {
    const set = findPreset('bd-cdvc-2024')!;
    const sample = sampleWorkbook(set, { units: 20, year: 2024, seed: 1, mistakes: false, title: false });
    const rows = sample.grid.rows.map((r) => r.map((v): CellSpec | null => (v === null || typeof v === 'object' ? null : { v })));
    const wb = createXlsx();
    wb.applySync({ sheets: [{ name: sample.grid.name, rows }] });
    // 21 rows of about 14 values: far more than 50 value cells.
    const opened = openXlsx(wb.toBytes(), { maxCells: 50 });
    if (!opened.ok) throw new Error(opened.error.message);
    const out = await runCheck(opened.value, { targetSet: set, today: new Date(2025, 0, 15) });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe('unreadable');
    expect(out.error.message).toContain('quá nhiều ô');
    expect(out.error.message).toContain(`"${sample.grid.name}"`);
  });
});

/**
 * Tiến độ through the Office adapter on the fake Excel: a table whose Năm column holds three
 * years gets the sheet with one native line chart per indicator group (Excel.ChartType 'Line'),
 * named after the product's chart; a second run replaces them (no chart left over, none doubled)
 * and leaves a chart the user added alone.
 */
import { createFakeExcel } from './support/fakeExcel';
import { findPreset } from '../src/domain/presets';
import { sampleWorkbook } from '../src/domain/sample';
import { officeWorkbook } from '../src/workbook/office/OfficeWorkbook';
import { runCheck } from '../src/workbook/runCheck';

describe('Tiến độ in Excel', () => {
  it('draws a line chart per indicator group; a re-run replaces them and keeps the user\'s chart', async () => {
    const set = findPreset('hy-cdgd-nq02')!;
    // 2024 with rows for 2022 and 2023 too: three years in the Năm column.
    const sample = sampleWorkbook(set, { units: 12, year: 2024, seed: 5, mistakes: false, years: [2022, 2023] });
    const fake = createFakeExcel({ sheets: [{ name: sample.grid.name, rows: sample.grid.rows }] });
    const workbook = officeWorkbook(fake.run, { isSetSupported: fake.supports });
    const today = new Date(2026, 11, 2);
    const first = await runCheck(workbook, { targetSet: set, today });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.history?.years).toEqual([2022, 2023, 2024]);
    await workbook.apply(first.plan);

    const spec = first.plan.sheets.find((s) => s.kind === 'progress')!;
    expect(spec.name).toBe('Tiến độ');
    // hy-cdgd-nq02: 17 indicators in % (charts of 6, 6 and 5 lines) and three sums alone: six charts.
    expect(spec.charts).toHaveLength(6);
    const progress = () => fake.workbookState().sheets.find((s) => s.name === 'Tiến độ')!;
    expect(progress().charts).toEqual(
      spec.charts!.map((c, k) => ({
        type: 'Line',
        source: c.data,
        seriesBy: 'Columns',
        name: k === 0 ? 'ChiTieuCDCS' : `ChiTieuCDCS ${k + 1}`,
        title: c.title,
        legend: 'Bottom',
        at: c.at.split(':'),
      })),
    );
    // Tổng hợp keeps its one column chart.
    expect(fake.workbookState().sheets.find((s) => s.name === 'Tổng hợp')!.charts.map((c) => [c.type, c.name])).toEqual([['ColumnClustered', 'ChiTieuCDCS']]);

    // The user adds a chart of their own on Tiến độ; the second run replaces only the product's.
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Tiến độ');
      const c = ws.charts.add('Pie' as never, ws.getRange('A1:B2'), 'Columns' as never);
      c.name = 'Biểu đồ của tôi';
      await ctx.sync();
    });
    const again = await runCheck(workbook, { targetSet: set, today });
    if (!again.ok) throw new Error(again.error.message);
    await workbook.apply(again.plan);
    const names = progress().charts.map((c) => c.name);
    expect(names.filter((n) => n === 'Biểu đồ của tôi')).toHaveLength(1);
    expect(names.filter((n) => n !== 'Biểu đồ của tôi').sort()).toEqual(spec.charts!.map((_, k) => (k === 0 ? 'ChiTieuCDCS' : `ChiTieuCDCS ${k + 1}`)).sort());
    expect(fake.workbookState().sheets.filter((s) => s.name.startsWith('Tiến độ'))).toHaveLength(1);
  });
});

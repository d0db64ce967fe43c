/**
 * The Office adapter against what real Excel does and the fake now models (each behaviour's page is
 * cited in test/support/fakeExcel): request sizes measured from the serialised request, fixes and
 * undo that meet a changed cell, protection and read-only mode checked before any write, Excel
 * Tables, re-runs that keep `Tổng hợp` in place, and text written as `valuesAsJson` on ExcelApi 1.16.
 */
import { createFakeExcel, type FakeSheetSeed } from '../../../test/support/fakeExcel';
import { columnLetters } from '../../domain/grid';
import { findPreset } from '../../domain/presets';
import { sampleWorkbook } from '../../domain/sample';
import { templatePlan } from '../render/templatePlan';
import { runCheck } from '../runCheck';
import { convertLegacy } from '../../domain/legacyEncoding';
import type { OutputPlan, SheetSpec } from '../plan';
import { changedCellNote } from '../interactive';
import { OfficeAdapterError } from './errors';
import { officeWorkbook } from './OfficeWorkbook';

const DATA = 'Dữ liệu';
const FOUR_MB = 4_000_000;

function setup(sheets: FakeSheetSeed[], fakeOptions?: Parameters<typeof createFakeExcel>[1]) {
  const fake = createFakeExcel({ sheets }, fakeOptions);
  const port = officeWorkbook(fake.run, { isSetSupported: fake.supports });
  return { fake, port };
}

/** "Công đoàn cơ sở số N" typed in TCVN3 (the legacy font encoding): the same words, other code points. */
const TCVN3_NAME = 'C«ng ®oµn c¬ së sè';

describe('size: every request under 4 MB, measured by the fake from the serialised request', () => {
  test('20,000 fixes in one column, then their undo', async () => {
    // Column B holds "12.000" typed as text (a number with a thousands dot): each becomes the number 12000.
    const rows = Array.from({ length: 20_001 }, (_, r) => (r === 0 ? ['Mã', 'Số ĐV'] : [`CD${r}`, `${r}.000`]));
    const { fake, port } = setup([{ name: DATA, rows }]);
    const writes = Array.from({ length: 20_000 }, (_, i) => ({ cell: `B${i + 2}`, value: (i + 1) * 1000, expected: `${i + 1}.000` }));
    const { snapshots, changed } = await port.writeCells(DATA, writes);
    expect(changed).toEqual([]);
    expect(snapshots).toHaveLength(20_000);
    expect(fake.grid(DATA)[20_000][1]).toBe(20_000_000);
    expect(Math.max(...fake.stats.requests)).toBeLessThan(FOUR_MB);
    expect(Math.max(...fake.stats.responses)).toBeLessThan(5_000_000);
    fake.resetStats();
    expect((await port.restoreCells(DATA, snapshots)).changed).toEqual([]);
    expect(fake.grid(DATA)[20_000][1]).toBe('20000.000');
    expect(Math.max(...fake.stats.requests)).toBeLessThan(FOUR_MB);
  });

  test('100,000 TCVN3 text cells (25,000 rows × 4 columns) converted, in requests under 4 MB', async () => {
    const rows: string[][] = [['Tên', 'Cấp trên', 'Địa chỉ', 'Ghi chú']];
    for (let r = 1; r <= 25_000; r++) rows.push([0, 1, 2, 3].map((c) => `${TCVN3_NAME} ${r}-${c}`));
    const { fake, port } = setup([{ name: DATA, rows }]);
    const writes = rows.slice(1).flatMap((row, r) =>
      row.map((text, c) => ({ cell: `${'ABCD'[c]}${r + 2}`, value: convertLegacy(text, 'tcvn3'), expected: text })),
    );
    expect(writes).toHaveLength(100_000);
    // Hand-checked: the TCVN3 bytes «, ®, µ, ¬, ë, è stand for ô, đ, à, ơ, ở, ố.
    expect(writes[0].value).toBe('Công đoàn cơ sở số 1-0');
    const { snapshots, changed } = await port.writeCells(DATA, writes);
    expect(changed).toEqual([]);
    expect(snapshots).toHaveLength(100_000);
    expect(fake.grid(DATA)[25_000]).toEqual([0, 1, 2, 3].map((c) => `Công đoàn cơ sở số 25000-${c}`));
    expect(fake.stats.requests.every((b) => b < FOUR_MB)).toBe(true);
    // The reads alone (values, types, formulas, formats of 100,000 ~30-byte texts, ~10 MB) cannot come back in one response.
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(3);
  });
});

describe('fixes and undo meet the workbook as it is now', () => {
  test('a cell changed since the check is skipped and listed; the others are fixed', async () => {
    const { fake, port } = setup([{ name: DATA, cells: { A1: 'Mã', D11: 'Co', D12: 'Khong', D13: 'co' } }]);
    // A co-author sorts or types over D12 after the check read "Khong".
    fake.edit(DATA, { D12: 'Đã nhập lại' });
    const { snapshots, changed } = await port.writeCells(DATA, [
      { cell: 'D11', value: 'Có', expected: 'Co' },
      { cell: 'D12', value: 'Không', expected: 'Khong' },
      { cell: 'D13', value: 'Có', expected: 'co' },
    ]);
    expect(changed).toEqual(['D12']);
    expect(snapshots.map((s) => s.cell)).toEqual(['D11', 'D13']);
    expect(fake.grid(DATA).slice(10, 13).map((r) => r[3])).toEqual(['Có', 'Đã nhập lại', 'Có']);
  });

  test('undo leaves a cell edited after the fix, puts back the others, and lists it', async () => {
    const { fake, port } = setup([{ name: DATA, cells: { D11: 'Co', D12: 'Khong' } }]);
    const { snapshots } = await port.writeCells(DATA, [
      { cell: 'D11', value: 'Có', expected: 'Co' },
      { cell: 'D12', value: 'Không', expected: 'Khong' },
    ]);
    fake.edit(DATA, { D11: 'Người dùng sửa' });
    expect(await port.restoreCells(DATA, snapshots)).toEqual({ changed: ['D11'] });
    expect(fake.grid(DATA).slice(10, 12).map((r) => r[3])).toEqual(['Người dùng sửa', 'Khong']);
  });
});

/** A status patch of two rows below a header, starting at column D. */
function patch(startCol = 3): OutputPlan {
  return {
    data: {
      sheet: DATA,
      clearCols: [],
      clearFromRow: 1,
      startCol,
      rows: [
        { row: 1, cells: [{ v: 'Kết quả: chỉ tiêu 1', s: 'output_header' }] },
        { row: 2, cells: [{ v: 'Đạt', s: 'status_DAT' }] },
        { row: 3, cells: [{ v: 'Chưa đạt', s: 'status_CHUA_DAT' }] },
      ],
      colWidths: [20],
    },
    sheets: [{ name: 'Tổng hợp', kind: 'summary', rows: [[{ v: 'Tổng hợp' }]] }],
  };
}

const seed = (extra: Partial<FakeSheetSeed> = {}): FakeSheetSeed => ({ name: DATA, cells: { A1: 'Mã', B1: 'Tên', C1: 'Số', A2: 'CD1', A3: 'CD2' }, ...extra });

describe('preflight: refused before anything is written, saying what to unprotect', () => {
  test('a protected data sheet', async () => {
    const { fake, port } = setup([seed({ protected: true })]);
    const before = fake.workbookState();
    const err = await port.apply(patch()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeAdapterError);
    expect((err as Error).message).toBe(`Sheet "${DATA}" đang được bảo vệ nên chưa ghi gì. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi chạy lại.`);
    expect(fake.workbookState()).toEqual(before);
    // One look-up, no write request.
    expect(fake.stats.syncs).toBe(1);
  });

  test('a protected workbook structure when a sheet must be added; fine when none is', async () => {
    const { fake, port } = setup([seed()], { structureProtected: true });
    const before = fake.workbookState();
    const err = await port.apply(patch()).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'Cấu trúc sổ làm việc đang được bảo vệ (cần thêm, đổi tên hoặc xóa sheet "Tổng hợp") nên chưa ghi gì. Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi chạy lại.',
    );
    expect(fake.workbookState()).toEqual(before);
    await port.apply({ ...patch(), sheets: [] });
    expect(fake.grid(DATA)[1][3]).toBe('Đạt');
  });

  test('a read-only workbook: apply, fixes and clear all refuse, nothing changes', async () => {
    const { fake, port } = setup([seed()], { readOnly: true });
    const before = fake.workbookState();
    const text = 'Tệp đang mở ở chế độ chỉ đọc nên chưa ghi gì. Hãy bật chỉnh sửa (Chỉnh sửa sổ làm việc) hoặc lưu một bản sao có thể sửa, rồi chạy lại.';
    await expect(port.apply(patch())).rejects.toThrow(text);
    await expect(port.writeCells(DATA, [{ cell: 'A2', value: 'CD01' }])).rejects.toThrow(text);
    await expect(port.clear({ sheets: ['Tổng hợp'], data: { sheet: DATA, cols: [3], fromRow: 1 } })).rejects.toThrow(text);
    expect(fake.workbookState()).toEqual(before);
  });

  test('fixes on a protected sheet: refused in the read sync, no write sent', async () => {
    const { fake, port } = setup([seed({ protected: true })]);
    await expect(port.writeCells(DATA, [{ cell: 'A2', value: 'CD01' }])).rejects.toThrow(`Sheet "${DATA}" đang được bảo vệ`);
    expect(fake.stats.syncs).toBe(1);
  });
});

describe('Excel Tables', () => {
  test('status columns next to a table go one column further right; the table keeps its range', async () => {
    // The table covers A1:C3; the plan puts the status column in D, touching it: Excel would grow the table over D.
    const { fake, port } = setup([seed({ tables: [{ name: 'DonVi', range: 'A1:C3' }] })]);
    await port.apply(patch(3));
    const state = fake.workbookState().sheets[0];
    expect(state.tables).toEqual([{ name: 'DonVi', range: 'A1:C3' }]);
    expect(fake.grid(DATA).map((r) => r.slice(3))).toEqual([[null, 'Kết quả: chỉ tiêu 1'], [null, 'Đạt'], [null, 'Chưa đạt']]);
  });
});

describe('re-runs keep Tổng hợp in place', () => {
  const summary = (n: number): SheetSpec => ({
    name: 'Tổng hợp',
    kind: 'summary',
    rows: [[{ v: 'Tổng hợp' }], [{ v: 'Đạt' }, { v: n }]],
    chart: { title: 'Kết quả', data: 'A2:B2', at: 'D2:H10' },
  });

  test("a formula elsewhere pointing into Tổng hợp keeps working; only the product's chart is replaced; undo history is kept", async () => {
    const { fake, port } = setup([seed()]);
    await port.apply({ sheets: [summary(5)] });
    // The user adds a link to the summary and a chart of their own on it.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(DATA).getRange('F1').formulas = [["='Tổng hợp'!B2"]];
      const ws = ctx.workbook.worksheets.getItem('Tổng hợp');
      ws.charts.add('Pie', ws.getRange('A2:B2'), 'Columns').name = 'Của tôi';
      await ctx.sync();
    });
    await port.apply({ sheets: [summary(7)] });
    const state = fake.workbookState();
    expect(state.sheets.map((s) => s.name)).toEqual([DATA, 'Tổng hợp']);
    expect(state.sheets[0].cells.F1.formula).toBe("='Tổng hợp'!B2");
    expect(fake.grid(DATA)[0][5]).toBe(7);
    expect(state.sheets[1].charts.map((c) => c.name).sort()).toEqual(['ChiTieuCDCS', 'Của tôi']);
    // No Worksheet.delete: nothing cleared the user's undo stack.
    expect(fake.stats.undoCleared).toBe(0);
  });
});

describe('text that must stay text', () => {
  const plan: OutputPlan = { sheets: [{ name: 'Danh sách', rows: [[{ v: '=1+1' }, { v: '+84 912 345 678' }, { v: 'TRUE' }, { v: 3 }]] }] };

  test('ExcelApi 1.16: written as valuesAsJson strings, the number format left General', async () => {
    const { fake, port } = setup([seed()], { apiVersion: '1.16' });
    await port.apply(plan);
    const cells = fake.workbookState().sheets[1].cells;
    expect([cells.A1, cells.B1, cells.C1, cells.D1]).toEqual([
      { value: '=1+1', type: 'String', numberFormat: 'General' },
      { value: '+84 912 345 678', type: 'String', numberFormat: 'General' },
      { value: 'TRUE', type: 'String', numberFormat: 'General' },
      { value: 3, type: 'Double', numberFormat: 'General' },
    ]);
  });

  test('ExcelApi 1.9: the same text kept by the text number format (@)', async () => {
    const { fake, port } = setup([seed()]);
    await port.apply(plan);
    const cells = fake.workbookState().sheets[1].cells;
    expect([cells.A1, cells.B1, cells.C1].map((c) => [c.value, c.type, c.numberFormat])).toEqual([
      ['=1+1', 'String', '@'],
      ['+84 912 345 678', 'String', '@'],
      ['TRUE', 'String', '@'],
    ]);
  });
});

describe('hidden rows', () => {
  test('read with the sheet: none costs nothing extra; some are found block by block', async () => {
    const plain = setup([seed()]);
    const grid = await plain.port.readSheet(DATA);
    expect(grid.hiddenRows).toBeUndefined();
    expect(plain.fake.stats.syncs).toBe(2);
    // Rows 2 and 3 of 3, and row 2,000 of a longer sheet: rows 1–1,024 are a mixed block, 1,025–2,048 too.
    const rows = Array.from({ length: 2_100 }, (_, r) => [`CD${r + 1}`]);
    const { fake, port } = setup([{ name: DATA, rows, hiddenRows: [2, 3, 2000] }]);
    expect((await port.readSheet(DATA)).hiddenRows).toEqual([2, 3, 2000]);
    // read 2 (one chunk), blocks 1, rows of the mixed blocks 1
    expect(fake.stats.syncs).toBe(4);
  });
});

test('the line the pane shows for a skipped cell', () => {
  expect(changedCellNote('D12')).toBe('ô D12 đã thay đổi sau khi kiểm tra — bỏ qua');
});

describe('what the plan asks beyond cells (page footer, print area and titles, active sheet, protection, number rules, column groups)', () => {
  test('a template twice: the target sheet protected without a password (input cells open), rules with messages, technical columns grouped', async () => {
    const { fake, port } = setup([{ name: 'Sheet1' }], { apiVersion: '1.10' });
    const plan = templatePlan(findPreset('bd-cdvc-2024')!);
    const targetSpec = plan.sheets.find((s) => s.protection);
    expect(targetSpec).toBeDefined();
    await port.apply(plan);
    // Again: the product's own protected sheet is unprotected, rewritten and protected again.
    await port.apply(plan);
    const state = fake.workbookState();
    const target = state.sheets.find((s) => s.name === targetSpec!.name)!;
    expect(target.protected).toBe(true);
    expect(target.protectionOptions).toEqual({ allowFormatColumns: targetSpec!.protection!.allowFormatColumns, allowFormatRows: targetSpec!.protection!.allowFormatRows });
    const open = Object.values(target.cells).filter((c) => c.format?.locked === false);
    expect(open.length).toBeGreaterThan(0);
    for (const s of plan.sheets) {
      const got = state.sheets.find((x) => x.name === s.name)!;
      expect(got.columnGroups).toEqual((s.columnGroups ?? []).map((g) => ({ from: columnLetters(g.from), to: columnLetters(g.to), collapsed: g.collapsed })));
      const rules = s.numberRules ?? [];
      for (const n of rules) {
        const v = got.validations.find((x) => x.range === n.range);
        expect(v).toMatchObject({ prompt: { showPrompt: true, title: n.prompt.title, message: n.prompt.text }, errorAlert: { showAlert: true, style: 'Stop', title: n.error.title } });
      }
    }
    expect(fake.stats.undoCleared).toBe(0);
  });

  test("a checked return: the data sheet's frozen panes and print titles, Tổng hợp's footer and print area, the active sheet", async () => {
    const { fake, port } = setup([{ name: DATA, rows: sampleWorkbook(findPreset('bd-cdvc-2024')!, { units: 30, year: 2024, seed: 3, mistakes: false }).grid.rows as unknown[][] }]);
    const out = await runCheck(port, { targetSet: findPreset('bd-cdvc-2024')!, year: 2024, today: new Date(2024, 11, 31) });
    if (!out.ok) throw new Error(out.error.message);
    await port.apply(out.plan);
    const state = fake.workbookState();
    const view = out.plan.data?.view;
    if (view) {
      expect(state.sheets[0].freeze).toEqual(view.freeze.rows || view.freeze.cols ? view.freeze : null);
      if (view.printTitleRows) expect(state.sheets[0].page.printTitleRows).toBe(`$${view.printTitleRows[0]}:$${view.printTitleRows[1]}`);
    }
    for (const s of out.plan.sheets) {
      const got = state.sheets.find((x) => x.name === s.name)!;
      if (s.page?.footer) expect(got.page.footer).toBe(s.page.footer);
      if (s.page?.printArea) expect(got.page.printArea).toBe(s.page.printArea);
    }
    if (out.plan.activeSheet) expect(state.activeSheet).toBe(out.plan.activeSheet);
  });
});

test('ExcelApi 1.16: fixes and their undo keep text as text without touching number formats', async () => {
  const { fake, port } = setup([{ name: DATA, cells: { A1: 'Co', B1: '12', C1: 'x' }, numberFormats: { B1: '@', C1: '0.00' } }], { apiVersion: '1.16' });
  const before = fake.workbookState();
  const { snapshots } = await port.writeCells(DATA, [
    { cell: 'A1', value: '=Có', expected: 'Co' },
    { cell: 'B1', value: 12, expected: '12' },
    { cell: 'C1', value: '+84 1', expected: 'x' },
  ]);
  const cells = fake.workbookState().sheets[0].cells;
  // A1: a formula-looking text stays text in a General cell; B1: the number leaves the text format
  // for General; C1: the text keeps the cell's own format 0.00.
  expect([cells.A1, cells.B1, cells.C1].map((c) => [c.value, c.type, c.numberFormat])).toEqual([
    ['=Có', 'String', 'General'],
    [12, 'Double', 'General'],
    ['+84 1', 'String', '0.00'],
  ]);
  await port.restoreCells(DATA, snapshots);
  expect(fake.workbookState().sheets).toEqual(before.sheets);
});

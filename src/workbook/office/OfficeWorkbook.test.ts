/**
 * The Office adapter on the fake Excel: round trips, payload sizes, chunking and recovery,
 * formats in batches, text that must stay text, sheets replaced in place, errors.
 * (What both adapters share is in test/contract.)
 */
import { createFakeExcel, type FakeExcel, type FakeSheetSeed } from '../../../test/support/fakeExcel';
import { FakeWorksheet } from '../../../test/support/fakeExcel/proxies';
import { findPreset } from '../../domain/presets';
import type { OutputPlan, SheetSpec } from '../plan';
import { templatePlan } from '../render/templatePlan';
import { OfficeAdapterError, officeErrorMessage } from './errors';
import { officeWorkbook, type OfficeWorkbookOptions } from './OfficeWorkbook';

const DATA = 'Dữ liệu';
const STATUSES = ['status_DAT', 'status_CHUA_DAT', 'status_THIEU_DU_LIEU', 'status_KHONG_AP_DUNG'] as const;
const LABEL = { status_DAT: 'Đạt', status_CHUA_DAT: 'Chưa đạt', status_THIEU_DU_LIEU: 'Thiếu dữ liệu', status_KHONG_AP_DUNG: 'Không áp dụng' };

function setup(sheets: FakeSheetSeed[], fakeOptions?: Parameters<typeof createFakeExcel>[1], options: OfficeWorkbookOptions = {}) {
  const fake = createFakeExcel({ sheets }, fakeOptions);
  const port = officeWorkbook(fake.run, { isSetSupported: fake.supports, ...options });
  return { fake, port };
}

/** A status block of `rows` units × `cols` columns with statuses from a fixed pseudo-random sequence. */
function statusPlan(rows: number, cols = 4, sheets: SheetSpec[] = []): OutputPlan {
  let seed = 11;
  const pick = () => STATUSES[(seed = (seed * 1103515245 + 12345) % 2147483648) % 4];
  return {
    data: {
      sheet: DATA,
      clearCols: [],
      clearFromRow: 1,
      startCol: 3,
      rows: [
        { row: 1, cells: Array.from({ length: cols }, (_, i) => ({ v: `Kết quả: chỉ tiêu ${i + 1}`, s: 'output_header' as const })) },
        ...Array.from({ length: rows }, (_, r) => ({
          row: r + 2,
          cells: Array.from({ length: cols }, () => {
            const s = pick();
            return { v: LABEL[s], s };
          }),
        })),
      ],
      colWidths: Array.from({ length: cols }, () => 22),
    },
    sheets,
  };
}

function dataSheet(rows: number): FakeSheetSeed {
  const cells: Record<string, unknown> = { A1: 'Mã đơn vị', B1: 'Tên đơn vị' };
  for (let r = 2; r <= rows + 1; r++) (cells[`A${r}`] = `CD${r}`), (cells[`B${r}`] = `Công đoàn cơ sở số ${r}`);
  return { name: DATA, cells };
}

describe('readSheet', () => {
  test('two syncs; A1 at [0][0]; errors, booleans, blanks; trailing blanks dropped', async () => {
    const { fake, port } = setup([
      { name: DATA, cells: { C3: 'x', D3: 1.5, C4: { error: '#DIV/0!' }, E4: true, C6: 0 }, formulas: { F3: '=1+1' }, formats: { H9: { fill: '#FF0000' } } },
    ]);
    const grid = await port.readSheet(DATA);
    expect(grid).toEqual({
      name: DATA,
      rows: [[], [], [null, null, 'x', 1.5, null, 2], [null, null, { error: '#DIV/0!' }, null, true], [], [null, null, 0]],
      // Cells with anything (the fill on H9 too) span C3:H9: rows 3–6 of those read reach column H (index 7).
      blankCellExtent: Int32Array.from([-1, -1, 7, 7, 7, 7]),
    });
    expect(fake.stats.syncs).toBe(2);
    expect(port.lastStats().syncs).toBe(2);
  });

  test('an empty sheet reads as no rows; the real name is returned for a case-insensitive match', async () => {
    const { port } = setup([{ name: DATA, cells: { A1: 1 } }, { name: 'Trống' }]);
    expect(await port.readSheet('trống')).toEqual({ name: 'Trống', rows: [] });
  });

  test('an unknown sheet: the adapter says so in Vietnamese', async () => {
    const { port } = setup([{ name: DATA }]);
    const err = await port.readSheet('Không có').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeAdapterError);
    expect(officeErrorMessage(err)).toBe('Không có sheet "Không có" trong tệp. Hãy kiểm tra lại tên sheet.');
  });

  test('big sheets are read in row chunks under the budget, with the same result', async () => {
    const { fake, port } = setup([dataSheet(3000)], { limitBytes: 100_000 }, { maxPayloadBytes: 50_000 });
    const grid = await port.readSheet(DATA);
    expect(grid.rows).toEqual(fake.grid(DATA));
    expect(fake.stats.syncs).toBeGreaterThan(4);
    // the first chunk is sized from a guess, the next ones from what the first weighed
    expect(Math.max(...fake.stats.responses)).toBeLessThan(100_000);
    expect(Math.max(...fake.stats.responses.slice(2))).toBeLessThan(50_000);
  });

  test('when the estimate is too low (long texts), a chunk Excel refuses is read again in halves', async () => {
    const cells: Record<string, unknown> = {};
    for (let r = 1; r <= 400; r++) cells[`A${r}`] = `Đơn vị ${r} `.repeat(30);
    const { fake, port } = setup([{ name: DATA, cells }], { limitBytes: 60_000 }, { maxPayloadBytes: 1_000_000 });
    const grid = await port.readSheet(DATA);
    expect(grid.rows).toEqual(fake.grid(DATA));
    expect(fake.stats.responses.some((b) => b > 60_000)).toBe(true); // refused at least once
  });
});

describe('apply', () => {
  test('text from users never becomes a formula, a number or a boolean', async () => {
    const texts = ['=1+1', '+84912345678', '-5', '@SUM(A1)', 'TRUE', '0123', '#N/A'];
    const { fake, port } = setup([dataSheet(2)]);
    await port.apply({
      data: { sheet: DATA, clearCols: [], clearFromRow: 1, startCol: 3, rows: [{ row: 2, cells: texts.map((v) => ({ v })) }], colWidths: [] },
      sheets: [{ name: 'Tên', rows: [texts.map((v) => ({ v, s: 'cell' as const }))] }],
    });
    expect(fake.grid(DATA)[1].slice(3)).toEqual(texts);
    expect(fake.grid('Tên')).toEqual([texts]);
    for (const sheet of fake.workbookState().sheets) {
      for (const cell of Object.values(sheet.cells)) {
        if (!texts.includes(cell.value as string)) continue;
        expect(cell).toMatchObject({ type: 'String', numberFormat: '@' });
        expect(cell.formula).toBeUndefined();
      }
    }
  });

  test('the meeting document\'s styles: Times New Roman set on the cells, ✓/✗ as a text format beside the word, codes shrunk', async () => {
    const { fake, port } = setup([dataSheet(1)]);
    await port.apply({
      sheets: [{ name: 'Tổng hợp', rows: [[{ v: 'Đạt', s: 'status_DAT' }, { v: 'Chưa đạt', s: 'status_CHUA_DAT' }, { v: 'sang_kien_15', s: 'code_small' }]] }],
    });
    const cells = fake.workbookState().sheets[1].cells;
    // The cell holds the word (filters and formulas match it); the format shows the mark in front.
    expect(cells.A1).toMatchObject({ value: 'Đạt', type: 'String', numberFormat: '"✓ "@' });
    expect(cells.B1).toMatchObject({ value: 'Chưa đạt', type: 'String', numberFormat: '"✗ "@' });
    for (const c of [cells.A1, cells.B1, cells.C1]) expect(c.format?.font?.name).toBe('Times New Roman');
    expect(cells.C1.format?.shrinkToFit).toBe(true);
  });

  test('numbers keep their style number format; booleans and numbers are not text', async () => {
    const { fake, port } = setup([dataSheet(1)]);
    await port.apply({ sheets: [{ name: 'Số', rows: [[{ v: 1234567, s: 'cell_number' }, { v: 2 }, { v: false }, { v: -0 }, { v: NaN }]] }] });
    const cells = fake.workbookState().sheets[1].cells;
    expect(cells.A1).toMatchObject({ value: 1234567, type: 'Double', numberFormat: '#,##0' });
    expect(cells.B1).toMatchObject({ value: 2, numberFormat: 'General' });
    expect(cells.C1).toMatchObject({ value: false, type: 'Boolean' });
    expect(cells.D1.value).toBe(0);
    expect(cells.E1).toBeUndefined();
  });

  test('formats go by style in batches (RangeAreas), never cell by cell; 3 syncs', async () => {
    const { fake, port } = setup([dataSheet(2000)]);
    const getRange = jest.spyOn(FakeWorksheet.prototype, 'getRange');
    const getRanges = jest.spyOn(FakeWorksheet.prototype, 'getRanges');
    try {
      await port.apply(statusPlan(2000));
      // 8,004 styled cells: a few RangeAreas per style (address chunks), a handful of plain ranges
      expect(getRanges.mock.calls.length).toBeLessThan(60);
      expect(getRange.mock.calls.length).toBeLessThan(10);
    } finally {
      getRange.mockRestore();
      getRanges.mockRestore();
    }
    // The look-up (sheets, protection, mode), the second look (used range, tables), one write.
    expect(fake.stats.syncs).toBe(3);
    const cells = fake.workbookState().sheets[0].cells;
    expect(cells.D1.format).toMatchObject({ fill: '#DDEBF7', font: { bold: true }, wrapText: true });
    const plan = statusPlan(2000);
    for (const r of plan.data!.rows.slice(1, 200)) {
      r.cells.forEach((c, i) => {
        const ref = String.fromCharCode(68 + i) + r.row;
        const fill = { status_DAT: '#C6EFCE', status_CHUA_DAT: '#FFC7CE', status_THIEU_DU_LIEU: '#FFEB9C', status_KHONG_AP_DUNG: '#E7E6E6' }[c.s as (typeof STATUSES)[number]];
        expect({ ref, value: cells[ref].value, fill: cells[ref].format?.fill }).toEqual({ ref, value: c.v, fill });
        expect(cells[ref].format?.borders).toEqual({
          top: { style: 'Continuous' },
          bottom: { style: 'Continuous' },
          left: { style: 'Continuous' },
          right: { style: 'Continuous' },
        });
      });
    }
    expect(fake.workbookState().sheets[0].colWidths).toEqual({ D: 119.25, E: 119.25, F: 119.25, G: 119.25 });
  });

  test('without ExcelApi 1.9: one range per rectangle, no page layout, the same cells and formats', async () => {
    const summary: SheetSpec = { name: 'Tổng hợp', rows: [[{ v: 'Tiêu đề', s: 'title' }]], page: { landscape: true, fitToWidth: true } };
    const modern = setup([dataSheet(300)]);
    await modern.port.apply(statusPlan(300, 4, [summary]));
    const old = setup([dataSheet(300)], { apiVersion: '1.8' });
    const getRanges = jest.spyOn(FakeWorksheet.prototype, 'getRanges');
    try {
      await old.port.apply(statusPlan(300, 4, [summary]));
      expect(getRanges).not.toHaveBeenCalled();
    } finally {
      getRanges.mockRestore();
    }
    const a = modern.fake.workbookState().sheets;
    const b = old.fake.workbookState().sheets;
    expect(b[0]).toEqual(a[0]);
    expect(b[1].cells).toEqual(a[1].cells);
    expect(a[1].page).toMatchObject({ orientation: 'Landscape' });
    expect(b[1].page).toEqual({});
  });

  test('a request Excel refuses as too big is sent again in halves', async () => {
    const reference = setup([dataSheet(1500)]);
    await reference.port.apply(statusPlan(1500, 6));
    const tight = setup([dataSheet(1500)], { limitBytes: 100_000 }, { maxPayloadBytes: 200_000 });
    await tight.port.apply(statusPlan(1500, 6));
    expect(tight.fake.stats.requests.some((b) => b > 100_000)).toBe(true);
    expect(tight.fake.workbookState().sheets).toEqual(reference.fake.workbookState().sheets);
  });

  test('writes are packed under the budget: a smaller budget, more syncs, each request under it', async () => {
    const roomy = setup([dataSheet(4000)]);
    await roomy.port.apply(statusPlan(4000, 6));
    expect(roomy.fake.stats.syncs).toBe(3);
    const { fake, port } = setup([dataSheet(4000)], { limitBytes: 150_000 }, { maxPayloadBytes: 100_000 });
    await port.apply(statusPlan(4000, 6));
    expect(fake.stats.syncs).toBeGreaterThan(4);
    expect(Math.max(...fake.stats.requests)).toBeLessThan(150_000);
    expect(fake.workbookState().sheets).toEqual(roomy.fake.workbookState().sheets);
  });

  test('stale output columns are cleared (values and formats) from the header down; cells above stay', async () => {
    const { fake, port } = setup([
      {
        name: DATA,
        cells: { A1: 'tiêu đề', A3: 'Mã đơn vị', J1: 'ghi chú của tôi', J3: 'Kết quả: cũ', J4: 'Đạt', K9: 'Đạt' },
        formats: { J4: { fill: '#C6EFCE' }, K9: { fill: '#C6EFCE' } },
      },
    ]);
    await port.apply({
      data: { sheet: DATA, clearCols: [9, 10], clearFromRow: 3, startCol: 5, rows: [{ row: 3, cells: [{ v: 'Kết quả: mới', s: 'output_header' }] }], colWidths: [22] },
      sheets: [],
    });
    const cells = fake.workbookState().sheets[0].cells;
    expect(cells.J1.value).toBe('ghi chú của tôi');
    expect(cells.J3).toBeUndefined();
    expect(cells.J4).toBeUndefined();
    expect(cells.K9).toBeUndefined();
    expect(cells.F3.value).toBe('Kết quả: mới');
  });

  test('an existing sheet of ours is emptied and rewritten in place (position kept, renamed to our spelling)', async () => {
    const { fake, port } = setup([
      dataSheet(2),
      { name: 'tổng hợp', cells: { A1: 'cũ', Z50: 'rác' }, formats: { B2: { fill: '#FF0000' } } },
      { name: 'Sau', cells: { A1: 1 } },
    ]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('tổng hợp');
      ws.getRange('A1:C1').merge();
      ws.getRange('D1:D5').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      ws.freezePanes.freezeRows(2);
      ws.getRange('A:A').format.columnWidth = 200;
      await ctx.sync();
    });
    const spec: SheetSpec = {
      name: 'Tổng hợp',
      rows: [[{ v: 'MỚI', s: 'title' }], [], [{ v: 'Mã', s: 'table_header' }, { v: 'Đạt', s: 'status_DAT', link: { sheet: DATA, cell: 'A2' } }]],
      colWidths: [16, 44],
      rowHeights: { 1: 22, 3: 30 },
      merges: ['A1:G1'],
      freeze: { rows: 3, cols: 1 },
      validations: [{ range: 'E4:E9', list: ['Đạt', 'Chưa đạt'] }, { range: 'F4:F9', list: ['a,b', 'c'] }],
      page: { landscape: true, fitToWidth: true, printTitleRows: [3, 3] },
    };
    await port.apply({ sheets: [spec] });
    await port.apply({ sheets: [spec] }); // twice: the same
    const state = fake.workbookState();
    expect(state.sheets.map((s) => s.name)).toEqual([DATA, 'Tổng hợp', 'Sau']);
    const s = state.sheets[1];
    expect(fake.grid('Tổng hợp')).toEqual([['MỚI'], [], ['Mã', 'Đạt']]);
    expect(s.cells.B2).toBeUndefined();
    expect(s.merges).toEqual(['A1:G1']);
    expect(s.freeze).toEqual({ rows: 3, cols: 1 });
    expect(s.validations).toEqual([{ range: 'E4:E9', rule: { list: { inCellDropDown: true, source: 'Đạt,Chưa đạt' } } }]);
    expect(s.colWidths).toEqual({ A: 87.75, B: 234.75 });
    expect(s.rowHeights).toEqual({ 1: 22, 3: 30 });
    expect(s.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$3:$3', centerHorizontally: true });
    expect(s.cells.B3.hyperlink).toEqual({ documentReference: `'${DATA}'!A2`, textToDisplay: 'Đạt' });
    // the merged title: every cell of the merge carries the title style
    expect(s.cells.G1.format).toEqual(s.cells.A1.format);
  });

  test('a template: drop-down lists for choice columns, frozen header, the target sheet', async () => {
    const { fake, port } = setup([{ name: 'Sheet1' }]);
    await port.apply(templatePlan(findPreset('bd-cdvc-2024')!));
    const [, data, targets] = fake.workbookState().sheets;
    expect(data.freeze).toEqual({ rows: 1, cols: 2 });
    expect(data.validations.length).toBeGreaterThan(3);
    expect(data.validations).toContainEqual(expect.objectContaining({ rule: { list: { inCellDropDown: true, source: 'Có,Không' } } }));
    expect(data.validations.every((v) => /^[A-Z]+2:[A-Z]+1001$/.test(v.range))).toBe(true);
    expect(targets.name).toBe('Chỉ tiêu');
    expect(fake.stats.syncs).toBe(2);
  });

  test('one-row merges on consecutive rows go in one command each run', async () => {
    const { fake, port } = setup([dataSheet(1)]);
    const rows = Array.from({ length: 500 }, (_, i) => [{ v: i + 1, s: 'cell_center' as const, link: { sheet: DATA, cell: `A${i + 1}` } }, null, null, null, { v: `Đơn vị ${i}`, s: 'cell' as const }]);
    const merges = rows.map((_, i) => `E${i + 1}:G${i + 1}`);
    await port.apply({ sheets: [{ name: 'Danh sách', rows, merges }] });
    const s = fake.workbookState().sheets[1];
    expect(s.merges).toHaveLength(500);
    expect(s.merges[499]).toBe('E500:G500');
    expect(s.cells.A7).toMatchObject({ value: 7, type: 'Double', hyperlink: { documentReference: `'${DATA}'!A7` } });
    expect(fake.stats.syncs).toBe(2);
  });

  test('progress goes from 0 to 1 with a Vietnamese label', async () => {
    const seen: [number, string][] = [];
    const { port } = setup([dataSheet(3000)], undefined, { maxPayloadBytes: 200_000, onProgress: (f, l) => seen.push([f, l]) });
    await port.readSheet(DATA);
    await port.apply(statusPlan(3000));
    const writes = seen.filter(([, l]) => l === 'Đang ghi kết quả…').map(([f]) => f);
    expect(writes[0]).toBe(0);
    expect(writes[writes.length - 1]).toBe(1);
    expect([...writes].sort((a, b) => a - b)).toEqual(writes);
    expect(seen.some(([f, l]) => f === 1 && l === `Đang đọc sheet "${DATA}"…`)).toBe(true);
  });

  test('Excel errors reach the caller with their code; the message says what to do', async () => {
    const { fake, port } = setup([dataSheet(2)]);
    fake.failNextSync('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    const err = await port.apply(statusPlan(2)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(officeErrorMessage(err)).toBe('Hãy thoát khỏi ô đang sửa (nhấn Enter hoặc Esc) rồi thử lại.');
    const missing = await port.apply({ ...statusPlan(2), data: { ...statusPlan(2).data!, sheet: 'Đã xóa' } }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OfficeAdapterError);
  });
});

describe('interactive', () => {
  let fake: FakeExcel;
  let port: ReturnType<typeof officeWorkbook>;
  beforeEach(() => {
    ({ fake, port } = setup([
      { name: DATA, cells: { A1: 'Có ', B1: '12', C1: 5, D1: 'x', E2: '=trông như công thức' }, numberFormats: { B1: '@', D1: '0.00', E2: '@' }, formulas: { C1: '=2+3' } },
    ]));
  });

  test('writeCells: one sync to read, one to write; formulas skipped; text stays text in the cell’s own format', async () => {
    const { snapshots: snaps, changed } = await port.writeCells(DATA, [
      { cell: 'A1', value: 'Có' },
      { cell: 'B1', value: 12 },
      { cell: 'C1', value: 'không' },
      { cell: 'D1', value: '=SUM(A1)' },
    ]);
    expect(fake.stats.syncs).toBe(2);
    expect(changed).toEqual([]);
    expect(snaps).toEqual([
      { cell: 'A1', value: 'Có ', numberFormat: 'General', written: 'Có' },
      { cell: 'B1', value: '12', numberFormat: '@', written: 12 },
      { cell: 'D1', value: 'x', numberFormat: '0.00', written: '=SUM(A1)' },
    ]);
    const cells = fake.workbookState().sheets[0].cells;
    expect(cells.A1).toMatchObject({ value: 'Có', type: 'String', numberFormat: 'General' });
    expect(cells.B1).toMatchObject({ value: 12, type: 'Double', numberFormat: 'General' });
    expect(cells.C1).toMatchObject({ value: 5, formula: '=2+3' });
    expect(cells.D1).toMatchObject({ value: '=SUM(A1)', type: 'String', numberFormat: '0.00' });
    expect(cells.D1.formula).toBeUndefined();
  });

  test('a text that starts with "=" is not taken for a formula', async () => {
    const { snapshots: snaps } = await port.writeCells(DATA, [{ cell: 'E2', value: 'đã sửa' }]);
    expect(snaps).toEqual([{ cell: 'E2', value: '=trông như công thức', numberFormat: '@', written: 'đã sửa' }]);
    await port.restoreCells(DATA, snaps);
    expect(fake.workbookState().sheets[0].cells.E2).toMatchObject({ value: '=trông như công thức', type: 'String', numberFormat: '@' });
  });

  test('restoreCells puts values and number formats back exactly, also errors and blanks', async () => {
    const before = fake.workbookState();
    const { snapshots: snaps } = await port.writeCells(DATA, [
      { cell: 'A1', value: 'Có' },
      { cell: 'B1', value: 12 },
      { cell: 'D1', value: 'y' },
      { cell: 'E1', value: 'mới' },
    ]);
    await port.restoreCells(DATA, snaps);
    expect(fake.workbookState().sheets).toEqual(before.sheets);
    await port.restoreCells(DATA, [{ cell: 'F1', value: { error: '#N/A' }, numberFormat: 'General' }, { cell: 'G1', value: '=1+1', numberFormat: 'General' }]);
    expect(fake.workbookState().sheets[0].cells.F1).toMatchObject({ value: '#N/A', type: 'Error' });
    expect(fake.workbookState().sheets[0].cells.G1).toMatchObject({ value: '=1+1', type: 'String', numberFormat: 'General' });
    await port.restoreCells(DATA, [{ cell: 'H1', value: 10, formula: '=2*5', numberFormat: '0' }]);
    expect(fake.workbookState().sheets[0].cells.H1).toMatchObject({ value: 10, formula: '=2*5', numberFormat: '0' });
  });

  test('nothing to write: no round trip', async () => {
    expect(await port.writeCells(DATA, [])).toEqual({ snapshots: [], changed: [] });
    await port.restoreCells(DATA, []);
    expect(fake.stats.syncs).toBe(0);
  });

  test('clear of sheets that are not there only looks', async () => {
    await port.clear({ sheets: ['Tổng hợp'] });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.workbookState().sheets.map((s) => s.name)).toEqual([DATA]);
  });
});

describe('the chart on Tổng hợp', () => {
  test('a native column chart of target vs result; a second run leaves one chart, sheet in place, no extra sync', async () => {
    const { findPreset } = await import('../../domain/presets');
    const { sampleWorkbook } = await import('../../domain/sample');
    const { runCheck } = await import('../runCheck');
    const set = findPreset('bd-cdvc-2024')!;
    const sample = sampleWorkbook(set, { units: 30, year: 2024, seed: 7, mistakes: false });
    const fake = createFakeExcel({ sheets: [{ name: sample.grid.name, rows: sample.grid.rows }] });
    const workbook = officeWorkbook(fake.run, { isSetSupported: fake.supports });
    const today = new Date(2026, 10, 21);
    const first = await runCheck(workbook, { targetSet: set, today });
    if (!first.ok) throw new Error(first.error.message);
    await workbook.apply(first.plan);
    const chartSpec = first.plan.sheets.find((s) => s.name === 'Tổng hợp')!.chart!;
    const summary = () => fake.workbookState().sheets.find((s) => s.name === 'Tổng hợp')!;
    expect(summary().charts).toEqual([
      {
        type: 'ColumnClustered',
        source: chartSpec.data,
        seriesBy: 'Columns',
        name: 'ChiTieuCDCS',
        title: 'Mục tiêu và kết quả (%)',
        legend: 'Bottom',
        at: chartSpec.at.split(':'),
      },
    ]);
    const order = fake.workbookState().sheets.map((s) => s.name);
    const cellsBefore = summary().cells;
    const syncsBefore = fake.stats.syncs;

    const again = await runCheck(workbook, { targetSet: set, today });
    if (!again.ok) throw new Error(again.error.message);
    const readSyncs = fake.stats.syncs - syncsBefore;
    await workbook.apply(again.plan);
    expect(summary().charts).toHaveLength(1);
    expect(fake.workbookState().sheets.map((s) => s.name)).toEqual(order);
    expect(summary().cells).toEqual(cellsBefore);
    // The replacement costs no round trip of its own: apply stays at the same count as the first.
    expect(fake.stats.syncs - syncsBefore - readSyncs).toBeLessThanOrEqual(3);
  });
});

describe('readSheet: merged cells (ExcelApi 1.13)', () => {
  const seed = { name: DATA, cells: { A1: 'Khu vực', B1: 'Tên', A2: 'Nhà nước', B2: 'X', B3: 'Y' }, merges: ['A2:A3', 'C1:D1'] };

  test('where 1.13 is supported, the merges come with the first sync', async () => {
    const { fake, port } = setup([seed], { apiVersion: '1.13' });
    const grid = await port.readSheet(DATA);
    // A2:A3 → rows 2–3, column 0; C1:D1 → row 1, columns 2–3.
    expect(grid.merges).toEqual([
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]);
    expect(fake.stats.syncs).toBe(2);
  });

  test('on ExcelApi 1.9 the sheet reads without merges (the call is never made)', async () => {
    const { port } = setup([seed]);
    const grid = await port.readSheet(DATA);
    expect(grid.merges).toBeUndefined();
  });
});

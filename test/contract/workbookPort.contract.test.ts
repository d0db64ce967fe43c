/**
 * The workbook port's contract, run on both adapters: the xlsx adapter (a file written by
 * ExcelJS) and the Office adapter (on the fake Excel), seeded with the same cells. Whatever the
 * engine reads, computes and writes must not depend on which one is behind the port.
 */
import ExcelJS from 'exceljs';
import type { RawCell } from '../../src/domain/grid';
import { findTable } from '../../src/domain/header';
import type { CheckResult } from '../../src/domain/result';
import type { OutputPlan } from '../../src/workbook/plan';
import { PROBLEMS_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/workbook/render';
import { TARGET_SHEET_NAME } from '../../src/domain/targetSheet';
import { clearPlanFor } from '../../src/workbook/render/clearPlan';
import { findOwnSheets, listSheets } from '../../src/workbook/ownSheets';
import { templatePlan } from '../../src/workbook/render/templatePlan';
import { runCheck } from '../../src/workbook/runCheck';
import { samplePlan } from '../../src/workbook/xlsx/test';
import type { SheetState } from '../support/fakeExcel';
import {
  DATA,
  FORMULA_LIKE,
  NOTES,
  SET,
  SUBJECTS,
  TODAY,
  allGrids,
  fixtureSeed,
  officeFrom,
  returnSeed,
  visible,
  type WorkbookSeed,
} from './workbooks';

interface Run {
  readonly names: string[];
  readonly input: Record<string, RawCell[][]>;
  readonly result: CheckResult;
  readonly plan: OutputPlan;
  readonly output: Record<string, RawCell[][]>;
  readonly second: Record<string, RawCell[][]>;
}

/** Reads, checks, applies, and does it all again on the output. */
async function checkTwice(seed: WorkbookSeed, make: (typeof SUBJECTS)[number]['make']): Promise<Run> {
  const { port } = await make(seed);
  const names = await port.sheetNames();
  const input = await allGrids(port, true);
  const out = await runCheck(port, { targetSet: SET, today: TODAY });
  if (!out.ok) throw new Error(out.error.message);
  await port.apply(out.plan);
  const output = await allGrids(port);
  const again = await runCheck(port, { targetSet: SET, today: TODAY });
  if (!again.ok) throw new Error(again.error.message);
  await port.apply(again.plan);
  const second = await allGrids(port);
  return { names, input, result: out.result, plan: out.plan, output, second };
}

describe('both adapters read, check and write a return the same way', () => {
  const runs: Record<string, Run> = {};
  beforeAll(async () => {
    for (const s of SUBJECTS) runs[s.name] = await checkTwice(returnSeed(), s.make);
  });
  const [xlsx, office] = SUBJECTS.map((s) => s.name);

  test('sheet names', () => {
    expect(runs[xlsx].names).toEqual([DATA, NOTES]);
    expect(runs[office].names).toEqual(runs[xlsx].names);
  });

  test('readSheet: the same grid, exactly — numbers, text, booleans, error values, blanks, title rows, formula results', () => {
    const seed = returnSeed();
    for (const s of SUBJECTS) {
      const grid = runs[s.name].input[DATA];
      // A1 is [0][0]; the title sits above the header (row 4)
      expect(grid[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH');
      expect(grid[2]).toEqual([]);
      expect(grid[3][0]).toBe('STT');
      for (const [ref, v] of Object.entries(seed.sheets[0].cells)) {
        const col = ref.charCodeAt(0) - 65;
        const row = Number(ref.slice(1)) - 1;
        expect({ ref, v: grid[row][col] }).toEqual({ ref, v });
      }
      expect(runs[s.name].input[NOTES]).toEqual([['Ghi chú của người dùng'], [null, 7], [null, { error: '#N/A' }], [null, null, false], [null, null, null, 14]]);
    }
    expect(runs[office].input).toEqual(runs[xlsx].input);
  });

  test('runCheck gives the same CheckResult', () => {
    expect(runs[xlsx].result.problems.length).toBeGreaterThan(5);
    expect(runs[office].result).toEqual(runs[xlsx].result);
  });

  test('apply: the data sheet, Tổng hợp and Kiểm tra hold the same cells', () => {
    const a = runs[xlsx].output;
    const b = runs[office].output;
    // Further sheets of the plan (a unit list…) follow these; both adapters must write the same set.
    expect(Object.keys(b).slice(0, 4)).toEqual([DATA, NOTES, SUMMARY_SHEET_NAME, PROBLEMS_SHEET_NAME]);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const name of Object.keys(a)) expect({ name, rows: b[name] }).toEqual({ name, rows: a[name] });
    // the status block is there: "Kết quả: …" headers from column Q on the header row
    expect(b[DATA][3].slice(16).every((h) => typeof h === 'string' && h.length > 0)).toBe(true);
  });

  test('check + apply twice leaves the same cells as once', () => {
    for (const s of SUBJECTS) expect(runs[s.name].second).toEqual(runs[s.name].output);
  });

  test('formula-looking unit names stay text in every sheet', () => {
    for (const s of SUBJECTS) {
      const texts = (sheet: string) => runs[s.name].output[sheet].flat().filter((v): v is string => typeof v === 'string');
      for (const t of FORMULA_LIKE) {
        expect(texts(DATA)).toContain(t);
        expect(texts(PROBLEMS_SHEET_NAME)).toContain(t);
      }
    }
  });

  test("the user's cells outside the product's areas are unchanged", () => {
    for (const s of SUBJECTS) {
      const { input, output, plan } = runs[s.name];
      const startCol = plan.data!.startCol;
      const user = (rows: RawCell[][]) => rows.map((row, r) => (r + 1 >= plan.data!.clearFromRow ? row.slice(0, startCol) : row));
      expect(visible({ name: DATA, rows: user(output[DATA]) })).toEqual(visible({ name: DATA, rows: user(input[DATA]) }));
      expect(output[DATA][1][16]).toBe(2); // the formula above the header, in a status column
      expect(output[NOTES]).toEqual(input[NOTES]);
    }
  });
});

describe('both adapters apply other plans the same way', () => {
  test('a data-entry template into a new workbook: sheets, headers, the target sheet', async () => {
    const grids = [];
    for (const s of SUBJECTS) {
      const { port } = await s.make({ sheets: [{ name: 'Sheet1', cells: {} }] });
      await port.apply(templatePlan(SET));
      grids.push(await allGrids(port));
    }
    const [a, b] = grids;
    expect(Object.keys(b)).toEqual(['Sheet1', DATA, TARGET_SHEET_NAME]);
    expect(b).toEqual(a);
    expect(b[DATA][0]).toContain('Mã đơn vị');
  });

  test('the xlsx tests’ plan: status cells, formula-looking text, booleans, summary sheet', async () => {
    const grids = [];
    for (const s of SUBJECTS) {
      const { port } = await s.make(fixtureSeed());
      await port.apply(samplePlan());
      grids.push(await allGrids(port));
    }
    const [a, b] = grids;
    expect(b).toEqual(a);
    expect(b[DATA][5].slice(7)).toEqual(['=1+1', '+84912345678', 1]);
    expect(b[DATA][7].slice(7)).toEqual(['@SUM(A1)', '-5', true]);
    expect(b['Tổng hợp'][4]).toEqual(['sang_kien_15', 'Tỷ lệ CĐCS có sáng kiến', 0.9, 1234567, 'Đạt']);
  });
});

describe('Office adapter on the fake Excel: what only Excel has', () => {
  const cellsOf = (state: SheetState) => state.cells;

  test('formula-looking text is stored as text (no formula, number format @), user formulas stay formulas', async () => {
    const { port, fake } = officeFrom(returnSeed());
    const out = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    await port.apply(out.plan);
    const state = fake.workbookState();
    for (const sheet of state.sheets) {
      for (const [ref, cell] of Object.entries(cellsOf(sheet))) {
        if (typeof cell.value === 'string' && (FORMULA_LIKE as readonly string[]).includes(cell.value)) {
          expect({ sheet: sheet.name, ref, formula: cell.formula, type: cell.type }).toEqual({ sheet: sheet.name, ref, formula: undefined, type: 'String' });
        }
      }
    }
    const problems = state.sheets.find((s) => s.name === PROBLEMS_SHEET_NAME)!;
    const copied = Object.values(problems.cells).filter((c) => c.value === '=1+1');
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((c) => c.numberFormat === '@')).toBe(true);
    expect(cellsOf(state.sheets[0]).Q2).toMatchObject({ formula: '=1+1', value: 2 });
    expect(cellsOf(state.sheets[1]).D5).toMatchObject({ formula: '=B2*2', value: 14 });
  });

  test("every user cell keeps its value, formula, number format and fill; Ghi chú is untouched", async () => {
    const { port, fake } = officeFrom(returnSeed());
    const before = fake.workbookState();
    const out = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    await port.apply(out.plan);
    const after = fake.workbookState();
    const data = out.plan.data!;
    const ours = (ref: string) => {
      const col = ref.charCodeAt(0) - 65;
      const row = Number(ref.slice(1));
      return row >= data.clearFromRow && col >= data.startCol;
    };
    for (const [ref, cell] of Object.entries(before.sheets[0].cells)) if (!ours(ref)) expect({ ref, cell: after.sheets[0].cells[ref] }).toEqual({ ref, cell });
    expect(after.sheets[1]).toEqual(before.sheets[1]);
  });

  test('the written sheets: formats by style, merges, widths, freeze, page layout, hyperlinks', async () => {
    const { port, fake } = officeFrom(returnSeed());
    const out = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    await port.apply(out.plan);
    const state = fake.workbookState();
    const data = state.sheets[0];
    const header = out.result.layout.headerRow;
    expect(data.cells[`Q${header}`].format).toMatchObject({ fill: '#DDEBF7', font: { bold: true, color: '#1F3864' }, wrapText: true });
    const dat = Object.values(data.cells).filter((c) => c.value === 'Đạt');
    expect(dat.length).toBeGreaterThan(0);
    for (const c of dat) expect(c.format).toMatchObject({ fill: '#C6EFCE', font: { bold: true, color: '#006100' }, horizontalAlignment: 'Center' });
    expect(Object.keys(data.colWidths)).toEqual(['Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X'].slice(0, out.plan.data!.colWidths.length));

    const summary = state.sheets[2];
    expect(summary.name).toBe(SUMMARY_SHEET_NAME);
    expect(summary.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: expect.any(Number) } });
    // A whole number of pages from 1: 0 is not a documented value (PageLayoutZoomOptions).
    expect(summary.page.zoom?.verticalFitToPages).toBeGreaterThanOrEqual(1);
    // The table has 8 columns (A–H, Mã last): the motto block spans E–H.
    expect(summary.merges).toEqual(expect.arrayContaining(['A1:C1', 'E1:H1']));
    expect(summary.colWidths.B).toBeGreaterThan(summary.colWidths.A);
    const problems = state.sheets[3];
    expect(problems.freeze).toEqual({ rows: 3, cols: 0 });
    expect(problems.page.printTitleRows).toBe('$3:$3');
    const link = problems.cells.B4;
    expect(link.hyperlink).toEqual({ documentReference: `'${DATA}'!${link.value}`, textToDisplay: link.value });
    expect(link.format).toMatchObject({ font: { underline: 'Single', color: '#0563C1' } });
  });

  test('writeCells applies the engine’s fixes as text or numbers, skips formulas; restoreCells puts every cell back', async () => {
    const { port, fake } = officeFrom(returnSeed());
    const out = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    const fixes = out.result.fixes;
    expect(fixes.length).toBeGreaterThan(1);
    const before = fake.workbookState();
    const writes = [...fixes.map((f) => ({ cell: f.cell, value: f.value })), { cell: 'Q2', value: 'không ghi đè công thức' }, { cell: 'P20', value: '=2+2' }];
    const { snapshots } = await port.writeCells(DATA, writes);
    expect(snapshots.map((s) => s.cell)).toEqual([...fixes.map((f) => f.cell), 'P20']);
    const grid = fake.grid(DATA);
    for (const f of fixes) {
      const row = Number(f.cell.replace(/^[A-Z]+/, ''));
      const col = f.cell.charCodeAt(0) - 65;
      expect(grid[row - 1][col]).toBe(f.value);
    }
    const cells = fake.workbookState().sheets[0].cells;
    expect(cells.P20).toMatchObject({ value: '=2+2', type: 'String', numberFormat: 'General' });
    expect(cells.P20.formula).toBeUndefined();
    expect(cells.Q2).toMatchObject({ formula: '=1+1', value: 2 });
    // the data re-reads clean where fixed
    const again = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.result.fixes).toEqual([]);

    await port.restoreCells(DATA, snapshots);
    expect(fake.workbookState().sheets).toEqual(before.sheets);
  });

  test('clear() removes exactly the output: sheets, status columns, their formats and widths', async () => {
    const { port, fake } = officeFrom(returnSeed());
    const before = fake.workbookState();
    const out = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    await port.apply(out.plan);
    const own = await findOwnSheets(port, await listSheets(port));
    const plan = clearPlanFor([...own.values()], await port.readSheet(DATA));
    expect(plan.sheets.slice(0, 2)).toEqual([SUMMARY_SHEET_NAME, PROBLEMS_SHEET_NAME]);
    expect(plan.data?.cols.length).toBe(out.plan.data!.colWidths.length);
    await port.clear(plan);
    // The data sheet's view (frozen header, print titles) set by the run stays: the clear plan does
    // not say what the user had before, and both are harmless without the status columns.
    const withoutView = (sheets: SheetState[]) => sheets.map((x) => (x.name === DATA ? { ...x, freeze: null, page: {} } : x));
    expect(withoutView(fake.workbookState().sheets)).toEqual(withoutView(before.sheets));
    expect(findTable(await port.readSheet(DATA))?.outputCols).toEqual([]);
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const { port, fake } = officeFrom(returnSeed());
    await port.selectCell(NOTES, 'B3');
    expect(fake.workbookState()).toMatchObject({ activeSheet: NOTES, selection: { sheet: NOTES, address: 'B3' } });
  });

  test('the whole check + write of the return takes a handful of syncs', async () => {
    const { port, fake } = officeFrom(returnSeed());
    const out = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    await port.apply(out.plan);
    // sheetNames 1, readSheet 2, apply: 1 look-up (sheets, markers, protection, document mode),
    // 1 second look (used ranges, our chart, tables — still before any write), 1 write
    expect(fake.stats.syncs).toBe(6);
    expect(port.lastStats().syncs).toBe(6);
  });
});

describe("both adapters: a user's sheet named like the product's is never taken over", () => {
  /** The return, plus the user's own `TỔNG HỢP` (a summary of theirs) before it. */
  const seed = (): WorkbookSeed => {
    const base = returnSeed();
    return { sheets: [{ name: 'TỔNG HỢP', cells: { A1: 'Bảng của tôi', B2: 42 } }, ...base.sheets] };
  };

  for (const s of SUBJECTS) {
    test(`${s.name}: the summary goes to "Tổng hợp (2)", the user's sheet keeps its cells, a second run reuses ours`, async () => {
      const { port } = await s.make(seed());
      const first = await runCheck(port, { targetSet: SET, today: TODAY });
      if (!first.ok) throw new Error(first.error.message);
      expect(first.plan.sheets.map((x) => x.name).slice(0, 2)).toEqual(['Tổng hợp (2)', PROBLEMS_SHEET_NAME]);
      expect(first.notices.join(' ')).toContain('"TỔNG HỢP"');
      await port.apply(first.plan);
      const again = await runCheck(port, { targetSet: SET, today: TODAY });
      if (!again.ok) throw new Error(again.error.message);
      expect(again.plan.sheets.map((x) => x.name).slice(0, 2)).toEqual(['Tổng hợp (2)', PROBLEMS_SHEET_NAME]);
      expect(again.notices).toEqual([]);
      await port.apply(again.plan);
      const grids = await allGrids(port);
      expect(Object.keys(grids).slice(0, 5)).toEqual(['TỔNG HỢP', DATA, NOTES, 'Tổng hợp (2)', PROBLEMS_SHEET_NAME]);
      expect(grids['TỔNG HỢP']).toEqual([['Bảng của tôi'], [null, 42]]);
    });
  }

  test('Office adapter: the marker follows a rename in Excel, and the renamed sheet is replaced in place', async () => {
    const { port, fake } = officeFrom(seed());
    const first = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!first.ok) throw new Error(first.error.message);
    await port.apply(first.plan);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tổng hợp (2)').name = 'Báo cáo họp';
      await ctx.sync();
    });
    const infos = await listSheets(port);
    expect(infos.find((i) => i.name === 'Báo cáo họp')?.mark).toBe('summary');
    const again = await runCheck(port, { targetSet: SET, today: TODAY });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.plan.sheets.map((x) => x.name).slice(0, 2)).toEqual(['Báo cáo họp', PROBLEMS_SHEET_NAME]);
    await port.apply(again.plan);
    expect((await port.sheetNames()).slice(0, 5)).toEqual(['TỔNG HỢP', DATA, NOTES, 'Báo cáo họp', PROBLEMS_SHEET_NAME]);
  });
});

describe('both adapters: merges and hidden sheets read the same way', () => {
  const seed = (): WorkbookSeed => ({
    sheets: [
      { name: 'Năm trước', cells: { A1: 'cũ' }, hidden: true },
      { name: 'Số liệu', cells: { A1: 'Khu vực', B1: 'Tên đơn vị', A2: 'Nhà nước', B2: 'X', B3: 'Y', C5: 'ghi chú' }, merges: ['A2:A3', 'C5:E5'] },
    ],
  });

  test('merged ranges (Office: ExcelApi 1.13) and sheet visibility', async () => {
    const xlsx = await SUBJECTS[0].make(seed());
    const office = officeFrom(seed(), { apiVersion: '1.13' });
    for (const port of [xlsx.port, office.port]) {
      const grid = await port.readSheet('Số liệu');
      // A2:A3 → rows 2–3, column 0; C5:E5 → row 5, columns 2–4 (in the file's order).
      expect([...(grid.merges ?? [])].sort((a, b) => a.top - b.top)).toEqual([
        { top: 2, left: 0, bottom: 3, right: 0 },
        { top: 5, left: 2, bottom: 5, right: 4 },
      ]);
      expect((await listSheets(port)).map((s) => [s.name, s.hidden])).toEqual([
        ['Năm trước', true],
        ['Số liệu', false],
      ]);
    }
  });
});

describe('both adapters: a re-run rewrites Tổng hợp in place, so links to it keep working', () => {
  /** The return, with the user's own link to the summary's first cell in `Ghi chú`. */
  const seed = (): WorkbookSeed => {
    const base = returnSeed();
    return {
      sheets: base.sheets.map((s) => (s.name === NOTES ? { ...s, cells: { ...s.cells, F1: 0 }, formulas: { ...s.formulas, F1: `='${SUMMARY_SHEET_NAME}'!A1` } } : s)),
    };
  };

  test("xlsx adapter: after two runs the user's formula still names 'Tổng hợp'!A1", async () => {
    const { port } = await SUBJECTS[0].make(seed());
    for (let i = 0; i < 2; i++) {
      const out = await runCheck(port, { targetSet: SET, today: TODAY });
      if (!out.ok) throw new Error(out.error.message);
      await port.apply(out.plan);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((port as unknown as { toBytes(): Uint8Array }).toBytes()) as unknown as ArrayBuffer);
    const f1 = wb.getWorksheet(NOTES)!.getCell('F1').value as ExcelJS.CellFormulaValue;
    expect(f1.formula).toBe(`'${SUMMARY_SHEET_NAME}'!A1`);
  });

  test("Office adapter: after two runs the formula is unchanged and shows the summary's title; no sheet was deleted", async () => {
    const { port, fake } = officeFrom(seed());
    for (let i = 0; i < 2; i++) {
      const out = await runCheck(port, { targetSet: SET, today: TODAY });
      if (!out.ok) throw new Error(out.error.message);
      await port.apply(out.plan);
    }
    const notes = fake.workbookState().sheets.find((s) => s.name === NOTES)!;
    expect(notes.cells.F1.formula).toBe(`='${SUMMARY_SHEET_NAME}'!A1`);
    const title = fake.grid(SUMMARY_SHEET_NAME)[0][0];
    expect(typeof title).toBe('string');
    expect(fake.grid(NOTES)[0][5]).toBe(title);
    // Worksheet.delete clears the user's undo stack (excel-add-ins-undo-capabilities.md): never called.
    expect(fake.stats.undoCleared).toBe(0);
  });
});

/**
 * One description of a user's workbook, built twice: as an .xlsx (ExcelJS writes it, the xlsx
 * adapter opens it) and as a fake Excel behind the Office adapter. The contract suite runs the
 * same tests on both.
 */
import ExcelJS from 'exceljs';
import { a1, isCellError, type RawCell, type SheetGrid } from '../../src/domain/grid';
import { findPreset } from '../../src/domain/presets';
import { sampleWorkbook } from '../../src/domain/sample';
import { officeWorkbook, type OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { openXlsx, type XlsxWorkbook } from '../../src/workbook/xlsx';
import { createFakeExcel, type FakeExcel, type FakeSheetSeed } from '../support/fakeExcel';

export const SET = findPreset('bd-cdvc-2024')!;
export const DATA = 'Dữ liệu CĐCS';
export const NOTES = 'Ghi chú';
export const TODAY = new Date(2025, 0, 15);

/** Texts that look like formulas: a unit name must come out as this text, never computed. */
export const FORMULA_LIKE = ['=1+1', '+84912345678', '-5', '@SUM(A1)'] as const;

export interface SheetSeed {
  readonly name: string;
  /** A1 → value as the user sees it (a formula cell: its cached result). */
  readonly cells: Readonly<Record<string, RawCell>>;
  readonly formulas?: Readonly<Record<string, string>>;
  /** Merged ranges, e.g. 'A5:A7'. */
  readonly merges?: readonly string[];
  readonly hidden?: boolean;
}

export interface WorkbookSeed {
  readonly sheets: readonly SheetSeed[];
}

/**
 * A return of 12 units with the typical mistakes (title rows, header on row 4, a `#REF!`, legacy
 * encoding, number text…), plus: unit names that look like formulas on rows with problems (so
 * they are copied into `Kiểm tra`), a boolean, a formula above the header in the column where
 * the status block goes, and a second sheet of the user's.
 */
export function returnSeed(): WorkbookSeed {
  const sample = sampleWorkbook(SET, { units: 12, year: 2024, seed: 7, mistakes: true, title: true });
  const cells: Record<string, RawCell> = {};
  sample.grid.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (cells[a1(r + 1, c)] = v)));
  // Names of unit rows that carry a problem outside the name column (see sample.mistakes)
  // become formula-like text: the problem list copies them into `Kiểm tra`.
  const rowOf = (cell: string): number => Number(/\d+/.exec(cell)![0]);
  const rows = [
    ...new Set(
      sample.mistakes
        .filter((m) => m.rule !== 'none' && m.column !== 'ten_don_vi' && rowOf(m.cell) > sample.headerRow)
        .map((m) => rowOf(m.cell))
        .filter((r) => !/tổng/i.test(String(cells[`C${r}`]))),
    ),
  ];
  if (rows.length < FORMULA_LIKE.length) throw new Error('sample has too few rows with problems');
  FORMULA_LIKE.forEach((text, i) => (cells[`C${rows[i]}`] = text));
  cells.O5 = true; // "Ghi chú" column of the return: a boolean
  cells.Q2 = 2; // the user's own formula, right of the table, above the header
  return {
    sheets: [
      { name: DATA, cells, formulas: { Q2: '=1+1' } },
      { name: NOTES, cells: { A1: 'Ghi chú của người dùng', B2: 7, B3: { error: '#N/A' }, C4: false, D5: 14 }, formulas: { D5: '=B2*2' } },
    ],
  };
}

/** A table like the xlsx adapter's fixture: title row, header on row 3, three rows. */
export function fixtureSeed(): WorkbookSeed {
  return {
    sheets: [
      {
        name: DATA,
        cells: {
          A1: 'BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024',
          A3: 'Mã đơn vị',
          B3: 'Tên đơn vị',
          C3: 'Số đoàn viên',
          D3: 'Xếp loại',
          A4: 'CD001',
          B4: 'Công đoàn Trường A & B <x>',
          C4: 45,
          D4: 'Hoàn thành tốt nhiệm vụ',
          A5: 'CD002',
          B5: 'Công đoàn Phường 3',
          C5: 12.5,
          D5: { error: '#REF!' },
          A6: 'CD003',
          B6: '=1+1',
          C6: true,
          D6: false,
        },
      },
      { name: NOTES, cells: { A1: 'Ghi chú của người dùng', B2: 7 } },
    ],
  };
}

function excelJsValue(v: RawCell): ExcelJS.CellValue {
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

/** The seed as an .xlsx written by ExcelJS, opened by the xlsx adapter. */
export async function xlsxFrom(seed: WorkbookSeed): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of seed.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [ref, v] of Object.entries(s.cells)) ws.getCell(ref).value = excelJsValue(v);
    for (const [ref, f] of Object.entries(s.formulas ?? {})) {
      ws.getCell(ref).value = { formula: f.replace(/^=/, ''), result: s.cells[ref] ?? undefined } as ExcelJS.CellFormulaValue;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.hidden) ws.state = 'hidden';
  }
  const opened = openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** The seed in a fake Excel, behind the Office adapter. User cells carry a fill to check it survives. */
export function officeFrom(seed: WorkbookSeed, options: { limitBytes?: number; apiVersion?: string } = {}): { port: OfficeWorkbook; fake: FakeExcel } {
  const sheets: FakeSheetSeed[] = seed.sheets.map((s) => ({
    name: s.name,
    cells: s.cells,
    formulas: s.formulas,
    merges: s.merges,
    ...(s.hidden ? { visibility: 'Hidden' as const } : {}),
    formats: Object.fromEntries(Object.keys(s.cells).map((ref) => [ref, { fill: '#FFFF00' }])),
  }));
  const fake = createFakeExcel({ sheets }, options);
  return { port: officeWorkbook(fake.run, { isSetSupported: fake.supports }), fake };
}

export interface Subject {
  readonly name: string;
  make(seed: WorkbookSeed): Promise<{ port: WorkbookPort; fake?: FakeExcel }>;
}

export const SUBJECTS: readonly Subject[] = [
  { name: 'xlsx adapter', make: async (seed) => ({ port: await xlsxFrom(seed) }) },
  {
    name: 'Office adapter on the fake Excel',
    make: async (seed) => {
      const { port, fake } = officeFrom(seed);
      return { port, fake };
    },
  },
];

/**
 * A grid as the user sees it: trailing blanks dropped. Excel cannot hold an empty text constant
 * (writing "" empties the cell) while the xlsx adapter writes an empty inline string, so an
 * empty text reads as a blank here.
 */
export function visible(grid: SheetGrid): RawCell[][] {
  const rows = grid.rows.map((row) => {
    const out = row.map((v) => (v === '' || v === undefined ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Every sheet's grid by name: as read (`raw`), or visible (see {@link visible}). */
export async function allGrids(port: WorkbookPort, raw = false): Promise<Record<string, RawCell[][]>> {
  const out: Record<string, RawCell[][]> = {};
  for (const name of await port.sheetNames()) {
    const grid = await port.readSheet(name);
    out[name] = raw ? grid.rows.map((r) => [...r]) : visible(grid);
  }
  return out;
}

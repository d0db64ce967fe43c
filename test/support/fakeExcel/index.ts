/// <reference types="office-js" />
/**
 * A small, faithful fake of the Excel JavaScript API subset the Office adapter uses, for tests
 * and the benchmark (never imported by the product). See proxies.ts for the behaviour it keeps
 * (queued commands, load/sync discipline, payload limits) and model.ts for the cell model
 * (text typed into a non-text cell is interpreted, so `=1+1` becomes a formula).
 *
 * Strict where Excel is (each behaviour cites its documentation page where it is defined): request
 * size measured from the serialised request (5 MB in Excel on the web), 5,000,000 cells per read,
 * OperationCellsExceedLimit over 33,554,000 cells, no cell values on unbounded ranges, `getRanges`
 * addresses cut at 8,192 characters, sheet and structure protection, read-only mode, Excel Tables
 * that grow over values written next to them, hidden rows, `valuesAsJson` (ExcelApi 1.16), objects
 * invalid after their request failed, Worksheet.delete clearing the undo stack and turning
 * references to the sheet into #REF!, documented page-layout values only.
 *
 * Not modelled: reading formats back, dates/percentages/locale in typed text, formulas beyond
 * number arithmetic and one-cell references to another sheet (others evaluate to #NAME?),
 * conditional formats, events, the exact error codes of protection failures (undocumented: the
 * fake says AccessDenied).
 *
 * @example
 * const fake = createFakeExcel({ sheets: [{ name: 'Dữ liệu', cells: { A1: 'Mã đơn vị', B2: 12 } }] });
 * const workbook = officeWorkbook(fake.run, { isSetSupported: fake.supports });
 * await workbook.readSheet('Dữ liệu');
 * fake.stats.syncs // 2
 */
import { columnLetters, type CellError, type RawCell } from '../../../src/domain/grid';
import type { ExcelRunner } from '../../../src/workbook/office';
import {
  type Cell,
  type Chart,
  type CellFormat,
  type Hyperlink,
  type PageLayout,
  type Sheet,
  type ValueType,
  ERROR_VALUES,
  colOf,
  evaluate,
  key,
  newSheet,
  parseArea,
  rectAddress,
  referencedValue,
  rowOf,
} from './model';
import { type Engine, type FakeStats, FakeContext, FakeOfficeError } from './proxies';

export { FakeOfficeError } from './proxies';
export type { FakeStats } from './proxies';

export interface FakeSheetSeed {
  readonly name: string;
  /** A1 → value: text, number, boolean, `{ error: '#REF!' }`; null/undefined leave it empty. Stored as is (never interpreted). */
  readonly cells?: Readonly<Record<string, unknown>>;
  /** Bulk values: rows[r][c] is the cell at row r+1, column c+1 (for big sheets). */
  readonly rows?: readonly (readonly unknown[])[];
  /** A1 → formula (`=C4*2`); the value comes from `cells` (the cached result), else is computed. */
  readonly formulas?: Readonly<Record<string, string>>;
  /** A1 → number format code. */
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** A1 → format (fill, font…), to check that user formats survive. */
  readonly formats?: Readonly<Record<string, CellFormat>>;
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Merged ranges, e.g. 'A1:C1'. */
  readonly merges?: readonly string[];
  /** Worksheet protection is on (WorksheetProtection.protected). */
  readonly protected?: boolean;
  /** Excel Tables: name and range with the header row, e.g. `{ name: 'DonVi', range: 'A1:C30' }`. */
  readonly tables?: readonly { readonly name: string; readonly range: string }[];
  /** 1-based rows hidden by the user. */
  readonly hiddenRows?: readonly number[];
}

export interface FakeExcelOptions {
  /** A request or response over this many bytes fails. Default 5,000,000 (Excel on the web: 5 MB). */
  readonly limitBytes?: number;
  /** ExcelApi version of the fake host. Default '1.9'. */
  readonly apiVersion?: string;
  /** The workbook is open read-only (Workbook.readOnly). */
  readonly readOnly?: boolean;
  /** The workbook structure is protected (WorkbookProtection.protected). */
  readonly structureProtected?: boolean;
}

/** One cell as a plain object, for assertions. */
export interface CellState {
  readonly value: string | number | boolean | null;
  readonly type: ValueType;
  readonly formula?: string;
  readonly numberFormat: string;
  readonly format?: CellFormat;
  readonly hyperlink?: Hyperlink;
}

export interface SheetState {
  readonly name: string;
  readonly cells: Record<string, CellState>;
  /** Column letters → width in points. */
  readonly colWidths: Record<string, number>;
  /** 1-based row → height in points. */
  readonly rowHeights: Record<number, number>;
  readonly merges: string[];
  readonly freeze: { rows: number; cols: number } | null;
  readonly validations: { range: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  readonly page: PageLayout;
  readonly charts: Chart[];
  readonly protected: boolean;
  readonly protectionOptions?: Record<string, unknown>;
  readonly columnGroups: { from: string; to: string; collapsed: boolean }[];
  readonly tables: { name: string; range: string }[];
  /** 1-based hidden rows. */
  readonly hiddenRows: number[];
}

export interface WorkbookState {
  readonly sheets: SheetState[];
  readonly activeSheet?: string;
  readonly selection?: { sheet: string; address: string };
}

export interface FakeExcel {
  /** Use like `Excel.run`. */
  readonly run: ExcelRunner;
  /** Live counters: syncs, bytes of every request and response. */
  readonly stats: FakeStats;
  resetStats(): void;
  /** For the adapter's `isSetSupported` option. */
  supports(version: string): boolean;
  /** The next sync fails with this Excel error code (e.g. InvalidOperationInCellEditMode). */
  failNextSync(code: string, message?: string): void;
  /**
   * Someone else changes cells between two requests of the add-in (a co-author, or the user while
   * the pane waits): docs/excel/co-authoring-in-excel-add-ins.md, "Excel synchronizes workbook
   * content, not your add-in's memory". Values are stored as given (null empties a cell).
   */
  edit(sheet: string, cells: Readonly<Record<string, unknown>>): void;
  /** Turns sheet protection, structure protection or read-only mode on or off. */
  setProtection(p: { readonly sheet?: string; readonly on: boolean } | { readonly structure: boolean } | { readonly readOnly: boolean }): void;
  /** Everything in the workbook, as plain data. */
  workbookState(): WorkbookState;
  /** A sheet's values as the port reads them (A1 at [0][0], errors `{ error }`, blanks null). */
  grid(sheet: string): RawCell[][];
}

const versionNumber = (v: string): number => {
  const [major, minor = '0'] = v.split('.');
  return Number(major) * 1000 + Number(minor);
};

function seedCell(value: unknown): Pick<Cell, 'v' | 't'> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : { v: value, t: 'String' };
  if (typeof value === 'number') return { v: value, t: 'Double' };
  if (typeof value === 'boolean') return { v: value, t: 'Boolean' };
  if (typeof value === 'object' && typeof (value as CellError).error === 'string') {
    const e = (value as CellError).error;
    if (!ERROR_VALUES.includes(e)) throw new Error(`fake Excel: unknown error value ${e}`);
    return { v: e, t: 'Error' };
  }
  throw new Error(`fake Excel: cannot seed ${JSON.stringify(value)}`);
}

function cellRef(a1: string): { r: number; c: number } {
  const area = parseArea(a1);
  if (!area || area.rect.r1 !== area.rect.r2 || area.rect.c1 !== area.rect.c2) throw new Error(`fake Excel: bad cell ${a1}`);
  return { r: area.rect.r1, c: area.rect.c1 };
}

function seedSheet(seed: FakeSheetSeed): Sheet {
  const sheet = newSheet(seed.name);
  if (seed.visibility) sheet.visibility = seed.visibility;
  sheet.protected = !!seed.protected;
  for (const t of seed.tables ?? []) {
    const area = parseArea(t.range);
    if (!area) throw new Error(`fake Excel: bad table range ${t.range}`);
    sheet.tables.push({ name: t.name, rect: area.rect });
  }
  for (const r of seed.hiddenRows ?? []) sheet.hiddenRows.add(r - 1);
  for (const m of seed.merges ?? []) {
    const area = parseArea(m);
    if (!area) throw new Error(`fake Excel: bad merge ${m}`);
    sheet.merges.push(area.rect);
  }
  const put = (r: number, c: number, value: unknown): void => {
    const x = seedCell(value);
    if (x) sheet.cells.set(key(r, c), { ...x, nf: 'General' });
  };
  seed.rows?.forEach((row, r) => row.forEach((v, c) => put(r, c, v)));
  for (const [a1, v] of Object.entries(seed.cells ?? {})) {
    const { r, c } = cellRef(a1);
    put(r, c, v);
  }
  const cellOf = (a1: string): Cell => {
    const { r, c } = cellRef(a1);
    let cell = sheet.cells.get(key(r, c));
    if (!cell) sheet.cells.set(key(r, c), (cell = { v: null, t: 'Empty', nf: 'General' }));
    return cell;
  };
  for (const [a1, f] of Object.entries(seed.formulas ?? {})) {
    const cell = cellOf(a1);
    cell.f = f;
    if (cell.t === 'Empty') Object.assign(cell, evaluate(f));
  }
  for (const [a1, nf] of Object.entries(seed.numberFormats ?? {})) cellOf(a1).nf = nf;
  for (const [a1, fmt] of Object.entries(seed.formats ?? {})) cellOf(a1).fmt = JSON.parse(JSON.stringify(fmt));
  return sheet;
}

function cellState(cell: Cell): CellState {
  return {
    value: cell.v,
    type: cell.t,
    ...(cell.f ? { formula: cell.f } : {}),
    numberFormat: cell.nf,
    ...(cell.fmt ? { format: JSON.parse(JSON.stringify(cell.fmt)) as CellFormat } : {}),
    ...(cell.link ? { hyperlink: { ...cell.link } } : {}),
  };
}

function sheetState(sheet: Sheet): SheetState {
  const cells: Record<string, CellState> = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const k of keys) cells[columnLetters(colOf(k)) + (rowOf(k) + 1)] = cellState(sheet.cells.get(k)!);
  const colWidths: Record<string, number> = {};
  for (const c of [...sheet.colWidths.keys()].sort((a, b) => a - b)) colWidths[columnLetters(c)] = sheet.colWidths.get(c)!;
  const rowHeights: Record<number, number> = {};
  for (const r of [...sheet.rowHeights.keys()].sort((a, b) => a - b)) rowHeights[r + 1] = sheet.rowHeights.get(r)!;
  return {
    name: sheet.name,
    cells,
    colWidths,
    rowHeights,
    merges: sheet.merges.map(rectAddress),
    freeze: sheet.freeze ? { ...sheet.freeze } : null,
    validations: sheet.validations.map((v) => ({ range: rectAddress(v.rect), rule: v.rule, ...(v.prompt ? { prompt: v.prompt } : {}), ...(v.errorAlert ? { errorAlert: v.errorAlert } : {}) })),
    page: JSON.parse(JSON.stringify(sheet.page)) as PageLayout,
    charts: sheet.charts.map((c) => ({ ...c })),
    protected: sheet.protected,
    ...(sheet.protectionOptions ? { protectionOptions: { ...sheet.protectionOptions } } : {}),
    columnGroups: sheet.columnGroups.map((g) => ({ from: columnLetters(g.c1), to: columnLetters(g.c2), collapsed: g.collapsed })),
    tables: sheet.tables.map((t) => ({ name: t.name, range: rectAddress(t.rect) })),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
  };
}

/**
 * @param initial the workbook's sheets, in order (an empty workbook gets one empty `Sheet1`, as Excel does)
 */
export function createFakeExcel(initial?: { readonly sheets: readonly FakeSheetSeed[] }, options: FakeExcelOptions = {}): FakeExcel {
  const sheets = (initial?.sheets.length ? initial.sheets : [{ name: 'Sheet1' }]).map(seedSheet);
  const stats: FakeStats = { syncs: 0, requests: [], responses: [], maxRequestBytes: 0, maxResponseBytes: 0, totalBytes: 0, undoCleared: 0 };
  const engine: Engine = {
    book: { sheets, names: [], active: sheets[0], selection: undefined, readOnly: !!options.readOnly, structureProtected: !!options.structureProtected },
    stats,
    limitBytes: options.limitBytes ?? 5_000_000,
    apiVersion: versionNumber(options.apiVersion ?? '1.9'),
  };

  const run: ExcelRunner = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(engine);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run sends what the batch left queued.
      if (ctx.hasPending()) await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  return {
    run,
    stats,
    resetStats() {
      Object.assign(stats, { syncs: 0, requests: [], responses: [], maxRequestBytes: 0, maxResponseBytes: 0, totalBytes: 0, undoCleared: 0 });
    },
    supports: (version) => engine.apiVersion >= versionNumber(version),
    failNextSync(code, message = code) {
      engine.failNext = { code, message };
    },
    edit(name, cells) {
      const sheet = engine.book.sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`fake Excel: no sheet ${name}`);
      for (const [a1, v] of Object.entries(cells)) {
        const { r, c } = cellRef(a1);
        const x = seedCell(v);
        const k = key(r, c);
        const cell = sheet.cells.get(k);
        if (x) sheet.cells.set(k, { ...(cell ?? { nf: 'General' }), ...x, f: undefined });
        else if (cell) Object.assign(cell, { v: null, t: 'Empty', f: undefined });
      }
    },
    setProtection(p) {
      if ('readOnly' in p) engine.book.readOnly = p.readOnly;
      else if ('structure' in p) engine.book.structureProtected = p.structure;
      else {
        const sheet = engine.book.sheets.find((s) => s.name === p.sheet);
        if (!sheet) throw new Error(`fake Excel: no sheet ${p.sheet}`);
        sheet.protected = p.on;
      }
    },
    workbookState() {
      return {
        sheets: engine.book.sheets.map(sheetState),
        ...(engine.book.active ? { activeSheet: engine.book.active.name } : {}),
        ...(engine.book.selection ? { selection: { ...engine.book.selection } } : {}),
      };
    },
    grid(name) {
      const sheet = engine.book.sheets.find((s) => s.name === name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
      const rows: RawCell[][] = [];
      for (const [k, cell] of sheet.cells) {
        if (cell.t === 'Empty') continue;
        const r = rowOf(k);
        const c = colOf(k);
        while (rows.length <= r) rows.push([]);
        const row = rows[r];
        while (row.length <= c) row.push(null);
        const live = cell.f ? (referencedValue(engine.book, cell.f) ?? cell) : cell;
        row[c] = live.t === 'Error' ? { error: String(live.v) } : live.v;
      }
      return rows;
    },
  };
}

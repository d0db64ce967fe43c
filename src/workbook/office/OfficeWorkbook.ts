/// <reference types="office-js" />
/**
 * The Office adapter of the workbook port: reads and writes the open workbook through the Excel
 * JavaScript API. Every Office.js call of the product lives under `src/workbook/office/`.
 *
 * Built for Excel on the web, where each `context.sync()` is a network round trip and a request
 * or a response over 5 MB fails (docs/excel/performance.md):
 * - every cell write (status columns, own sheets, fixes, undo, imported returns) goes through one
 *   request builder (requestBuilder.ts): 2-D arrays with null for cells left unchanged, each piece
 *   sized by the measured JSON it carries, packed into requests under 4 MB;
 * - before any write, one look-up brings the document mode and the protection of the workbook
 *   structure and of each target sheet, and a run that would stop half-way refuses instead
 *   (preflight.ts), naming in Vietnamese what to unprotect;
 * - fixes and undo carry the value the check read (or the fix wrote) and skip a cell that holds
 *   something else now (a sort, a co-author: docs/excel/co-authoring-in-excel-add-ins.md);
 * - `Tổng hợp` and `Kiểm tra` are emptied and rewritten in place within their used range, never
 *   deleted (Worksheet.delete cannot be undone: docs/excel/excel-add-ins-undo-capabilities.md);
 *   only the product's chart, found by its name, is deleted;
 * - formats are applied once per style to all its cells (RangeAreas), never cell by cell;
 * - text that must stay text is written as `valuesAsJson` strings where ExcelApi 1.16 is there,
 *   else into cells formatted as text (`@`) first.
 */
import { a1, columnIndex, columnLetters, isCellError, type CellRange, type RawCell, type SheetGrid } from '../../domain/grid';
import type { CellSnapshot, CellWrite, InteractivePort, WriteOutcome } from '../interactive';
import { patchRows } from '../patchRows';
import type { CellSpec, ClearPlan, DataSheetPatch, DataSheetView, OutputPlan, SheetSpec } from '../plan';
import { markName, readMark, type OwnSheetKind } from '../ownSheets';
import type { SheetInfo } from '../port';
import { STYLES, type StyleKey } from '../styles';
import {
  MAX_ROWS,
  type Pos,
  type Rect,
  charsToPoints,
  chunkAddresses,
  colsAddress,
  parseRect,
  rectAddress,
  rectsFromCells,
  rowsAddress,
  runs,
} from './addresses';
import { OfficeAdapterError } from './errors';
import { refuseIfBlocked } from './preflight';
import { buildWrites, type CellPut, type Op } from './requestBuilder';
import { applyStyle, styleCost } from './formats';
import { isExcelApiSupported } from './requirements';
import { cost, jsonBytes, Tally, type OfficeStats } from './stats';
import { appendAll, maxOf } from '../../domain/arrays';

/**
 * Runs one batch against the workbook. The task pane passes `(batch) => Excel.run(batch)`;
 * tests pass the fake's runner.
 */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /**
   * Budget for one request or response, bytes (estimated JSON). Default 4,000,000: under Excel
   * on the web's 5 MB limit with room for what the estimate misses.
   */
  readonly maxPayloadBytes?: number;
  /** Progress of long work: fraction 0..1 and a Vietnamese label. */
  readonly onProgress?: (fraction: number, label: string) => void;
  /**
   * Whether the host supports `ExcelApi` at a version. Default: asks `Office.context.requirements`.
   * Without 1.9, formats go one rectangle at a time and page layout is skipped.
   */
  readonly isSetSupported?: (version: string) => boolean;
}

/** The Office adapter: the interactive port plus its own traffic counts. */
export type OfficeWorkbook = InteractivePort & {
  /** Syncs and estimated payload bytes since this adapter was created. */
  lastStats(): OfficeStats;
};

/**
 * @example
 * const workbook = officeWorkbook((batch) => Excel.run(batch), { onProgress: (f, label) => show(f, label) });
 * const out = await runCheck(workbook, { targetSet, today: new Date() });
 * if (out.ok) await workbook.apply(out.plan);
 */
export function officeWorkbook(run: ExcelRunner, options: OfficeWorkbookOptions = {}): OfficeWorkbook {
  return new OfficeAdapter(run, options);
}

const DEFAULT_MAX_PAYLOAD = 4_000_000;
/** Excel refuses cells longer than this (the xlsx adapter cuts text the same way). */
const MAX_CELL_TEXT = 32767;
/**
 * First guess of the JSON bytes one cell takes in a read (`values` + `valueTypes`): a number or
 * short text plus a type name. The guess is corrected from each chunk actually read.
 */
const READ_BYTES_PER_CELL = 24;
/**
 * Response bytes guessed per cell when reading cells to fix: value and formula (the same text
 * twice, up to ~40 bytes each for a unit's name), type and number format.
 */
const READ_BYTES_PER_FIX_CELL = 120;

type Value = string | number | boolean | null;

/** What a format/clear callback needs from a Range or a RangeAreas. */
interface Target {
  readonly format: Excel.RangeFormat;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
}


/** Sheet names compare as Excel compares them: case-insensitively. */
const sheetKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** A sheet name inside a reference: always quoted, quotes doubled. */
const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function cellValue(spec: CellSpec | null | undefined): Value {
  if (!spec) return null;
  const v = spec.v;
  if (typeof v === 'string') return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
  if (typeof v === 'boolean') return v;
  return null;
}

/**
 * The number format a written cell needs: `@` for every text (so Excel stores it as typed, never
 * as a formula, number or date), the style's format for numbers, else none (the cells were
 * cleared to General before).
 */
function numberFormatFor(spec: CellSpec | null | undefined): string | null {
  if (!spec) return null;
  if (typeof spec.v === 'string') return '@';
  if (typeof spec.v === 'number' && spec.s) return STYLES[spec.s].numFmt ?? null;
  return null;
}

/**
 * A text format of the cell's style (a section with `@`, e.g. `"✓ "@` on `Đạt`: the mark shows
 * beside the word, the cell still holds the word), set after the text is written as text.
 */
function textFormatFor(spec: CellSpec | null | undefined): string | undefined {
  const f = spec?.s ? STYLES[spec.s].numFmt : undefined;
  return f !== undefined && f.includes('@') ? f : undefined;
}

/** A read cell as the engine sees it: blanks null, error values `{ error }`. */
function rawCell(value: unknown, type: string): RawCell {
  if (type === 'Empty') return null;
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value === null || value === undefined ? null : String(value);
}

/**
 * Excel tells only the bounding box of the cells that carry anything (values, formulas, formats):
 * every row inside it counts as reaching its right edge when that lies right of the values. The
 * product then writes further right than strictly needed, never over a formatted cell.
 */
function formattedExtent(
  rowCount: number,
  valuesRight: number,
  formatted: { isNullObject: boolean; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
): { blankCellExtent?: Int32Array } {
  if (formatted.isNullObject) return {};
  const right = formatted.columnIndex + formatted.columnCount - 1;
  if (right <= valuesRight) return {};
  const extent = new Int32Array(rowCount).fill(-1);
  const end = Math.min(rowCount, formatted.rowIndex + formatted.rowCount);
  for (let r = formatted.rowIndex; r < end; r++) extent[r] = right;
  return { blankCellExtent: extent };
}

/** `Sheet1!A1:C1,Sheet1!B5:B9` (RangeAreas.address) → ranges; a part that does not parse is left out. */
function mergedRanges(address: string): CellRange[] {
  const out: CellRange[] = [];
  // Sheet prefixes first (a quoted name may hold a comma), then one area per comma.
  const bare = address.replace(/'(?:[^']|'')*'!|[^,!']+!/g, '');
  for (const part of bare.split(',')) {
    const ref = part.trim().replace(/\$/g, '');
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) continue;
    const left = columnIndex(m[1]);
    const top = Number(m[2]);
    out.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnIndex(m[3]) : left });
  }
  return out;
}

function isPayloadError(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/** Name of the product's chart on `Tổng hợp`: the only chart a re-run deletes. */
const CHART_NAME = 'ChiTieuCDCS';

/**
 * The name of a sheet's k-th chart (0-based): the first is CHART_NAME, the others (Tiến độ has
 * one per indicator group) `ChiTieuCDCS 2`, `ChiTieuCDCS 3`, …
 */
function chartName(k: number): string {
  return k === 0 ? CHART_NAME : `${CHART_NAME} ${k + 1}`;
}

/** True for a name chartName gives other than the first (a re-run deletes those it finds). */
function isFurtherChartName(name: string): boolean {
  return new RegExp(`^${CHART_NAME} \\d+$`).test(name);
}

/** A used range as 0-based row/column indexes and sizes. */
interface Box {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

const boxOf = (r: Excel.Range): Box | undefined =>
  r.isNullObject ? undefined : { row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount };

/** What the first sync of a write learns: sheets, markers, protection, document mode. */
interface BookState {
  readonly names: string[];
  readonly visibility: string[];
  readonly marks: Map<string, OwnSheetKind>;
  readonly markNames: Set<string>;
  readonly protectedSheets: Set<string>;
  readonly readOnly: boolean;
  readonly structureProtected: boolean;
}

/**
 * Worksheet proxies for the request being built. A proxy belongs to the request that creates it:
 * when a request fails, its objects do not exist in Excel, so every request starts afresh.
 */
class SheetProxies {
  private readonly map = new Map<string, Excel.Worksheet>();
  constructor(private readonly ctx: Excel.RequestContext) {}
  get(name: string): Excel.Worksheet {
    let ws = this.map.get(sheetKey(name));
    if (!ws) this.map.set(sheetKey(name), (ws = this.ctx.workbook.worksheets.getItem(name)));
    return ws;
  }
  reset(): void {
    this.map.clear();
  }
}

/** Same cell content: what the check read against what the cell holds now. */
function sameRaw(a: RawCell, b: RawCell): boolean {
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return a === b || ((a === null || a === '') && (b === null || b === ''));
}

/**
 * Rows of one height together; the page count used as "tall" when fitting one page wide. Excel
 * documents no "automatic" value for `verticalFitToPages` (PageLayoutZoomOptions: "Number of pages
 * to fit vertically"), so the adapter gives a count that never binds: one page per 10 rows.
 */
function pagesTall(rows: number): number {
  return Math.min(32767, Math.max(1, Math.ceil(rows / 10)));
}

class OfficeAdapter implements InteractivePort {
  private readonly tally = new Tally();
  private readonly maxBytes: number;

  constructor(
    private readonly run: ExcelRunner,
    private readonly options: OfficeWorkbookOptions,
  ) {
    this.maxBytes = Math.max(10_000, options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD);
  }

  lastStats(): OfficeStats {
    return this.tally.stats();
  }

  private progress(fraction: number, label: string): void {
    this.options.onProgress?.(Math.max(0, Math.min(1, fraction)), label);
  }

  /** Asked at use, not at construction: Office may not be initialised when the adapter is made. */
  private supports(version: string): boolean {
    return (this.options.isSetSupported ?? isExcelApiSupported)(version);
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      this.tally.queued(cost(0, 1));
      let names: string[] = [];
      await this.tally.sync(ctx, () => jsonBytes((names = sheets.items.map((s) => s.name))));
      return names;
    });
  }

  /**
   * Sheets with their visibility (Worksheet.visibility: Visible, Hidden, VeryHidden; ExcelApi 1.1)
   * in one sync. The product's own sheets are recognised by their content (ownSheets.ts).
   */
  async sheetInfos(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const { names, visibility, marks } = await this.bookState(ctx);
      return names.map((name, i) => {
        const mark = marks.get(sheetKey(name));
        return { name, hidden: visibility[i] !== 'Visible', ...(mark ? { mark } : {}) };
      });
    });
  }

  async readSheet(name: string): Promise<SheetGrid> {
    return this.run(async (ctx) => {
      const label = `Đang đọc sheet "${name}"…`;
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('name');
      // Values only: cells that merely carry a format do not widen what we read.
      const used = sheet.getUsedRangeOrNullObject(true);
      // rowHidden (ExcelApi 1.2): false when no row of the range is hidden — the common case, one property.
      used.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden');
      // Formats and formulas count too for where the product may write (the status columns never
      // cover a cell of the user's, even an empty-looking one): the used range with formats.
      const formatted = sheet.getUsedRangeOrNullObject(false);
      formatted.load('rowIndex,columnIndex,rowCount,columnCount');
      // Merged cells (a group header over its columns, `Khu vực` merged down a block) need
      // Range.getMergedAreasOrNullObject, ExcelApi 1.13 — above the 1.9 the add-in declares: on an
      // older Excel the pane reads without merges (a merged value counts for its first cell only).
      const merged = this.supports('1.13') ? sheet.getRange().getMergedAreasOrNullObject() : undefined;
      merged?.load('address');
      this.tally.queued(cost(merged ? 4 : 3, merged ? 7 : 6));
      await this.tally.sync(ctx, () => 200);
      if (sheet.isNullObject) throw new OfficeAdapterError('no_such_sheet', `Không có sheet "${name}" trong tệp. Hãy kiểm tra lại tên sheet.`);
      const sheetName = sheet.name;
      if (used.isNullObject) return { name: sheetName, rows: [] };
      const top = used.rowIndex;
      const left = used.columnIndex;
      const rowCount = used.rowCount;
      const cols = used.columnCount;

      // rows[0][0] is A1: rows above the used range are empty.
      const rows: RawCell[][] = [];
      for (let r = 0; r < top; r++) rows.push([]);
      let perCell = READ_BYTES_PER_CELL;
      let done = 0;
      this.progress(0, label);
      while (done < rowCount) {
        let n = Math.max(1, Math.min(rowCount - done, Math.floor(this.maxBytes / (cols * perCell))));
        for (;;) {
          // A new worksheet object per request: one made in a refused request does not exist.
          const chunk = ctx.workbook.worksheets.getItem(sheetName).getRangeByIndexes(top + done, left, n, cols);
          chunk.load('values,valueTypes');
          this.tally.queued(cost(2, 1));
          let bytes = 0;
          try {
            await this.tally.sync(ctx, () => (bytes = jsonBytes(chunk.values) + jsonBytes(chunk.valueTypes)));
          } catch (e) {
            // Our estimate was too low for this part of the sheet (very long texts): halve and retry.
            if (isPayloadError(e) && n > 1) {
              n = Math.ceil(n / 2);
              perCell *= 2;
              continue;
            }
            throw e;
          }
          const values = chunk.values;
          const types = chunk.valueTypes as string[][];
          for (let r = 0; r < n; r++) {
            const row: RawCell[] = new Array<RawCell>(left).fill(null);
            const vr = values[r];
            const tr = types[r];
            for (let c = 0; c < cols; c++) row.push(rawCell(vr[c], tr[c]));
            let end = row.length;
            while (end > 0 && row[end - 1] === null) end--;
            row.length = end;
            rows.push(row);
          }
          // Size the next chunk from what this one really weighed (with a margin).
          perCell = Math.max(4, (bytes / (n * cols)) * 1.25);
          done += n;
          this.progress(done / rowCount, label);
          break;
        }
      }
      const merges = merged && !merged.isNullObject ? mergedRanges(merged.address) : [];
      const hiddenRows = await this.hiddenRows(ctx, sheetName, top, rowCount, used.rowHidden);
      return {
        name: sheetName,
        rows,
        ...formattedExtent(rows.length, left + cols - 1, formatted),
        ...(merges.length ? { merges } : {}),
        ...(hiddenRows.length ? { hiddenRows } : {}),
      };
    });
  }

  /**
   * Hidden rows of the used rows, 1-based. `Range.rowHidden` says true (all hidden), false (none)
   * or null (some): blocks of 1,024 rows are asked next, then each row of a mixed block — two
   * more syncs at most, and none when nothing is hidden.
   */
  private async hiddenRows(ctx: Excel.RequestContext, sheet: string, top: number, count: number, all: boolean | null): Promise<number[]> {
    if (all === false || count === 0) return [];
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => top + from + i + 1);
    if (all === true) return range(0, count);
    const ask = async (parts: readonly [number, number][]): Promise<(boolean | null)[]> => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const ranges = parts.map(([from, n]) => ws.getRangeByIndexes(top + from, 0, n, 1).load('rowHidden'));
      this.tally.queued(cost(1 + ranges.length, ranges.length));
      await this.tally.sync(ctx, () => 20 * ranges.length);
      return ranges.map((r) => r.rowHidden);
    };
    const BLOCK = 1024;
    const blocks: [number, number][] = [];
    for (let from = 0; from < count; from += BLOCK) blocks.push([from, Math.min(BLOCK, count - from)]);
    const states = await ask(blocks);
    const out: number[] = [];
    const mixed: [number, number][] = [];
    blocks.forEach(([from, n], i) => {
      if (states[i] === true) appendAll(out, range(from, n));
      else if (states[i] === null) for (let k = 0; k < n; k++) mixed.push([from + k, 1]);
    });
    if (mixed.length) {
      const rowStates = await ask(mixed);
      mixed.forEach(([from], i) => rowStates[i] && out.push(top + from + 1));
    }
    return out.sort((a, b) => a - b);
  }

  /**
   * The first sync of every call: the workbook's sheets (names, visibility, protection), the
   * product's markers, the document mode and the structure protection. Markers are
   * workbook-scoped names (`Workbook.names`, ExcelApi 1.1; `NamedItem.formula`, 1.7) whose reference
   * Excel keeps pointing at the sheet through a rename. Protection: `Worksheet.protection.protected`
   * (1.2), `Workbook.protection.protected` (1.7), `Workbook.readOnly` (1.8) — all within the 1.9 the
   * add-in requires — loaded here so that a run refuses before writing anything (preflight.ts).
   */
  private async bookState(ctx: Excel.RequestContext): Promise<BookState> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/protection/protected');
    const defined = ctx.workbook.names;
    defined.load('items/name,items/formula');
    ctx.workbook.load('readOnly,protection/protected');
    this.tally.queued(cost(0, 3));
    let names: string[] = [];
    let visibility: string[] = [];
    const marks = new Map<string, OwnSheetKind>();
    const markNames = new Set<string>();
    const protectedSheets = new Set<string>();
    await this.tally.sync(ctx, () => {
      names = sheets.items.map((s) => s.name);
      visibility = sheets.items.map((s) => String(s.visibility));
      sheets.items.forEach((s) => s.protection.protected && protectedSheets.add(sheetKey(s.name)));
      const items = defined.items.map((n) => ({ name: n.name, formula: String(n.formula ?? '') }));
      for (const item of items) {
        const mark = readMark(item.name, item.formula);
        if (!mark) continue;
        markNames.add(item.name);
        marks.set(sheetKey(mark.sheet), mark.kind);
      }
      return jsonBytes([names, visibility, items]) + 40;
    });
    return {
      names,
      visibility,
      marks,
      markNames,
      protectedSheets,
      readOnly: ctx.workbook.readOnly,
      structureProtected: ctx.workbook.protection.protected,
    };
  }

  /** Refuses, having written nothing, when the document mode or a protection stops the run. */
  private refuse(state: BookState, targets: readonly string[], structureChanges: readonly string[]): void {
    refuseIfBlocked(
      {
        readOnly: state.readOnly,
        structureProtected: state.structureProtected,
        protectedSheets: [...new Set(targets)].filter((n) => state.protectedSheets.has(sheetKey(n))),
      },
      { structureChanges },
    );
  }

  async apply(plan: OutputPlan): Promise<void> {
    await this.run(async (ctx) => {
      const label = 'Đang ghi kết quả…';
      this.progress(0, label);
      const state = await this.bookState(ctx);
      const existing = new Map(state.names.map((n) => [sheetKey(n), n]));
      const dataName = plan.data ? existing.get(sheetKey(plan.data.sheet)) : undefined;
      if (plan.data && dataName === undefined) {
        throw new OfficeAdapterError('no_such_sheet', `Không còn sheet "${plan.data.sheet}" trong tệp (có thể vừa bị đổi tên hoặc xóa). Hãy kiểm tra lại rồi chạy lại.`);
      }
      // Each spec: the sheet it replaces (by its real name), or none (a new sheet).
      const seen = new Set<string>();
      const specs = plan.sheets.map((spec) => {
        const key = sheetKey(spec.name);
        const actual = seen.has(key) ? spec.name : existing.get(key);
        seen.add(key);
        return { spec, actual };
      });
      const structureChanges = specs.filter((s) => s.actual === undefined || s.actual !== s.spec.name).map((s) => s.spec.name);
      // A sheet the product protects itself (a template's target sheet, no password) is unprotected
      // and protected again; any other protected target stops the run before it writes.
      const reprotected = specs.filter((s) => s.actual !== undefined && s.spec.protection && state.protectedSheets.has(sheetKey(s.actual)));
      const replaced = specs.filter((s) => s.actual !== undefined && !reprotected.includes(s)).map((s) => s.actual!);
      this.refuse(state, [...(dataName !== undefined ? [dataName] : []), ...replaced], structureChanges);

      // Second look, still before any write: the used ranges of the sheets emptied in place and of
      // the data sheet (clears stay inside them), our chart by its name, the data sheet's tables.
      const used = new Map<string, Excel.Range>();
      const charts = new Map<string, Excel.Chart>();
      // A sheet with several charts (Tiến độ): the names of all its charts, to delete the product's further ones.
      const chartLists = new Map<string, Excel.ChartCollection>();
      for (const { spec, actual } of specs) {
        if (actual === undefined || used.has(sheetKey(actual))) continue;
        const ws = ctx.workbook.worksheets.getItem(actual);
        used.set(sheetKey(actual), ws.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount'));
        if (spec.kind) charts.set(sheetKey(actual), ws.charts.getItemOrNullObject(CHART_NAME));
        if (spec.charts?.length) chartLists.set(sheetKey(actual), ws.charts.load('items/name'));
      }
      let dataUsed: Excel.Range | undefined;
      let tables: Excel.TableCollection | undefined;
      if (dataName !== undefined) {
        const ws = ctx.workbook.worksheets.getItem(dataName);
        dataUsed = ws.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount');
        tables = ws.tables.load('items/name');
      }
      if (used.size || dataUsed) {
        this.tally.queued(cost(4 * used.size + 4, 2 * used.size + 2));
        await this.tally.sync(ctx, () => 100 * (used.size + charts.size + chartLists.size + 2));
      }
      let tableBoxes: Box[] = [];
      if (tables && tables.items.length) {
        const ranges = tables.items.map((t) => t.getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
        this.tally.queued(cost(2 * ranges.length, ranges.length));
        await this.tally.sync(ctx, () => 100 * ranges.length);
        tableBoxes = ranges.map((r) => ({ row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount }));
      }

      const ops: Op[] = [];
      const rangeAreas = this.supports('1.9');
      const json = this.supports('1.16');
      const proxies = new SheetProxies(ctx);
      // First of all: if unprotecting fails (a password the user set), nothing else has been written.
      for (const { actual } of reprotected) ops.push({ bytes: cost(2, 1), queue: () => proxies.get(actual!).protection.unprotect() });
      if (plan.data && dataName !== undefined) {
        const ws = (): Excel.Worksheet => proxies.get(dataName);
        this.dataOps(ops, ws, besideTables(plan.data, tableBoxes), rangeAreas, json, dataUsed ? boxOf(dataUsed) : undefined);
        if (plan.data.view) this.viewOps(ops, ws, plan.data.view);
      }
      for (const { spec, actual } of specs) {
        const ws = (): Excel.Worksheet => proxies.get(spec.name);
        const create = actual === undefined ? () => void ctx.workbook.worksheets.add(spec.name) : undefined;
        const box = actual !== undefined ? used.get(sheetKey(actual)) : undefined;
        const chart = actual !== undefined ? charts.get(sheetKey(actual)) : undefined;
        const further = actual !== undefined ? (chartLists.get(sheetKey(actual))?.items ?? []).map((c) => c.name).filter(isFurtherChartName) : [];
        // The sheet is found by its real name until it is renamed to the plan's spelling (first op).
        const real = actual !== undefined ? (): Excel.Worksheet => proxies.get(actual) : ws;
        this.sheetOps(ops, ws, spec, actual, create, rangeAreas, json, box ? boxOf(box) : undefined, chart && !chart.isNullObject, real, further);
        if (spec.kind) this.markOps(ops, ctx, ws, markName(spec.kind), state.markNames);
      }
      const active = plan.activeSheet;
      if (active !== undefined) ops.push({ bytes: cost(1, 1), queue: () => proxies.get(active).activate() });
      await this.runOps(ctx, ops, label, () => proxies.reset());
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      this.tally.queued(cost(2, 2));
      await this.tally.sync(ctx);
    });
  }

  /**
   * Reads the cells to be written (values, types, formulas, number formats) in rectangles, with the
   * document mode and the sheet's protection in the same first sync.
   */
  private async readCells(
    ctx: Excel.RequestContext,
    sheet: string,
    cells: readonly { readonly cell: string }[],
  ): Promise<Map<string, { value: RawCell; formula: unknown; numberFormat: string }>> {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.load('name,protection/protected');
    ctx.workbook.load('readOnly');
    const positions = cells.map((c) => parseRect(c.cell)).filter((r): r is Rect => !!r);
    // Bands of rows and spans of columns, each read whole (a few blanks between fixes cost less than a range per cell).
    const groups = readGroups(positions, Math.floor(this.maxBytes / 4));
    const out = new Map<string, { value: RawCell; formula: unknown; numberFormat: string }>();
    // The reads share syncs up to the budget (estimated response); the first sync also brings the
    // document mode and the sheet's protection, so a refusal comes before any write.
    let first = true;
    let i = 0;
    while (i < groups.length || first) {
      let bytes = 0;
      const loaded: { g: Rect; r: Excel.Range }[] = [];
      const sheetNow = first ? ws : ctx.workbook.worksheets.getItem(sheet);
      while (i < groups.length) {
        const g = groups[i];
        const est = (g.r2 - g.r1 + 1) * (g.c2 - g.c1 + 1) * READ_BYTES_PER_FIX_CELL;
        if (loaded.length && bytes + est > this.maxBytes) break;
        const r = sheetNow.getRangeByIndexes(g.r1 - 1, g.c1, g.r2 - g.r1 + 1, g.c2 - g.c1 + 1);
        r.load('values,valueTypes,formulas,numberFormat');
        loaded.push({ g, r });
        bytes += est;
        i++;
      }
      this.tally.queued(cost(1 + loaded.length, (first ? 2 : 0) + loaded.length));
      await this.tally.sync(ctx, () => loaded.reduce((n, { r }) => n + jsonBytes([r.values, r.valueTypes, r.formulas, r.numberFormat]), 0));
      if (first && (ctx.workbook.readOnly || ws.protection.protected)) {
        refuseIfBlocked({ readOnly: ctx.workbook.readOnly, structureProtected: false, protectedSheets: ws.protection.protected ? [ws.name] : [] }, { structureChanges: [] });
      }
      first = false;
      this.collect(out, loaded);
    }
    return out;
  }

  private collect(out: Map<string, { value: RawCell; formula: unknown; numberFormat: string }>, loaded: readonly { g: Rect; r: Excel.Range }[]): void {
    for (const { g, r } of loaded) {
      for (let i = 0; i < g.r2 - g.r1 + 1; i++) {
        for (let j = 0; j < g.c2 - g.c1 + 1; j++) {
          out.set(a1(g.r1 + i, g.c1 + j), {
            value: rawCell(r.values[i][j], (r.valueTypes as string[][])[i][j]),
            formula: r.formulas[i][j],
            numberFormat: String(r.numberFormat[i][j] ?? 'General'),
          });
        }
      }
    }
  }

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<WriteOutcome> {
    if (writes.length === 0) return { snapshots: [], changed: [] };
    return this.run(async (ctx) => {
      const label = 'Đang sửa ô…';
      const current = await this.readCells(ctx, sheet, writes);
      const snapshots: CellSnapshot[] = [];
      const changed: string[] = [];
      const puts: CellPut[] = [];
      for (const w of writes) {
        const now = current.get(normalCell(w.cell));
        const rect = parseRect(w.cell);
        if (!now || !rect) continue;
        // A formula is the user's work: a fix never replaces it. (`formulas` returns a constant
        // as it is, so a text that starts with "=" reads the same in both; a formula does not.)
        if (typeof now.formula === 'string' && now.formula.startsWith('=') && now.formula !== now.value) continue;
        // Sorted, moved or edited since the check: not the cell the fix was made for.
        if (w.expected !== undefined && !sameRaw(now.value, w.expected)) {
          changed.push(w.cell);
          continue;
        }
        snapshots.push({ cell: w.cell, value: now.value, numberFormat: now.numberFormat, written: w.value });
        puts.push(
          typeof w.value === 'string'
            ? // Text goes in as text, and the cell keeps its own number format.
              { row: rect.r1, col: rect.c1, text: w.value, fromFormat: now.numberFormat, numberFormat: now.numberFormat === '@' ? undefined : now.numberFormat }
            : // "Number text → number": a text-formatted cell gets General first.
              { row: rect.r1, col: rect.c1, value: w.value, fromFormat: now.numberFormat, ...(now.numberFormat === '@' ? { numberFormat: 'General' } : {}) },
        );
      }
      await this.writePuts(ctx, sheet, puts, label);
      return { snapshots, changed };
    });
  }

  async restoreCells(sheet: string, snapshots: readonly CellSnapshot[]): Promise<{ changed: string[] }> {
    if (snapshots.length === 0) return { changed: [] };
    return this.run(async (ctx) => {
      const label = 'Đang hoàn tác…';
      const current = await this.readCells(ctx, sheet, snapshots);
      const changed: string[] = [];
      const puts: CellPut[] = [];
      for (const s of snapshots) {
        const now = current.get(normalCell(s.cell));
        const rect = parseRect(s.cell);
        if (!now || !rect) continue;
        // Changed again after the fix (by the user, a co-author): undo would destroy that edit.
        if (s.written !== undefined && !sameRaw(now.value, s.written)) {
          changed.push(s.cell);
          continue;
        }
        const numberFormat = s.numberFormat ?? 'General';
        const at = { row: rect.r1, col: rect.c1, fromFormat: now.numberFormat, numberFormat };
        if (s.formula !== undefined) puts.push({ ...at, formula: s.formula });
        else if (s.value === null) puts.push({ ...at, value: '' });
        else if (typeof s.value === 'string') puts.push({ ...at, text: s.value });
        // Numbers, booleans and error values (#N/A) are read by Excel as typed.
        else puts.push({ ...at, value: isCellError(s.value) ? s.value.error : s.value, fromFormat: '@' });
      }
      await this.writePuts(ctx, sheet, puts, label);
      return { changed };
    });
  }

  /** Cell writes through the request builder, in as few syncs as the budget allows. */
  private async writePuts(ctx: Excel.RequestContext, sheet: string, puts: readonly CellPut[], label: string): Promise<void> {
    if (puts.length === 0) return;
    const proxies = new SheetProxies(ctx);
    const ops = buildWrites(puts, (r, c, h, w) => proxies.get(sheet).getRangeByIndexes(r, c, h, w), {
      budget: this.maxBytes / 4,
      json: this.supports('1.16'),
    });
    await this.runOps(ctx, ops, label, () => proxies.reset());
  }

  async clear(plan: ClearPlan): Promise<void> {
    await this.run(async (ctx) => {
      const label = 'Đang xóa kết quả…';
      this.progress(0, label);
      const state = await this.bookState(ctx);
      const existing = new Map(state.names.map((n) => [sheetKey(n), n]));
      const doomed = plan.sheets.map((n) => existing.get(sheetKey(n))).filter((n): n is string => n !== undefined);
      const data = plan.data;
      const dataName = data ? existing.get(sheetKey(data.sheet)) : undefined;
      this.refuse(state, dataName !== undefined ? [dataName] : [], doomed);
      const ops: Op[] = [];
      const proxies = new SheetProxies(ctx);
      // The markers go with the product's sheets (a deleted sheet leaves its name as #REF!).
      if (plan.sheets.length) {
        for (const mark of state.markNames) ops.push({ bytes: cost(1, 1), queue: () => ctx.workbook.names.getItem(mark).delete() });
      }
      // "Xóa kết quả" asks to remove the product's sheets: they are deleted (Excel cannot undo it).
      for (const name of doomed) ops.push({ bytes: cost(1, 1), queue: () => proxies.get(name).delete() });
      if (data && dataName !== undefined) {
        const ws = ctx.workbook.worksheets.getItem(dataName);
        const usedRange = ws.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount');
        this.tally.queued(cost(2, 1));
        await this.tally.sync(ctx, () => 100);
        const box = boxOf(usedRange);
        const fromRow = Math.max(1, Math.floor(data.fromRow));
        // Only inside the used range: never a clear down to row 1,048,576.
        const toRow = Math.min(box ? box.row + box.rows : 0, Math.floor(data.toRow ?? MAX_ROWS));
        for (const [c1, c2] of runs([...new Set(data.cols)].filter((c) => c >= 0).sort((a, b) => a - b))) {
          if (toRow >= fromRow) {
            const address = `${columnLetters(c1)}${fromRow}:${columnLetters(c2)}${toRow}`;
            ops.push({
              bytes: cost(1, 2),
              queue: () => {
                const r = proxies.get(dataName).getRange(address);
                r.clear('Contents');
                r.clear('Formats');
              },
            });
          }
          // The columns were ours (apply set their widths): give them the sheet's standard width.
          ops.push({ bytes: cost(3, 1), queue: () => void (proxies.get(dataName).getRange(colsAddress(c1, c2)).format.useStandardWidth = true) });
        }
      }
      await this.runOps(ctx, ops, label, () => proxies.reset());
      this.progress(1, label);
    });
  }

  // ---- writing ----

  /**
   * Packs the operations into syncs under the payload budget and sends them in order. `fresh` is
   * called before each request is built: objects of a refused request do not exist in Excel.
   */
  private async runOps(ctx: Excel.RequestContext, ops: readonly Op[], label: string, fresh: () => void): Promise<void> {
    const groups: Op[][] = [];
    let current: Op[] = [];
    let bytes = 0;
    for (const op of ops) {
      if (current.length && bytes + op.bytes > this.maxBytes) {
        groups.push(current);
        current = [];
        bytes = 0;
      }
      current.push(op);
      bytes += op.bytes;
    }
    if (current.length) groups.push(current);
    for (let i = 0; i < groups.length; i++) {
      await this.send(ctx, groups[i], fresh);
      this.progress((i + 1) / groups.length, label);
    }
  }

  /**
   * One group in one sync. If Excel still finds the request too big (our estimate missed), it
   * rejects it before running any of it, so the group is sent again in two halves, with new objects.
   */
  private async send(ctx: Excel.RequestContext, group: readonly Op[], fresh: () => void): Promise<void> {
    fresh();
    for (const op of group) {
      op.queue();
      this.tally.queued(op.bytes);
    }
    try {
      await this.tally.sync(ctx);
    } catch (e) {
      if (!isPayloadError(e) || group.length < 2) throw e;
      const half = Math.ceil(group.length / 2);
      await this.send(ctx, group.slice(0, half), fresh);
      await this.send(ctx, group.slice(half), fresh);
    }
  }

  /**
   * Commands on many rectangles: one RangeAreas per address chunk (ExcelApi 1.9), else one
   * Range per rectangle — still one command set per rectangle, never per cell.
   */
  private areaOps(
    ops: Op[],
    ws: () => Excel.Worksheet,
    addresses: readonly string[],
    work: { objects: number; actions: number },
    rangeAreas: boolean,
    apply: (t: Target) => void,
  ): void {
    const each = rangeAreas ? chunkAddresses(addresses) : addresses;
    for (const address of each) {
      ops.push({
        bytes: cost(1 + work.objects, work.actions, address.length),
        queue: () => apply(rangeAreas ? ws().getRanges(address) : ws().getRange(address)),
      });
    }
  }

  /** Formats by style: every cell of one style in as few rectangles as possible. */
  private styleOps(ops: Op[], ws: () => Excel.Worksheet, cells: Map<StyleKey, Pos[]>, rangeAreas: boolean): void {
    for (const [key, positions] of cells) {
      const def = STYLES[key];
      const addresses = rectsFromCells(positions).map(rectAddress);
      this.areaOps(ops, ws, addresses, styleCost(def), rangeAreas, (t) => {
        applyStyle(t.format, def);
      });
    }
  }

  /** Values (and number formats) of plan cells, through the request builder. */
  private valueOps(ops: Op[], ws: () => Excel.Worksheet, cells: readonly { row: number; col: number; spec: CellSpec | null | undefined }[], json: boolean): void {
    const puts: CellPut[] = [];
    for (const { row, col, spec } of cells) {
      const v = cellValue(spec);
      const nf = numberFormatFor(spec);
      const tf = textFormatFor(spec);
      if (typeof v === 'string') puts.push({ row, col, text: v, ...(tf ? { numberFormat: tf } : {}) });
      else if (v !== null) puts.push({ row, col, value: v, ...(nf ? { numberFormat: nf } : {}) });
    }
    appendAll(ops, buildWrites(puts, (r, c, h, w) => ws().getRangeByIndexes(r, c, h, w), { budget: this.maxBytes / 4, json }));
  }

  /** Column widths, equal neighbours in one command. */
  private widthOps(ops: Op[], ws: () => Excel.Worksheet, firstCol: number, widths: readonly number[]): void {
    let i = 0;
    while (i < widths.length) {
      const w = widths[i];
      let j = i;
      while (j + 1 < widths.length && widths[j + 1] === w) j++;
      if (Number.isFinite(w) && w > 0) {
        const address = colsAddress(firstCol + i, firstCol + j);
        ops.push({ bytes: cost(2, 1), queue: () => void (ws().getRange(address).format.columnWidth = charsToPoints(w)) });
      }
      i = j + 1;
    }
  }

  /** Points the marker of a product sheet at it: the old name (if any) is replaced by a hidden new one. */
  private markOps(ops: Op[], ctx: Excel.RequestContext, ws: () => Excel.Worksheet, name: string, existing: Set<string>): void {
    ops.push({
      bytes: cost(3, 3),
      queue: () => {
        if (existing.has(name)) ctx.workbook.names.getItem(name).delete();
        existing.add(name);
        const item = ctx.workbook.names.add(name, ws().getRange('A1'));
        item.visible = false;
      },
    });
  }

  private dataOps(ops: Op[], ws: () => Excel.Worksheet, patch: DataSheetPatch, rangeAreas: boolean, json: boolean, used: Box | undefined): void {
    const startCol = Math.max(0, Math.floor(patch.startCol));
    // 1. An earlier run's columns, values and formats, from the header row down — only down to
    //    the last row an earlier run wrote (a note below the table stays) and never past the used
    //    range (a clear to row 1,048,576 of many columns is what OperationCellsExceedLimit stops).
    const fromRow = Math.max(1, Math.floor(patch.clearFromRow));
    const toRow = Math.min(used ? used.row + used.rows : 0, Math.floor(patch.clearToRow ?? MAX_ROWS));
    if (toRow >= fromRow) {
      for (const [c1, c2] of runs([...new Set(patch.clearCols)].filter((c) => c >= 0).sort((a, b) => a - b))) {
        const address = `${columnLetters(c1)}${fromRow}:${columnLetters(c2)}${toRow}`;
        ops.push({
          bytes: cost(1, 2),
          queue: () => {
            const r = ws().getRange(address);
            r.clear('Contents');
            r.clear('Formats');
          },
        });
      }
    }
    const rows = patchRows(patch, MAX_ROWS).filter((r) => r.cells.length > 0);
    if (rows.length === 0) {
      this.widthOps(ops, ws, startCol, patch.colWidths);
      return;
    }
    // 2. The cells we write are replaced whole, as the xlsx adapter replaces them: cleared first.
    const written: Rect[] = [];
    for (const r of rows) {
      const last = written[written.length - 1];
      const c2 = startCol + r.cells.length - 1;
      if (last && last.r2 === r.row - 1 && last.c2 === c2) written[written.length - 1] = { ...last, r2: r.row };
      else written.push({ r1: r.row, c1: startCol, r2: r.row, c2 });
    }
    this.areaOps(ops, ws, written.map(rectAddress), { objects: 0, actions: 2 }, rangeAreas, (t) => {
      t.clear('Contents');
      t.clear('Formats');
    });
    // 3. Values (with number formats).
    const width = rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
    this.valueOps(
      ops,
      ws,
      rows.flatMap((r) => r.cells.map((spec, i) => ({ row: r.row, col: startCol + i, spec }))),
      json,
    );
    // 4. Formats by style.
    const styles = new Map<StyleKey, Pos[]>();
    for (const r of rows) {
      r.cells.forEach((cell, i) => {
        if (!cell?.s) return;
        let list = styles.get(cell.s);
        if (!list) styles.set(cell.s, (list = []));
        list.push({ row: r.row, col: startCol + i });
      });
    }
    this.styleOps(ops, ws, styles, rangeAreas);
    // 5. Widths of the written columns, and shown: they may fall in a range the user hid.
    this.widthOps(ops, ws, startCol, patch.colWidths);
    const shown = colsAddress(startCol, startCol + width - 1);
    ops.push({ bytes: cost(1, 1), queue: () => void (ws().getRange(shown).columnHidden = false) });
  }

  /**
   * @param existing the real name of the sheet the spec replaces, if there is one
   * @param create queues the new sheet when there is none
   * @param used the replaced sheet's used range (with formats), emptied in place
   * @param hasChart whether the replaced sheet holds the product's chart (deleted by its name)
   * @param furtherCharts the names of the product's further charts on the replaced sheet (deleted too)
   */
  private sheetOps(
    ops: Op[],
    ws: () => Excel.Worksheet,
    spec: SheetSpec,
    existing: string | undefined,
    create: (() => void) | undefined,
    rangeAreas: boolean,
    json: boolean,
    used: Box | undefined,
    hasChart: boolean | undefined,
    real: () => Excel.Worksheet = ws,
    furtherCharts: readonly string[] = [],
  ): void {
    const name = spec.name;
    // 1. The sheet, empty. An existing one is emptied in place, never deleted: Worksheet.delete
    //    cannot be undone and clears the user's undo stack (docs/excel/excel-add-ins-undo-capabilities.md),
    //    and formulas elsewhere that point into it would turn into #REF!. Only its used range is
    //    cleared (a whole-sheet clear is over Excel's 33,554,000-cell operation limit), and of the
    //    charts only the product's own, by its name.
    if (create) {
      ops.push({ bytes: cost(1, 1), queue: create });
    } else if (existing !== undefined) {
      const groups = this.supports('1.10');
      ops.push({
        bytes: cost(6, 8),
        queue: () => {
          const sheet = real();
          if (existing !== name) sheet.name = name;
          if (used) {
            const all = sheet.getRangeByIndexes(used.row, used.col, used.rows, used.cols);
            all.unmerge();
            all.clear('All');
            all.dataValidation.clear();
            all.format.useStandardWidth = true;
            all.format.useStandardHeight = true;
            // Column groups of an earlier run would nest one level deeper each time, and hide columns.
            const cols = sheet.getRange(colsAddress(used.col, used.col + used.cols - 1));
            if (groups) cols.ungroup('ByColumns');
            cols.columnHidden = false;
          }
          sheet.freezePanes.unfreeze();
          if (hasChart) sheet.charts.getItem(CHART_NAME).delete();
          for (const n of furtherCharts) sheet.charts.getItem(n).delete();
        },
      });
    }

    // Cells hidden by a merge take the style of its top-left cell, so a bordered merged header
    // prints with its whole border (as in the xlsx adapter).
    const styleOf = new Map<number, StyleKey>();
    const key = (row: number, col: number): number => row * 16384 + col;
    spec.rows.forEach((row, r) => row.forEach((cell, c) => cell?.s && styleOf.set(key(r + 1, c), cell.s)));
    const merges = (spec.merges ?? []).map(parseRect).filter((m): m is Rect => !!m);
    for (const m of merges) {
      const s = styleOf.get(key(m.r1, m.c1));
      if (!s) continue;
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (!styleOf.has(key(r, c))) styleOf.set(key(r, c), s);
    }

    // 2. Values.
    this.valueOps(
      ops,
      ws,
      spec.rows.flatMap((row, r) => row.map((spec, c) => ({ row: r + 1, col: c, spec }))),
      json,
    );

    // 3. Merges: one-row merges of the same columns on consecutive rows merge in one command
    //    (`merge(true)` merges each row of the range).
    const singles = new Map<string, number[]>();
    for (const m of merges) {
      if (m.r1 === m.r2) {
        const k = `${m.c1}:${m.c2}`;
        const list = singles.get(k) ?? [];
        list.push(m.r1);
        singles.set(k, list);
      } else {
        const address = rectAddress(m);
        ops.push({ bytes: cost(1, 1), queue: () => ws().getRange(address).merge(false) });
      }
    }
    for (const [k, list] of singles) {
      const [c1, c2] = k.split(':').map(Number);
      for (const [r1, r2] of runs([...new Set(list)].sort((a, b) => a - b))) {
        const address = rectAddress({ r1, c1, r2, c2 });
        ops.push({ bytes: cost(1, 1), queue: () => ws().getRange(address).merge(true) });
      }
    }

    // 4. Internal hyperlinks (no batch form exists: one command per link, packed by size).
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.link) return;
        const address = a1(r + 1, c);
        const link: Excel.RangeHyperlink = {
          documentReference: `${quoteSheet(cell.link.sheet)}!${cell.link.cell}`,
          // A number keeps its value; a text is shown as it is.
          ...(typeof cell.v === 'string' ? { textToDisplay: cell.v } : {}),
        };
        ops.push({ bytes: cost(1, 1, jsonBytes(link)), queue: () => void (ws().getRange(address).hyperlink = link) });
      }),
    );

    // 5. Formats by style (after the hyperlinks, whose own style they override).
    const styles = new Map<StyleKey, Pos[]>();
    for (const [k, s] of styleOf) {
      let list = styles.get(s);
      if (!list) styles.set(s, (list = []));
      list.push({ row: Math.floor(k / 16384), col: k % 16384 });
    }
    this.styleOps(ops, ws, styles, rangeAreas);

    // 6. Column widths and row heights (rows of one height together).
    this.widthOps(ops, ws, 0, spec.colWidths ?? []);
    const byHeight = new Map<number, number[]>();
    for (const [row, h] of Object.entries(spec.rowHeights ?? {})) {
      const r = Number(row);
      if (!(r >= 1 && r <= MAX_ROWS) || !Number.isFinite(h) || h <= 0) continue;
      const list = byHeight.get(h) ?? [];
      list.push(r);
      byHeight.set(h, list);
    }
    for (const [h, list] of byHeight) {
      const addresses = runs(list.sort((a, b) => a - b)).map(([r1, r2]) => rowsAddress(r1, r2));
      this.areaOps(ops, ws, addresses, { objects: 1, actions: 1 }, rangeAreas, (t) => void (t.format.rowHeight = h));
    }

    // 7. Frozen panes, drop-down lists, page layout.
    if (spec.freeze && (spec.freeze.rows >= 1 || spec.freeze.cols >= 1)) ops.push(freezeOp(ws, spec.freeze));
    for (const v of spec.validations ?? []) {
      const joined = v.list.join(',');
      // A literal list is at most 255 characters and a comma always separates items: like the
      // xlsx adapter, such lists are not written.
      if (v.list.length === 0 || joined.length > 255 || v.list.some((x) => x.includes(','))) continue;
      for (const part of v.range.split(/\s+/)) {
        const rect = parseRect(part);
        if (!rect) continue;
        const address = rectAddress(rect);
        ops.push({
          bytes: cost(2, 2, jsonBytes(joined)),
          queue: () => {
            const dv = ws().getRange(address).dataValidation;
            dv.clear();
            dv.rule = { list: { inCellDropDown: true, source: joined } };
            if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
          },
        });
      }
    }
    // Number rules (DataValidation, ExcelApi 1.8): whole numbers or any number from `min`, blanks allowed.
    for (const n of spec.numberRules ?? []) {
      for (const part of n.range.split(/\s+/)) {
        const rect = parseRect(part);
        if (!rect) continue;
        const address = rectAddress(rect);
        const basic: Excel.BasicDataValidation =
          n.max !== undefined
            ? { formula1: n.min, formula2: n.max, operator: 'Between' }
            : { formula1: n.min, operator: 'GreaterThanOrEqualTo' };
        ops.push({
          bytes: cost(2, 5, jsonBytes(n)),
          queue: () => {
            const dv = ws().getRange(address).dataValidation;
            dv.clear();
            dv.rule = n.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
            dv.ignoreBlanks = true;
            dv.prompt = { showPrompt: true, title: n.prompt.title, message: n.prompt.text };
            dv.errorAlert = { showAlert: true, style: 'Stop', title: n.error.title, message: n.error.text };
          },
        });
      }
    }
    // Column groups (Range.group / hideGroupDetails, ExcelApi 1.10): left out on older hosts.
    if (this.supports('1.10')) {
      for (const g of spec.columnGroups ?? []) {
        const address = colsAddress(g.from, g.to);
        ops.push({
          bytes: cost(1, 2),
          queue: () => {
            const r = ws().getRange(address);
            r.group('ByColumns');
            if (g.collapsed) r.hideGroupDetails('ByColumns');
          },
        });
      }
    }
    // The charts: `chart` (Tổng hợp's columns) first, then `charts` (Tiến độ's lines, one per
    // indicator group); Excel.ChartType 'Line' draws a line per series (learn.microsoft.com/javascript/api/excel/excel.charttype).
    const sheetCharts = [...(spec.chart ? [spec.chart] : []), ...(spec.charts ?? [])];
    sheetCharts.forEach((chart, k) => {
      ops.push({
        bytes: cost(4, 6, jsonBytes(chart)),
        queue: () => {
          const c = ws().charts.add(chart.type === 'line' ? 'Line' : 'ColumnClustered', ws().getRange(chart.data), 'Columns');
          c.name = chartName(k);
          c.title.text = chart.title;
          c.legend.position = 'Bottom';
          const [from, to] = chart.at.split(':');
          c.setPosition(from, to);
        },
      });
    });
    const page = spec.page;
    if (page && this.supports('1.9')) {
      const tall = pagesTall(spec.rows.length);
      ops.push({
        bytes: cost(1, 12),
        queue: () => {
          const layout = ws().pageLayout;
          layout.orientation = page.landscape ? 'Landscape' : 'Portrait';
          layout.paperSize = 'A4';
          layout.centerHorizontally = true;
          // The xlsx adapter's margins, in points (inches × 72).
          layout.leftMargin = 36;
          layout.rightMargin = 36;
          layout.topMargin = 43.2;
          layout.bottomMargin = 43.2;
          layout.headerMargin = 21.6;
          layout.footerMargin = 21.6;
          // One page wide; tall enough never to shrink further (see pagesTall).
          if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: tall };
          if (page.printTitleRows) layout.setPrintTitleRows(`$${page.printTitleRows[0]}:$${page.printTitleRows[1]}`);
          if (page.printArea) layout.setPrintArea(page.printArea);
          if (page.footer) layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
        },
      });
    }
    // 8. Protection last, once everything is written: cells whose style is `unlocked` stay editable
    //    (RangeFormat.protection.locked, ExcelApi 1.2), the rest locked, no password.
    const protection = spec.protection;
    if (protection) {
      const open: Pos[] = [];
      for (const [k, s] of styleOf) if (STYLES[s].unlocked) open.push({ row: Math.floor(k / 16384), col: k % 16384 });
      this.areaOps(ops, ws, rectsFromCells(open).map(rectAddress), { objects: 1, actions: 1 }, rangeAreas, (t) => void (t.format.protection.locked = false));
      ops.push({
        bytes: cost(2, 1),
        queue: () => ws().protection.protect({ allowFormatColumns: protection.allowFormatColumns, allowFormatRows: protection.allowFormatRows }),
      });
    }
  }

  /** The data sheet's view: frozen header rows and identity columns, print titles (ExcelApi 1.9). */
  private viewOps(ops: Op[], ws: () => Excel.Worksheet, view: DataSheetView): void {
    ops.push(freezeOp(ws, view.freeze));
    if (!this.supports('1.9') || (!view.printTitleRows && !view.printTitleCols)) return;
    const rows = view.printTitleRows;
    const cols = view.printTitleCols;
    ops.push({
      bytes: cost(2, 2),
      queue: () => {
        const layout = ws().pageLayout;
        if (rows) layout.setPrintTitleRows(`$${rows[0]}:$${rows[1]}`);
        if (cols) layout.setPrintTitleColumns(`$${columnLetters(cols[0])}:$${columnLetters(cols[1])}`);
      },
    });
  }
}

/** `$D$12` or `d12` → `D12`, the key readCells uses. */
function normalCell(cell: string): string {
  const r = parseRect(cell);
  return r ? a1(r.r1, r.c1) : cell;
}

/**
 * Rectangles to read for scattered cells: bands of rows (gaps up to 20 rows) × spans of columns
 * (gaps up to 20 columns), cut to keep the response under `budget` (about 60 bytes a cell for
 * values, types, formulas and formats of a short text).
 */
function readGroups(cells: readonly Rect[], budget: number): Rect[] {
  const sorted = [...cells].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
  const out: Rect[] = [];
  const bands: Rect[][] = [];
  for (const c of sorted) {
    const band = bands[bands.length - 1];
    if (band && c.r1 - band[band.length - 1].r1 <= 21) band.push(c);
    else bands.push([c]);
  }
  for (const band of bands) {
    const cols = [...new Set(band.map((c) => c.c1))].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (const col of cols) {
      const s = spans[spans.length - 1];
      if (s && col - s[1] <= 21) s[1] = col;
      else spans.push([col, col]);
    }
    for (const [c1, c2] of spans) {
      const rows = band.filter((c) => c.c1 >= c1 && c.c1 <= c2).map((c) => c.r1);
      const r1 = rows[0];
      const r2 = rows[rows.length - 1];
      const perRow = (c2 - c1 + 1) * READ_BYTES_PER_FIX_CELL;
      const step = Math.max(1, Math.floor(budget / perRow));
      for (let r = r1; r <= r2; r += step) out.push({ r1: r, c1, r2: Math.min(r2, r + step - 1), c2 });
    }
  }
  return out;
}

/**
 * The status columns beside an Excel Table, never inside or touching it. Excel's AutoCorrect grows
 * a table over a value written in the column next to it (office-js#6745: AutoCorrect applies to
 * API writes), which would make our columns part of the user's table — sorted, filtered and styled
 * with it, and counted in its structured references. So when the first status column would touch
 * a table on the rows written, it moves right of the table, one column left empty between.
 * (Not as table columns: `TableColumnCollection.add` is the documented OperationCellsExceedLimit
 * case on the web, and the xlsx adapter writes plain cells.)
 */
export function besideTables(patch: DataSheetPatch, tables: readonly Box[]): DataSheetPatch {
  if (tables.length === 0 || patch.rows.length === 0) return patch;
  const first = -maxOf(-Infinity, patch.rows.map((r) => -r.row)) - 1;
  const last = maxOf(-Infinity, patch.rows.map((r) => r.row)) - 1;
  let start = patch.startCol;
  for (let moved = true; moved; ) {
    moved = false;
    for (const t of tables) {
      const rowsMeet = first <= t.row + t.rows && last >= t.row;
      if (rowsMeet && start >= t.col && start <= t.col + t.cols) {
        start = t.col + t.cols + 1;
        moved = true;
      }
    }
  }
  return start === patch.startCol ? patch : { ...patch, startCol: start };
}

/**
 * Freezes the rows above and the columns left of the split; none of either unfreezes (the user's
 * data sheet: an earlier run's panes go).
 */
function freezeOp(ws: () => Excel.Worksheet, freeze: { readonly rows: number; readonly cols: number }): Op {
  const fr = Math.max(0, Math.floor(freeze.rows));
  const fc = Math.max(0, Math.floor(freeze.cols));
  return {
    bytes: cost(2, 1),
    queue: () => {
      const panes = ws().freezePanes;
      if (fr && fc) panes.freezeAt(ws().getRangeByIndexes(0, 0, fr, fc));
      else if (fr) panes.freezeRows(fr);
      else if (fc) panes.freezeColumns(fc);
      else panes.unfreeze();
    },
  };
}

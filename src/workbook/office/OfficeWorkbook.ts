/// <reference types="office-js" />
/**
 * The Office adapter of the workbook port: reads and writes the open workbook through the Excel
 * JavaScript API. Every Office.js call of the product lives under `src/workbook/office/`.
 *
 * Built for Excel on the web, where each `context.sync()` is a network round trip and a request
 * or a response over 5 MB fails:
 * - work is queued as size-estimated operations and packed into as few syncs as the payload
 *   budget allows (check + write of a 10,000-row table: 5 syncs on the fake Excel);
 * - reads and writes are split into row chunks whose estimated JSON stays under the budget;
 * - formats are applied once per style to all its cells (RangeAreas built from merged runs),
 *   never cell by cell;
 * - text is written into cells formatted as text (`@`) — the number format is queued before
 *   the value — so `=1+1`, `+84…`, `-5`, `@SUM(A1)` typed by a user stay text.
 */
import { a1, columnIndex, columnLetters, isCellError, type CellRange, type RawCell, type SheetGrid } from '../../domain/grid';
import type { CellSnapshot, CellWrite, InteractivePort } from '../interactive';
import { patchRows } from '../patchRows';
import type { CellSpec, ClearPlan, DataSheetPatch, OutputPlan, SheetSpec } from '../plan';
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
import { applyStyle, styleCost } from './formats';
import { isExcelApiSupported } from './requirements';
import { cost, jsonBytes, Tally, type OfficeStats } from './stats';

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
/** Rows between two written rows that start a new chunk instead of writing nulls across them. */
const MAX_GAP_ROWS = 20;

type Value = string | number | boolean | null;

/** What a format/clear callback needs from a Range or a RangeAreas. */
interface Target {
  readonly format: Excel.RangeFormat;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
}

/** One piece of work: commands queued together, with their estimated request size. */
interface Op {
  readonly bytes: number;
  readonly queue: () => void;
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


/** One row of a values block: the values and their number formats. */
interface BlockRow {
  readonly row: number;
  readonly values: Value[];
  readonly formats: (string | null)[];
}

/** Name of the product's chart on `Tổng hợp`. */
const CHART_NAME = 'ChiTieuCDCS';

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
      const { names, visibility, marks } = await this.sheetsIn(ctx);
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
      used.load('rowIndex,columnIndex,rowCount,columnCount');
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
          const chunk = sheet.getRangeByIndexes(top + done, left, n, cols);
          chunk.load('values,valueTypes');
          this.tally.queued(cost(1, 1));
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
      return { name: sheetName, rows, ...formattedExtent(rows.length, left + cols - 1, formatted), ...(merges.length ? { merges } : {}) };
    });
  }

  /**
   * The workbook's sheets (names, visibility) and the product's markers on them, in one sync (the
   * first of apply and clear). Markers are workbook-scoped names (`Workbook.names`, ExcelApi 1.1;
   * `NamedItem.formula`, 1.7) whose reference Excel keeps pointing at the sheet through a rename.
   */
  private async sheetsIn(ctx: Excel.RequestContext): Promise<{
    names: string[];
    visibility: string[];
    marks: Map<string, OwnSheetKind>;
    markNames: Set<string>;
  }> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const defined = ctx.workbook.names;
    defined.load('items/name,items/formula');
    this.tally.queued(cost(0, 2));
    let names: string[] = [];
    let visibility: string[] = [];
    const marks = new Map<string, OwnSheetKind>();
    const markNames = new Set<string>();
    await this.tally.sync(ctx, () => {
      names = sheets.items.map((s) => s.name);
      visibility = sheets.items.map((s) => String(s.visibility));
      const items = defined.items.map((n) => ({ name: n.name, formula: String(n.formula ?? '') }));
      for (const item of items) {
        const mark = readMark(item.name, item.formula);
        if (!mark) continue;
        markNames.add(item.name);
        marks.set(sheetKey(mark.sheet), mark.kind);
      }
      return jsonBytes([names, visibility, items]);
    });
    return { names, visibility, marks, markNames };
  }

  async apply(plan: OutputPlan): Promise<void> {
    await this.run(async (ctx) => {
      const label = 'Đang ghi kết quả…';
      this.progress(0, label);
      const { names, markNames } = await this.sheetsIn(ctx);
      const existing = new Map(names.map((n) => [sheetKey(n), n]));

      const ops: Op[] = [];
      const rangeAreas = this.supports('1.9');
      // One worksheet object per sheet for the whole apply: objects stay valid across the syncs
      // of one batch, and each new object costs request bytes.
      const proxies = new Map<string, Excel.Worksheet>();
      const proxy = (name: string) => (): Excel.Worksheet => {
        let ws = proxies.get(sheetKey(name));
        if (!ws) proxies.set(sheetKey(name), (ws = ctx.workbook.worksheets.getItem(name)));
        return ws;
      };
      if (plan.data) {
        const actual = existing.get(sheetKey(plan.data.sheet));
        if (actual === undefined) {
          throw new OfficeAdapterError('no_such_sheet', `Không còn sheet "${plan.data.sheet}" trong tệp (có thể vừa bị đổi tên hoặc xóa). Hãy kiểm tra lại rồi chạy lại.`);
        }
        this.dataOps(ops, proxy(actual), plan.data, rangeAreas);
      }
      const added = new Set<string>();
      for (const spec of plan.sheets) {
        const key = sheetKey(spec.name);
        const actual = existing.get(key) ?? (added.has(key) ? spec.name : undefined);
        const ws = proxy(spec.name);
        // A sheet with a chart from an earlier run is replaced by a fresh one at the same place:
        // clearing cells leaves charts behind, and finding them would cost a round trip.
        const replace = actual !== undefined && spec.chart !== undefined;
        const position = actual !== undefined ? names.indexOf(actual) : -1;
        const create =
          actual === undefined
            ? () => {
                proxies.set(key, ctx.workbook.worksheets.add(spec.name));
              }
            : replace
              ? () => {
                  const fresh = ctx.workbook.worksheets.add();
                  ctx.workbook.worksheets.getItem(actual).delete();
                  fresh.name = spec.name;
                  fresh.position = position;
                  proxies.set(key, fresh);
                }
              : undefined;
        this.sheetOps(ops, ws, spec, replace ? undefined : actual, create, rangeAreas);
        added.add(key);
        if (spec.kind) this.markOps(ops, ctx, ws, markName(spec.kind), markNames);
      }
      await this.runOps(ctx, ops, label);
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

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<CellSnapshot[]> {
    if (writes.length === 0) return [];
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const ranges = writes.map((w) => {
        const r = ws.getRange(w.cell);
        r.load('values,valueTypes,formulas,numberFormat');
        return r;
      });
      this.tally.queued(cost(1 + writes.length, writes.length));
      await this.tally.sync(ctx, () => ranges.reduce((n, r) => n + jsonBytes([r.values, r.valueTypes, r.formulas, r.numberFormat]), 0));

      const snapshots: CellSnapshot[] = [];
      writes.forEach((w, i) => {
        const r = ranges[i];
        const formula = r.formulas[0][0];
        const value = r.values[0][0];
        // A formula is the user's work: a fix never replaces it. (`formulas` returns a constant
        // as it is, so a text that starts with "=" reads the same in both; a formula does not.)
        if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return;
        const numberFormat = String(r.numberFormat[0][0] ?? 'General');
        snapshots.push({ cell: w.cell, value: rawCell(value, r.valueTypes[0][0]), numberFormat });
        if (typeof w.value === 'string') {
          // Text goes in as text (format `@` first), then the cell gets its own format back:
          // changing a format does not re-read the content, so the text stays text.
          r.numberFormat = [['@']];
          r.values = [[w.value]];
          if (numberFormat !== '@') r.numberFormat = [[numberFormat]];
        } else {
          // "Number text → number": a text-formatted cell would turn the number back into text.
          if (numberFormat === '@') r.numberFormat = [['General']];
          r.values = [[w.value]];
        }
        this.tally.queued(cost(0, 3, 2 * jsonBytes(numberFormat) + jsonBytes(w.value)));
      });
      if (snapshots.length) await this.tally.sync(ctx);
      return snapshots;
    });
  }

  async restoreCells(sheet: string, snapshots: readonly CellSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const s of snapshots) {
        const r = ws.getRange(s.cell);
        const numberFormat = s.numberFormat ?? 'General';
        if (s.formula !== undefined) {
          r.numberFormat = [[numberFormat === '@' ? 'General' : numberFormat]];
          r.formulas = [[s.formula]];
        } else if (s.value === null) {
          r.clear('Contents');
        } else {
          // Text is put back as text, anything else (numbers, booleans, error values such as
          // #N/A) is read by Excel as typed; then the cell's own format returns.
          r.numberFormat = [[typeof s.value === 'string' ? '@' : 'General']];
          r.values = [[isCellError(s.value) ? s.value.error : s.value]];
        }
        r.numberFormat = [[numberFormat]];
        this.tally.queued(cost(1, 3, jsonBytes(s)));
      }
      await this.tally.sync(ctx);
    });
  }

  async clear(plan: ClearPlan): Promise<void> {
    await this.run(async (ctx) => {
      const label = 'Đang xóa kết quả…';
      this.progress(0, label);
      const { names, markNames } = await this.sheetsIn(ctx);
      const existing = new Map(names.map((n) => [sheetKey(n), n]));
      let queued = false;
      // The markers go with the product's sheets (a deleted sheet leaves its name as #REF!).
      if (plan.sheets.length) {
        for (const mark of markNames) {
          ctx.workbook.names.getItem(mark).delete();
          this.tally.queued(cost(1, 1));
          queued = true;
        }
      }
      for (const name of plan.sheets) {
        const actual = existing.get(sheetKey(name));
        if (actual === undefined) continue;
        ctx.workbook.worksheets.getItem(actual).delete();
        existing.delete(sheetKey(name));
        this.tally.queued(cost(1, 1));
        queued = true;
      }
      const data = plan.data;
      const dataName = data ? existing.get(sheetKey(data.sheet)) : undefined;
      if (data && dataName !== undefined) {
        const ws = ctx.workbook.worksheets.getItem(dataName);
        const fromRow = Math.max(1, Math.floor(data.fromRow));
        for (const [c1, c2] of runs([...new Set(data.cols)].filter((c) => c >= 0).sort((a, b) => a - b))) {
          const toRow = Math.min(MAX_ROWS, Math.max(fromRow, Math.floor(data.toRow ?? MAX_ROWS)));
          const r = ws.getRange(`${columnLetters(c1)}${fromRow}:${columnLetters(c2)}${toRow}`);
          r.clear('Contents');
          r.clear('Formats');
          // The columns were ours (apply set their widths): give them the sheet's standard width.
          ws.getRange(colsAddress(c1, c2)).format.useStandardWidth = true;
          this.tally.queued(cost(4, 3));
          queued = true;
        }
      }
      if (queued) await this.tally.sync(ctx);
      this.progress(1, label);
    });
  }

  // ---- writing ----

  /** Packs the operations into syncs under the payload budget and sends them in order. */
  private async runOps(ctx: Excel.RequestContext, ops: readonly Op[], label: string): Promise<void> {
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
      await this.send(ctx, groups[i]);
      this.progress((i + 1) / groups.length, label);
    }
  }

  /**
   * One group in one sync. If Excel still finds the request too big (our estimate missed), it
   * rejects it before running any of it, so the group is sent again in two halves.
   */
  private async send(ctx: Excel.RequestContext, group: readonly Op[]): Promise<void> {
    for (const op of group) {
      op.queue();
      this.tally.queued(op.bytes);
    }
    try {
      await this.tally.sync(ctx);
    } catch (e) {
      if (!isPayloadError(e) || group.length < 2) throw e;
      const half = Math.ceil(group.length / 2);
      await this.send(ctx, group.slice(0, half));
      await this.send(ctx, group.slice(half));
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

  /**
   * Values and number formats of a block of rows as 2-D arrays, in chunks under a quarter of the
   * budget (so several pack into one sync). Number formats go first: a text must find its cell
   * already formatted as text. Null entries leave a cell as it is.
   */
  private valueOps(ops: Op[], ws: () => Excel.Worksheet, rows: readonly BlockRow[], col: number, width: number): void {
    if (width <= 0 || rows.length === 0) return;
    const budget = this.maxBytes / 4;
    const emptyRowBytes = 2 * (width * 5 + 2);
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let bytes = 0;
      while (end < rows.length) {
        const gap = end > start ? rows[end].row - rows[end - 1].row - 1 : 0;
        if (gap > MAX_GAP_ROWS) break;
        const rowBytes = jsonBytes(rows[end].values) + jsonBytes(rows[end].formats) + gap * emptyRowBytes;
        if (end > start && bytes + rowBytes > budget) break;
        bytes += rowBytes;
        end++;
      }
      const part = rows.slice(start, end);
      start = end;
      const first = part[0].row;
      const last = part[part.length - 1].row;
      const height = last - first + 1;
      const values: Value[][] = [];
      const formats: (string | null)[][] = [];
      let anyFormat = false;
      const nulls = (): null[] => new Array<null>(width).fill(null);
      let k = 0;
      for (let r = first; r <= last; r++) {
        const br = part[k]?.row === r ? part[k++] : undefined;
        const v = br ? br.values : nulls();
        const f = br ? br.formats : nulls();
        while (v.length < width) v.push(null);
        while (f.length < width) f.push(null);
        if (!anyFormat && f.some((x) => x !== null)) anyFormat = true;
        values.push(v);
        formats.push(f);
      }
      ops.push({
        bytes: cost(1, 2, bytes),
        queue: () => {
          const range = ws().getRangeByIndexes(first - 1, col, height, width);
          if (anyFormat) range.numberFormat = formats;
          range.values = values;
        },
      });
    }
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

  private dataOps(ops: Op[], ws: () => Excel.Worksheet, patch: DataSheetPatch, rangeAreas: boolean): void {
    const startCol = Math.max(0, Math.floor(patch.startCol));
    // 1. An earlier run's columns, values and formats, from the header row down.
    const fromRow = Math.max(1, Math.floor(patch.clearFromRow));
    // Only down to the last row an earlier run wrote: a note below the table stays.
    const toRow = Math.min(MAX_ROWS, Math.max(fromRow, Math.floor(patch.clearToRow ?? MAX_ROWS)));
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
    // 3. Values (with number formats) as blocks of rows.
    const width = rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
    const block: BlockRow[] = rows.map((r) => ({ row: r.row, values: r.cells.map(cellValue), formats: r.cells.map(numberFormatFor) }));
    this.valueOps(ops, ws, block, startCol, width);
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
   * @param existing the name of the sheet the spec replaces, if there is one
   * @param create queues the new sheet when there is none
   */
  private sheetOps(
    ops: Op[],
    ws: () => Excel.Worksheet,
    spec: SheetSpec,
    existing: string | undefined,
    create: (() => void) | undefined,
    rangeAreas: boolean,
  ): void {
    const name = spec.name;
    // 1. The sheet, empty. An existing one is emptied in place rather than deleted: it keeps its
    //    position, and formulas elsewhere that point into it do not turn into #REF!.
    if (create) {
      ops.push({ bytes: cost(1, 1), queue: create });
    } else if (existing !== undefined) {
      ops.push({
        bytes: cost(5, 7),
        queue: () => {
          // getItem is case-insensitive: the proxy for `name` is this sheet, renamed below if needed.
          const sheet = ws();
          if (existing !== name) sheet.name = name;
          const all = sheet.getRange();
          all.unmerge();
          all.clear('All');
          all.dataValidation.clear();
          all.format.useStandardWidth = true;
          all.format.useStandardHeight = true;
          sheet.freezePanes.unfreeze();
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
    const width = spec.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const block: BlockRow[] = [];
    spec.rows.forEach((row, r) => {
      if (row.length === 0 || row.every((c) => cellValue(c) === null)) return;
      block.push({ row: r + 1, values: row.map(cellValue), formats: row.map(numberFormatFor) });
    });
    this.valueOps(ops, ws, block, 0, width);

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
    const fr = Math.max(0, Math.floor(spec.freeze?.rows ?? 0));
    const fc = Math.max(0, Math.floor(spec.freeze?.cols ?? 0));
    if (fr || fc) {
      ops.push({
        bytes: cost(2, 1),
        queue: () => {
          const panes = ws().freezePanes;
          if (fr && fc) panes.freezeAt(ws().getRangeByIndexes(0, 0, fr, fc));
          else if (fr) panes.freezeRows(fr);
          else panes.freezeColumns(fc);
        },
      });
    }
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
          },
        });
      }
    }
    const chart = spec.chart;
    if (chart) {
      ops.push({
        bytes: cost(4, 6, jsonBytes(chart)),
        queue: () => {
          const c = ws().charts.add('ColumnClustered', ws().getRange(chart.data), 'Columns');
          c.name = CHART_NAME;
          c.title.text = chart.title;
          c.legend.position = 'Bottom';
          const [from, to] = chart.at.split(':');
          c.setPosition(from, to);
        },
      });
    }
    const page = spec.page;
    if (page && this.supports('1.9')) {
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
          // One page wide, as many pages tall as needed (0 = automatic, as fitToHeight="0").
          if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (page.printTitleRows) layout.setPrintTitleRows(`$${page.printTitleRows[0]}:$${page.printTitleRows[1]}`);
        },
      });
    }
  }
}

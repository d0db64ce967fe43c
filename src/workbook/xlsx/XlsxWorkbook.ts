/**
 * The xlsx adapter of the workbook port: reads sheets and applies an OutputPlan by patching
 * the package's XML parts. Parts we don't own are never parsed for writing, only copied.
 */
import type { RawCell, SheetGrid } from '../../domain/grid';
import type { DataSheetPatch, OutputPlan, SheetSpec } from '../plan';
import { sheetKey } from '../ownSheets';
import type { SheetInfo, WorkbookPort } from '../port';
import { hasFormula, removeOverride, removeRelationship } from './calcChain';
import { readMergeCells } from './mergeCells';
import { markSheet, readMarks } from './ownMarks';
import { syncSheetChart } from './chart/sheetChart';
import { attr, tagEnd } from './xml';
import type { StyleKey } from '../styles';
import { Conformance, conformanceOf, relType } from './conformance';
import { patchDataSheet, patchDataSheetAsync } from './dataPatch';
import { ReadError, Result, XlsxError, XlsxLimits, errorMessage } from './limits';
import { XlsxPackage, type SheetWindowSource } from './pkg';
import { parseRange, quoteSheet } from './refs';
import { absoluteRange } from './printArea';
import { setActiveTab, setFrozenPanes, unselectTab } from './sheetView';
import { columnLetters } from '../../domain/grid';
import { parseSharedStrings } from './sharedStrings';
import { readSheetWindows, readSheetWindowsAsync, readSheetXml, type SheetReadOptions } from './sheetReader';
import { StyleIndex, WORKSHEET_CONTENT_TYPE, writeWorksheet } from './sheetWriter';
import { STYLES_CONTENT_TYPE, addStyles, minimalStylesXml } from './stylesPatch';
import {
  EMPTY_RELS,
  REL_WORKSHEET,
  Rel,
  SheetRef,
  addRel,
  addSheet,
  parseRels,
  parseSheets,
  relTypeIs,
  relsPathFor,
  renameSheet,
  resolveTarget,
  retargetRel,
  setOverride,
  setPrintTitles,
  PRINT_AREA,
} from './workbookParts';

const CONTENT_TYPES = '[Content_Types].xml';


export class XlsxWorkbook implements WorkbookPort {
  private sst: string[] | undefined;
  private readonly warningList: string[] = [];

  /** @internal use openXlsx / createXlsx */
  constructor(
    private readonly pkg: XlsxPackage,
    private readonly limits: XlsxLimits,
    /** Path of the workbook part, normally `xl/workbook.xml`. */
    private readonly wbPath: string,
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.sheetNamesSync();
  }

  async sheetInfos(): Promise<SheetInfo[]> {
    return this.sheetInfosSync();
  }

  /** Sheets with their visibility (`state="hidden|veryHidden"`) and the product's markers. */
  sheetInfosSync(): SheetInfo[] {
    const wb = this.workbookXml();
    const marks = readMarks(wb);
    // A leftover `<sheet r:id="">` (no part behind it) is no sheet, as in sheetNamesSync.
    return parseSheets(wb).filter((s) => s.relId !== '').map((s) => {
      const state = attr(wb, s.start, tagEnd(wb, s.start), 'state');
      const mark = marks.get(sheetKey(s.name));
      return { name: s.name, hidden: state === 'hidden' || state === 'veryHidden', ...(mark ? { mark } : {}) };
    });
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const r = await this.readSheetResultAsync(name);
    if (!r.ok) throw new XlsxError(r.error.code, r.error.message);
    return r.value;
  }

  async apply(plan: OutputPlan): Promise<void> {
    await this.applyAsync(plan);
  }

  /**
   * Sheet names in workbook order. An entry without a relationship id (Excel can leave a
   * `<sheet r:id="">` behind) names no sheet: it is left out here and kept as it is in the file.
   */
  sheetNamesSync(): string[] {
    return parseSheets(this.workbookXml())
      .filter((s) => s.relId !== '')
      .map((s) => s.name);
  }

  /** Throws XlsxError: `no_such_sheet`, `too_large`, `too_many_cells` or `corrupt`. */
  readSheetSync(name: string): SheetGrid {
    const r = this.readSheetResult(name);
    if (!r.ok) throw new XlsxError(r.error.code, r.error.message);
    return r.value;
  }

  /** Never throws: a sheet that cannot be read gives a ReadError whose message names it. */
  readSheetResult(name: string): Result<SheetGrid, ReadError> {
    const found = this.sheetToRead(name);
    if ('ok' in found) return found;
    try {
      return this.readFound(found, found.part.worksheet ? this.pkg.sheetWindows(found.part.path) : undefined);
    } catch (err) {
      return readErrorOf(err, found.ref.name);
    }
  }

  /** Reads a sheet found by sheetToRead, a big one from its windows (as it inflates). Throws XlsxError. */
  private readFound(found: SheetToRead, source: SheetWindowSource | undefined): Result<SheetGrid, ReadError> {
    const { ref, part, options } = found;
    if (!part.worksheet) return { ok: true, value: { name: ref.name, rows: [] } };
    // A big sheet is never held whole; its merges are in the last window.
    if (source) {
      let lastWindow = '';
      const rows = readSheetWindows(
        {
          *[Symbol.iterator]() {
            for (const w of source.windows()) yield (lastWindow = w);
          },
        },
        { ...options, binary: true },
      );
      return { ok: true, value: gridOf(ref.name, rows, readMergeCells(lastWindow), options) };
    }
    const sheetXml = this.pkg.sheetXml(part.path);
    if (sheetXml === undefined) throw new XlsxError('corrupt', undefined, `missing part ${part.path}`);
    const { xml, binary } = sheetXml;
    const rows = readSheetXml(xml, { ...options, binary });
    return { ok: true, value: gridOf(ref.name, rows, readMergeCells(xml), options) };
  }

  /**
   * readSheetResult with a big sheet inflated asynchronously (Node's zlib, on its thread pool)
   * while the windows already inflated are scanned.
   */
  async readSheetResultAsync(name: string): Promise<Result<SheetGrid, ReadError>> {
    const found = this.sheetToRead(name);
    if ('ok' in found) return found;
    try {
      const source = found.part.worksheet ? this.pkg.sheetWindows(found.part.path) : undefined;
      if (!source) return this.readFound(found, undefined);
      let lastWindow = '';
      const rows = await readSheetWindowsAsync(
        {
          async *[Symbol.asyncIterator]() {
            for await (const w of source.windowsAsync()) yield (lastWindow = w);
          },
        },
        { ...found.options, binary: true },
      );
      return { ok: true, value: gridOf(found.ref.name, rows, readMergeCells(lastWindow), found.options) };
    } catch (err) {
      return readErrorOf(err, found.ref.name);
    }
  }

  /** The sheet's entry and part, and fresh read options; or the read error. */
  private sheetToRead(name: string): SheetToRead | { ok: false; error: ReadError } {
    try {
      // Entries without a relationship id are not sheets (see sheetNamesSync).
      const sheets = parseSheets(this.workbookXml()).filter((s) => s.relId !== '');
      const ref = sheets.find((s) => s.name === name) ?? sheets.find((s) => sheetKey(s.name) === sheetKey(name));
      if (!ref) return { ok: false, error: { code: 'no_such_sheet', message: errorMessage('no_such_sheet', { sheet: name }) } };
      const part = this.sheetPart(ref);
      const options: ReadOptions = { sheetName: ref.name, maxCells: this.limits.maxCells, sharedStrings: () => this.sharedStrings(), extent: {}, hiddenRows: [] };
      return { ref, part, options };
    } catch (err) {
      return readErrorOf(err, name);
    }
  }

  /** Notes about parts of the plan that could not be written as asked (English, for logs). */
  warnings(): readonly string[] {
    return this.warningList;
  }

  applySync(plan: OutputPlan): void {
    const style = this.prepareStyles(plan);
    const job = plan.data ? this.dataPatchJob(plan) : undefined;
    if (job) {
      const { path, data, editHead, source, binary } = job;
      // Compressed as it is patched: no copy of the patched rows is ever held.
      const windows: Iterable<string> = source ? source.windows() : [job.xml ?? ''];
      this.pkg.writeText(path, (emit) => patchDataSheet(windows, data, style, editHead, binary, emit), binary);
    }
    this.applySheets(plan, style);
  }

  /** applySync with a big data sheet inflated asynchronously while it is patched (see readSheetResultAsync). */
  private async applyAsync(plan: OutputPlan): Promise<void> {
    const style = this.prepareStyles(plan);
    const job = plan.data ? this.dataPatchJob(plan) : undefined;
    if (job) {
      const { path, data, editHead, source, binary } = job;
      if (source) {
        await this.pkg.writeTextAsync(path, (emit, drain) => patchDataSheetAsync(source.windowsAsync(), data, style, editHead, true, emit, drain), true);
      } else {
        this.pkg.writeText(path, (emit) => patchDataSheet([job.xml ?? ''], data, style, editHead, binary, emit), binary);
      }
    }
    this.applySheets(plan, style);
  }

  /** Where the data sheet's patch reads from and goes to. */
  private dataPatchJob(plan: OutputPlan): {
    path: string;
    data: DataSheetPatch;
    editHead: (head: string) => string;
    source?: SheetWindowSource;
    xml?: string;
    binary: boolean;
  } {
    const data = plan.data!;
    const ref = this.findSheet(data.sheet);
    if (!ref) throw new XlsxError('no_such_sheet', errorMessage('no_such_sheet', { sheet: data.sheet }));
    const part = this.sheetPart(ref);
    // The user's sheet: only its view changes besides the product's columns (frozen panes, no selected tab).
    // Applied to the part before <sheetData> only: editing the whole text would copy a 60 MB sheet.
    const view = data.view;
    const editHead = (head: string): string => (view ? setFrozenPanes(head, view) : plan.activeSheet !== undefined ? unselectTab(head) : head);
    // A big sheet is patched window by window as it inflates.
    const source = part.worksheet ? this.pkg.sheetWindows(part.path) : undefined;
    if (source) return { path: part.path, data, editHead, source, binary: true };
    const sheetXml = part.worksheet ? this.pkg.sheetXml(part.path) : undefined;
    if (sheetXml === undefined) throw new XlsxError('corrupt', undefined, `data sheet part ${part.path} missing`);
    return { path: part.path, data, editHead, xml: sheetXml.xml, binary: sheetXml.binary };
  }

  /** The product's own sheets and the workbook's views, after the data sheet. */
  private applySheets(plan: OutputPlan, style: StyleIndex): void {
    for (const spec of plan.sheets) this.writeSheet(spec, style, plan.activeSheet);
    this.applyViews(plan);
  }

  /**
   * The data sheet's print titles (header rows and identity columns on every page) and the sheet
   * the workbook opens on: its tab alone selected (other sheets' `tabSelected` dropped, Excel
   * would otherwise open them grouped), `activeTab` pointing at it.
   */
  private applyViews(plan: OutputPlan): void {
    let wb = this.workbookXml();
    const sheets = parseSheets(wb);
    const indexOf = (name: string): number => {
      const exact = sheets.findIndex((s) => s.name === name);
      return exact >= 0 ? exact : sheets.findIndex((s) => sheetKey(s.name) === sheetKey(name));
    };
    const view = plan.data?.view;
    if (plan.data && view) {
      const i = indexOf(plan.data.sheet);
      if (i >= 0) {
        const q = quoteSheet(sheets[i].name);
        // Columns first, then rows: the order Excel writes a two-part print title in.
        const parts: string[] = [];
        if (view.printTitleCols) parts.push(`${q}!$${columnLetters(view.printTitleCols[0])}:$${columnLetters(view.printTitleCols[1])}`);
        if (view.printTitleRows) parts.push(`${q}!$${view.printTitleRows[0]}:$${view.printTitleRows[1]}`);
        wb = setPrintTitles(wb, i, parts.length ? parts.join(',') : undefined);
      }
    }
    if (plan.activeSheet !== undefined) {
      const active = indexOf(plan.activeSheet);
      if (active >= 0) {
        wb = setActiveTab(wb, active);
        const done = new Set([plan.data?.sheet, ...plan.sheets.map((s) => s.name)].filter((n): n is string => n !== undefined).map(sheetKey));
        for (const ref of sheets) {
          if (ref.relId === '' || done.has(sheetKey(ref.name))) continue;
          const part = this.sheetPart(ref);
          const xml = part.worksheet ? this.pkg.text(part.path) : undefined;
          if (xml === undefined || !xml.includes('tabSelected')) continue;
          const unselected = unselectTab(xml);
          if (unselected !== xml) this.pkg.setText(part.path, unselected);
        }
      }
    }
    this.pkg.setText(this.wbPath, wb);
  }

  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }

  // ---- internals ----

  private workbookXml(): string {
    const xml = this.pkg.text(this.wbPath);
    if (xml === undefined) throw new XlsxError('not_xlsx');
    return xml;
  }

  /** The package's conformance class (Strict or Transitional): parts we add are written in it. */
  private conformance(): Conformance {
    return conformanceOf(this.workbookXml());
  }

  private rels(): Rel[] {
    return parseRels(this.pkg.text(relsPathFor(this.wbPath)));
  }

  private findSheet(name: string): SheetRef | undefined {
    const sheets = parseSheets(this.workbookXml());
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => sheetKey(s.name) === sheetKey(name));
  }

  private sheetPart(ref: SheetRef): { path: string; worksheet: boolean } {
    const rel = this.rels().find((r) => r.id === ref.relId);
    if (!rel || rel.external) throw new XlsxError('corrupt', undefined, `sheet ${ref.name} has no relationship`);
    return { path: resolveTarget(this.wbPath, rel.target), worksheet: relTypeIs(rel.type, 'worksheet') };
  }

  /** The shared strings; none when the part is absent, even if a relationship names it. */
  private sharedStrings(): string[] {
    if (!this.sst) {
      const rel = this.rels().find((r) => relTypeIs(r.type, 'sharedStrings') && !r.external);
      const xml = rel ? this.pkg.text(resolveTarget(this.wbPath, rel.target)) : undefined;
      this.sst = xml ? parseSharedStrings(xml) : [];
    }
    return this.sst;
  }

  /** Adds the styles the plan uses to styles.xml (creating it if the file has none). */
  private prepareStyles(plan: OutputPlan): StyleIndex {
    const keys: StyleKey[] = [];
    const seen = new Set<StyleKey>();
    const note = (k: StyleKey | undefined): void => {
      if (k && !seen.has(k)) seen.add(k), keys.push(k);
    };
    plan.data?.rows.forEach((r) => r.cells.forEach((c) => note(c?.s)));
    plan.sheets.forEach((s) => s.rows.forEach((r) => r.forEach((c) => note(c?.s ?? undefined))));
    if (!keys.length) return () => undefined;

    const conformance = this.conformance();
    const font = { name: 'Calibri', size: 11, family: '2' };
    const relsPath = relsPathFor(this.wbPath);
    let rel = this.rels().find((r) => relTypeIs(r.type, 'styles') && !r.external);
    if (!rel) {
      const dir = this.wbPath.slice(0, this.wbPath.lastIndexOf('/') + 1);
      let n = 0;
      while (this.pkg.has(`${dir}styles${n || ''}.xml`)) n++;
      const target = `styles${n || ''}.xml`;
      this.pkg.setText(dir + target, minimalStylesXml(font, conformance));
      this.pkg.setText(relsPath, addRel(this.pkg.text(relsPath) ?? EMPTY_RELS, relType(conformance, 'styles'), target).xml);
      this.pkg.setText(CONTENT_TYPES, setOverride(this.pkg.text(CONTENT_TYPES)!, dir + target, STYLES_CONTENT_TYPE));
      rel = this.rels().find((r) => relTypeIs(r.type, 'styles') && !r.external)!;
    }
    const path = resolveTarget(this.wbPath, rel.target);
    let styles = this.pkg.text(path);
    // The relationship names a part the package lacks (or an empty one): create it where the relationship points.
    if (styles === undefined || styles.trim() === '') {
      styles = minimalStylesXml(font, conformance);
      this.pkg.setText(CONTENT_TYPES, setOverride(this.pkg.text(CONTENT_TYPES)!, path, STYLES_CONTENT_TYPE));
    }
    const { xml, index } = addStyles(styles, keys);
    this.pkg.setText(path, xml);
    return (k) => (k ? index.get(k) : undefined);
  }

  /** Replaces the sheet of that name (keeping its position and sheetId) or appends a new one. */
  private writeSheet(spec: SheetSpec, style: StyleIndex, activeSheet?: string): void {
    const selected = activeSheet !== undefined && sheetKey(activeSheet) === sheetKey(spec.name);
    const conformance = this.conformance();
    // Straight into the package, compressed as it is produced: a big Kiểm tra sheet is never one string.
    // The chart's parts first: the worksheet's <drawing> names their relationship. `previous` is
    // the sheet's XML before this run, whose drawing (and a user's charts in it) is reused.
    const write = (path: string, previous?: string): void => {
      const dir = this.wbPath.slice(0, this.wbPath.lastIndexOf('/') + 1);
      const chart = syncSheetChart(this.pkg, path, previous, spec, conformance, dir);
      for (const w of chart.warnings) this.warningList.push(`${spec.name}: ${w}`);
      this.pkg.writeText(path, (emit) => {
        for (const w of writeWorksheet(spec, style, conformance, emit, chart.drawingRelId, selected)) this.warningList.push(`${spec.name}: ${w}`);
      });
    };
    const relsPath = relsPathFor(this.wbPath);
    let wb = this.workbookXml();
    let index: number;
    const existing = this.findSheet(spec.name);
    if (existing) {
      index = parseSheets(wb).findIndex((s) => s.start === existing.start);
      const part = this.sheetPart(existing);
      const before = part.worksheet ? this.pkg.text(part.path) : undefined;
      if (before !== undefined && hasFormula(before)) this.dropCalcChain();
      if (part.worksheet) write(part.path, before);
      else {
        // A chart sheet of the same name: point its relationship at a new worksheet part.
        const { path, target } = this.newSheetPart();
        write(path);
        this.pkg.setText(relsPath, retargetRel(this.pkg.text(relsPath)!, existing.relId, REL_WORKSHEET, target));
        this.pkg.setText(CONTENT_TYPES, setOverride(this.pkg.text(CONTENT_TYPES)!, path, WORKSHEET_CONTENT_TYPE));
      }
      if (existing.name !== spec.name) wb = renameSheet(wb, existing, spec.name);
    } else {
      const { path, target } = this.newSheetPart();
      write(path);
      const added = addRel(this.pkg.text(relsPath) ?? EMPTY_RELS, REL_WORKSHEET, target);
      this.pkg.setText(relsPath, added.xml);
      this.pkg.setText(CONTENT_TYPES, setOverride(this.pkg.text(CONTENT_TYPES)!, path, WORKSHEET_CONTENT_TYPE));
      const sheets = parseSheets(wb);
      const sheetId = sheets.reduce((m, s) => (s.sheetId > m ? s.sheetId : m), 0) + 1;
      wb = addSheet(wb, spec.name, sheetId, added.id);
      index = sheets.length;
    }
    const titles = spec.page?.printTitleRows;
    wb = setPrintTitles(wb, index, titles ? `${quoteSheet(spec.name)}!$${titles[0]}:$${titles[1]}` : undefined);
    const area = spec.page?.printArea ? parseRange(spec.page.printArea) : undefined;
    wb = setPrintTitles(wb, index, area ? `${quoteSheet(spec.name)}!${absoluteRange(area)}` : undefined, PRINT_AREA);
    if (spec.kind) wb = markSheet(wb, spec.kind, spec.name);
    this.pkg.setText(this.wbPath, wb);
  }

  /** Removes calcChain.xml, its relationship and content type: Excel rebuilds it. */
  private dropCalcChain(): void {
    const relsPath = relsPathFor(this.wbPath);
    const rel = this.rels().find((r) => relTypeIs(r.type, 'calcChain'));
    if (!rel) return;
    const path = resolveTarget(this.wbPath, rel.target);
    this.pkg.remove(path);
    this.pkg.setText(relsPath, removeRelationship(this.pkg.text(relsPath)!, rel.id));
    const ct = this.pkg.text(CONTENT_TYPES);
    if (ct !== undefined) this.pkg.setText(CONTENT_TYPES, removeOverride(ct, path));
  }

  /** An unused `worksheets/sheetN.xml` next to the workbook part. */
  private newSheetPart(): { path: string; target: string } {
    const dir = this.wbPath.slice(0, this.wbPath.lastIndexOf('/') + 1);
    let n = 1;
    while (this.pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
    return { path: `${dir}worksheets/sheet${n}.xml`, target: `worksheets/sheet${n}.xml` };
  }
}

/** A sheet to read: its entry, its part, and fresh read options. */
interface SheetToRead {
  readonly ref: SheetRef;
  readonly part: { readonly path: string; readonly worksheet: boolean };
  readonly options: ReadOptions;
}

/** What a sheet read fills in besides the rows. */
type ReadOptions = Omit<SheetReadOptions, 'binary'> & { readonly extent: { data?: Int32Array }; readonly hiddenRows: number[] };

/** The grid of a sheet read. */
function gridOf(name: string, rows: RawCell[][], merges: ReturnType<typeof readMergeCells>, options: ReadOptions): SheetGrid {
  const { extent, hiddenRows } = options;
  // Only hidden rows the grid reaches matter (a sheet may hide every row past its table).
  while (hiddenRows.length && hiddenRows[hiddenRows.length - 1] > rows.length) hiddenRows.pop();
  return {
    name,
    rows,
    ...(extent.data ? { blankCellExtent: extent.data } : {}),
    ...(merges.length ? { merges } : {}),
    ...(hiddenRows.length ? { hiddenRows } : {}),
  };
}

/** Limits keep their code; anything else (a missing part, malformed XML, a scanner fault) is this sheet being unreadable. */
function readErrorOf(err: unknown, sheet: string): { ok: false; error: ReadError } {
  if (err instanceof XlsxError && (err.code === 'too_large' || err.code === 'too_many_cells')) {
    return { ok: false, error: { code: err.code, message: err.message } };
  }
  return { ok: false, error: { code: 'corrupt', message: errorMessage('corrupt', { sheet }) } };
}

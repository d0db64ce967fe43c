/**
 * Proxy objects of the fake Excel, behaving like Office.js client objects:
 * - methods and property writes are queued on the request context and run, in order, at
 *   `context.sync()`; objects are resolved then (a sheet added earlier in the batch exists);
 * - a property can be read only after `load` and `sync` (else PropertyNotLoaded);
 * - each sync is one request and one response; the request is measured from its serialisation
 *   (commands with their arguments and new object paths, as JSON), and either fails over the
 *   payload limit (Excel on the web: 5 MB, docs/excel/performance.md);
 * - a failed request leaves its objects invalid; protection, read-only mode, Excel Tables and the
 *   other limits are described where they are enforced, each with its documentation page.
 */
import {
  type Book,
  type Cell,
  type DefinedName,
  type Chart,
  type CellFormat,
  type Rect,
  type Sheet,
  type Table,
  MAX_COL,
  MAX_ROW,
  cellAt,
  cellCount,
  colOf,
  contains,
  evaluate,
  existingKeys,
  interpret,
  intersects,
  key,
  newSheet,
  parseArea,
  qualified,
  rectAddress,
  referencedValue,
  refersTo,
  replaceSheetRef,
  rowOf,
  sameName,
  tidy,
  usedRect,
} from './model';

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

/** Excel refuses to return more cells than this in one get (docs/excel/performance.md, "Payload size limit best practices": "a range is limited to five million cells for get operations"). */
const MAX_GET_CELLS = 5_000_000;
/**
 * `getRange`/`getRanges` take at most 8,192 characters of address: "When this limit is exceeded, the
 * address string is truncated to 8192 characters" (docs/excel/excel-add-ins-troubleshooting.md,
 * "Range return character limit"). Excel does not throw: it uses the cut address.
 */
const MAX_ADDRESS_CHARS = 8192;
/**
 * "The attempted operation affects more than the limit of 33554000 cells" — OperationCellsExceedLimit
 * (docs/testing/application-specific-api-error-handling.md; the page says Excel on the web only, the
 * fake applies it everywhere). A whole sheet is 17,179,869,184 cells, so no whole-sheet clear passes.
 */
export const MAX_OPERATION_CELLS = 33_554_000;
/** The fake walks cell by cell for formats; bigger areas mean an adapter bug. */
const MAX_FORMAT_CELLS = 2_000_000;

export function utf8Bytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) i++, n += 2;
    else n += 2;
  }
  return n;
}

export interface FakeStats {
  syncs: number;
  /** Request bytes of each sync: the UTF-8 length of the serialised request (actions and object paths). */
  requests: number[];
  /** Response bytes of each sync. */
  responses: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalBytes: number;
  /**
   * Calls that clear the user's undo stack: `Worksheet.delete` "does not support undo" and "the
   * user's undo stack is cleared starting from that API call" (docs/excel/excel-add-ins-undo-capabilities.md).
   */
  undoCleared: number;
}

/** What the whole fake shares: the workbook, limits, counters. */
export interface Engine {
  book: Book;
  stats: FakeStats;
  limitBytes: number;
  /** ExcelApi version the fake host supports, as major * 1000 + minor (1.9 → 1009). */
  apiVersion: number;
  /** Makes the next sync fail with this error code (cell edit mode, protection…). */
  failNext?: { code: string; message: string };
}

interface Action {
  /** The command as it travels in the request (measured as JSON). */
  readonly json: unknown;
  /** Runs at sync; a load returns its payload size and how to hand the values over. */
  readonly run: () => void | { bytes: number; deliver: () => void };
}

/**
 * The request context of one `run`. Each sync sends one request whose size is measured from its
 * serialisation: every command with its arguments (the values arrays, the addresses…) and every
 * object path created since the last sync, as JSON — the shape of Office.js's RichApi request
 * (`Actions` + `ObjectPaths`), not the adapter's estimate.
 */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Action[] = [];
  private paths: unknown[] = [];
  private nextId = 1;
  /** Number of the request being built (objects remember the request that created them). */
  requestNo = 1;
  /** Requests that failed: objects they were to create do not exist in Excel. */
  readonly failedRequests = new Set<number>();
  closed = false;

  constructor(readonly engine: Engine) {
    this.workbook = new FakeWorkbook(this);
  }

  push(args: unknown, run: Action['run'], name = 'Command'): void {
    if (this.closed) throw new FakeOfficeError('InvalidObjectPath', 'The object was used after its Excel.run batch ended.');
    const id = this.nextId++;
    this.queue.push({ json: { Id: id, ActionType: 1, Name: name, ObjectPathId: id, ArgumentInfo: { Arguments: [args] } }, run });
  }

  path(args: unknown, name = 'Path'): void {
    const id = this.nextId++;
    this.paths.push({ Id: id, ObjectPathType: 3, Name: name, ParentObjectPathId: id - 1, ArgumentInfo: { Arguments: [args] } });
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const e = this.engine;
    const actions = this.queue;
    const request = utf8Length(JSON.stringify({ Actions: actions.map((a) => a.json), ObjectPaths: this.paths }));
    this.queue = [];
    this.paths = [];
    const thisRequest = this.requestNo++;
    e.stats.syncs++;
    e.stats.requests.push(request);
    e.stats.maxRequestBytes = Math.max(e.stats.maxRequestBytes, request);
    e.stats.totalBytes += request;
    if (e.failNext) {
      const f = e.failNext;
      e.failNext = undefined;
      e.stats.responses.push(0);
      this.failedRequests.add(thisRequest);
      throw new FakeOfficeError(f.code, f.message);
    }
    if (request > e.limitBytes) {
      e.stats.responses.push(0);
      this.failedRequests.add(thisRequest);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${request}) has exceeded the limit.`);
    }
    const deliveries: (() => void)[] = [];
    let response = 50;
    try {
      // Commands before a failing one stay done, as in Excel; the rest are dropped.
      for (const a of actions) {
        const loaded = a.run();
        if (loaded) {
          response += loaded.bytes;
          deliveries.push(loaded.deliver);
        }
      }
    } catch (err) {
      this.failedRequests.add(thisRequest);
      throw err;
    } finally {
      e.stats.responses.push(response);
      e.stats.maxResponseBytes = Math.max(e.stats.maxResponseBytes, response);
      e.stats.totalBytes += response;
    }
    if (response > e.limitBytes) {
      this.failedRequests.add(thisRequest);
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${response}) has exceeded the limit.`);
    }
    for (const d of deliveries) d();
  }
}

function notLoaded(name: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(props: string | string[] | undefined, all: readonly string[]): string[] {
  if (props === undefined) return [...all];
  if (typeof props !== 'string' && !Array.isArray(props)) throw new Error('fake Excel: load() takes a string or an array of strings');
  const list = (Array.isArray(props) ? props : props.split(','))
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.replace(/^items\//, ''));
  for (const p of list) if (!all.includes(p)) throw new Error(`fake Excel: loading "${p}" is not supported`);
  return list;
}

/** Base of every proxy: loaded values live here after a sync. */
abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  /** The request that creates this object in Excel. */
  private readonly born: number;
  constructor(readonly context: FakeContext) {
    this.born = context.requestNo;
  }

  /**
   * An object whose creating request failed was never made in Excel: any later use fails. (Office.js
   * sends an object's path with the request that first uses it; when that request is refused — payload
   * too big, a command failing — the object does not exist, and reusing the proxy in a new request
   * refers to nothing. Not described on a documentation page: the fake is strict here on purpose.)
   */
  assertValid(): void {
    if (this.context.failedRequests.has(this.born)) {
      throw new FakeOfficeError('InvalidObjectPath', 'The object path is not valid: it was created in a request that failed. Create the object again.');
    }
  }

  /** The sheet a write through this object changes (protection applies to it); none for workbook-level objects. */
  protected writeTarget(): Sheet | undefined {
    return undefined;
  }

  /**
   * Refuses a write in a read-only workbook (Workbook.readOnly, ExcelApi 1.8: "Returns true if the
   * workbook is open in read-only mode") or on a protected sheet (WorksheetProtection.protected,
   * ExcelApi 1.2; docs/excel/excel-add-ins-worksheets.md "Protect worksheet data"). The error code
   * Excel uses is not documented: the fake says AccessDenied, and the adapter must not need it (it
   * checks before writing).
   */
  protected guardWrite(): void {
    if (this.context.engine.book.readOnly) throw new FakeOfficeError('AccessDenied', 'The workbook is open in read-only mode.');
    const sheet = this.writeTarget();
    if (sheet?.protected) throw new FakeOfficeError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet.");
  }

  /** Loadable scalar properties and how to read them from the model at sync time. */
  protected abstract readers(): Record<string, () => unknown>;

  /** True when, at sync time, this is a null object (its loaded properties are then null). */
  protected isNullNow(): boolean {
    return false;
  }

  load(props?: string | string[]): this {
    const readers = this.readers();
    const names = parseLoad(props, Object.keys(readers));
    this.context.push(names, () => {
      this.assertValid();
      const snap: Record<string, unknown> = {};
      const isNull = this.isNullNow();
      for (const n of names) snap[n] = isNull ? null : readers[n]();
      return { bytes: utf8Bytes(snap) + 20, deliver: () => names.forEach((n) => this.loaded.set(n, snap[n])) };
    });
    return this;
  }

  protected got<T>(name: string): T {
    if (!this.loaded.has(name)) notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** A write: queued with its arguments; at sync the object must exist and the target be writable. */
  protected queue(args: unknown, run: () => void): void {
    this.context.push(args, () => {
      this.assertValid();
      this.guardWrite();
      run();
    });
  }

  get isNullObject(): boolean {
    return this.got<boolean>('isNullObject');
  }
}

const itemNotFound = (what: string): FakeOfficeError => new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);

// ---- workbook and sheets ----

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeProtection;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.protection = new FakeProtection(context, () => context.engine.book.structureProtected, () => this.loaded);
  }

  protected readers(): Record<string, () => unknown> {
    return {
      // Workbook.readOnly — ExcelApi 1.8.
      readOnly: () => this.context.engine.book.readOnly,
      // Workbook.protection.protected — ExcelApi 1.7 (docs/excel/excel-add-ins-workbooks.md, "Protect workbook structure").
      'protection/protected': () => this.context.engine.book.structureProtected,
    };
  }

  get readOnly(): boolean {
    return this.got('readOnly');
  }
}

/**
 * WorkbookProtection / WorksheetProtection: `protected` is loadable on the object itself or through
 * its parent (`load('protection/protected')`, as docs/excel/excel-add-ins-workbooks.md does).
 */
export class FakeProtection extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly state: () => boolean,
    private readonly parentLoaded: () => Map<string, unknown>,
  ) {
    super(context);
  }
  protected readers(): Record<string, () => unknown> {
    return { protected: () => this.state() };
  }
  /**
   * WorksheetProtection.protect(options) — ExcelApi 1.2: "Fails if the worksheet has already been
   * protected." Worksheet protection only (the workbook's is not used by the product).
   */
  protect(options?: Record<string, unknown>, _password?: string): void {
    this.queue(options ?? null, () => {
      const sheet = this.sheetOf?.();
      if (!sheet) throw new FakeOfficeError('InvalidOperation', 'Only worksheet protection is modelled.');
      if (sheet.protected) throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
      sheet.protected = true;
      sheet.protectionOptions = { ...(options ?? {}) };
    });
  }
  /** WorksheetProtection.unprotect() — ExcelApi 1.2 (sheets protected without a password). */
  unprotect(_password?: string): void {
    this.queue(null, () => {
      const sheet = this.sheetOf?.();
      if (!sheet) throw new FakeOfficeError('InvalidOperation', 'Only worksheet protection is modelled.');
      sheet.protected = false;
      sheet.protectionOptions = undefined;
    });
  }
  /** @internal the worksheet behind a WorksheetProtection. */
  sheetOf?: () => Sheet;

  get protected(): boolean {
    const parent = this.parentLoaded();
    if (!this.loaded.has('protected') && parent.has('protection/protected')) return parent.get('protection/protected') as boolean;
    return this.got('protected');
  }
}

/** Workbook structure protection forbids adding, deleting, moving or renaming sheets (docs/excel/excel-add-ins-workbooks.md). */
function guardStructure(book: Book): void {
  if (book.readOnly) throw new FakeOfficeError('AccessDenied', 'The workbook is open in read-only mode.');
  if (book.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
}

// ---- defined names (office-js-docs-pr: Excel.NamedItemCollection, ExcelApi 1.1; add 1.4; NamedItem.formula 1.7) ----

/** Defined-name syntax as Excel accepts it: a letter, `_` or `\` first, then letters, digits, `_` and `.`; not a cell reference. */
function checkDefinedName(book: Book, name: string): void {
  if (typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: name "${name}".`);
  }
  if (book.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError('ItemAlreadyExists', `A name "${name}" already exists.`);
  }
}

/** `='Sheet name'!$A$1`, or `=#REF!$A$1` once the sheet is gone (what Excel shows for a deleted sheet). */
function nameFormula(book: Book, n: DefinedName): string {
  if (!book.sheets.includes(n.sheet)) return `=#REF!${n.address}`;
  return `='${n.sheet.name.replace(/'/g, "''")}'!${n.address}`;
}

export class FakeNamedItemCollection extends FakeObject {
  private itemList: FakeNamedItem[] | undefined;

  protected readers(): Record<string, () => unknown> {
    return { name: () => 0, formula: () => 0, visible: () => 0 };
  }

  override load(props?: string | string[]): this {
    const fields = parseLoad(props, ['name', 'formula', 'visible']);
    this.context.push(fields, () => {
      const book = this.context.engine.book;
      const snaps = book.names.map((n) => {
        const snap: Record<string, unknown> = {};
        for (const f of fields) snap[f] = f === 'name' ? n.name : f === 'formula' ? nameFormula(book, n) : n.visible;
        return { n, snap };
      });
      return {
        bytes: utf8Bytes(snaps.map((x) => x.snap)) + 20,
        deliver: () => {
          this.itemList = snaps.map(({ n, snap }) => {
            const item = new FakeNamedItem(this.context, () => n);
            item.preload(snap);
            return item;
          });
        },
      };
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.itemList) notLoaded('items');
    return this.itemList;
  }

  /** add(name, reference: Range, comment) — ExcelApi 1.4. Only one-cell range references are modelled. */
  add(name: string, reference: FakeRange, _comment?: string): FakeNamedItem {
    this.context.path(name);
    let created: DefinedName | undefined;
    this.queue(name, () => {
      const book = this.context.engine.book;
      checkDefinedName(book, name);
      const { sheet, rects } = reference.resolve();
      const at = rectAddress({ ...rects[0], r2: rects[0].r1, c2: rects[0].c1 }).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
      created = { name, sheet, address: at, visible: true };
      book.names.push(created);
    });
    return new FakeNamedItem(this.context, () => created ?? null);
  }

  getItem(name: string): FakeNamedItem {
    this.context.path(name);
    return new FakeNamedItem(this.context, () => this.context.engine.book.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, `name "${name}"`);
  }
}

export class FakeNamedItem extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly target: () => DefinedName | null,
    private readonly what = 'the named item',
  ) {
    super(context);
  }

  protected readers(): Record<string, () => unknown> {
    return {
      name: () => this.item().name,
      formula: () => nameFormula(this.context.engine.book, this.item()),
      visible: () => this.item().visible,
    };
  }

  /** Values delivered with the collection's load. */
  preload(snap: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
  }

  private item(): DefinedName {
    const n = this.target();
    if (!n) throw itemNotFound(this.what);
    return n;
  }

  get name(): string {
    return this.got('name');
  }
  get formula(): string {
    return this.got('formula');
  }
  get visible(): boolean {
    return this.got('visible');
  }
  /** NamedItem.visible is read/write (ExcelApi 1.1). */
  set visible(value: boolean) {
    this.queue(value, () => void (this.item().visible = value));
  }

  /** NamedItem.delete() — ExcelApi 1.4. */
  delete(): void {
    this.queue(null, () => {
      const book = this.context.engine.book;
      const n = this.item();
      book.names.splice(book.names.indexOf(n), 1);
    });
  }
}

function checkSheetName(book: Book, name: string, except?: Sheet): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: sheet name "${name}".`);
  }
  if (book.sheets.some((s) => s !== except && sameName(s.name, name))) {
    throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private itemList: FakeWorksheet[] | undefined;

  protected readers(): Record<string, () => unknown> {
    // Loading a collection loads these properties of every item.
    return { name: () => 0, position: () => 0, visibility: () => 0, 'protection/protected': () => 0 };
  }

  override load(props?: string | string[]): this {
    const names = parseLoad(props, ['name', 'position', 'visibility', 'protection/protected']);
    this.context.push(names, () => {
      const book = this.context.engine.book;
      const snaps = book.sheets.map((s, i) => {
        const snap: Record<string, unknown> = {};
        for (const n of names) snap[n] = n === 'name' ? s.name : n === 'position' ? i : n === 'visibility' ? s.visibility : s.protected;
        return { sheet: s, snap };
      });
      return {
        bytes: utf8Bytes(snaps.map((x) => x.snap)) + 20,
        deliver: () => {
          this.itemList = snaps.map(({ sheet, snap }) => {
            const ws = new FakeWorksheet(this.context, () => sheet, false);
            ws.preload(snap);
            return ws;
          });
        },
      };
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemList) notLoaded('items');
    return this.itemList;
  }

  add(name?: string): FakeWorksheet {
    this.context.path(name ?? '');
    let created: Sheet | undefined;
    this.queue(name ?? '', () => {
      const book = this.context.engine.book;
      guardStructure(book);
      let n = name;
      if (n === undefined) {
        let i = book.sheets.length + 1;
        while (book.sheets.some((s) => sameName(s.name, `Sheet${i}`))) i++;
        n = `Sheet${i}`;
      }
      checkSheetName(book, n);
      created = newSheet(n);
      book.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created ?? null, false, 'the added worksheet');
  }

  private find(name: string): () => Sheet | null {
    // Resolved at sync by name, then held: a rename later in the batch keeps the same sheet.
    let held: Sheet | undefined;
    return () => {
      if (held && this.context.engine.book.sheets.includes(held)) return held;
      held = this.context.engine.book.sheets.find((s) => s.name === name) ?? this.context.engine.book.sheets.find((s) => sameName(s.name, name));
      return held ?? null;
    };
  }

  getItem(name: string): FakeWorksheet {
    this.context.path(name);
    return new FakeWorksheet(this.context, this.find(name), false, `worksheet "${name}"`);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.path(name);
    return new FakeWorksheet(this.context, this.find(name), true, `worksheet "${name}"`);
  }

  getActiveWorksheet(): FakeWorksheet {
    this.context.path(0);
    return new FakeWorksheet(this.context, () => this.context.engine.book.active ?? this.context.engine.book.sheets[0] ?? null, false, 'the active worksheet');
  }
}

export class FakeWorksheet extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly find: () => Sheet | null,
    private readonly nullable: boolean,
    private readonly what = 'worksheet',
  ) {
    super(context);
    if (nullable) this.loadIsNull();
  }

  private loadIsNull(): void {
    this.context.push(null, () => {
      const isNull = this.find() === null;
      return { bytes: 20, deliver: () => this.loaded.set('isNullObject', isNull) };
    });
  }

  /** @internal values that arrived with a collection load */
  preload(snap: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
    this.loaded.set('isNullObject', false);
  }

  /** The sheet, or ItemNotFound (also for a null object: commands on it fail). */
  sheet(): Sheet {
    this.assertValid();
    const s = this.find();
    if (!s) throw itemNotFound(this.what);
    return s;
  }

  /** The sheet or null, for objects derived from a null object. */
  sheetOrNull(): Sheet | null {
    return this.find();
  }

  protected override isNullNow(): boolean {
    return this.nullable && this.find() === null;
  }

  protected readers(): Record<string, () => unknown> {
    return {
      name: () => this.sheet().name,
      position: () => this.context.engine.book.sheets.indexOf(this.sheet()),
      visibility: () => this.sheet().visibility,
      'protection/protected': () => this.sheet().protected,
    };
  }

  private protectionObject?: FakeProtection;
  /** Worksheet.protection (ExcelApi 1.2): `protected` is loadable. */
  get protection(): FakeProtection {
    if (!this.protectionObject) {
      this.context.path('protection');
      this.protectionObject = new FakeProtection(this.context, () => this.sheet().protected, () => this.loaded);
      this.protectionObject.sheetOf = () => this.sheet();
    }
    return this.protectionObject;
  }

  get name(): string {
    return this.got('name');
  }
  set name(value: string) {
    this.queue(value, () => {
      const s = this.sheet();
      guardStructure(this.context.engine.book);
      checkSheetName(this.context.engine.book, value, s);
      s.name = value;
    });
  }

  /** Worksheet.visibility: Visible, Hidden or VeryHidden (ExcelApi 1.1). */
  get visibility(): string {
    return this.got('visibility');
  }

  get position(): number {
    return this.got('position');
  }
  set position(value: number) {
    this.queue(value, () => {
      const sheets = this.context.engine.book.sheets;
      const s = this.sheet();
      guardStructure(this.context.engine.book);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(sheets.length, value)), 0, s);
    });
  }

  delete(): void {
    this.queue(null, () => {
      const book = this.context.engine.book;
      const s = this.sheet();
      guardStructure(book);
      if (book.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      book.sheets.splice(book.sheets.indexOf(s), 1);
      this.context.engine.stats.undoCleared++;
      // Formulas elsewhere that pointed into the sheet now say #REF! (as Excel rewrites them).
      for (const other of book.sheets) {
        for (const cell of other.cells.values()) {
          if (cell.f && refersTo(cell.f, s.name)) Object.assign(cell, { f: replaceSheetRef(cell.f, s.name), v: '#REF!', t: 'Error' });
        }
      }
      if (book.active === s) book.active = book.sheets[0];
      if (book.selection && sameName(book.selection.sheet, s.name)) book.selection = undefined;
    });
  }

  /** Not a change to the workbook: allowed on protected sheets and read-only workbooks. */
  activate(): void {
    this.context.push(null, () => {
      this.context.engine.book.active = this.sheet();
    });
  }

  private range(address: string | undefined, what: string): FakeRange {
    this.context.path(address ?? '');
    if (address === undefined) return new FakeRange(this.context, this, () => ({ r1: 0, c1: 0, r2: MAX_ROW - 1, c2: MAX_COL - 1 }), false, what);
    // Truncated, not refused (troubleshooting page): a cut address may name other cells or none.
    const area = parseArea(address.slice(0, MAX_ADDRESS_CHARS));
    return new FakeRange(
      this.context,
      this,
      () => {
        if (!area || (area.sheet !== undefined && !sameName(area.sheet, this.sheet().name))) {
          throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address.slice(0, 60)}".`);
        }
        return area.rect;
      },
      false,
      what,
    );
  }

  getRange(address?: string): FakeRange {
    return this.range(address, `range ${address ?? '(whole sheet)'}`);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.path(16);
    const rect = { r1: startRow, c1: startColumn, r2: startRow + rowCount - 1, c2: startColumn + columnCount - 1 };
    const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) && rowCount >= 1 && columnCount >= 1 && rect.r1 >= 0 && rect.c1 >= 0 && rect.r2 < MAX_ROW && rect.c2 < MAX_COL;
    return new FakeRange(
      this.context,
      this,
      () => {
        if (!ok) throw new FakeOfficeError('InvalidArgument', `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
        return rect;
      },
      false,
      'range by indexes',
    );
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.path(address);
    return new FakeRangeAreas(this.context, this, address);
  }

  private used(valuesOnly: boolean, nullable: boolean): FakeRange {
    this.context.path(4);
    let cached: Rect | null | undefined;
    return new FakeRange(
      this.context,
      this,
      () => {
        if (cached === undefined) {
          const s = this.nullable ? this.sheetOrNull() : this.sheet();
          cached = s ? (usedRect(s, valuesOnly) ?? (nullable ? null : { r1: 0, c1: 0, r2: 0, c2: 0 })) : null;
        }
        return cached;
      },
      nullable,
      'used range',
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.used(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.used(valuesOnly, true);
  }

  private panes?: FakeFreezePanes;
  private layout?: FakePageLayout;

  get freezePanes(): FakeFreezePanes {
    return (this.panes ??= (this.context.path(0), new FakeFreezePanes(this.context, this)));
  }

  get pageLayout(): FakePageLayout {
    return (this.layout ??= (this.context.path(0), new FakePageLayout(this.context, this)));
  }

  private chartList?: FakeChartCollection;
  private tableList?: FakeTableCollection;

  /** Worksheet.tables — ExcelApi 1.1. */
  get tables(): FakeTableCollection {
    return (this.tableList ??= (this.context.path('tables'), new FakeTableCollection(this.context, this)));
  }

  get charts(): FakeChartCollection {
    return (this.chartList ??= (this.context.path(0), new FakeChartCollection(this.context, this)));
  }
}

// ---- charts ----

/**
 * The Excel.ChartType values the fake draws (learn.microsoft.com/javascript/api/excel/excel.charttype):
 * 'ColumnClustered' for Tổng hợp, 'Line' ("Line" in that list: a line chart) for Tiến độ; any other
 * value is refused as Excel refuses an unknown type.
 */
const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Line', 'Pie']);

export class FakeChartCollection extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  private itemList: FakeChart[] | undefined;
  protected readers(): Record<string, () => unknown> {
    return { count: () => this.worksheet.sheet().charts.length };
  }
  get count(): number {
    return this.got('count');
  }
  /**
   * ChartCollection.load('items/name') — ExcelApi 1.1: `items` are the sheet's charts at sync, in
   * order, with their names loaded (learn.microsoft.com/javascript/api/excel/excel.chartcollection:
   * "items: Gets the loaded child items in this collection"). `count` loads as any property.
   */
  override load(props?: string | string[]): this {
    const text = Array.isArray(props) ? props.join(',') : (props ?? '');
    if (!/(^|,)\s*items/.test(text)) return super.load(props);
    this.context.push(['items/name'], () => {
      this.assertValid();
      const charts = [...this.worksheet.sheet().charts];
      return {
        bytes: utf8Bytes(charts.map((c) => ({ name: c.name ?? '' }))) + 20,
        deliver: () => {
          this.itemList = charts.map((c) => {
            const item = new FakeChart(this.context, () => c);
            item.preload({ name: c.name ?? '' });
            return item;
          });
        },
      };
    });
    return this;
  }
  get items(): FakeChart[] {
    if (!this.itemList) notLoaded('items');
    return this.itemList;
  }
  /** Like Excel: the source range must be on this sheet; the chart lives with the sheet. */
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    this.context.path(type);
    const chart: Chart = { type, source: '', seriesBy };
    this.queue(type, () => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `Unknown chart type ${type}.`);
      const { sheet, rects } = source.resolve();
      if (sheet !== this.worksheet.sheet()) throw new FakeOfficeError('InvalidArgument', 'The chart data must be on the chart\'s sheet.');
      chart.source = rectAddress(rects[0]);
      sheet.charts.push(chart);
    });
    return new FakeChart(this.context, () => chart);
  }

  /**
   * ChartCollection.getItemOrNullObject(name) — ExcelApi 1.4: the chart of that name, or a null
   * object. Resolved at sync.
   */
  getItemOrNullObject(name: string): FakeChart {
    this.context.path(name);
    let held: Chart | null | undefined;
    const find = (): Chart | null => {
      if (held === undefined) held = this.worksheet.sheetOrNull()?.charts.find((c) => (c.name ?? '').toLowerCase() === name.toLowerCase()) ?? null;
      return held;
    };
    const chart = new FakeChart(this.context, find);
    chart.watchNull();
    return chart;
  }

  /** ChartCollection.getItem(name) — ExcelApi 1.1: ItemNotFound at sync when there is none. */
  getItem(name: string): FakeChart {
    this.context.path(name);
    return new FakeChart(this.context, () => this.worksheet.sheet().charts.find((c) => (c.name ?? '').toLowerCase() === name.toLowerCase()) ?? null);
  }

  protected override writeTarget(): Sheet | undefined {
    return this.worksheet.sheetOrNull() ?? undefined;
  }
}

export class FakeChart extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly target: () => Chart | null,
  ) {
    super(context);
  }
  private get chart(): Chart {
    const c = this.target();
    if (!c) throw itemNotFound('chart');
    return c;
  }
  /** @internal properties delivered with a collection's `items` load. */
  preload(snap: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
  }
  /** @internal loads isNullObject with the next sync (for getItemOrNullObject). */
  watchNull(): void {
    this.context.push(null, () => {
      const isNull = this.target() === null;
      return { bytes: 20, deliver: () => this.loaded.set('isNullObject', isNull) };
    });
  }
  protected override isNullNow(): boolean {
    return this.target() === null;
  }
  protected override writeTarget(): Sheet | undefined {
    const c = this.target();
    return c ? this.context.engine.book.sheets.find((s) => s.charts.includes(c)) : undefined;
  }
  /** Chart.delete() — ExcelApi 1.1. */
  delete(): void {
    this.queue(null, () => {
      const c = this.chart;
      const sheet = this.context.engine.book.sheets.find((s) => s.charts.includes(c));
      if (sheet) sheet.charts.splice(sheet.charts.indexOf(c), 1);
    });
  }
  protected readers(): Record<string, () => unknown> {
    return { name: () => this.chart.name ?? '' };
  }
  get name(): string {
    return this.got('name');
  }
  set name(value: string) {
    this.queue(value, () => void (this.chart.name = value));
  }
  get title(): { text: string } {
    const chart = (): Chart => this.chart;
    const queue = (v: string, f: () => void) => this.queue(v, f);
    return {
      get text(): string {
        return chart().title ?? '';
      },
      set text(v: string) {
        queue(v, () => void (chart().title = v));
      },
    };
  }
  get legend(): { position: string } {
    const chart = (): Chart => this.chart;
    const queue = (v: string, f: () => void) => this.queue(v, f);
    return {
      get position(): string {
        return chart().legend ?? '';
      },
      set position(v: string) {
        queue(v, () => void (chart().legend = v));
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.queue([from, to], () => {
      if (!/^[A-Z]{1,3}\d+$/.test(from) || (to !== undefined && !/^[A-Z]{1,3}\d+$/.test(to))) {
        throw new FakeOfficeError('InvalidArgument', `Bad chart position ${from}:${to}.`);
      }
      this.chart.at = [from, to ?? from];
    });
  }
}

// ---- tables (docs/excel/excel-add-ins-tables.md; Excel.TableCollection, ExcelApi 1.1) ----

export class FakeTableCollection extends FakeObject {
  private itemList: FakeTable[] | undefined;
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected readers(): Record<string, () => unknown> {
    return { name: () => 0, count: () => this.worksheet.sheet().tables.length };
  }
  override load(props?: string | string[]): this {
    const fields = parseLoad(props, ['name']);
    this.context.push(fields, () => {
      this.assertValid();
      const tables = [...this.worksheet.sheet().tables];
      return {
        bytes: utf8Bytes(tables.map((t) => ({ name: t.name }))) + 20,
        deliver: () => {
          this.itemList = tables.map((t) => {
            const item = new FakeTable(this.context, this.worksheet, t);
            item.preload({ name: t.name });
            return item;
          });
        },
      };
    });
    return this;
  }
  get items(): FakeTable[] {
    if (!this.itemList) notLoaded('items');
    return this.itemList;
  }
}

export class FakeTable extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly table: Table,
  ) {
    super(context);
  }
  preload(snap: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
  }
  protected readers(): Record<string, () => unknown> {
    return { name: () => this.table.name };
  }
  get name(): string {
    return this.got('name');
  }
  /** Table.getRange() — the whole table, header row included (ExcelApi 1.1). */
  getRange(): FakeRange {
    this.context.path('getRange');
    return new FakeRange(this.context, this.worksheet, () => this.table.rect, false, `table ${this.table.name}`);
  }
}

// ---- ranges ----

/** What a range resolves to at sync: its sheet and rectangles (null for a null object). */
export interface Resolved {
  sheet: Sheet;
  rects: Rect[];
}

const matrix = <T>(rect: Rect, f: (r: number, c: number) => T): T[][] => {
  const out: T[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: T[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
};

export class FakeRange extends FakeObject {
  constructor(
    context: FakeContext,
    readonly worksheet: FakeWorksheet,
    private readonly rectOf: () => Rect | null,
    private readonly nullable: boolean,
    private readonly what: string,
  ) {
    super(context);
    if (nullable) {
      this.context.push(null, () => {
        const isNull = this.worksheet.sheetOrNull() === null || this.rectOf() === null;
        return { bytes: 20, deliver: () => this.loaded.set('isNullObject', isNull) };
      });
    }
  }

  protected override isNullNow(): boolean {
    return this.nullable && (this.worksheet.sheetOrNull() === null || this.rectOf() === null);
  }

  resolve(): Resolved {
    const sheet = this.worksheet.sheet();
    const rect = this.rectOf();
    if (!rect) throw itemNotFound(this.what);
    return { sheet, rects: [rect] };
  }

  private rect(): { sheet: Sheet; rect: Rect } {
    const { sheet, rects } = this.resolve();
    return { sheet, rect: rects[0] };
  }

  private readable(): { sheet: Sheet; rect: Rect } {
    const x = this.rect();
    if (cellCount(x.rect) > MAX_GET_CELLS) throw new FakeOfficeError('RangeExceedsLimit', 'The range has more cells than Excel returns in one request.');
    return x;
  }

  protected readers(): Record<string, () => unknown> {
    const cell = (s: Sheet, r: number, c: number): Cell | undefined => s.cells.get(key(r, c));
    return {
      address: () => {
        const { sheet, rect } = this.rect();
        return qualified(sheet.name, rect);
      },
      rowIndex: () => this.rect().rect.r1,
      columnIndex: () => this.rect().rect.c1,
      rowCount: () => this.rect().rect.r2 - this.rect().rect.r1 + 1,
      columnCount: () => this.rect().rect.c2 - this.rect().rect.c1 + 1,
      values: () => {
        const { sheet, rect } = this.readable();
        const book = this.context.engine.book;
        return matrix(rect, (r, c) => {
          const x = cell(sheet, r, c);
          return (x?.f ? referencedValue(book, x.f)?.v : undefined) ?? x?.v ?? '';
        });
      },
      valuesAsJson: () => {
        if (this.context.engine.apiVersion < 1016) throw new FakeOfficeError('ApiNotFound', 'valuesAsJson needs ExcelApi 1.16.');
        const { sheet, rect } = this.readable();
        return matrix(rect, (r, c) => {
          const x = cell(sheet, r, c);
          const t = x?.t ?? 'Empty';
          return { type: t, basicType: t, basicValue: x?.v ?? '' };
        });
      },
      rowHidden: () => {
        const { sheet, rect } = this.rect();
        let hidden = 0;
        for (let r = rect.r1; r <= rect.r2; r++) if (sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === rect.r2 - rect.r1 + 1 ? true : null;
      },
      valueTypes: () => {
        const { sheet, rect } = this.readable();
        return matrix(rect, (r, c) => cell(sheet, r, c)?.t ?? 'Empty');
      },
      formulas: () => {
        const { sheet, rect } = this.readable();
        return matrix(rect, (r, c) => {
          const x = cell(sheet, r, c);
          return x?.f ?? x?.v ?? '';
        });
      },
      numberFormat: () => {
        const { sheet, rect } = this.readable();
        return matrix(rect, (r, c) => cell(sheet, r, c)?.nf ?? 'General');
      },
    };
  }

  get address(): string {
    return this.got('address');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }
  get values(): unknown[][] {
    return this.got('values');
  }
  get valueTypes(): string[][] {
    return this.got('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.got('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.got('numberFormat');
  }

  /** Applies a 2-D array to the cells; null entries leave a cell unchanged, as in Excel. */
  private write(name: string, data: unknown, each: (cell: Cell, value: unknown) => void, content = true): void {
    this.queue(data, () => {
      const { sheet, rect } = this.rect();
      const rows = rect.r2 - rect.r1 + 1;
      const cols = rect.c2 - rect.c1 + 1;
      // "You can't set cell-level properties like values, numberFormat, or formula on an unbounded
      // range" (docs/excel/excel-add-ins-ranges-unbounded.md).
      if (rows === MAX_ROW || cols === MAX_COL) throw new FakeOfficeError('InvalidArgument', `'${name}' cannot be set on an unbounded range.`);
      if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array for '${name}' doesn't match the size or dimensions of the range.`);
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const v = (data as unknown[][])[i][j];
          // "Use null in 2-D arrays to leave specific cells unchanged" (docs/excel/excel-add-ins-blank-null-values.md).
          if ((v === null || v === undefined) && name !== 'valuesAsJson') continue;
          const k = key(rect.r1 + i, rect.c1 + j);
          each(cellAt(sheet, rect.r1 + i, rect.c1 + j), v);
          tidy(sheet, k);
        }
      }
      if (content) growTables(sheet, rect);
    });
  }

  /** Range.valuesAsJson (ExcelApi 1.16): typed cell values; see setJsonValue. */
  set valuesAsJson(data: unknown[][]) {
    if (this.context.engine.apiVersion < 1016) {
      this.context.push(null, () => {
        throw new FakeOfficeError('ApiNotFound', 'valuesAsJson needs ExcelApi 1.16.');
      });
      return;
    }
    this.write('valuesAsJson', data, (cell, v) => setJsonValue(cell, v));
  }

  get valuesAsJson(): unknown[][] {
    return this.got('valuesAsJson');
  }

  /** Range.rowHidden (ExcelApi 1.2): true when every row of the range is hidden, null when some are. */
  get rowHidden(): boolean | null {
    return this.got('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.queue(hidden, () => {
      const { sheet, rect } = this.rect();
      for (let r = rect.r1; r <= rect.r2; r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }

  protected override writeTarget(): Sheet | undefined {
    return this.worksheet.sheetOrNull() ?? undefined;
  }

  set values(data: unknown[][]) {
    this.write('values', data, (cell, v) => setValue(cell, v));
  }

  set formulas(data: unknown[][]) {
    this.write('formulas', data, (cell, v) => {
      if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
        Object.assign(cell, evaluate(v), { f: v });
      } else setValue(cell, v);
    });
  }

  set numberFormat(data: unknown[][]) {
    // A new number format does not re-read what the cell holds.
    this.write('numberFormat', data, (cell, v) => (cell.nf = String(v)), false);
  }

  /**
   * Hides or shows whole columns. "Represents if all columns in the current range are hidden"
   * (office-js-docs-pr, docs/reference: Excel.Range.columnHidden, ExcelApi 1.2).
   */
  set columnHidden(hidden: boolean) {
    this.queue(hidden, () => {
      const { sheet, rect } = this.rect();
      for (let c = rect.c1; c <= rect.c2; c++) {
        if (hidden) sheet.hiddenCols.add(c);
        else sheet.hiddenCols.delete(c);
      }
    });
  }

  set hyperlink(link: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string }) {
    this.queue(link, () => {
      const { sheet, rect } = this.rect();
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) cellAt(sheet, r, c).link = { ...link };
      const anchor = cellAt(sheet, rect.r1, rect.c1);
      if (link.textToDisplay !== undefined) Object.assign(anchor, { v: link.textToDisplay, t: 'String', f: undefined });
      else if (anchor.t === 'Empty') Object.assign(anchor, { v: link.documentReference ?? link.address ?? '', t: 'String' });
    });
  }

  /**
   * The merged areas that intersect this range, or a null object when there are none
   * (office-js-docs-pr: Excel.Range.getMergedAreasOrNullObject, ExcelApi 1.13).
   */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    this.context.path(0);
    return new FakeMergedAreas(this.context, () => {
      if (this.context.engine.apiVersion < 1013) throw new FakeOfficeError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13.');
      if (this.isNullNow()) return null;
      const { sheet, rects } = this.resolve();
      const hit = sheet.merges.filter((m) => rects.some((r) => intersects(m, r)));
      return hit.length ? { sheet, rects: hit } : null;
    });
  }

  private formatObject?: FakeRangeFormat;
  private validation?: FakeDataValidation;

  // Navigation properties are objects too: created once per parent, each one a path in the request.
  get format(): FakeRangeFormat {
    return (this.formatObject ??= (this.context.path(0), new FakeRangeFormat(this.context, () => this.resolve())));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validation ??= (this.context.path(0), new FakeDataValidation(this.context, () => this.resolve())));
  }

  clear(applyTo: string = 'All'): void {
    this.queue(applyTo, () => clearAreas(this.resolve(), applyTo));
  }

  merge(across = false): void {
    this.queue(across, () => {
      const { sheet, rect } = this.rect();
      const parts = (across ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i })) : [rect]).filter(
        (m) => cellCount(m) >= 2,
      );
      // Merging over merged cells replaces those merges (one pass, not one per part).
      sheet.merges = sheet.merges.filter((x) => !intersects(x, rect));
      for (const m of parts) {
        sheet.merges.push(m);
        // Excel keeps the upper-left value only.
        for (const k of existingKeys(sheet, m)) {
          if (rowOf(k) === m.r1 && colOf(k) === m.c1) continue;
          const cell = sheet.cells.get(k)!;
          Object.assign(cell, { v: null, t: 'Empty', f: undefined });
          tidy(sheet, k);
        }
      }
    });
  }

  unmerge(): void {
    this.queue(null, () => {
      const { sheet, rect } = this.rect();
      checkOperationCells([rect]);
      sheet.merges = sheet.merges.filter((x) => !intersects(x, rect));
    });
  }

  /** Range.group('ByColumns') — ExcelApi 1.10: one outline level over whole columns. */
  group(option: string): void {
    this.queue(option, () => {
      if (this.context.engine.apiVersion < 1010) throw new FakeOfficeError('ApiNotFound', 'group needs ExcelApi 1.10.');
      if (option !== 'ByColumns') throw new FakeOfficeError('InvalidArgument', `Only ByColumns groups are modelled, not ${option}.`);
      const { sheet, rect } = this.rect();
      sheet.columnGroups.push({ c1: rect.c1, c2: rect.c2, collapsed: false });
    });
  }
  /** Range.ungroup('ByColumns') — ExcelApi 1.10: removes the column groups the range meets (none: nothing happens). */
  ungroup(option: string): void {
    this.queue(option, () => {
      if (this.context.engine.apiVersion < 1010) throw new FakeOfficeError('ApiNotFound', 'ungroup needs ExcelApi 1.10.');
      const { sheet, rect } = this.rect();
      sheet.columnGroups = sheet.columnGroups.filter((g) => !(g.c1 <= rect.c2 && rect.c1 <= g.c2));
    });
  }

  /** Range.hideGroupDetails('ByColumns') — ExcelApi 1.10: collapses the group. */
  hideGroupDetails(option: string): void {
    this.queue(option, () => {
      const { sheet, rect } = this.rect();
      const g = sheet.columnGroups.find((x) => x.c1 === rect.c1 && x.c2 === rect.c2);
      if (!g) throw new FakeOfficeError('InvalidOperation', 'No group to hide.');
      g.collapsed = true;
      for (let c = rect.c1; c <= rect.c2; c++) sheet.hiddenCols.add(c);
    });
  }

  /** Selecting is not a change: allowed on protected sheets and read-only workbooks. */
  select(): void {
    this.context.push(null, () => {
      this.assertValid();
      const { sheet, rect } = this.rect();
      this.context.engine.book.active = sheet;
      this.context.engine.book.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }
}

/** OperationCellsExceedLimit for an operation over more than 33,554,000 cells (see MAX_OPERATION_CELLS). */
function checkOperationCells(rects: readonly Rect[]): void {
  const n = rects.reduce((sum, r) => sum + cellCount(r), 0);
  if (n > MAX_OPERATION_CELLS) throw new FakeOfficeError('OperationCellsExceedLimit', 'The attempted operation affects more than the limit of 33554000 cells.');
}

/**
 * A value written through `valuesAsJson` (ExcelApi 1.16): a typed cell value, stored as what it says
 * — a `String` stays text whatever the number format (docs/excel/excel-data-types-concepts.md: each
 * value carries its `type` and `basicValue`). `null` is not a CellValue: refused (the
 * blank-and-null page allows null only in `values`, `numberFormat` and `formulas` arrays).
 */
function setJsonValue(cell: Cell, v: unknown): void {
  const x = v as { type?: unknown; basicValue?: unknown } | null;
  if (!x || typeof x !== 'object') throw new FakeOfficeError('InvalidArgument', `valuesAsJson takes CellValue objects, not ${JSON.stringify(v)}.`);
  if (x.type === 'String' && typeof x.basicValue === 'string') {
    if (x.basicValue === '') Object.assign(cell, { v: null, t: 'Empty', f: undefined });
    else Object.assign(cell, { v: x.basicValue, t: 'String', f: undefined });
  } else if (x.type === 'Double' && typeof x.basicValue === 'number' && Number.isFinite(x.basicValue)) Object.assign(cell, { v: x.basicValue, t: 'Double', f: undefined });
  else if (x.type === 'Boolean' && typeof x.basicValue === 'boolean') Object.assign(cell, { v: x.basicValue, t: 'Boolean', f: undefined });
  else if (x.type === 'Empty') Object.assign(cell, { v: null, t: 'Empty', f: undefined });
  else throw new FakeOfficeError('InvalidArgument', `Unsupported cell value ${JSON.stringify(v)}.`);
}

/**
 * Excel's AutoCorrect option "Include new rows and columns in table" applies to API writes too
 * (office-js#6745: "auto correct options get applied to changes made with the API"): a value written
 * in the column just right of a table, on the table's rows, or in the row just below it, makes the
 * table grow over it. The fake grows tables for any such write, the strict reading.
 */
function growTables(sheet: Sheet, rect: Rect): void {
  for (const t of sheet.tables) {
    const has = (r: number, c: number): boolean => (sheet.cells.get(key(r, c))?.t ?? 'Empty') !== 'Empty';
    for (;;) {
      const c = t.rect.c2 + 1;
      if (c > rect.c2 || c < rect.c1 || c >= MAX_COL) break;
      let hit = false;
      for (let r = Math.max(t.rect.r1, rect.r1); r <= Math.min(t.rect.r2, rect.r2) && !hit; r++) hit = has(r, c);
      if (!hit) break;
      t.rect = { ...t.rect, c2: c };
    }
    for (;;) {
      const r = t.rect.r2 + 1;
      if (r > rect.r2 || r < rect.r1 || r >= MAX_ROW) break;
      let hit = false;
      for (let c = Math.max(t.rect.c1, rect.c1); c <= Math.min(t.rect.c2, rect.c2) && !hit; c++) hit = has(r, c);
      if (!hit) break;
      t.rect = { ...t.rect, r2: r };
    }
  }
}

/** A value written through `values`: interpreted like typing unless the cell is text-formatted. */
function setValue(cell: Cell, v: unknown): void {
  if (typeof v === 'string') Object.assign(cell, { f: undefined }, interpret(v, cell.nf));
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', 'A cell value must be a finite number.');
    Object.assign(cell, { v, t: 'Double', f: undefined });
  } else if (typeof v === 'boolean') Object.assign(cell, { v, t: 'Boolean', f: undefined });
  else throw new FakeOfficeError('InvalidArgument', `Unsupported cell value ${JSON.stringify(v)}.`);
}

function clearAreas({ sheet, rects }: Resolved, applyTo: string): void {
  checkOperationCells(rects);
  for (const rect of rects) {
    for (const k of existingKeys(sheet, rect)) {
      const cell = sheet.cells.get(k)!;
      if (applyTo === 'All' || applyTo === 'Contents') Object.assign(cell, { v: null, t: 'Empty', f: undefined });
      if (applyTo === 'All' || applyTo === 'Formats') Object.assign(cell, { fmt: undefined, nf: 'General' });
      if (applyTo === 'All' || applyTo === 'Hyperlinks') cell.link = undefined;
      tidy(sheet, k);
    }
    // Clearing formats unmerges, as Excel's Clear Formats / Clear All do.
    if (applyTo === 'All' || applyTo === 'Formats') sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
  }
}

export class FakeRangeAreas extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly addressText: string,
  ) {
    super(context);
  }

  resolve(): Resolved {
    if (this.context.engine.apiVersion < 1009) throw new FakeOfficeError('ApiNotFound', 'getRanges needs ExcelApi 1.9.');
    const sheet = this.worksheet.sheet();
    // Truncated at 8,192 characters, not refused (troubleshooting page, "Range return character limit").
    const rects = this.addressText.slice(0, MAX_ADDRESS_CHARS).split(',').map((a) => {
      const area = parseArea(a);
      if (!area || (area.sheet !== undefined && !sameName(area.sheet, sheet.name))) throw new FakeOfficeError('InvalidArgument', `Bad area "${a}" in getRanges.`);
      return area.rect;
    });
    return { sheet, rects };
  }

  protected readers(): Record<string, () => unknown> {
    return {
      address: () => {
        const { sheet, rects } = this.resolve();
        return rects.map((r) => qualified(sheet.name, r)).join(',');
      },
      areaCount: () => this.resolve().rects.length,
      cellCount: () => this.resolve().rects.reduce((n, r) => n + cellCount(r), 0),
    };
  }

  get address(): string {
    return this.got('address');
  }

  private formatObject?: FakeRangeFormat;
  private validation?: FakeDataValidation;

  get format(): FakeRangeFormat {
    return (this.formatObject ??= (this.context.path(0), new FakeRangeFormat(this.context, () => this.resolve())));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validation ??= (this.context.path(0), new FakeDataValidation(this.context, () => this.resolve())));
  }

  clear(applyTo: string = 'All'): void {
    this.queue(applyTo, () => clearAreas(this.resolve(), applyTo));
  }

  protected override writeTarget(): Sheet | undefined {
    return this.worksheet.sheetOrNull() ?? undefined;
  }
}

/** The merged areas of a range: a RangeAreas whose `address` lists them, comma-separated. */
export class FakeMergedAreas extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly target: () => Resolved | null,
  ) {
    super(context);
    this.context.push(null, () => {
      const isNull = this.target() === null;
      return { bytes: 20, deliver: () => this.loaded.set('isNullObject', isNull) };
    });
  }

  protected override isNullNow(): boolean {
    return this.target() === null;
  }

  protected readers(): Record<string, () => unknown> {
    return {
      address: () => {
        const t = this.target();
        return t ? t.rects.map((r) => qualified(t.sheet.name, r)).join(',') : null;
      },
      areaCount: () => this.target()?.rects.length ?? 0,
    };
  }

  get address(): string {
    return this.got('address');
  }
}

// ---- formats ----

/** Runs `f` on every cell of every rectangle (formats are per cell in Excel's model). */
function eachCell(target: Resolved, f: (cell: Cell, r: number, c: number, rect: Rect) => void): void {
  for (const rect of target.rects) {
    if (cellCount(rect) > MAX_FORMAT_CELLS) throw new Error(`fake Excel: formatting ${rectAddress(rect)} cell by cell is too big for the fake`);
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) f(cellAt(target.sheet, r, c), r, c, rect);
  }
}

const fmtOf = (cell: Cell): CellFormat => (cell.fmt ??= {});

const COLOR = /^#[0-9A-Fa-f]{6}$/;
function color(value: string): string {
  if (!COLOR.test(value)) throw new FakeOfficeError('InvalidArgument', `Bad color "${value}".`);
  return value.toUpperCase();
}

export class FakeRangeFormat extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly target: () => Resolved,
  ) {
    super(context);
  }

  protected readers(): Record<string, () => unknown> {
    return {};
  }

  private set(value: unknown, f: (cell: Cell) => void): void {
    this.queue(value, () => eachCell(this.target(), f));
  }

  protected override writeTarget(): Sheet | undefined {
    return this.target().sheet;
  }

  private fillObject?: { color: string; clear(): void };
  private fontObject?: Record<'bold' | 'italic' | 'underline' | 'color' | 'size' | 'name', unknown>;
  private bordersObject?: { getItem(index: string): { style: string; color: string; weight: string } };

  get fill(): { color: string; clear(): void } {
    if (this.fillObject) return this.fillObject;
    this.context.path(0);
    const set = (value: unknown, f: (cell: Cell) => void) => this.set(value, f);
    return (this.fillObject = {
      get color(): string {
        return notLoaded('color');
      },
      set color(value: string) {
        set(value, (cell) => (fmtOf(cell).fill = color(value)));
      },
      clear: () => set(null, (cell) => void (cell.fmt && delete cell.fmt.fill)),
    });
  }

  get font(): Record<'bold' | 'italic' | 'underline' | 'color' | 'size' | 'name', unknown> {
    if (this.fontObject) return this.fontObject;
    this.context.path(0);
    const out = {} as Record<'bold' | 'italic' | 'underline' | 'color' | 'size' | 'name', unknown>;
    for (const prop of ['bold', 'italic', 'underline', 'color', 'size', 'name'] as const) {
      Object.defineProperty(out, prop, {
        get: () => notLoaded(prop),
        set: (value: unknown) =>
          this.set(value, (cell) => {
            const font = (fmtOf(cell).font ??= {});
            (font as Record<string, unknown>)[prop] = prop === 'color' ? color(String(value)) : value;
          }),
        enumerable: true,
      });
    }
    return (this.fontObject = out);
  }

  set horizontalAlignment(value: string) {
    this.set(value, (cell) => (fmtOf(cell).horizontalAlignment = value));
  }
  set verticalAlignment(value: string) {
    this.set(value, (cell) => (fmtOf(cell).verticalAlignment = value));
  }
  set wrapText(value: boolean) {
    this.set(value, (cell) => (fmtOf(cell).wrapText = value));
  }
  /** RangeFormat.shrinkToFit — ExcelApi 1.9 (API reference, Excel.RangeFormat; also in @types/office-js). */
  set shrinkToFit(value: boolean) {
    this.set(value, (cell) => (fmtOf(cell).shrinkToFit = value));
  }

  /** RangeFormat.protection.locked — ExcelApi 1.2. */
  get protection(): { locked: boolean } {
    const set = (value: unknown, f: (cell: Cell) => void) => this.set(value, f);
    return {
      get locked(): boolean {
        return notLoaded('locked');
      },
      set locked(v: boolean) {
        set(v, (cell) => {
          if (v) delete fmtOf(cell).locked;
          else fmtOf(cell).locked = false;
        });
      },
    };
  }

  set columnWidth(points: number) {
    this.queue(points, () => {
      const { sheet, rects } = this.target();
      for (const r of rects) for (let c = r.c1; c <= r.c2; c++) sheet.colWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.queue(points, () => {
      const { sheet, rects } = this.target();
      if (!(points > 0 && points <= 409)) throw new FakeOfficeError('InvalidArgument', `Row height ${points} out of range.`);
      for (const r of rects) for (let row = r.r1; row <= r.r2; row++) sheet.rowHeights.set(row, points);
    });
  }
  set useStandardWidth(value: boolean) {
    this.queue(value, () => {
      if (!value) return;
      const { sheet, rects } = this.target();
      for (const c of [...sheet.colWidths.keys()]) if (rects.some((r) => c >= r.c1 && c <= r.c2)) sheet.colWidths.delete(c);
    });
  }
  set useStandardHeight(value: boolean) {
    this.queue(value, () => {
      if (!value) return;
      const { sheet, rects } = this.target();
      for (const row of [...sheet.rowHeights.keys()]) if (rects.some((r) => row >= r.r1 && row <= r.r2)) sheet.rowHeights.delete(row);
    });
  }

  get borders(): { getItem(index: string): { style: string; color: string; weight: string } } {
    if (this.bordersObject) return this.bordersObject;
    this.context.path(0);
    const items = new Map<string, { style: string; color: string; weight: string }>();
    return (this.bordersObject = {
      getItem: (index: string) => {
        const cached = items.get(index);
        if (cached) return cached;
        this.context.path(index);
        const side = (r: number, c: number, rect: Rect): ('top' | 'bottom' | 'left' | 'right')[] => {
          switch (index) {
            case 'EdgeTop':
              return r === rect.r1 ? ['top'] : [];
            case 'EdgeBottom':
              return r === rect.r2 ? ['bottom'] : [];
            case 'EdgeLeft':
              return c === rect.c1 ? ['left'] : [];
            case 'EdgeRight':
              return c === rect.c2 ? ['right'] : [];
            case 'InsideHorizontal':
              return [...(r > rect.r1 ? (['top'] as const) : []), ...(r < rect.r2 ? (['bottom'] as const) : [])];
            case 'InsideVertical':
              return [...(c > rect.c1 ? (['left'] as const) : []), ...(c < rect.c2 ? (['right'] as const) : [])];
            default:
              throw new FakeOfficeError('InvalidArgument', `Border index ${index} is not supported by the fake.`);
          }
        };
        const apply = (prop: 'style' | 'color' | 'weight', value: string) =>
          this.queue(value, () =>
            eachCell(this.target(), (cell, r, c, rect) => {
              for (const s of side(r, c, rect)) {
                const borders = (fmtOf(cell).borders ??= {});
                borders[s] = { ...(borders[s] ?? { style: 'Continuous' }), [prop]: value };
              }
            }),
          );
        const item = {
          get style(): string {
            return notLoaded('style');
          },
          set style(v: string) {
            apply('style', v);
          },
          get color(): string {
            return notLoaded('color');
          },
          set color(v: string) {
            apply('color', v);
          },
          get weight(): string {
            return notLoaded('weight');
          },
          set weight(v: string) {
            apply('weight', v);
          },
        };
        items.set(index, item);
        return item;
      },
    });
  }
}

export class FakeDataValidation extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly target: () => Resolved,
  ) {
    super(context);
  }
  protected readers(): Record<string, () => unknown> {
    return {};
  }
  protected override writeTarget(): Sheet | undefined {
    return this.target().sheet;
  }
  /** DataValidation.prompt (ExcelApi 1.8): set on the validations of the range. */
  set prompt(prompt: unknown) {
    this.queue(prompt, () => this.onRules((v) => (v.prompt = JSON.parse(JSON.stringify(prompt)))));
  }
  /** DataValidation.errorAlert (ExcelApi 1.8). */
  set errorAlert(alert: unknown) {
    this.queue(alert, () => this.onRules((v) => (v.errorAlert = JSON.parse(JSON.stringify(alert)))));
  }
  /** DataValidation.ignoreBlanks (ExcelApi 1.8): the fake keeps no state for it. */
  set ignoreBlanks(_v: boolean) {
    this.queue(_v, () => undefined);
  }
  private onRules(f: (v: { prompt?: unknown; errorAlert?: unknown }) => void): void {
    const { sheet, rects } = this.target();
    const hit = sheet.validations.filter((v) => rects.some((r) => intersects(v.rect, r)));
    if (hit.length === 0) throw new FakeOfficeError('InvalidOperation', 'Set the rule before its prompt or alert.');
    hit.forEach(f);
  }
  set rule(rule: unknown) {
    this.queue(rule, () => {
      const { sheet, rects } = this.target();
      // Strict on purpose: a range that has a rule must be cleared before a new one is set.
      if (sheet.validations.some((v) => rects.some((r) => intersects(v.rect, r)))) {
        throw new FakeOfficeError('InvalidOperation', 'The range already has data validation; clear it first.');
      }
      for (const rect of rects) sheet.validations.push({ rect, rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
  clear(): void {
    this.queue(null, () => {
      const { sheet, rects } = this.target();
      checkOperationCells(rects);
      sheet.validations = sheet.validations.filter((v) => !rects.some((r) => intersects(v.rect, r)));
    });
  }
}

export class FakeFreezePanes extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected readers(): Record<string, () => unknown> {
    return {};
  }
  protected override writeTarget(): Sheet | undefined {
    return this.worksheet.sheetOrNull() ?? undefined;
  }
  freezeRows(count = 1): void {
    this.queue(count, () => void (this.worksheet.sheet().freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.queue(count, () => void (this.worksheet.sheet().freeze = { rows: 0, cols: count }));
  }
  freezeAt(frozen: FakeRange | string): void {
    this.queue(typeof frozen === 'string' ? frozen : null, () => {
      const rect = typeof frozen === 'string' ? parseArea(frozen)?.rect : frozen.resolve().rects[0];
      if (!rect) throw new FakeOfficeError('InvalidArgument', 'freezeAt: bad range');
      this.worksheet.sheet().freeze = { rows: rect.r2 + 1, cols: rect.c2 + 1 };
    });
  }
  unfreeze(): void {
    this.queue(null, () => void (this.worksheet.sheet().freeze = null));
  }
}

export class FakePageLayout extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected readers(): Record<string, () => unknown> {
    return {};
  }
  protected override writeTarget(): Sheet | undefined {
    return this.worksheet.sheetOrNull() ?? undefined;
  }
  private page(value: unknown, f: (sheet: Sheet) => void): void {
    this.queue(value, () => {
      if (this.context.engine.apiVersion < 1009) throw new FakeOfficeError('ApiNotFound', 'pageLayout needs ExcelApi 1.9.');
      f(this.worksheet.sheet());
    });
  }
  set orientation(v: string) {
    this.page(v, (s) => void (s.page.orientation = v));
  }
  set paperSize(v: string) {
    this.page(v, (s) => void (s.page.paperSize = v));
  }
  set centerHorizontally(v: boolean) {
    this.page(v, (s) => void (s.page.centerHorizontally = v));
  }
  /**
   * PageLayoutZoomOptions (ExcelApi 1.9): `scale` "can be between 10 and 400"; the fit-to-pages counts
   * are numbers of pages. No documented value means "automatic", so 0 (and anything but a whole
   * number of pages from 1) is refused here.
   */
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.page(v, (s) => {
      for (const k of ['horizontalFitToPages', 'verticalFitToPages'] as const) {
        const n = v[k];
        if (n !== undefined && n !== null && !(Number.isInteger(n) && n >= 1 && n <= 32767)) throw new FakeOfficeError('InvalidArgument', `${k} ${n} is not a number of pages.`);
      }
      if (v.scale !== undefined && v.scale !== null && !(v.scale >= 10 && v.scale <= 400)) throw new FakeOfficeError('InvalidArgument', `scale ${v.scale} is not between 10 and 400.`);
      s.page.zoom = { ...v };
    });
  }
  /** PageLayout.setPrintArea — ExcelApi 1.9. */
  setPrintArea(area: string): void {
    this.page(area, (s) => {
      if (!parseArea(area)) throw new FakeOfficeError('InvalidArgument', `Bad print area "${area}".`);
      s.page.printArea = area;
    });
  }
  /** PageLayout.setPrintTitleColumns — ExcelApi 1.9, e.g. '$A:$B'. */
  setPrintTitleColumns(cols: string): void {
    this.page(cols, (s) => {
      if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(cols)) throw new FakeOfficeError('InvalidArgument', `Bad print title columns "${cols}".`);
      s.page.printTitleColumns = cols;
    });
  }
  /** PageLayout.headersFooters.defaultForAllPages.centerFooter — ExcelApi 1.9. */
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const page = (v: unknown, f: (s: Sheet) => void) => this.page(v, f);
    return {
      defaultForAllPages: {
        get centerFooter(): string {
          return notLoaded('centerFooter');
        },
        set centerFooter(v: string) {
          page(v, (s) => void (s.page.footer = v));
        },
      },
    };
  }
  setPrintTitleRows(rows: string): void {
    this.page(rows, (s) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `Bad print title rows "${rows}".`);
      s.page.printTitleRows = rows;
    });
  }
}
for (const m of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']) {
  Object.defineProperty(FakePageLayout.prototype, m, {
    set(this: FakePageLayout, v: number) {
      (this as unknown as { page(value: unknown, f: (s: Sheet) => void): void }).page(v, (s) => void ((s.page.margins ??= {})[m] = v));
    },
  });
}

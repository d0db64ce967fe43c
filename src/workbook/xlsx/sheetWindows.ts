/**
 * A big worksheet read as it inflates, in windows of about 100 KB cut just before a `<row`
 * start tag: every row (and so every cell) lies whole inside one window, and no more than one
 * window of the sheet's XML is ever held. A 1,000,000-row sheet is about 1 GB of XML — more than
 * one JavaScript string can hold — and a 100,000-row sheet held whole would double the memory of
 * the check.
 *
 * Windows are binary strings (one character per UTF-8 byte, binaryText.ts): cutting before `<`
 * never splits a character. The first window holds everything before the first row cut (the
 * prolog, `<sheetViews>`, `<cols>`, `<sheetData>`'s start tag), the last everything from the last
 * cut to the end (`</sheetData>` and what follows it).
 *
 * Limitation: a comment or CDATA section inside `<sheetData>` holding the text `<row ` may be cut
 * through; the reader then reports the sheet as damaged. No spreadsheet writer puts either there.
 */
import { codec } from './codec';
import { XlsxError } from './limits';

/**
 * Bytes per window before a cut is looked for (the window ends at the last row start in it).
 * Under V8's large-object size (128 KB): a bigger window string lives in the large-object space,
 * which only a full collection frees, so a 100 MB sheet's windows would pile up there as garbage
 * (tens of megabytes of memory) where small ones go with the next scavenge.
 */
export const WINDOW_BYTES = 96 * 1024;

/** Compressed bytes pushed to the inflater at a time (bounds one push's output, see codec.ts). */
const PUSH_BYTES = 64 * 1024;

/** Where inflating stops being acceptable; `overflow` throws. */
export interface InflateBudget {
  /** Bytes the directory declared for the part: more is a crafted archive. */
  readonly declared: number;
  /** Called with the running total after each chunk (may throw: a limit on all parts). */
  readonly onTotal: (total: number) => void;
  readonly overflow: () => never;
  /** Output ended short of the declared size, or the stream was bad. */
  readonly corrupt: (detail: string) => never;
}

/**
 * Collects inflated bytes and hands out row-aligned windows: the bytes before the last row start
 * once a window's worth has come, everything left at the end.
 */
class WindowCutter {
  private buffer: Uint8Array;
  private used = 0;
  private total = 0;
  private rowOpen: Uint8Array | undefined; // `<` + prefix + `row`, known from the first bytes
  readonly ready: string[] = [];

  constructor(
    private readonly budget: InflateBudget,
    private readonly windowBytes: number,
  ) {
    this.buffer = new Uint8Array(windowBytes + PUSH_BYTES * 4);
  }

  push(chunk: Uint8Array): void {
    this.total += chunk.length;
    if (this.total > this.budget.declared) this.budget.overflow();
    this.budget.onTotal(this.total);
    if (this.used + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.used + chunk.length));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
    if (this.used >= this.windowBytes) this.cut(false);
  }

  finish(): void {
    if (this.total !== this.budget.declared) this.budget.corrupt(`${this.total} bytes, directory says ${this.budget.declared}`);
    this.cut(true);
  }

  /**
   * Moves whole windows out: each the bytes before the last row start within a window's worth
   * (or, for a row longer than that, before the next row start); everything when `final`.
   */
  private cut(final: boolean): void {
    this.rowOpen ??= rowOpenTag(this.buffer, this.used);
    let start = 0;
    while (this.used - start >= this.windowBytes) {
      const view = this.buffer.subarray(start, this.used);
      let at = lastRowStart(view, this.windowBytes, this.rowOpen);
      if (at <= 0) at = firstRowStart(view, this.windowBytes, this.rowOpen);
      if (at <= 0) break; // no row start after the first byte yet: keep filling
      this.ready.push(codec().latin1(view.subarray(0, at)));
      start += at;
    }
    if (final && this.used > start) {
      this.ready.push(codec().latin1(this.buffer.subarray(start, this.used)));
      start = this.used;
    }
    if (start > 0) {
      this.buffer.copyWithin(0, start, this.used);
      this.used -= start;
    }
  }
}

/** Inflater errors other than ours (a damaged stream) are the part being corrupt. */
function rethrow(err: unknown, budget: InflateBudget): never {
  if (err instanceof XlsxError) throw err;
  return budget.corrupt(`inflate failed: ${(err as Error).message}`);
}

/**
 * The part's XML in row-aligned windows, inflated (synchronously) as they are consumed.
 *
 * @example
 * for (const w of sheetWindows(compressed, 8, budget)) scan(w);
 */
export function* sheetWindows(src: Uint8Array, method: 0 | 8, budget: InflateBudget, windowBytes = WINDOW_BYTES): Generator<string> {
  const cutter = new WindowCutter(budget, windowBytes);
  if (method === 0) {
    for (let i = 0; i < src.length; i += PUSH_BYTES) {
      cutter.push(src.subarray(i, Math.min(src.length, i + PUSH_BYTES)));
      while (cutter.ready.length) yield cutter.ready.shift()!;
    }
  } else {
    const inflater = codec().inflater((chunk) => cutter.push(chunk));
    for (let i = 0; i === 0 || i < src.length; i += PUSH_BYTES) {
      const end = Math.min(src.length, i + PUSH_BYTES);
      try {
        inflater.push(src.subarray(i, end), end === src.length);
      } catch (err) {
        rethrow(err, budget);
      }
      while (cutter.ready.length) yield cutter.ready.shift()!;
    }
  }
  cutter.finish();
  while (cutter.ready.length) yield cutter.ready.shift()!;
}

/**
 * The same windows, inflated asynchronously where the codec can (Node's zlib on its thread pool,
 * while the previous window is scanned); otherwise the synchronous windows.
 *
 * @example
 * for await (const w of sheetWindowsAsync(compressed, 8, budget)) scan(w);
 */
export async function* sheetWindowsAsync(src: Uint8Array, method: 0 | 8, budget: InflateBudget, windowBytes = WINDOW_BYTES): AsyncGenerator<string> {
  const stream = method === 8 ? codec().inflateStream?.(src) : undefined;
  if (!stream) {
    yield* sheetWindows(src, method, budget, windowBytes);
    return;
  }
  const cutter = new WindowCutter(budget, windowBytes);
  try {
    for await (const chunk of stream) {
      cutter.push(chunk);
      while (cutter.ready.length) yield cutter.ready.shift()!;
    }
  } catch (err) {
    rethrow(err, budget);
  }
  cutter.finish();
  while (cutter.ready.length) yield cutter.ready.shift()!;
}

/** `<row` with the root element's prefix (`<x:row` in a prefixed sheet), as bytes. */
function rowOpenTag(bytes: Uint8Array, length: number): Uint8Array {
  // The root element is the first `<` followed by a name start (not `?` or `!`).
  let i = 0;
  for (;;) {
    i = bytes.indexOf(0x3c, i);
    if (i < 0 || i + 1 >= length) return new TextEncoder().encode('<row');
    const c = bytes[i + 1];
    if (c !== 0x3f && c !== 0x21) break;
    i++;
  }
  let j = i + 1;
  let colon = -1;
  while (j < length && bytes[j] !== 0x20 && bytes[j] !== 0x3e && bytes[j] !== 0x2f && bytes[j] !== 0x09 && bytes[j] !== 0x0a && bytes[j] !== 0x0d) {
    if (bytes[j] === 0x3a) colon = j;
    j++;
  }
  const prefix = colon > 0 ? bytes.subarray(i + 1, colon + 1) : new Uint8Array(0);
  const tag = new Uint8Array(prefix.length + 4);
  tag[0] = 0x3c;
  tag.set(prefix, 1);
  tag.set([0x72, 0x6f, 0x77], prefix.length + 1); // row
  return tag;
}

/** The position of the first `<row` start tag in bytes[from, …), as lastRowStart; −1 if none. */
function firstRowStart(bytes: Uint8Array, from: number, tag: Uint8Array): number {
  for (let i = bytes.indexOf(0x3c, from); i >= 0; i = bytes.indexOf(0x3c, i + 1)) {
    if (isRowStart(bytes, i, tag)) return i;
  }
  return -1;
}

/** Whether bytes[i…] is `tag` followed by white space, `>` or `/`. */
function isRowStart(bytes: Uint8Array, i: number, tag: Uint8Array): boolean {
  if (i + tag.length >= bytes.length) return false;
  for (let k = 1; k < tag.length; k++) if (bytes[i + k] !== tag[k]) return false;
  const after = bytes[i + tag.length];
  return after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d;
}

/** The position of the last `<row` start tag in bytes[1, length), followed by white space, `>` or `/`; −1 if none. */
function lastRowStart(bytes: Uint8Array, length: number, tag: Uint8Array): number {
  for (let i = bytes.lastIndexOf(0x3c, length - 1); i > 0; i = bytes.lastIndexOf(0x3c, i - 1)) {
    if (i + tag.length < length && isRowStart(bytes, i, tag)) return i;
  }
  return -1;
}

/**
 * Reads a worksheet's `<sheetData>` into a grid of values as the user sees them.
 * A hand-written scanner (no DOM): a 100,000 × 15 sheet is ~60 MB of XML.
 */
import type { RawCell } from '../../domain/grid';
import { XlsxError, errorMessage } from './limits';
import { detachedCopy, utf8FromBinary } from './binaryText';
import { richText } from './sharedStrings';
import { attrStart, decodeEntities, decodeXString, findStartTag, rootElement, tagEnd } from './xml';

export interface SheetReadOptions {
  readonly sheetName: string;
  readonly maxCells: number;
  /** Shared strings, loaded only when a cell needs them. */
  readonly sharedStrings: () => readonly string[];
  /**
   * When given, receives per row the last column holding a cell without a value (a format only,
   * or a formula without a cached result), −1 for none, for the rows the grid has
   * (SheetGrid.blankCellExtent).
   */
  readonly extent?: { data?: Int32Array };
  /** When given, receives the 1-based numbers of the rows marked `hidden` (hidden or filtered out). */
  readonly hiddenRows?: number[];
  /** The XML is a binary string (one character per UTF-8 byte, binaryText.ts): text values are decoded. */
  readonly binary?: boolean;
}

const EMPTY_ROW: readonly RawCell[] = Object.freeze([]);

/** Texts up to this length are shared between cells (see sheetScanner). */
const INTERN_MAX_LENGTH = 64;
/** Distinct texts remembered for sharing. */
const INTERN_ENTRIES = 50_000;

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

const enum T {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

/** Cell type from the `t` attribute value starting at `s` (absent → number). */
function cellType(xml: string, s: number): T {
  if (s < 0) return T.Number;
  switch (xml.charCodeAt(s)) {
    case 115 /* s */:
      return xml.charCodeAt(s + 1) === 116 /* t */ ? T.Str : T.Shared;
    case 105 /* i */:
      return T.Inline;
    case 98 /* b */:
      return T.Bool;
    case 101 /* e */:
      return T.Error;
    case 100 /* d */:
      return T.Date;
    default:
      return T.Number;
  }
}

/** Excel serial day number of an ISO date (`t="d"` cells), so dates read the same whichever way they are stored. */
function isoToSerial(text: string): number | string {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : text + 'Z');
  return Number.isNaN(ms) ? text : ms / 86400000 + 25569;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in xml[from, to) without allocating: plain decimals of up to 15 significant
 * digits are exact as integer / 10^k (one correctly rounded division). Anything else (exponents,
 * long mantissas, white space) returns NaN and the caller falls back to Number().
 */
function fastNumber(xml: string, from: number, to: number): number {
  let i = from;
  let neg = false;
  if (xml.charCodeAt(i) === 45 /* - */) (neg = true), i++;
  if (i >= to || to - i > 16) return NaN;
  let n = 0;
  let scale = -1;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (scale >= 0) scale++;
    } else if (c === 46 /* . */ && scale < 0) scale = 0;
    else return NaN;
  }
  if (scale > 0) n /= POW10[scale];
  return neg ? -n : n;
}

/** xml[from, to) as text: decoded from UTF-8 when the XML is a binary string. */
function textOf(xml: string, from: number, to: number, binary: boolean): string {
  return binary ? detachedUtf8(xml, from, to) : xml.slice(from, to);
}

/**
 * utf8FromBinary, never a view of the window: ASCII text decodes to a slice of it, which would keep
 * the whole window alive (detachedCopy).
 */
function detachedUtf8(xml: string, from: number, to: number): string {
  const text = utf8FromBinary(xml, from, to);
  // Decoding shortens any text that is not ASCII (and makes a new string).
  return text.length === to - from ? detachedCopy(text) : text;
}

/** The value of a finished cell; `v` is the text span of its `<v>` (vs < 0 when absent). */
function cellValue(type: T, xml: string, vs: number, ve: number, inline: string | null, sst: () => readonly string[], bin: boolean): RawCell {
  if (type === T.Inline) return inline ?? (vs < 0 ? null : decodeXString(decodeEntities(textOf(xml, vs, ve, bin))));
  if (vs < 0) return null;
  switch (type) {
    case T.Shared: {
      let idx = fastNumber(xml, vs, ve);
      if (Number.isNaN(idx)) idx = Number(xml.slice(vs, ve));
      const s = sst()[idx];
      return s === undefined ? null : s;
    }
    case T.Number: {
      const n = fastNumber(xml, vs, ve);
      if (!Number.isNaN(n)) return n;
      const v = textOf(xml, vs, ve, bin);
      if (v.trim() === '') return null;
      const m = Number(v);
      return Number.isNaN(m) ? decodeEntities(v) : m;
    }
    case T.Str:
      return decodeXString(decodeEntities(textOf(xml, vs, ve, bin)));
    case T.Bool: {
      const b = xml.slice(vs, ve).trim();
      return b === '1' || b === 'true';
    }
    case T.Error:
      return { error: decodeEntities(textOf(xml, vs, ve, bin)).trim() };
    default:
      return isoToSerial(decodeEntities(textOf(xml, vs, ve, bin)).trim());
  }
}

export function readSheetXml(xml: string, opts: SheetReadOptions): RawCell[][] {
  const scanner = sheetScanner(opts, true);
  scanner.feed(xml);
  return scanner.finish();
}

/**
 * Reads a worksheet given as row-aligned windows (sheetWindows.ts: every row lies whole in one
 * window; one window is the whole part). Only one window is looked at at a time.
 *
 * @example
 * readSheetWindows(pkg.sheetWindows(path)!, { sheetName: 'Dữ liệu', maxCells: 2e6, sharedStrings, binary: true })
 */
export function readSheetWindows(windows: Iterable<string>, opts: SheetReadOptions): RawCell[][] {
  const scanner = sheetScanner(opts, false);
  for (const xml of windows) if (scanner.feed(xml)) break;
  return scanner.finish();
}

/**
 * The same, the windows coming asynchronously (inflated on Node's thread pool meanwhile).
 *
 * @example
 * await readSheetWindowsAsync(pkg.sheetWindows(path)!.windowsAsync(), options)
 */
export async function readSheetWindowsAsync(windows: AsyncIterable<string>, opts: SheetReadOptions): Promise<RawCell[][]> {
  const scanner = sheetScanner(opts, false);
  for await (const xml of windows) if (scanner.feed(xml)) break;
  return scanner.finish();
}

/** Reads windows one at a time: `feed` says when `</sheetData>` has been passed; `finish` gives the grid. */
interface SheetScanner {
  feed(xml: string): boolean;
  finish(): RawCell[][];
}

/**
 * @param whole the one window is the whole part: reading may then stop at the last cell that can
 *   hold a value (see valueLimit).
 */
function sheetScanner(opts: SheetReadOptions, whole: boolean): SheetScanner {
  const corrupt = (detail: string): XlsxError => new XlsxError('corrupt', errorMessage('corrupt', { sheet: opts.sheetName }), detail);
  const rows: RawCell[][] = [];
  const sst = opts.sharedStrings;
  const bin = opts.binary === true;
  let extent: Int32Array | undefined = opts.extent ? new Int32Array(1024).fill(-1) : undefined;

  // Short texts repeat down a column ("Có", "Nhà nước", a rating): one string each, not one per
  // cell. Inline strings (t="inlineStr", as many tools write) are otherwise a new string per cell:
  // about 30 MB on 100,000 rows. Capped, so a column of unique codes does not grow the table.
  const interned = new Map<string, string>();
  const intern = (text: string): string => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    if (interned.size < INTERN_ENTRIES) interned.set(text, text);
    return text;
  };

  let prefix = '';
  /** `<t`, `</t>` and `</t></is>` with the sheet's prefix. */
  let inlineText = '';
  let textClose = '';
  let inlineClose = '';
  /** Where the `</is>` of the last simple inline string starts. */
  let inlineEnd = 0;

  // In a binary sheet, the usual inline string `<is><t>text</t></is>` is looked up by its bytes
  // before anything is decoded: a column of "Có" or of ratings decodes each distinct text once.
  // The text of the cell above in the same column is tried first, without cutting anything out
  // (within one window: see feed).
  const decodedInline = new Map<string, string>();
  const aboveRaw: string[] = [];
  const aboveText: string[] = [];
  /** Per column: texts looked up in decodedInline, and how many were found. */
  const lookups: number[] = [];
  const hits: number[] = [];
  /** The value of `<is><t …>text</t></is>` whose `<t` starts at `at`, or undefined for any other shape. */
  const simpleInline = (xml: string, at: number, end: number, col: number): string | undefined => {
    if (!xml.startsWith(inlineText, at)) return undefined;
    const after = xml.charCodeAt(at + inlineText.length);
    if (after !== 62 /* > */ && after !== 32 && after !== 9 && after !== 10 && after !== 13) return undefined;
    // `<t>` carries only xml:space, whose value holds no '>'.
    const ts = xml.indexOf('>', at) + 1;
    if (ts === 0 || xml.charCodeAt(ts - 2) === 47 /* <t/> */) return undefined;
    const te = xml.indexOf('<', ts);
    if (te < 0 || te + inlineClose.length > end || !xml.startsWith(inlineClose, te)) return undefined;
    inlineEnd = te + textClose.length;
    const above = aboveRaw[col];
    if (above !== undefined && above.length === te - ts && xml.startsWith(above, ts)) return aboveText[col];
    const raw = xml.slice(ts, te);
    // A column of distinct texts (names, codes) is not looked up once it has shown itself to be one.
    const looked = lookups[col] ?? 0;
    const useMap = looked < 1024 || (hits[col] ?? 0) * 8 > looked;
    let text: string | undefined;
    if (useMap) {
      text = decodedInline.get(raw);
      lookups[col] = looked + 1;
      if (text !== undefined) hits[col] = (hits[col] ?? 0) + 1;
    }
    if (text === undefined) {
      text = decodeXString(decodeEntities(utf8FromBinary(raw)));
      // Decoding shortens any text it changes: one as long is (a view of) the window's bytes.
      // Texts kept in the grid or the map are copies (detachedCopy).
      const ascii = text.length === raw.length;
      if (ascii) text = detachedCopy(text);
      if (useMap && raw.length <= INTERN_MAX_LENGTH && decodedInline.size < INTERN_ENTRIES) decodedInline.set(ascii ? text : detachedCopy(raw), text);
    }
    if (col < MAX_COLS) (aboveRaw[col] = raw), (aboveText[col] = text);
    return text;
  };

  // State carried from one window to the next (a row never spans windows, so a cell never does).
  let rowNum = 0;
  let prevCol = -1;
  let cells = 0;
  let row: RawCell[] | undefined;
  let rowIndex = -1;
  let rowClose = '';
  let cellOpen = '';

  /** Scans xml[from, limit); `end` bounds look-ups (the window's end, or `</sheetData>`). */
  const scan = (xml: string, from: number, limit: number, end: number): void => {
    let inCell = false;
    let cellRow = 0;
    let col = 0;
    let type = T.Number;
    let vs = -1;
    let ve = -1;
    let inline: string | null = null;
    let i = from;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0 || lt >= limit) break;
      // Inside sheetData no attribute value contains '>' (refs, numbers, style ids), so the
      // tag ends at the next '>'; this is the hot loop of a 60 MB sheet.
      const gt = xml.indexOf('>', lt) + 1;
      if (gt === 0) throw corrupt('unterminated tag');
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 47 /* / */) {
        // `</c>` or `</x:c>`: a one-letter local name 'c'
        if (inCell && xml.charCodeAt(gt - 2) === 99 && (gt - lt === 4 || xml.charCodeAt(gt - 3) === 58)) {
          inCell = false;
          const value = cellValue(type, xml, vs, ve, inline, sst, bin);
          if (value !== null && cellRow > 0) {
            // Outside Excel's grid: no spreadsheet application wrote this, and filling the holes
            // up to such a row would hang.
            if (cellRow > MAX_ROWS || col >= MAX_COLS) {
              throw corrupt(`cell outside the grid at row ${cellRow}`);
            }
            // The limit counts cells that hold a value or a formula's result, not cells that only
            // carry a format (a sheet formatted down to row 1,048,576 is read like its values).
            if (++cells > opts.maxCells) {
              throw new XlsxError('too_many_cells', errorMessage('too_many_cells', { limit: opts.maxCells, sheet: opts.sheetName }));
            }
            if (rowIndex !== cellRow - 1) row = rows[(rowIndex = cellRow - 1)] ??= [];
            // Shared strings are one string already (the table's); inline and formula texts are not.
            // (Inline strings of a binary sheet are shared already.)
            row![col] =
              type !== T.Shared && !(bin && inline !== null) && typeof value === 'string' && value.length <= INTERN_MAX_LENGTH ? intern(value) : value;
          } else if (value === null && extent && cellRow > 0 && cellRow <= MAX_ROWS) {
            extent = noteBlankCell(extent, cellRow, col);
          }
        }
        i = gt;
        continue;
      }
      if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
        i = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) + 3 : gt;
        if (i < gt) throw corrupt('unterminated comment');
        continue;
      }
      const selfClosing = xml.charCodeAt(gt - 2) === 47;
      // local name: after the last ':' of the tag name
      let ns = lt + 1;
      let j = ns;
      for (;;) {
        const c = xml.charCodeAt(j);
        if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
        if (c === 58) ns = j + 1;
        j++;
      }
      const len = j - ns;
      const first = xml.charCodeAt(ns);
      if (len === 1 && first === 99 /* c */) {
        // one pass over the attributes for `r` and `t`
        let rs = -1;
        let ts = -1;
        for (let k = j; k < gt; ) {
          const c = xml.charCodeAt(k);
          if (c === 34 || c === 39) {
            k = xml.indexOf(c === 34 ? '"' : "'", k + 1) + 1;
            continue;
          }
          if (c === 61 /* = */) {
            // attribute name just before '=' (white space allowed around it): a single letter r or t
            let e = k - 1;
            while (isSpace(xml.charCodeAt(e))) e--;
            if (isSpace(xml.charCodeAt(e - 1))) {
              const nameChar = xml.charCodeAt(e);
              if (nameChar === 114 /* r */ || nameChar === 116 /* t */) {
                let q = k + 1;
                while (isSpace(xml.charCodeAt(q))) q++;
                if (nameChar === 114) rs = q + 1;
                else ts = q + 1;
              }
            }
          }
          k++;
        }
        cellRow = rowNum;
        col = prevCol + 1;
        if (rs >= 0) {
          let k = rs;
          let c = 0;
          for (let ch = xml.charCodeAt(k); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++k)) c = c * 26 + ch - 64;
          if (c > 0) col = c - 1;
          let r = 0;
          for (let ch = xml.charCodeAt(k); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k)) r = r * 10 + ch - 48;
          // The cell's own reference wins (some writers omit `r` on rows but not on cells).
          if (r > 0) cellRow = rowNum = r;
        }
        prevCol = col;
        // `<c r="P3" s="4"/>`: a cell that only carries a format.
        if (selfClosing && extent && cellRow > 0 && cellRow <= MAX_ROWS) extent = noteBlankCell(extent, cellRow, col);
        type = cellType(xml, ts);
        vs = ve = -1;
        inline = null;
        inCell = !selfClosing;
      } else if (len === 1 && first === 118 /* v */ && inCell) {
        if (selfClosing) vs = ve = gt;
        else {
          vs = gt;
          ve = xml.indexOf('<', gt);
          if (ve < 0) throw corrupt('unterminated <v>');
          i = ve;
          continue;
        }
      } else if (len === 2 && first === 105 /* i */ && xml.charCodeAt(ns + 1) === 115 /* s */ && inCell) {
        if (selfClosing) inline = '';
        else if (bin && (inline = simpleInline(xml, gt, end, col) ?? null) !== null) {
          i = inlineEnd;
          continue;
        } else {
          const close = xml.indexOf('</' + xml.slice(lt + 1, j) + '>', gt);
          if (close < 0 || close > end) throw corrupt('unterminated <is>');
          if (bin) {
            const t = detachedUtf8(xml, gt, close);
            const text = richText(t, 0, t.length);
            inline = text.length <= INTERN_MAX_LENGTH ? intern(text) : text;
          } else inline = richText(xml, gt, close);
          i = close;
          continue;
        }
      } else if (len === 3 && first === 114 /* r */ && xml.startsWith('ow', ns + 1)) {
        let r = leadingRef(xml, j);
        if (r < 0) {
          const rs = attrStart(xml, lt, gt, 'r');
          r = rs >= 0 ? parseInt(xml.slice(rs, xml.indexOf(xml[rs - 1], rs)), 10) : NaN;
        }
        // A missing or unreadable row number means "the next row", as for a missing one.
        rowNum = r > 0 ? r : rowNum + 1;
        prevCol = -1;
        // A quick look for "hi" in the tag first: most rows are not hidden, and the attribute
        // lookup is the slow part.
        if (opts.hiddenRows && rowNum <= MAX_ROWS) {
          let maybe = false;
          for (let k = j; k < gt && !maybe; k++) maybe = xml.charCodeAt(k) === 104 /* h */ && xml.charCodeAt(k + 1) === 105 /* i */;
          const h = maybe ? attrStart(xml, lt, gt, 'hidden') : -1;
          if (h >= 0 && (xml.charCodeAt(h) === 49 /* 1 */ || xml.startsWith('true', h))) opts.hiddenRows.push(rowNum);
        }
        // A row whose cells are all self-closing holds no value (formats only: a sheet bordered down
        // to row 1,048,576 is a million of them). Skip to its end, noting only its last cell's
        // column for the blank extent: cells are in column order (ECMA-376 Part 1, §18.3.1.4).
        if (!selfClosing) {
          const close = xml.indexOf('</', gt);
          if (close >= 0 && close < end && xml.startsWith(rowClose, close)) {
            const lastLt = xml.lastIndexOf('<', close - 1);
            if (lastLt < gt) {
              i = close;
              continue;
            }
            const afterName = xml.charCodeAt(lastLt + cellOpen.length);
            const col = xml.startsWith(cellOpen, lastLt) && (afterName === 32 || afterName === 9 || afterName === 10 || afterName === 13) ? leadingColumn(xml, lastLt + cellOpen.length) : -1;
            if (col >= 0) {
              if (extent && rowNum <= MAX_ROWS) extent = noteBlankCell(extent, rowNum, col);
              i = close;
              continue;
            }
          }
        }
      }
      i = gt;
    }
  };

  let first = true;
  let done = false;
  const feed = (xml: string): boolean => {
    let from = 0;
    // The texts above are views of the last window: forgotten, so that it can be collected.
    aboveRaw.length = 0;
    if (first) {
      first = false;
      prefix = rootElement(xml).prefix;
      rowClose = '</' + prefix + 'row>';
      inlineText = '<' + prefix + 't';
      textClose = '</' + prefix + 't>';
      inlineClose = textClose + '</' + prefix + 'is>';
      cellOpen = '<' + prefix + 'c';
      const sd = findStartTag(xml, prefix + 'sheetData', 0);
      if (sd < 0) return (done = true);
      const sdOpenEnd = tagEnd(xml, sd);
      if (sdOpenEnd < 0) throw corrupt('unterminated <sheetData> tag');
      if (xml.charCodeAt(sdOpenEnd - 2) === 47) return (done = true);
      from = sdOpenEnd;
    }
    const close = sheetDataClose(xml, from, prefix, rowClose);
    const end = close < 0 ? xml.length : close;
    if (whole && close >= 0) {
      // Reading may stop at the end of the row holding the last cell that is not self-closing
      // (only such a cell can hold a value). Rows below it hold formats only and lie outside the
      // grid, so neither their blank extent nor their hidden flag matters: a sheet bordered down
      // to row 1,048,576 is read like its table.
      const limit = valueLimit(xml, from, end, prefix, rowClose);
      scan(xml, from, limit, end);
      // The rows skipped past the limit still may not hide an unclosed comment (a damaged part).
      if (limit < end) {
        const comment = xml.indexOf('<!--', limit);
        if (comment >= 0 && comment < end && xml.indexOf('-->', comment + 4) < 0) throw corrupt('unterminated comment');
      }
    } else {
      scan(xml, from, end, end);
    }
    return (done = close >= 0);
  };
  const finish = (): RawCell[][] => {
    if (!first && !done) throw corrupt('unterminated sheetData');
    const filled = fillHoles(rows, opts);
    if (extent && opts.extent) opts.extent.data = extent.slice(0, filled.length);
    return filled;
  };
  return { feed, finish };
}

/**
 * Where `</sheetData>` is in a window, −1 if not there. Looked for after the window's last
 * `</row>` only: rows come before it, and a window of rows (4 MB) need not be searched through.
 *
 * @example
 * sheetDataClose('<row r="1"></row></sheetData>', 0, '', '</row>') // 16
 */
export function sheetDataClose(xml: string, from: number, prefix: string, rowClose: string): number {
  const lastRow = xml.lastIndexOf(rowClose);
  return xml.indexOf('</' + prefix + 'sheetData>', Math.max(from, lastRow));
}

/**
 * Where reading a whole sheet may stop: the end of the row holding the last cell that is not
 * self-closing, `from` when there is none (nothing to read), `end` when that row does not close.
 */
function valueLimit(xml: string, from: number, end: number, prefix: string, rowClose: string): number {
  const last = xml.lastIndexOf('</' + prefix + 'c>', end);
  if (last < 0 || last < from) return from;
  const rowEnd = xml.indexOf(rowClose, last);
  return rowEnd >= 0 && rowEnd < end ? rowEnd + rowClose.length : end;
}

/**
 * Where the value of ` r="…"` starts when it is the first attribute after a tag name ending at
 * `at` (as every writer writes it), else −1 (the caller then looks the attribute up).
 */
function leadingRefValue(xml: string, at: number): number {
  const q = xml.charCodeAt(at + 3);
  return xml.charCodeAt(at) === 32 && xml.charCodeAt(at + 1) === 114 && xml.charCodeAt(at + 2) === 61 && (q === 34 || q === 39) ? at + 4 : -1;
}

/** The row number of a leading ` r="123"` (see leadingRefValue), else −1. */
function leadingRef(xml: string, at: number): number {
  const from = leadingRefValue(xml, at);
  if (from < 0) return -1;
  let k = from;
  let r = 0;
  for (let ch = xml.charCodeAt(k); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k)) r = r * 10 + ch - 48;
  return xml.charCodeAt(k) === xml.charCodeAt(from - 1) && k > from ? r : -1;
}

/** The 0-based column of a cell tag's leading ` r="M5"` (see leadingRefValue), else −1. */
function leadingColumn(xml: string, at: number): number {
  const from = leadingRefValue(xml, at);
  if (from < 0) return -1;
  let k = from;
  let c = 0;
  for (let ch = xml.charCodeAt(k); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++k)) c = c * 26 + ch - 64;
  const digit = xml.charCodeAt(k);
  return c > 0 && c <= MAX_COLS && digit >= 48 && digit <= 57 ? c - 1 : -1;
}

/** Records a cell without a value at (row, col); returns the array, grown (doubling) when needed. */
function noteBlankCell(extent: Int32Array, row: number, col: number): Int32Array {
  let out = extent;
  if (row > out.length) {
    out = new Int32Array(Math.max(row, extent.length * 2)).fill(-1);
    out.set(extent);
  }
  if (col > out[row - 1]) out[row - 1] = col;
  return out;
}

/** Missing rows and cells become explicit empties, so callers can index freely. */
function fillHoles(rows: RawCell[][], opts: SheetReadOptions): RawCell[][] {
  let slots = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = EMPTY_ROW as RawCell[];
      continue;
    }
    slots += row.length;
    // Stray cells far to the right of many rows would explode memory once filled.
    if (slots > opts.maxCells * 4) {
      throw new XlsxError('too_many_cells', errorMessage('too_many_cells', { limit: opts.maxCells, sheet: opts.sheetName }));
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows;
}

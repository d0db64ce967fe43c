/**
 * Applies a DataSheetPatch to the user's worksheet XML: clears the product's old columns,
 * writes the new status cells, widens `<dimension>` and sets the column widths.
 *
 * Everything else stays byte-identical: rows we don't touch are copied as slices of the
 * original text, and inside a touched row the user's cells are copied verbatim (cells are
 * only removed in the product's columns). The output is built as string chunks.
 */
import { a1, columnLetters } from '../../domain/grid';
import type { DataSheetPatch } from '../plan';
import { patchRows, type PatchRow } from '../patchRows';
import { binaryFromText } from './binaryText';
import { cellXml } from './cellXml';
import { sheetDataClose } from './sheetReader';
import { patchCols } from './colsPatch';
import { XlsxError } from './limits';
import { formatRange, parseRange, unionRange } from './refs';
import type { StyleIndex } from './sheetWriter';
import { attrStart, findElement, findStartTag, rootElement, tagEnd } from './xml';


/** Distinct shared rows of cells whose XML is kept (statusColumns.ts makes a few dozen). */
const MAX_ROW_TEMPLATES = 4096;

/**
 * A patch row's cells as XML, in column order. Strings are built only when the row is written,
 * so a 100,000-row patch does not hold a second copy of every cell. A shared, frozen row of cells
 * (statusColumns.ts: a few dozen combinations of statuses stand for 100,000 rows) is rendered once
 * as pieces around its row number: the rows that share it differ only there. Into a sheet held as
 * a binary string, the new text goes as its UTF-8 bytes (binaryText.ts).
 *
 * @example
 * const cells = rowCellsXml('', 14, style, false);
 * cells({ row: 5, cells: [{ v: 'Đạt', s: 'status_DAT' }] }) // '<c r="O5" s="7" t="inlineStr">…</c>'
 */
function rowCellsXml(p: string, startCol: number, style: StyleIndex, binary: boolean): (row: PatchRow) => string {
  const render = (row: PatchRow): string => {
    let out = '';
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      out += cellXml(p, a1(row.row, startCol + i), cell, style(cell?.s));
    }
    return binary ? binaryFromText(out) : out;
  };
  const templates = new Map<readonly unknown[], readonly string[]>();
  const template = (cells: PatchRow['cells']): readonly string[] => {
    // A NUL after the column letters marks where the row number goes; the reference is the first
    // attribute of <c>, before any value, so the first NUL is that one.
    const pieces: string[] = [''];
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const xml = cellXml(p, columnLetters(startCol + i) + '\0', cell, style(cell?.s));
      if (!xml) continue;
      const at = xml.indexOf('\0');
      pieces[pieces.length - 1] += xml.slice(0, at);
      pieces.push(xml.slice(at + 1));
    }
    return binary ? pieces.map(binaryFromText) : pieces;
  };
  return (row) => {
    if (!Object.isFrozen(row.cells)) return render(row);
    let pieces = templates.get(row.cells);
    if (!pieces) {
      if (templates.size >= MAX_ROW_TEMPLATES) return render(row);
      templates.set(row.cells, (pieces = template(row.cells)));
    }
    let out = pieces[0];
    for (let k = 1; k < pieces.length; k++) out += row.row + pieces[k];
    return out;
  };
}

/**
 * Writes the patched sheet to `emit` as it goes: the head, then the rows (untouched runs as slices
 * of the original text), then the rest. Nothing of the output is held, so a 100,000-row sheet is
 * compressed while it is patched. The sheet comes as row-aligned windows (sheetWindows.ts; one
 * window is the whole part): every row lies whole in one window. `editHead` changes the part
 * before `<sheetData>` (the sheet view): it sees only that part.
 */
export function patchDataSheet(
  windows: Iterable<string>,
  patch: DataSheetPatch,
  style: StyleIndex,
  editHead: (head: string) => string,
  binary: boolean,
  emit: (text: string) => void,
): void {
  const patcher = dataSheetPatcher(patch, style, editHead, binary, emit);
  for (const xml of windows) patcher.feed(xml);
  patcher.finish();
}

/**
 * The same, the windows coming asynchronously (inflated on Node's thread pool meanwhile);
 * `drain` is awaited after each window (the output's compression catching up).
 *
 * @example
 * await patchDataSheetAsync(source.windowsAsync(), patch, style, (h) => h, true, (t) => writer.write(t));
 */
export async function patchDataSheetAsync(
  windows: AsyncIterable<string>,
  patch: DataSheetPatch,
  style: StyleIndex,
  editHead: (head: string) => string,
  binary: boolean,
  emit: (text: string) => void,
  drain: () => Promise<void> = async () => undefined,
): Promise<void> {
  const patcher = dataSheetPatcher(patch, style, editHead, binary, emit);
  for await (const xml of windows) {
    patcher.feed(xml);
    await drain();
  }
  patcher.finish();
}

function dataSheetPatcher(
  patch: DataSheetPatch,
  style: StyleIndex,
  editHead: (head: string) => string,
  binary: boolean,
  emit: (text: string) => void,
): { feed(xml: string): void; finish(): void } {
  const rows = patchRows(patch);
  const clear = new Set(patch.clearCols);
  const { startCol } = patch;
  const clearTo = patch.clearToRow ?? Infinity;
  let p = '';
  // Rebuilt once the sheet's element prefix is known (the first window).
  let rowXml = rowCellsXml('', startCol, style, binary);
  const newRow = (row: PatchRow): string => {
    const cells = rowXml(row);
    return cells ? `<${p}row r="${row.row}">${cells}</${p}row>` : '';
  };
  let next = 0; // next patch row to place
  let prevRow = 0;
  let first = true;
  let finished = false; // past </sheetData>: the rest is copied
  const feed = (xml: string): void => {
    if (finished) {
      emit(xml);
      return;
    }
    let from = 0;
    if (first) {
      first = false;
      p = rootElement(xml).prefix;
      rowXml = rowCellsXml(p, startCol, style, binary);
      const sd = findStartTag(xml, p + 'sheetData', 0);
      if (sd < 0) throw new XlsxError('corrupt', undefined, 'worksheet without sheetData');
      const openEnd = tagEnd(xml, sd);
      if (openEnd < 0) throw new XlsxError('corrupt', undefined, 'unterminated <sheetData> tag');
      emit(patchHead(editHead(xml.slice(0, sd)), p, patch, rows));
      if (xml.charCodeAt(openEnd - 2) === 47) {
        let rest = '';
        for (const row of rows) rest += newRow(row);
        emit(rest ? xml.slice(sd, openEnd - 2) + '>' + rest + `</${p}sheetData>` : xml.slice(sd, openEnd));
        emit(xml.slice(openEnd));
        finished = true;
        return;
      }
      emit(xml.slice(sd, openEnd));
      from = openEnd;
    }
    const close = sheetDataClose(xml, from, p, `</${p}row>`);
    const innerEnd = close < 0 ? xml.length : close;
    let copyFrom = from;
    const rowTag = p + 'row';
    const rowClose = '</' + rowTag + '>';
    let i = from;
    for (;;) {
      // Past the last row to write and the rows to clear, the rest is copied as it is: rows are in
      // ascending order (ECMA-376 Part 1, §18.3.1.73), and a sheet formatted down to row 1,048,576
      // would otherwise be walked row by row for nothing.
      if (next >= rows.length && (clear.size === 0 || prevRow >= clearTo)) break;
      const rs = findStartTag(xml, rowTag, i, innerEnd);
      if (rs < 0) break;
      const gt = tagEnd(xml, rs);
      const selfClosing = xml.charCodeAt(gt - 2) === 47;
      const ra = attrStart(xml, rs, gt, 'r');
      const rowNum = ra >= 0 ? parseInt(xml.slice(ra, xml.indexOf(xml[ra - 1], ra)), 10) : prevRow + 1;
      const rowEnd = selfClosing ? gt : xml.indexOf(rowClose, gt) + rowClose.length;
      if (!selfClosing && rowEnd < rowClose.length) throw new XlsxError('corrupt', undefined, `unterminated row ${rowNum}`);
      // New rows that belong before this one.
      if (next < rows.length && rows[next].row < rowNum) {
        if (copyFrom < rs) emit(xml.slice(copyFrom, rs));
        copyFrom = rs;
        while (next < rows.length && rows[next].row < rowNum) emit(newRow(rows[next++]));
      }
      const mine = next < rows.length && rows[next].row === rowNum ? rows[next++] : undefined;
      const clearing = rowNum >= patch.clearFromRow && rowNum <= clearTo && clear.size > 0;
      if (mine || clearing) {
        const addEnd = mine ? startCol + mine.cells.length : startCol;
        const owned = (col: number): boolean => (clearing && clear.has(col)) || (col >= startCol && col < addEnd);
        const added = mine ? rowXml(mine) : '';
        const span: RowSpan = { rs, gt, rowEnd, selfClosing, rowNum };
        const scan = scanRow(xml, p, span, owned, added);
        const spans = scan && mine && scan.removed === 0 ? spansValue(xml, rs, gt) : null;
        const at = spans !== null ? appendPoint(xml, span, scan!, startCol, rowClose.length) : -1;
        if (at >= 0) {
          // Only cells to add, after the row's last one: the row is copied around them.
          if (spans) {
            const first = scan!.n ? cellCol[0] : startCol;
            emit(xml.slice(copyFrom, spans.from));
            emit(`${first + 1}:${startCol + Math.max(1, mine!.cells.length)}`);
            copyFrom = spans.to;
          }
          emit(xml.slice(copyFrom, at));
          emit(added);
          copyFrom = at;
        } else if (scan) {
          if (copyFrom < rs) emit(xml.slice(copyFrom, rs));
          emitPatchedRow(xml, p, span, scan, owned, startCol, mine ? mine.cells.length : 0, added, emit);
          copyFrom = rowEnd;
        }
      }
      prevRow = rowNum;
      i = rowEnd;
    }
    if (close < 0) {
      emit(copyFrom === 0 ? xml : xml.slice(copyFrom));
      return;
    }
    if (copyFrom < innerEnd) emit(xml.slice(copyFrom, innerEnd));
    while (next < rows.length) emit(newRow(rows[next++]));
    emit(xml.slice(innerEnd));
    finished = true;
  };
  const finish = (): void => {
    if (!finished) throw new XlsxError('corrupt', undefined, first ? 'empty worksheet part' : 'unterminated sheetData');
  };
  return { feed, finish };
}


// Scratch arrays for the cells of the row being patched (reused: no allocation per row).
let cellStart = new Int32Array(256);
let cellEnd = new Int32Array(256);
let cellCol = new Int32Array(256);
let cellHasRef = new Uint8Array(256);

function growScratch(): void {
  const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
    const b = new (a.constructor as { new (n: number): T })(a.length * 2);
    b.set(a);
    return b;
  };
  cellStart = grow(cellStart);
  cellEnd = grow(cellEnd);
  cellCol = grow(cellCol);
  cellHasRef = grow(cellHasRef);
}

/** Reads the row's cells into the scratch arrays; returns their count and where the non-cell tail starts. */
function scanCells(xml: string, p: string, from: number, to: number): { n: number; tailStart: number } {
  const cellTag = p + 'c';
  const cellClose = '</' + cellTag + '>';
  let prevCol = -1;
  let n = 0;
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return { n, tailStart: to };
    const after = xml.charCodeAt(lt + 1 + cellTag.length);
    const isCell = xml.startsWith(cellTag, lt + 1) && (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13);
    if (!isCell) return { n, tailStart: lt };
    // cell attributes (r, s, t, cm, vm, ph) never contain '>'
    const gt = xml.indexOf('>', lt) + 1;
    const end = xml.charCodeAt(gt - 2) === 47 ? gt : xml.indexOf(cellClose, gt) + cellClose.length;
    // Writers put the reference first (`<c r="B5" …`): read there before looking through the tag.
    const ra = xml.startsWith(' r="', lt + 1 + cellTag.length) ? lt + 5 + cellTag.length : attrStart(xml, lt, gt, 'r');
    let col = prevCol + 1;
    if (ra >= 0) {
      let c = 0;
      for (let k = ra, ch = xml.charCodeAt(k); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++k)) c = c * 26 + ch - 64;
      if (c > 0) col = c - 1;
    }
    if (n === cellStart.length) growScratch();
    cellStart[n] = lt;
    cellEnd[n] = end;
    cellCol[n] = col;
    cellHasRef[n] = ra >= 0 ? 1 : 0;
    n++;
    prevCol = col;
    i = end;
  }
}

interface RowSpan {
  readonly rs: number;
  readonly gt: number;
  readonly rowEnd: number;
  readonly selfClosing: boolean;
  readonly rowNum: number;
}

/** The cells of a row as scanned into the scratch arrays (valid until the next scan). */
interface RowScan {
  readonly n: number;
  readonly tailStart: number;
  /** How many of them are the product's (to be removed). */
  readonly removed: number;
}

/**
 * Where the added cells go when emitPatchedRow would only insert them after the row's cells: every
 * cell keeps its reference (`r`), all lie left of `startCol`, and nothing but the cells stands
 * between the open tag and `</row>` (emitPatchedRow drops white space there). Else -1.
 */
function appendPoint(xml: string, row: RowSpan, { n, tailStart }: RowScan, startCol: number, rowCloseLength: number): number {
  if (row.selfClosing || tailStart !== row.rowEnd - rowCloseLength) return -1;
  for (let k = 0; k < n; k++) if (!cellHasRef[k] || cellCol[k] >= startCol) return -1;
  const at = n ? cellEnd[n - 1] : row.gt;
  return at === tailStart ? at : -1;
}

/**
 * Where the value of the row's `spans="…"` lies (emitPatchedRow rewrites it); undefined when the
 * open tag has none, null for a form emitPatchedRow's pattern might read otherwise (other quotes,
 * no space before): that row takes emitPatchedRow.
 */
function spansValue(xml: string, rs: number, gt: number): { from: number; to: number } | undefined | null {
  // Looked for within the tag only: an indexOf from here would search the rest of the window.
  let at = rs;
  while (at < gt && !(xml.charCodeAt(at) === 115 /* s */ && xml.startsWith('spans=', at))) at++;
  if (at >= gt) return undefined;
  if (xml.charCodeAt(at - 1) !== 32 || xml.charCodeAt(at + 6) !== 34) return null;
  const to = xml.indexOf('"', at + 7);
  return to > 0 && to < gt ? { from: at + 7, to } : null;
}

/**
 * Scans the row's cells into the scratch arrays; undefined when the patch leaves the row as it is
 * (no cell of the product's columns, nothing to add).
 */
function scanRow(xml: string, p: string, row: RowSpan, owned: (col: number) => boolean, added: string): RowScan | undefined {
  const scan = row.selfClosing ? { n: 0, tailStart: row.gt } : scanCells(xml, p, row.gt, row.rowEnd);
  let removed = 0;
  for (let k = 0; k < scan.n; k++) if (owned(cellCol[k])) removed++;
  if (removed === 0 && !added) return undefined;
  return { ...scan, removed };
}

/**
 * Emits the row with the product's cells removed and `added` inserted in column order. Kept cells
 * are emitted as slices of the original text; each cell carries the text up to the next cell
 * (white space of pretty-printed files), so the result is the same whether the previous output is
 * there or not: re-running is idempotent.
 * Kept cells without an `r` get one: their position was implicit (previous cell + 1), and
 * removing or inserting a neighbour would otherwise move them.
 */
function emitPatchedRow(
  xml: string,
  p: string,
  row: RowSpan,
  { n, tailStart }: RowScan,
  owned: (col: number) => boolean,
  addCol: number,
  addCount: number,
  added: string,
  emit: (text: string) => void,
): void {
  // The open tag's `spans` (an optimisation hint) must describe the cells we leave: found first.
  let first = -1;
  let last = -1;
  const addLast = addCol + Math.max(0, addCount - 1);
  {
    let addedSeen = !added;
    for (let k = 0; k < n; k++) {
      const col = cellCol[k];
      if (owned(col)) continue;
      if (!addedSeen && col >= addCol) {
        if (first < 0) first = addCol;
        last = addLast;
        addedSeen = true;
      }
      if (first < 0) first = col;
      last = col;
    }
    if (!addedSeen) {
      if (first < 0) first = addCol;
      last = addLast;
    }
  }
  let open = xml.slice(row.rs, row.gt);
  if (row.selfClosing) open = open.replace(/\s*\/>$/, '>');
  if (first >= 0 && open.includes('spans=')) open = open.replace(/(\sspans=")[^"]*"/, `$1${first + 1}:${last + 1}"`);
  emit(open);

  let runStart = -1; // pending verbatim slice [runStart, runEnd)
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0) emit(xml.slice(runStart, runEnd));
    runStart = -1;
  };
  let addedDone = !added;
  for (let k = 0; k < n; k++) {
    const col = cellCol[k];
    if (owned(col)) continue;
    if (!addedDone && col >= addCol) {
      flush();
      emit(added);
      addedDone = true;
    }
    const pieceStart = k === 0 ? row.gt : cellStart[k];
    const pieceEnd = k + 1 < n ? cellStart[k + 1] : cellEnd[k];
    if (cellHasRef[k]) {
      if (runStart >= 0 && runEnd === pieceStart) runEnd = pieceEnd;
      else flush(), (runStart = pieceStart), (runEnd = pieceEnd);
    } else {
      flush();
      const s = cellStart[k];
      emit(xml.slice(pieceStart, s) + `<${p}c r="${a1(row.rowNum, col)}"` + xml.slice(s + p.length + 2, pieceEnd));
    }
  }
  flush();
  if (!addedDone) emit(added);
  if (!row.selfClosing) emit(xml.slice(tailStart, row.rowEnd - (p.length + 6)));
  emit(`</${p}row>`);
}

/** `<dimension>` grows to cover the written cells; `<cols>` gets the widths of the written columns. */
function patchHead(head: string, p: string, patch: DataSheetPatch, rows: readonly PatchRow[]): string {
  let out = head;
  const dim = findElement(out, p + 'dimension');
  if (dim && rows.length) {
    const tag = out.slice(dim.start, dim.openEnd);
    const m = /(\sref=")([^"]*)"/.exec(tag);
    const current = m ? parseRange(m[2]) : undefined;
    if (m && current) {
      let r = current;
      for (const row of rows) {
        if (row.cells.length) r = unionRange(r, { r1: row.row, c1: patch.startCol, r2: row.row, c2: patch.startCol + row.cells.length - 1 });
      }
      const updated = tag.replace(m[0], `${m[1]}${formatRange(r)}"`);
      out = out.slice(0, dim.start) + updated + out.slice(dim.openEnd);
    }
  }
  const widths = new Map<number, number>();
  patch.colWidths.forEach((w, i) => {
    if (Number.isFinite(w) && w > 0) widths.set(patch.startCol + i + 1, w);
  });
  return patchCols(out, p, widths);
}

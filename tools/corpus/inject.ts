/**
 * Puts a small CĐCS table (the bd-cdvc-2024 columns, three units) into a third-party workbook,
 * so that `check --out` has something to write beside the user's own content:
 * - `injectBeside` patches the first worksheet's XML: the table goes two rows under the last used
 *   row (or merge) in column A, or — when that would put its header lower than the product
 *   looks — from row 1, two columns right of the last used column; inline strings and numbers;
 * - `injectNewSheet` adds the table as a new last sheet through the product's xlsx adapter, for
 *   workbooks whose first worksheet cannot take it.
 */
import { zipSync } from 'fflate';
import { BD_CDVC_2024_HEADERS } from '../../test/support/bdCdvc2024Headers';
import { openXlsx } from '../../src/workbook/xlsx';
import { storedCells } from './cells';
import { decodeXml, listSheets, type Parts } from './ooxml';

/** Header and three unit rows of a bd-cdvc-2024 return. */
export const CDCS_TABLE: readonly (readonly (string | number)[])[] = [
  BD_CDVC_2024_HEADERS,
  ['CD001', 'CĐCS Trường Tiểu học A', 'Nhà nước', 2024, 40, 38, 5, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ'],
  ['CD002', 'CĐCS Công ty B', 'Ngoài khu vực nhà nước', 2024, 120, 90, 12, 'Có', 'Không', 'Có', 'Không', 'Không', 'Hoàn thành nhiệm vụ'],
  ['CD003', 'CĐCS Bệnh viện C', 'Nhà nước', 2024, 60, 60, 0, 'Không', 'Có', 'Không', 'Có', 'Có', 'Hoàn thành xuất sắc nhiệm vụ'],
];

/** The name of the sheet `injectNewSheet` adds. */
export const NEW_SHEET_NAME = 'Dữ liệu CĐCS kiểm thử';


const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const colName = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

const colNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** One table row (`index` into CDCS_TABLE) as cells of sheet row `r`, from column `col`. */
function tableCellsXml(r: number, index: number, col: number, p: string): string {
  return CDCS_TABLE[index]
    .map((v, c) => {
      const ref = `${colName(col + c)}${r}`;
      return typeof v === 'number'
        ? `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`
        : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escapeXml(v)}</${p}t></${p}is></${p}c>`;
    })
    .join('');
}

/** The whole table as new rows from sheet row `first`, column `col`. */
function tableRowsXml(first: number, col: number, p: string): string {
  return CDCS_TABLE.map((_, i) => `<${p}row r="${first + i}">${tableCellsXml(first + i, i, col, p)}</${p}row>`).join('');
}

/** Makes `<dimension>` (when present) cover the table too, as Excel would after the edit. */
function widenDimension(xml: string, p: string, lastRow: number, lastCol: number): string {
  return xml.replace(new RegExp(`(<${p}dimension\\b[^>]*\\bref=")([^"]*)(")`), (_all, a: string, ref: string, z: string) => {
    const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(ref);
    if (!m) return `${a}A1:${colName(lastCol)}${lastRow}${z}`;
    const endCol = Math.max(colNumber(m[3] ?? m[1]), lastCol);
    return `${a}A1:${colName(endCol)}${Math.max(Number(m[4] ?? m[2]), lastRow)}${z}`;
  });
}

/** An injected workbook: its bytes and the sheet that holds the table. */
export interface Injected {
  readonly bytes: Uint8Array;
  readonly sheet: string;
  readonly how: 'below' | 'right' | 'new-sheet';
}

/** The product looks for the header in the first 30 rows: the injected header must be within them. */
const HEADER_ROW_LIMIT = 26;
const MAX_COLS = 16_384;
/**
 * Right of a longer sheet the product today reads every user row under the table as a unit
 * (80,000 rows: 264 s and an 863 MB problems sheet), so longer sheets get the table on a new
 * sheet instead: the corpus run stays within CI's time.
 */
const RIGHT_MAX_ROWS = 1_000;

/** Where the table goes: under the content when that leaves the header near the top, else right of it. */
type Place = { how: 'below'; row: number } | { how: 'right'; col: number };

/**
 * The table beside the content of the first worksheet: two rows under its last used row (cells
 * and merges) when the header then stays within the rows the product searches, else from row 1
 * two columns right of its last used column. Undefined when that sheet cannot take it (no
 * worksheet, a part that is not UTF-8, no `sheetData`, rows without numbers, a long sheet).
 */
export function injectBeside(parts: Parts): Injected | undefined {
  const first = listSheets(parts).find((s) => s.worksheet && s.part && parts[s.part]);
  if (!first?.part) return undefined;
  const decoded = decodeXml(parts[first.part]);
  if (!decoded.ok || decoded.encoding !== 'utf-8') return undefined;
  const xml = decoded.text;
  const open = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return undefined;
  const p = open[1];
  const used = usedExtent(xml, p);
  let place: Place;
  if (used.row + 2 <= HEADER_ROW_LIMIT) place = { how: 'below', row: used.row + 2 };
  else if (used.row <= RIGHT_MAX_ROWS && used.col + 2 + CDCS_TABLE[0].length - 1 <= MAX_COLS) place = { how: 'right', col: used.col + 2 };
  else return undefined;
  let body = open[2] === '/' ? '' : xml.slice(open.index + open[0].length, xml.indexOf(`</${p}sheetData>`, open.index));
  if (open[2] !== '/' && xml.indexOf(`</${p}sheetData>`, open.index) < 0) return undefined;
  if (place.how === 'below') body += tableRowsXml(place.row, 1, p);
  else {
    const patched = addRightOf(body, place.col, p);
    if (patched === undefined) return undefined;
    body = patched;
  }
  const closeAt = open[2] === '/' ? open.index + open[0].length : xml.indexOf(`</${p}sheetData>`, open.index) + `</${p}sheetData>`.length;
  let patched = xml.slice(0, open.index) + `<${p}sheetData>${body}</${p}sheetData>` + xml.slice(closeAt);
  const lastCol = place.how === 'below' ? CDCS_TABLE[0].length : place.col + CDCS_TABLE[0].length - 1;
  const lastRow = place.how === 'below' ? place.row + CDCS_TABLE.length - 1 : Math.max(used.row, CDCS_TABLE.length);
  patched = widenDimension(patched, p, lastRow, lastCol);
  const out: Parts = { ...parts, [first.part]: new TextEncoder().encode(patched) };
  // Stored, not deflated: recompressing a 100 MB package at each run is most of the harness's time.
  return { bytes: zipSync(out, { level: 0 }), sheet: first.name, how: place.how };
}

/**
 * The last row and column holding a cell (even an empty styled one) or covered by a merge. Read
 * from the `r` attributes (a 27 MB sheet in a fraction of a second); a sheet with unnumbered cells
 * or rows is walked cell by cell instead.
 */
function usedExtent(xml: string, p: string): { row: number; col: number } {
  let row = 0;
  let col = 0;
  const unnumbered = new RegExp(`<${p}(?:c|row)(?=[\\s>/])(?![^>]*\\br=)`).test(xml);
  if (unnumbered) {
    for (const ref of storedCells(xml).keys()) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      row = Math.max(row, Number(m[2]));
      col = Math.max(col, colNumber(m[1]));
    }
  } else {
    for (const m of xml.matchAll(new RegExp(`<${p}c\\b[^>]*?\\br="([A-Za-z]+)(\\d+)"`, 'g'))) {
      row = Math.max(row, Number(m[2]));
      col = Math.max(col, colNumber(m[1]));
    }
  }
  for (const m of xml.matchAll(new RegExp(`<${p}mergeCell\\b[^>]*\\bref="([A-Za-z]+)(\\d+)(?::([A-Za-z]+)(\\d+))?"`, 'g'))) {
    row = Math.max(row, Number(m[4] ?? m[2]));
    col = Math.max(col, colNumber(m[3] ?? m[1]));
  }
  return { row, col };
}

/**
 * The sheetData body with the table's rows 1–4 added from column `col`: appended to the rows
 * that exist (all their cells are left of `col`), new rows put in order. Rows whose `spans`
 * hint no longer holds lose it. Undefined when a row has no number.
 */
function addRightOf(body: string, col: number, p: string): string | undefined {
  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(/?)>`, 'g');
  const rows: { start: number; end: number; r: number; attrs: string; selfClosing: boolean }[] = [];
  for (let m = rowRe.exec(body); m; m = rowRe.exec(body)) {
    const r = /\br="(\d+)"/.exec(m[1]);
    if (!r) return undefined;
    const selfClosing = m[2] === '/';
    const close = selfClosing ? m.index + m[0].length : body.indexOf(`</${p}row>`, m.index);
    if (close < 0) return undefined;
    const end = selfClosing ? close : close + `</${p}row>`.length;
    rows.push({ start: m.index, end, r: Number(r[1]), attrs: m[1], selfClosing });
    rowRe.lastIndex = end;
  }
  let out = '';
  let at = 0;
  let next = 1; // the next table row still to place
  const cellsOf = (r: number): string => tableCellsXml(r, r - 1, col, p);
  for (const row of rows) {
    while (next <= CDCS_TABLE.length && next < row.r) {
      out += body.slice(at, row.start) + `<${p}row r="${next}">${cellsOf(next)}</${p}row>`;
      at = row.start;
      next++;
    }
    if (row.r === next && next <= CDCS_TABLE.length) {
      const attrs = row.attrs.replace(/\s+spans="[^"]*"/, '');
      const inner = row.selfClosing ? '' : body.slice(body.indexOf('>', row.start) + 1, row.end - `</${p}row>`.length);
      out += body.slice(at, row.start) + `<${p}row${attrs}>${inner}${cellsOf(next)}</${p}row>`;
      at = row.end;
      next++;
    }
  }
  out += body.slice(at);
  for (; next <= CDCS_TABLE.length; next++) out += `<${p}row r="${next}">${cellsOf(next)}</${p}row>`;
  return out;
}

/** The table on a new last sheet, written by the product's adapter; undefined when it cannot open the file. */
export function injectNewSheet(bytes: Uint8Array): Injected | undefined {
  const opened = openXlsx(bytes);
  if (!opened.ok) return undefined;
  const wb = opened.value;
  wb.applySync({ sheets: [{ name: NEW_SHEET_NAME, rows: CDCS_TABLE.map((r) => r.map((v) => ({ v }))) }] });
  return { bytes: wb.toBytes(), sheet: NEW_SHEET_NAME, how: 'new-sheet' };
}

/**
 * A whole worksheet part from a SheetSpec (sheets the product owns: Tổng hợp, Kiểm tra, templates).
 * Elements are written in the order CT_Worksheet requires; Excel rejects a file otherwise.
 */
import { a1 } from '../../domain/grid';
import type { CellSpec, SheetSpec, ValidationSpec } from '../plan';
import type { StyleKey } from '../styles';
import { cellXml } from './cellXml';
import { Conformance, DOC_REL_NS, MAIN_NS } from './conformance';
import { Range, formatRange, parseRange, quoteSheet, unionRange } from './refs';
import { escapeAttr, escapeText } from './xml';

export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** Namespace declarations of a new worksheet in the package's conformance class. */
const ns = (c: Conformance): string => `xmlns="${MAIN_NS[c]}" xmlns:r="${DOC_REL_NS[c]}"`;

/** Excel's limit on a list validation typed as a literal (`"a,b,c"`). */
const MAX_LIST_CHARS = 255;

export type StyleIndex = (key: StyleKey | undefined) => number | undefined;

export interface WrittenSheet {
  readonly xml: string;
  /** Things we could not write (in English, for logs), e.g. a validation list too long for Excel. */
  readonly warnings: string[];
}

/** The worksheet part for `spec`, in the namespaces of `conformance` (the package's own class). */
export function worksheetXml(spec: SheetSpec, style: StyleIndex, conformance: Conformance = 'transitional'): WrittenSheet {
  const warnings: string[] = [];
  const cells = collectCells(spec);
  let used: Range | undefined;
  const rowsXml: string[] = [];
  const hyperlinks: string[] = [];
  const heights = spec.rowHeights ?? {};
  const rowNums = new Set<number>([...cells.keys(), ...Object.keys(heights).map(Number)]);
  for (const r of [...rowNums].filter((n) => n >= 1).sort((a, b) => a - b)) {
    const row = cells.get(r) ?? new Map<number, CellSpec>();
    let xml = '';
    for (const c of [...row.keys()].sort((a, b) => a - b)) {
      const cell = row.get(c)!;
      const ref = a1(r, c);
      const x = cellXml('', ref, cell, style(cell.s));
      if (!x) continue;
      xml += x;
      used = unionRange(used, { r1: r, c1: c, r2: r, c2: c });
      if (cell.link) {
        const display = typeof cell.v === 'string' ? cell.v : cell.link.cell;
        hyperlinks.push(
          `<hyperlink ref="${ref}" location="${escapeAttr(`${quoteSheet(cell.link.sheet)}!${cell.link.cell}`)}" display="${escapeAttr(display)}"/>`,
        );
      }
    }
    const h = heights[r];
    const ht = h !== undefined && Number.isFinite(h) && h > 0 ? ` ht="${h}" customHeight="1"` : '';
    if (xml || ht) rowsXml.push(xml ? `<row r="${r}"${ht}>${xml}</row>` : `<row r="${r}"${ht}/>`);
  }

  const page = spec.page;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet ${ns(conformance)}>`];
  if (page?.fitToWidth) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="${used ? formatRange(used) : 'A1'}"/>`);
  out.push(`<sheetViews><sheetView workbookViewId="0">${paneXml(spec.freeze)}</sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = (spec.colWidths ?? [])
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  if (cols) out.push(`<cols>${cols}</cols>`);
  out.push(rowsXml.length ? `<sheetData>${rowsXml.join('')}</sheetData>` : '<sheetData/>');
  const merges = (spec.merges ?? []).map(parseRange).filter((m): m is Range => !!m);
  if (merges.length) out.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${formatRange(m)}"/>`).join('')}</mergeCells>`);
  const dv = (spec.validations ?? []).map((v) => validationXml(v, warnings)).filter((x) => x);
  if (dv.length) out.push(`<dataValidations count="${dv.length}">${dv.join('')}</dataValidations>`);
  if (hyperlinks.length) out.push(`<hyperlinks>${hyperlinks.join('')}</hyperlinks>`);
  if (page) out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  out.push(
    `<pageSetup paperSize="9" orientation="${page?.landscape ? 'landscape' : 'portrait'}"` +
      (page?.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '') +
      '/>',
  );
  out.push('</worksheet>');
  return { xml: out.join(''), warnings };
}

/**
 * Cells by row then column. The cells a merge hides get the style of its top-left cell, so a
 * bordered merged header prints with its full border.
 */
function collectCells(spec: SheetSpec): Map<number, Map<number, CellSpec>> {
  const out = new Map<number, Map<number, CellSpec>>();
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      let m = out.get(r + 1);
      if (!m) out.set(r + 1, (m = new Map()));
      m.set(c, cell);
    }),
  );
  for (const ref of spec.merges ?? []) {
    const m = parseRange(ref);
    const s = m && out.get(m.r1)?.get(m.c1)?.s;
    if (!m || !s) continue;
    for (let r = m.r1; r <= m.r2; r++) {
      for (let c = m.c1; c <= m.c2; c++) {
        let row = out.get(r);
        if (!row) out.set(r, (row = new Map()));
        if (!row.has(c)) row.set(c, { v: null, s });
      }
    }
  }
  return out;
}

function paneXml(freeze: SheetSpec['freeze']): string {
  const rows = Math.max(0, Math.floor(freeze?.rows ?? 0));
  const cols = Math.max(0, Math.floor(freeze?.cols ?? 0));
  if (!rows && !cols) return '';
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const topLeft = a1(rows + 1, cols);
  return (
    '<pane' +
    (cols ? ` xSplit="${cols}"` : '') +
    (rows ? ` ySplit="${rows}"` : '') +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

/**
 * A drop-down list validation. Excel stores a literal list as one quoted formula of at most
 * 255 characters, and a comma always separates items, so longer lists or items containing a
 * comma cannot be written this way: we skip them and report a warning.
 */
function validationXml(v: ValidationSpec, warnings: string[]): string {
  const range = v.range
    .split(/\s+/)
    .map(parseRange)
    .filter((r): r is Range => !!r)
    .map(formatRange)
    .join(' ');
  if (!range || v.list.length === 0) return '';
  const joined = v.list.join(',');
  if (joined.length > MAX_LIST_CHARS || v.list.some((x) => x.includes(','))) {
    warnings.push(`validation ${v.range} skipped: list too long (${joined.length} chars) or an item contains a comma`);
    return '';
  }
  const formula = `"${v.list.map((x) => x.replace(/"/g, '""')).join(',')}"`;
  return (
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${range}">` +
    `<formula1>${escapeText(formula)}</formula1></dataValidation>`
  );
}

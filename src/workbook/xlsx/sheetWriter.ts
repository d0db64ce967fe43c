/**
 * A whole worksheet part from a SheetSpec (sheets the product owns: Tổng hợp, Kiểm tra, templates).
 * Elements are written in the order CT_Worksheet requires; Excel rejects a file otherwise.
 */
import { a1 } from '../../domain/grid';
import type { CellSpec, SheetSpec, ValidationSpec } from '../plan';
import type { StyleKey } from '../styles';
import { cellXml } from './cellXml';
import { colsXml, numberRuleXml, outlineLevelAttr, promptAttrs, promptXml, sheetProtectionXml, sqref } from './entryGuards';
import { Conformance, DOC_REL_NS, MAIN_NS } from './conformance';
import { Range, formatRange, parseRange, quoteSheet } from './refs';
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

/** The worksheet part for `spec` as one string, in the namespaces of `conformance` (see writeWorksheet). */
export function worksheetXml(spec: SheetSpec, style: StyleIndex, conformance: Conformance = 'transitional'): WrittenSheet {
  const parts: string[] = [];
  const warnings = writeWorksheet(spec, style, conformance, (text) => parts.push(text));
  return { xml: parts.join(''), warnings };
}

/**
 * Writes the worksheet part for `spec`, in the namespaces of `conformance` (the package's own
 * class), through `emit` piece by piece in document order, a row at a time: a Kiểm tra sheet of
 * 200,000 problems is never held whole as text. Returns the warnings.
 */
export function writeWorksheet(
  spec: SheetSpec,
  style: StyleIndex,
  conformance: Conformance,
  emit: (text: string) => void,
  /** Relationship id of the sheet's drawing part (its chart), see chart/sheetChart.ts. */
  drawingRelId?: string,
  /** True for the sheet the workbook opens on (its tab is the selected one). */
  selected = false,
): string[] {
  const warnings: string[] = [];
  const heights = spec.rowHeights ?? {};
  const cells = new SheetCells(spec, heights);
  // The dimension and whether there are hyperlinks come before the rows: a first, cheap pass.
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -Infinity;
  let c2 = -Infinity;
  let links = 0;
  cells.forEach((r, c, cell) => {
    if (!writesCell(cell, style(cell.s))) return;
    if (r < r1) r1 = r;
    if (r > r2) r2 = r;
    if (c < c1) c1 = c;
    if (c > c2) c2 = c;
    if (cell.link) links++;
  });

  const page = spec.page;
  emit('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  emit(`<worksheet ${ns(conformance)}>`);
  if (page?.fitToWidth) emit('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  emit(`<dimension ref="${r2 >= r1 ? formatRange({ r1, c1, r2, c2 }) : 'A1'}"/>`);
  emit(`<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(spec.freeze)}</sheetView></sheetViews>`);
  emit(`<sheetFormatPr defaultRowHeight="15"${outlineLevelAttr(spec.columnGroups)}/>`);
  const cols = colsXml(spec);
  if (cols) emit(cols);
  // A row's cells are joined into one flat string: its pieces are garbage at once, not a tree
  // kept alive until the writer has a batch to compress.
  const rowCells: string[] = [];
  let anyRow = false;
  cells.forEach(
    (r, c, cell) => {
      const x = cellXml('', a1(r, c), cell, style(cell.s));
      if (x) rowCells.push(x);
    },
    (r) => {
      const h = heights[r];
      const ht = h !== undefined && Number.isFinite(h) && h > 0 ? ` ht="${h}" customHeight="1"` : '';
      if (rowCells.length || ht) {
        const open = `${anyRow ? '' : '<sheetData>'}<row r="${r}"${ht}`;
        emit(rowCells.length ? [open, '>', ...rowCells, '</row>'].join('') : `${open}/>`);
        anyRow = true;
      }
      rowCells.length = 0;
    },
  );
  emit(anyRow ? '</sheetData>' : '<sheetData/>');
  if (spec.protection) emit(sheetProtectionXml(spec.protection));
  const merges = (spec.merges ?? []).map(parseRange).filter((m): m is Range => !!m);
  if (merges.length) emit(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${formatRange(m)}"/>`).join('')}</mergeCells>`);
  const dv = [
    ...(spec.validations ?? []).map((v) => validationXml(v, warnings)),
    ...(spec.numberRules ?? []).map((r) => numberRuleXml(r, warnings)),
    ...(spec.prompts ?? []).map((p) => promptXml(p, warnings)),
  ].filter((x) => x);
  if (dv.length) emit(`<dataValidations count="${dv.length}">${dv.join('')}</dataValidations>`);
  if (links) {
    emit('<hyperlinks>');
    cells.forEach((r, c, cell) => {
      if (!cell.link || !writesCell(cell, style(cell.s))) return;
      const display = typeof cell.v === 'string' ? cell.v : cell.link.cell;
      emit(
        `<hyperlink ref="${a1(r, c)}" location="${escapeAttr(`${quoteSheet(cell.link.sheet)}!${cell.link.cell}`)}" display="${escapeAttr(display)}"/>`,
      );
    });
    emit('</hyperlinks>');
  }
  if (page) emit('<printOptions horizontalCentered="1"/>');
  emit('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  emit(
    `<pageSetup paperSize="9" orientation="${page?.landscape ? 'landscape' : 'portrait'}"` +
      (page?.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '') +
      // A numbered sheet counts its pages from 1 (Trang 1/…) even when printed with others.
      (page?.footer ? ' firstPageNumber="1" useFirstPageNumber="1"' : '') +
      '/>',
  );
  if (page?.footer) emit(headerFooterXml(page.footer));
  // CT_Worksheet: drawing follows pageSetup, headerFooter, rowBreaks, colBreaks, customProperties,
  // cellWatches, ignoredErrors and smartTags, and precedes legacyDrawing … tableParts, extLst (none written).
  if (drawingRelId !== undefined) emit(`<drawing r:id="${escapeAttr(drawingRelId)}"/>`);
  emit('</worksheet>');
  return warnings;
}

/**
 * The page footer, centred, in Times New Roman like the rest of the document (`&"font,style"`
 * and `&11` are Excel's header/footer codes for the font and its size).
 */
function headerFooterXml(footer: string): string {
  return `<headerFooter><oddFooter>${escapeText(`&C&"Times New Roman,Regular"&11${footer}`)}</oddFooter></headerFooter>`;
}

/** True when cellXml writes an element for the cell: a value a cell can hold, or a style. */
function writesCell(cell: CellSpec, style: number | undefined): boolean {
  const v = cell.v;
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || !!style;
}

/**
 * The cells of a SheetSpec by row then column, read from `spec.rows` as they are (no copy: a
 * Kiểm tra sheet has millions of cells). The cells a merge hides get the style of its top-left
 * cell, so a bordered merged header prints with its full border; those few are kept aside.
 */
class SheetCells {
  private readonly fills = new Map<number, Map<number, CellSpec>>();
  /** Rows outside rows 1..n that have a merge's fill or a height, in order: merged into the walk. */
  private readonly extra: number[];

  constructor(
    private readonly spec: SheetSpec,
    private readonly heights: Readonly<Record<number, number>>,
  ) {
    for (const ref of spec.merges ?? []) {
      const m = parseRange(ref);
      const s = m && this.at(m.r1, m.c1)?.s;
      if (!m || !s) continue;
      for (let r = m.r1; r <= m.r2; r++) {
        for (let c = m.c1; c <= m.c2; c++) {
          if (this.at(r, c)) continue;
          let row = this.fills.get(r);
          if (!row) this.fills.set(r, (row = new Map()));
          row.set(c, { v: null, s });
        }
      }
    }
    const n = spec.rows.length;
    const extra = new Set<number>();
    const add = (r: number): void => {
      if (r >= 1 && !(Number.isInteger(r) && r <= n)) extra.add(r);
    };
    for (const r of this.fills.keys()) add(r);
    // Once per sheet: a height per row makes this list as long as the sheet.
    for (const key of Object.keys(heights)) add(Number(key));
    this.extra = [...extra].sort((a, b) => a - b);
  }

  /** The cell at 1-based row `r`, 0-based column `c`, a merge's fill included. */
  private at(r: number, c: number): CellSpec | undefined {
    return this.spec.rows[r - 1]?.[c] || this.fills.get(r)?.get(c);
  }

  /**
   * Visits the cells in row order, then column order; `rowEnd` is called after each row that has
   * cells or a height, in order.
   */
  forEach(cell: (r: number, c: number, spec: CellSpec) => void, rowEnd?: (r: number) => void): void {
    const rows = this.spec.rows;
    const heights = this.heights;
    const extra = this.extra;
    let e = 0;
    const visit = (r: number): void => {
      const fill = this.fills.get(r);
      const line = rows[r - 1];
      let any = false;
      if (fill) {
        const cols = new Set<number>(fill.keys());
        if (line) for (let c = 0; c < line.length; c++) if (line[c]) cols.add(c);
        for (const c of [...cols].sort((a, b) => a - b)) cell(r, c, (line?.[c] || fill.get(c))!);
        any = true;
      } else if (line) {
        for (let c = 0; c < line.length; c++) {
          const spec = line[c];
          if (spec) (any = true), cell(r, c, spec);
        }
      }
      if (rowEnd && (any || heights[r] !== undefined)) rowEnd(r);
    };
    for (let r = 1; r <= rows.length; r++) {
      while (e < extra.length && extra[e] < r) visit(extra[e++]);
      visit(r);
    }
    while (e < extra.length) visit(extra[e++]);
  }
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
  const range = sqref(v.range);
  if (!range || v.list.length === 0) return '';
  const joined = v.list.join(',');
  if (joined.length > MAX_LIST_CHARS || v.list.some((x) => x.includes(','))) {
    warnings.push(`validation ${v.range} skipped: list too long (${joined.length} chars) or an item contains a comma`);
    return '';
  }
  const formula = `"${v.list.map((x) => x.replace(/"/g, '""')).join(',')}"`;
  return (
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"${promptAttrs(v.prompt, warnings)} sqref="${range}">` +
    `<formula1>${escapeText(formula)}</formula1></dataValidation>`
  );
}

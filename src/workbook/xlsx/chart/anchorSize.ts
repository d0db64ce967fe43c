/**
 * Where the product's chart sits and how big it is. The chart is anchored to one cell with a
 * fixed size (a oneCellAnchor) rather than stretched over a cell range: the summary's rows grow
 * with their wrapped text when Excel or LibreOffice lays them out, and a chart tied to both
 * corners of its range would grow with them (tall and thin, split across printed pages). The
 * size is the range's at the widths and heights the plan sets (default rows 15 pt, default
 * columns 64 px), its height capped: a range over tall table rows would give a strip taller than
 * a page, so the chart is at most as tall as it is wide, or 16 default rows, whichever is more.
 * A chart never starts in a row printed on every page (print titles): LibreOffice repeats what
 * lies over those rows, so the top strip of the chart would print on every page.
 */
import type { SheetSpec } from '../../plan';
import type { Range } from '../refs';

/** EMUs (English Metric Units, DrawingML's length) per pixel at 96 dpi, and per point. */
const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
/** Excel's default column (8.43 characters of Calibri 11) and row. */
const DEFAULT_COL_PX = 64;
const DEFAULT_ROW_PT = 15;
/** Width in pixels of the widest digit in the default font (Calibri 11), as Excel converts widths. */
const DIGIT_PX = 7;
/** The height cap: the width (a square), or at least 16 rows of 15 pt. */
const MAX_ASPECT = 1;
const MIN_CAP_PT = 16 * DEFAULT_ROW_PT;

/** Pixels of a column whose `<col width>` is `w` characters (ECMA-376 Part 1, §18.3.1.13). */
export function columnPixels(w: number): number {
  return Math.trunc(((256 * w + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
}

/** The top-left cell (0-based, as DrawingML markers count) and the size in EMU of the range `at`. */
export function chartPlacement(spec: SheetSpec, at: Range): { col: number; row: number; cx: number; cy: number } {
  let px = 0;
  for (let c = at.c1; c <= at.c2; c++) {
    const w = spec.colWidths?.[c];
    px += w !== undefined && Number.isFinite(w) && w > 0 ? columnPixels(w) : DEFAULT_COL_PX;
  }
  let pt = 0;
  for (let r = at.r1; r <= at.r2; r++) {
    const h = spec.rowHeights?.[r];
    pt += h !== undefined && Number.isFinite(h) && h > 0 ? h : DEFAULT_ROW_PT;
  }
  const cx = px * EMU_PER_PX;
  const cap = Math.max(Math.round(cx * MAX_ASPECT), MIN_CAP_PT * EMU_PER_PT);
  const titles = spec.page?.printTitleRows;
  const top = titles && at.r1 >= titles[0] && at.r1 <= titles[1] ? titles[1] + 1 : at.r1;
  return { col: at.c1, row: top - 1, cx, cy: Math.min(Math.round(pt * EMU_PER_PT), cap) };
}

/**
 * The numbers behind a chart, read from the sheet the plan writes: the chart part carries them as
 * its cache (`c:strCache`/`c:numCache`), so a reader draws the chart without recalculating, and
 * as references to the cells, so Excel follows later edits.
 */
import { a1 } from '../../../domain/grid';
import type { CellSpec, ChartSpec, SheetSpec } from '../../plan';
import { STYLES } from '../../styles';
import { type Range, parseRange, quoteSheet } from '../refs';

/** One series: its name, the cells behind it and its values (undefined where the cell is not a number). */
export interface ChartSeries {
  readonly name: string;
  /** Reference of the name cell, e.g. `'Tổng hợp'!$B$20`. */
  readonly nameRef: string;
  /** Reference of the values, e.g. `'Tổng hợp'!$B$21:$B$28`. */
  readonly valuesRef: string;
  readonly values: readonly (number | undefined)[];
  /** The number format of the values as the sheet shows them (the chart's labels use it). */
  readonly formatCode: string;
}

/** Everything the chart part needs from the sheet. */
export interface ChartData {
  /** Absent: clustered columns; 'line': one line per series. */
  readonly type?: 'line';
  readonly title: string;
  readonly categories: readonly string[];
  readonly categoriesRef: string;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: the cells it covers. */
  readonly at: Range;
}

/** `$B$21:$B$28` on the sheet, quoted as a formula needs it. */
function absRef(sheet: string, r1: number, c: number, r2: number): string {
  const abs = (r: number): string => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quoteSheet(sheet)}!${abs(r1)}${r2 > r1 ? ':' + abs(r2) : ''}`;
}

function cellAt(spec: SheetSpec, row: number, col: number): CellSpec | null | undefined {
  return spec.rows[row - 1]?.[col];
}

function textOf(cell: CellSpec | null | undefined): string {
  const v = cell?.v;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/**
 * The chart's data from the cells of `spec` (header row first, categories in the first column,
 * one series per further column), or a reason (English, for the log) why none can be drawn.
 * The cache carries the number format of the cells' style, so labels show the values as the sheet does.
 */
export function chartData(
  spec: SheetSpec,
  chart: ChartSpec,
): { ok: true; value: ChartData } | { ok: false; reason: string } {
  const data = parseRange(chart.data);
  const at = parseRange(chart.at);
  if (!data || !at) return { ok: false, reason: `chart ranges ${chart.data} / ${chart.at} are not cell ranges` };
  if (data.r2 <= data.r1 || data.c2 <= data.c1) return { ok: false, reason: `chart data ${chart.data} has no series or no category` };
  const categories: string[] = [];
  for (let r = data.r1 + 1; r <= data.r2; r++) categories.push(textOf(cellAt(spec, r, data.c1)));
  const series: ChartSeries[] = [];
  for (let c = data.c1 + 1; c <= data.c2; c++) {
    const values: (number | undefined)[] = [];
    let format: string | undefined;
    for (let r = data.r1 + 1; r <= data.r2; r++) {
      const cell = cellAt(spec, r, c);
      const ok = cell && typeof cell.v === 'number' && Number.isFinite(cell.v);
      values.push(ok ? (cell.v as number) : undefined);
      if (ok && format === undefined) format = (cell.s && STYLES[cell.s]?.numFmt) || 'General';
    }
    series.push({
      name: textOf(cellAt(spec, data.r1, c)),
      nameRef: absRef(spec.name, data.r1, c, data.r1),
      valuesRef: absRef(spec.name, data.r1 + 1, c, data.r2),
      values,
      formatCode: format ?? 'General',
    });
  }
  return {
    ok: true,
    value: { ...(chart.type ? { type: chart.type } : {}), title: chart.title, categories, categoriesRef: absRef(spec.name, data.r1 + 1, data.c1, data.r2), series, at },
  };
}

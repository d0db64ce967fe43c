/**
 * The engine: table → header → normalise → validate → compute → one result model.
 * Pure: takes a sheet's cells and a target set, returns a CheckResult or a reason it could not.
 */
import { appendAll } from './arrays';
import { columnDef } from './catalog';
import { columnsForSet } from './columnsForSet';
import { a1, cellAt, type SheetGrid } from './grid';
import { findTable } from './header';
import { groupResults } from './groups';
import { computeIndicator } from './indicators';
import { columnReader, type CellIssue, type Value } from './normalize';
import type { Fix, Problem, UnitRef } from './problem';
import type { CellFix, CheckResult, IndicatorResult, UnitResult } from './result';
import type { Status } from './status';
import { isMultiYear, type TargetSet } from './targetSet';
import { classifyRows } from './table/rows/classify';
import { DataMerges, fillMergesDown } from './table/rows/mergedData';
import { rowSummary } from './table/rows/summary';
import { totalRowProblems } from './table/rows/totalCheck';
import { sheetYear } from './table/sheetYear';
import { targetSetHint } from './targetSetMatch';
import { scanText, TEXT_HAS_LATIN1, TEXT_HAS_VIETNAMESE, TEXT_NEEDS_CLEANING } from './text';
import { ScopeMemo } from './scope';
import type { UnitRow } from './unit';
import {
  columnProblems,
  duplicateProblems,
  partProblems,
  placer,
  type Place,
  requiredProblems,
  yearProblems,
} from './validate';
import { GO } from './wording';

export interface CheckOptions {
  readonly targetSet: TargetSet;
  /**
   * The run's year; default (table/sheetYear.ts): the latest `nam` in the data, else a year in
   * the title rows, the sheet name, the file name, else today's (with a warning).
   */
  readonly year?: number;
  /** The workbook's file name: a year in it is the run's year when nothing closer names one. */
  readonly fileName?: string;
  /** Today, for the default year (injectable for tests). */
  readonly today?: Date;
}

export type CheckError = { readonly code: 'no_table'; readonly message: string };

export type CheckOutcome = { readonly ok: true; readonly value: CheckResult } | { readonly ok: false; readonly error: CheckError };

interface Staged {
  row: number;
  values: Record<string, Value | undefined>;
}

/**
 * Checks one sheet against a target set.
 *
 * @example
 * const out = checkSheet(grid, { targetSet: findPreset('bd-cdvc-2024')! });
 * if (out.ok) out.value.indicators.map((i) => i.status);
 */
export function checkSheet(grid: SheetGrid, options: CheckOptions): CheckOutcome {
  const read = readSheetRows(grid, options.targetSet);
  return 'code' in read ? { ok: false, error: read } : { ok: true, value: finishCheck(read, options) };
}

/**
 * The same sheet checked for several run years, as `checkSheet(grid, { …options, year })` for
 * each: the cells are read and normalised once, and only what depends on the run's year (scope,
 * required cells, indicators, groups) is done per year. Progress over the years
 * (cycle/history.ts) checks a table of five years this way.
 *
 * @example
 * checkSheetYears(grid, { targetSet }, [2023, 2024]).get(2023) // the same outcome as checkSheet(grid, { targetSet, year: 2023 })
 */
export function checkSheetYears(grid: SheetGrid, options: CheckOptions, years: readonly number[]): Map<number, CheckOutcome> {
  const read = readSheetRows(grid, options.targetSet);
  const out = new Map<number, CheckOutcome>();
  for (const year of years) out.set(year, 'code' in read ? { ok: false, error: read } : { ok: true, value: finishCheck(read, { ...options, year }) });
  return out;
}

/**
 * checkSheet, and when the table holds rows of several years, a way to check its other years
 * without reading its cells again (what checkSheetYears does, on the rows already read). For a
 * table of one year `otherYears` is absent and nothing read is kept.
 *
 * @example
 * const { outcome, otherYears } = checkSheetAndYears(grid, { targetSet });
 * otherYears?.([2023]).get(2023) // as checkSheet(grid, { targetSet, year: 2023 })
 */
export function checkSheetAndYears(
  grid: SheetGrid,
  options: CheckOptions,
): { outcome: CheckOutcome; otherYears?: (years: readonly number[]) => Map<number, CheckOutcome> } {
  const read = readSheetRows(grid, options.targetSet);
  if ('code' in read) return { outcome: { ok: false, error: read } };
  const value = finishCheck(read, options);
  if (!value.units.some((u) => u.year !== value.year)) return { outcome: { ok: true, value } };
  const otherYears = (years: readonly number[]): Map<number, CheckOutcome> =>
    new Map(years.map((year): [number, CheckOutcome] => [year, { ok: true, value: finishCheck(read, { ...options, year }) }]));
  return { outcome: { ok: true, value }, otherYears };
}

/** What checkSheet reads from the sheet whatever the run's year: the table, its rows' values, the cell problems and fixes. */
interface SheetRows {
  readonly grid: SheetGrid;
  readonly set: TargetSet;
  readonly layout: NonNullable<ReturnType<typeof findTable>>;
  readonly rows: ReturnType<typeof classifyRows>;
  readonly rawAt: (row: number, col: number) => ReturnType<typeof cellAt>;
  /** Problems of the cells themselves (unsorted; finishCheck adds the rest and sorts a copy). */
  readonly cellProblems: readonly Problem[];
  readonly fixes: readonly CellFix[];
  readonly staged: readonly Staged[];
  readonly missing: ReadonlyMap<string, number[]>;
  /** Rules whose problems do not depend on the run's year, found by the first year finished (parts above their totals). */
  readonly memo: { parts?: readonly Problem[] };
}

function readSheetRows(grid: SheetGrid, set: TargetSet): SheetRows | CheckError {
  const layout = findTable(grid);
  if (!layout) {
    return {
      code: 'no_table',
      message: `Sheet "${grid.name}" không có bảng số liệu CĐCS: không thấy dòng tiêu đề có "Mã đơn vị" hoặc "Tên đơn vị" cùng ít nhất hai cột chuẩn khác trong 30 dòng đầu. Hãy dùng ${GO.template}.`,
    };
  }
  const place = placer(grid.name);
  // Row kinds (table/rows/): units, headings, totals, footers…; a value merged down over a block
  // of units is read in every row of it, and only its first cell gets problems and fixes.
  const rows = classifyRows(grid, layout);
  const data = fillMergesDown(grid, layout.headerRow);
  const merges = new DataMerges(layout.merges, layout.headerRow, layout.lastRow);
  const rawAt = (row: number, col: number) => cellAt(data, row, col);
  const problems: Problem[] = [];
  const fixes: CellFix[] = [];
  const dataCols = layout.columns.filter((c) => c.role === 'data' && c.key !== undefined);
  const unitRows = rows.units;

  const columns = dataCols.flatMap((c) => {
    const def = columnDef(c.key as string);
    if (!def) return [];
    // Money in nghìn or triệu đồng (header unit) goes through the reader, which converts it to đồng.
    const scale = def.type === 'money' ? (c.moneyScale ?? 1) : 1;
    const counts = (def.type === 'int' || def.type === 'money') && scale === 1;
    return [{ col: c.col, key: def.key, read: columnReader(def, { moneyScale: scale }), counts, text: def.type === 'text' }];
  });
  // Column by column: each column's reading is one tight loop with one kind of cell. Every row's
  // values start as a copy of one record holding all the columns (as undefined, which means
  // missing): the stores below then fill existing properties instead of growing each record
  // property by property (a third of the reading time on 100,000 rows).
  const blank: Record<string, Value | undefined> = {};
  for (const c of columns) blank[c.key] = undefined;
  const staged: Staged[] = unitRows.map((row) => ({ row, values: { ...blank } }));
  const cellProblems: { index: number; col: number; key: string; issue: CellIssue }[] = [];
  // Positions (in staged) of the rows where each column has no usable value: the required-cell
  // rule then looks at those rows only.
  const missing = new Map<string, number[]>();
  for (const { col, key, read, counts, text } of columns) {
    const gaps: number[] = [];
    missing.set(key, gaps);
    for (let i = 0; i < staged.length; i++) {
      const st = staged[i];
      const raw = data.rows[st.row - 1][col] ?? null;
      // Whole non-negative numbers in count and money columns are the common case: no work to do.
      if (counts && typeof raw === 'number' && raw >= 0 && Number.isSafeInteger(raw)) {
        st.values[key] = raw;
        continue;
      }
      // Clean Unicode or ASCII text (most names and codes) is used as it is: no cleaning, no
      // legacy encoding possible (see normalizeText), nothing to fix.
      if (text && typeof raw === 'string' && raw !== '') {
        const flags = scanText(raw);
        if ((flags & TEXT_NEEDS_CLEANING) === 0 && (flags & (TEXT_HAS_LATIN1 | TEXT_HAS_VIETNAMESE)) !== TEXT_HAS_LATIN1) {
          st.values[key] = raw;
          continue;
        }
      }
      const r = read(raw);
      st.values[key] = r.value;
      if (r.value === undefined) gaps.push(i);
      if (!merges.empty && merges.covered(st.row, col)) continue;
      if (r.issues.length) for (const issue of r.issues) cellProblems.push({ index: i, col, key, issue });
      if (r.fix) fixes.push({ sheet: grid.name, cell: a1(st.row, col), row: st.row, col, column: key, value: r.fix.value, label: r.fix.label, was: raw });
    }
  }
  fixes.sort((a, b) => a.row - b.row || a.col - b.col);
  // One unit reference per row, shared by the row's problems.
  const refs = new Map<number, UnitRef>();
  for (const { index, col, key, issue } of cellProblems) {
    const { row, values } = staged[index];
    let unit = refs.get(index);
    if (!unit) {
      const code = typeof values.ma_don_vi === 'string' && values.ma_don_vi ? values.ma_don_vi : undefined;
      const name = typeof values.ten_don_vi === 'string' && values.ten_don_vi ? values.ten_don_vi : undefined;
      unit = code ? (name ? { code, name } : { code }) : name ? { name } : {};
      refs.set(index, unit);
    }
    const problem: Place & { encoding?: string; fix?: Fix } = place.problem(issue.rule, issue.severity, row, col, key, unit, issue.message);
    // The rule's own fields go on the fresh object (no copy per problem, no spread).
    if (issue.rule === 'legacy_encoding') problem.encoding = issue.encoding ?? 'tcvn3';
    if (issue.fix) problem.fix = issue.fix;
    problems.push(problem as Problem);
  }
  return { grid, set, layout, rows, rawAt, cellProblems: problems, fixes, staged, missing, memo: {} };
}

/** The rest of a check, for the run's year (`options.year`, or the sheet's: table/sheetYear.ts). */
function finishCheck(read: SheetRows, options: CheckOptions): CheckResult {
  const { grid, set, layout, rows, rawAt, fixes, staged, missing } = read;
  // A copy: the cell problems are shared by every year checkSheetYears finishes.
  const problems = read.cellProblems.slice();
  const runYear = sheetYear({
    option: options.year,
    dataYear: latestYear(staged),
    titleRows: grid.rows.slice(0, layout.headerTop - 1),
    sheetName: grid.name,
    fileName: options.fileName,
    today: options.today ?? new Date(),
  });
  const year = runYear.year;
  const units: UnitRow[] = staged.map((s) => {
    const code = s.values.ma_don_vi;
    const name = s.values.ten_don_vi;
    const nam = s.values.nam;
    return {
      row: s.row,
      code: typeof code === 'string' && code ? code : undefined,
      name: typeof name === 'string' && name ? name : undefined,
      year: typeof nam === 'number' ? nam : year,
      values: s.values,
    };
  });

  // Appended one by one: a spread (`push(...list)`) overflows the stack past ~100,000 problems.
  appendAll(problems, columnProblems(layout, set, columnsForSet(set)));
  appendAll(problems, requiredProblems(units, layout, set, year, rawAt, missing));
  // A part above its total is the same in every year's check: found once per sheet.
  appendAll(problems, (read.memo.parts ??= partProblems(units, layout)));
  appendAll(problems, duplicateProblems(units, layout));
  appendAll(problems, totalRowProblems(rows, units, layout, rawAt));
  if (!isMultiYear(set)) appendAll(problems, yearProblems(units, layout, year));
  problems.sort((a, b) => a.row - b.row || a.col - b.col);

  const indicators: IndicatorResult[] = [];
  const memo = new ScopeMemo();
  const perUnitIds: string[] = [];
  const perUnitStatuses: (readonly Status[])[] = [];
  for (const ind of set.indicators) {
    const outcome = computeIndicator(ind, units, year, memo);
    indicators.push(outcome.result);
    if (!outcome.unitStatus) continue;
    perUnitIds.push(ind.id);
    perUnitStatuses.push(outcome.unitStatus);
  }
  // One record per combination of statuses, shared (frozen) by the units that have it: a few
  // dozen records stand for 100,000 units. Each is built whole, in indicator order.
  // Keyed by a number, two bits per indicator (2^53 holds 26 of them); a string key past that.
  const numericKey = perUnitIds.length <= 26;
  const keyOf = (i: number): number | string => {
    let code = 0;
    let text = '';
    for (let k = 0; k < perUnitIds.length; k++) {
      if (numericKey) code = code * 4 + STATUS_CODE[perUnitStatuses[k][i]];
      else text += perUnitStatuses[k][i] + ',';
    }
    return numericKey ? code : text;
  };
  const records = new Map<number | string, Readonly<Record<string, Status>>>();
  const statusByUnit = units.map((_, i) => {
    const key = keyOf(i);
    let rec = records.get(key);
    if (!rec) {
      const fresh: Record<string, Status> = {};
      for (let k = 0; k < perUnitIds.length; k++) fresh[perUnitIds[k]] = perUnitStatuses[k][i];
      rec = Object.freeze(fresh);
      records.set(key, rec);
    }
    return rec;
  });

  const errorsByRow = new Map<number, number>();
  for (const p of problems) if (p.severity === 'error') errorsByRow.set(p.row, (errorsByRow.get(p.row) ?? 0) + 1);
  const unitResults: UnitResult[] = units.map((u, i) => ({
    row: u.row,
    code: u.code,
    name: u.name,
    year: u.year,
    status: statusByUnit[i],
    errorCount: errorsByRow.get(u.row) ?? 0,
    ...(rows.sections[i] !== undefined ? { section: rows.sections[i] } : {}),
  }));

  const groups = layout.keyCol.has('don_vi_cap_tren') ? groupResults(set, units, year) : undefined;
  const hint = targetSetHint(set, layout.keyCol);
  return {
    targetSet: set,
    year,
    yearSource: runYear.source,
    ...(runYear.note ? { yearNote: runYear.note } : {}),
    sheet: grid.name,
    layout,
    units: unitResults,
    indicators,
    problems,
    fixes,
    ...(groups ? { groups } : {}),
    ...(hint ? { targetSetHint: hint } : {}),
    rows: rowSummary(rows),
  };
}

/** Each status as two bits of a combination's key. */
const STATUS_CODE: Readonly<Record<Status, number>> = { DAT: 0, CHUA_DAT: 1, THIEU_DU_LIEU: 2, KHONG_AP_DUNG: 3 };

function latestYear(rows: readonly Staged[]): number | undefined {
  let max: number | undefined;
  for (const r of rows) {
    const y = r.values.nam;
    if (typeof y === 'number' && (max === undefined || y > max)) max = y;
  }
  return max;
}

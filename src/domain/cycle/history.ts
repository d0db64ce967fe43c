/**
 * Progress over the years (interfaces.md, "Progress over the years"): every indicator, year by
 * year, exactly as `check --year YYYY` reports it for that year, and per unit the years it met
 * each per-unit indicator. The engine is not re-implemented here: each year is one ordinary
 * check (check.ts) of the sheet that holds that year, and the history only lines the results up.
 *
 * Where a year comes from:
 * - a table whose `Năm` column holds several years gives each of them, each year checked as
 *   `check --year YYYY` on that table (so a window indicator such as `ket_nap_2021_2025` counts
 *   every row of its window the table holds, as the check of that year does);
 * - a yearly table (no `Năm`, or one year in it) gives its own year, found as for any sheet
 *   (title, sheet name, file name: table/sheetYear.ts).
 * A year found in two sources is taken from the first one given (the current workbook first),
 * and the history says so.
 */
import { checkSheet, checkSheetYears, type CheckOutcome } from '../check';
import type { SheetGrid } from '../grid';
import { targetJson, type JsonReport } from '../report';
import type { CheckResult, IndicatorResult } from '../result';
import type { Status } from '../status';
import { isFractionKind, type IndicatorKind, type TargetSet } from '../targetSet';

/** One sheet that holds one or more years of the data. */
export interface HistorySource {
  readonly grid: SheetGrid;
  /** The workbook's file name: a year in it is the sheet's year when nothing closer names one. */
  readonly fileName?: string;
  /** The check already made of this sheet (the current run): reused for its own year. */
  readonly checked?: CheckResult;
  /** With `checked`: the sheet's other years checked on the rows that check read (check.ts checkSheetAndYears). */
  readonly otherYears?: (years: readonly number[]) => Map<number, CheckOutcome>;
}

/** One year of the history: the check of that year, and the sheet it was read from. */
export interface YearCheck {
  readonly year: number;
  readonly result: CheckResult;
  /** `tệp "…", sheet "…"` or `sheet "…"`, for the notes. */
  readonly source: string;
}

/** The outcome of checking every year of the sources. */
export interface YearChecks {
  /** One entry per year, ascending. */
  readonly years: readonly YearCheck[];
  /** Vietnamese sentences: a source without a table, a year given twice. */
  readonly notices: readonly string[];
}

/**
 * How the change from the first year is measured: `points` for fraction kinds (ratio, shares,
 * reduction: 0.70 − 0.62 = 0.08, i.e. 8 percentage points), `difference` for the others (sum,
 * mean, count, change, manual: the plain difference of the two figures).
 */
export type ChangeKind = 'points' | 'difference';

/** One indicator in one year: what the check of that year reports. */
export interface HistoryPoint {
  readonly year: number;
  /** The year's result as the check reports it (actual, target of that year, status, …). */
  readonly result: IndicatorResult;
}

/** One indicator over the years. */
export interface IndicatorHistory {
  readonly id: string;
  readonly label: string;
  readonly kind: IndicatorKind;
  readonly perUnit: boolean;
  /** One point per year of the history, in the same order as History.years. */
  readonly points: readonly HistoryPoint[];
  /**
   * The last year's actual minus the first year's (see ChangeKind for its unit); undefined when
   * either year has no actual value.
   */
  readonly change?: number;
  readonly changeKind: ChangeKind;
}

/** One unit over the years: for each per-unit indicator, the years its status was Đạt. */
export interface UnitHistory {
  readonly code?: string;
  readonly name?: string;
  /** Per-unit indicator id → years (ascending) the unit met it. */
  readonly met: Readonly<Record<string, readonly number[]>>;
  /** The years the unit has a row in the data. */
  readonly years: readonly number[];
}

/** The whole history, rendered on `Tiến độ` and in the JSON `history` block. */
export interface History {
  readonly targetSet: TargetSet;
  /** Ascending; more than one. */
  readonly years: readonly number[];
  /** Where each year was read from, aligned with `years`. */
  readonly sources: readonly string[];
  /** In the target set's order. */
  readonly indicators: readonly IndicatorHistory[];
  /** The ids of the per-unit indicators (those with a status per unit), in the set's order. */
  readonly perUnitIds: readonly string[];
  /** Every unit seen in any year, in order of first appearance (earliest year first). */
  readonly units: readonly UnitHistory[];
}

/** Options of checkYears: the set every year is checked against, and today (for a guessed year). */
export interface HistoryOptions {
  readonly targetSet: TargetSet;
  readonly today: Date;
}

/** The current sheet by its name only (a re-run on the output file says the same), another file's with the file. */
function sourceName(s: HistorySource): string {
  return s.fileName !== undefined && !s.checked ? `tệp "${baseName(s.fileName)}", sheet "${s.grid.name}"` : `sheet "${s.grid.name}"`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Checks every year the sources hold, each as `check --year YYYY` on its sheet.
 *
 * @example
 * const { years } = checkYears([{ grid: thisYear, checked: result }, { grid: lastYear, fileName: 'nam-2023.xlsx' }], { targetSet, today });
 * years.map((y) => y.year) // [2023, 2024]
 */
export function checkYears(sources: readonly HistorySource[], options: HistoryOptions): YearChecks {
  const byYear = new Map<number, YearCheck>();
  const notices: string[] = [];
  for (const source of sources) {
    const name = sourceName(source);
    let first = source.checked;
    if (!first) {
      const out = checkSheet(source.grid, { targetSet: options.targetSet, fileName: source.fileName, today: options.today });
      if (!out.ok) {
        notices.push(`Bỏ qua ${name} khi so sánh các năm: ${out.error.message}`);
        continue;
      }
      first = out.value;
    }
    // The years of the Năm column (a unit row without one counts under the sheet's year).
    const present = new Set<number>();
    for (const u of first.units) present.add(u.year);
    present.add(first.year);
    const wanted: number[] = [];
    for (const year of [...present].sort((a, b) => a - b)) {
      const taken = byYear.get(year);
      if (taken) notices.push(`Năm ${year} có trong cả ${taken.source} và ${name}: dùng số liệu của ${taken.source}.`);
      else wanted.push(year);
    }
    // The sheet's other years: each as check --year YYYY, the cells read once for all of them.
    const others = wanted.filter((y) => y !== first.year);
    const checked = !others.length ? new Map<number, CheckOutcome>() : source.checked && source.otherYears ? source.otherYears(others) : checkSheetYears(source.grid, { targetSet: options.targetSet, fileName: source.fileName, today: options.today }, others);
    for (const year of wanted) {
      const out = year === first.year ? { ok: true as const, value: first } : checked.get(year);
      if (out?.ok) byYear.set(year, { year, result: out.value, source: name }); // the same sheet had a table a moment ago
    }
  }
  return { years: [...byYear.values()].sort((a, b) => a.year - b.year), notices };
}

/** The identity a unit keeps from year to year: its code, else its name (case and spaces aside). */
function unitKey(code: string | undefined, name: string | undefined): string | undefined {
  if (code !== undefined && code.trim() !== '') return 'c:' + code.trim().toUpperCase();
  if (name !== undefined && name.trim() !== '') return 'n:' + name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return undefined;
}

/**
 * Lines the years' results up per indicator and per unit. Undefined when fewer than two years:
 * there is no progress to show.
 *
 * @example
 * const h = buildHistory(checkYears(sources, options).years);
 * h?.indicators[0].points.map((p) => p.result.status) // ['CHUA_DAT', 'DAT', 'DAT']
 */
export function buildHistory(years: readonly YearCheck[]): History | undefined {
  if (years.length < 2) return undefined;
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const set = sorted[sorted.length - 1].result.targetSet;
  const indicators: IndicatorHistory[] = set.indicators.map((ind) => {
    const points: HistoryPoint[] = [];
    for (const y of sorted) {
      const result = y.result.indicators.find((r) => r.id === ind.id);
      if (result) points.push({ year: y.year, result });
    }
    const firstActual = points[0]?.result.actual;
    const lastActual = points[points.length - 1]?.result.actual;
    const change = firstActual !== undefined && lastActual !== undefined && points.length === sorted.length ? lastActual - firstActual : undefined;
    const perUnit = points.some((p) => p.result.perUnit);
    return {
      id: ind.id,
      label: ind.label,
      kind: ind.kind,
      perUnit,
      points,
      ...(change !== undefined ? { change } : {}),
      changeKind: isFractionKind(ind.kind) ? 'points' : 'difference',
    };
  });
  const perUnitIds = indicators.filter((i) => i.perUnit).map((i) => i.id);

  // Per unit: each year's rows of that year (a multi-year table's check holds the other years'
  // rows too, out of scope), and the per-unit indicators it met.
  const units = new Map<string, { code?: string; name?: string; met: Record<string, number[]>; years: number[] }>();
  for (const y of sorted) {
    for (const u of y.result.units) {
      if (u.year !== y.year) continue;
      const key = unitKey(u.code, u.name);
      if (key === undefined) continue;
      let entry = units.get(key);
      if (!entry) {
        const met: Record<string, number[]> = {};
        for (const id of perUnitIds) met[id] = [];
        entry = { ...(u.code !== undefined ? { code: u.code } : {}), ...(u.name !== undefined ? { name: u.name } : {}), met, years: [] };
        units.set(key, entry);
      } else {
        // The latest spelling of a unit's name is the one shown.
        if (u.name !== undefined) entry.name = u.name;
      }
      if (entry.years[entry.years.length - 1] !== y.year) entry.years.push(y.year);
      for (const id of perUnitIds) {
        const s: Status | undefined = u.status[id];
        const list = entry.met[id];
        if (s === 'DAT' && list[list.length - 1] !== y.year) list.push(y.year);
      }
    }
  }
  return {
    targetSet: set,
    years: sorted.map((y) => y.year),
    sources: sorted.map((y) => y.source),
    indicators,
    perUnitIds,
    units: [...units.values()],
  };
}

/**
 * checkYears then buildHistory: the history of the sources, or undefined when they hold fewer
 * than two years; with the notices either way.
 *
 * @example
 * historyOf([{ grid, checked: result }], { targetSet: result.targetSet, today: new Date() }).history // undefined for one year
 */
export function historyOf(sources: readonly HistorySource[], options: HistoryOptions): { history?: History; notices: readonly string[] } {
  const checked = checkYears(sources, options);
  const history = buildHistory(checked.years);
  return history ? { history, notices: checked.notices } : { notices: checked.notices };
}

/** One entry of the JSON `history` block (interfaces.md). */
export type HistoryJson = NonNullable<JsonReport['history']>[number];

/**
 * The JSON `history` block: per indicator, per year, the actual, the target of that year and the
 * status, as `check --year YYYY` reports them in its `indicators`.
 *
 * @example
 * historyJson(h)[0] // { id: 'sang_kien_15', years: [{ year: 2023, actual: 0.62, target: 1, status: 'CHUA_DAT' }, …] }
 */
export function historyJson(history: History): HistoryJson[] {
  return history.indicators.map((i) => ({
    id: i.id,
    years: i.points.map((p) => ({ year: p.year, actual: p.result.actual ?? null, target: targetJson(p.result.target), status: p.result.status })),
  }));
}

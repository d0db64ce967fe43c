/**
 * The JSON report of spec/interfaces.md, built from the result model. Its shape is a stable
 * contract for outside checks: change it only by adding fields.
 */
import { columnDef } from './catalog';
import { moneyUnitName } from './moneyUnit';
import { lazyList } from './lazyList';
import { toNumber } from './rational';
import type { Problem } from './problem';
import type { CheckResult, IndicatorResult } from './result';
import type { Status } from './status';
import type { RowSummary } from './table/rows/summary';
import type { YearSource } from './table/sheetYear';
import type { Comparator, Target } from './targetSet';

export interface JsonReport {
  preset: string;
  /** When the table lacks more than half of the preset's columns: the built-in set it matches best. */
  targetSetHint?: {
    missing: number;
    needed: number;
    best: { preset: string; present: number; needed: number } | null;
    message: string;
  };
  year: number;
  /** Where the year came from: `--year`, the Năm column, the title, the sheet or file name, or a guess. */
  yearSource?: YearSource;
  /** The warning about the year (a guessed year, the later year of a range). */
  yearNote?: string;
  sheet: string;
  /** Money column → the unit its amounts were typed in (`đồng`, `nghìn đồng`, `triệu đồng`); amounts are computed in đồng. */
  moneyUnits?: Record<string, string>;
  /**
   * The kind of every row below the header: how many of each (`unit`, `column_numbers`,
   * `section_heading`, `subtotal`, `grand_total`, `breakdown`, `template`, `blank`, `footer`), and
   * the rows of each kind that is not a unit (spec/layouts.md, "Rows inside the table").
   */
  rows?: RowSummary;
  /** `section`: the heading the unit stands under (`I. KHỐI TRƯỜNG HỌC`), when the table has them. */
  units: { row: number; code?: string; name?: string; section?: string; status: Record<string, Status>; errors: number }[];
  indicators: {
    id: string;
    label: string;
    kind: string;
    comparator: Comparator;
    target: number | [number, number];
    actual: number | null;
    numerator: number | null;
    denominator: number | null;
    status: Status;
    inScope: number;
    reported: number;
    yearsPresent?: number[];
  }[];
  /** Per parent unit, when the table has `don_vi_cap_tren`. */
  groups?: { parent: string; units: number; indicators: JsonReport['indicators'] }[];
  /**
   * When the data holds more than one year (cycle/history.ts): per indicator, per year, what
   * `check --year YYYY` reports for that year.
   */
  history?: { id: string; years: { year: number; actual: number | null; target: number | [number, number]; status: Status }[] }[];
  problems: {
    sheet: string;
    cell: string;
    column: string | null;
    unit: string | null;
    unitName?: string;
    rule: string;
    severity: 'error' | 'warning';
    message: string;
    file?: string;
  }[];
}

type IndicatorJson = JsonReport['indicators'][number];

/**
 * A target as the report writes it: a number (a fraction for ratio and share kinds), or
 * `[low, high]` for a range.
 *
 * @example
 * targetJson({ comparator: '>=', value: { n: 15, d: 100 } }) // 0.15
 */
export function targetJson(t: Target): number | [number, number] {
  return t.upper ? [toNumber(t.value), toNumber(t.upper)] : toNumber(t.value);
}

function indicatorJson(i: IndicatorResult): IndicatorJson {
  const t = i.target;
  const target = targetJson(t);
  return {
    id: i.id,
    label: i.label,
    kind: i.kind,
    comparator: t.comparator,
    target,
    actual: i.actual ?? null,
    numerator: i.numerator ?? null,
    denominator: i.denominator ?? null,
    status: i.status,
    inScope: i.inScope,
    reported: i.reported,
    ...(i.years ? { yearsPresent: [...i.years.present] } : {}),
  };
}

function targetSetHintJson(result: CheckResult): Pick<JsonReport, 'targetSetHint'> {
  const h = result.targetSetHint;
  if (!h) return {};
  const best = h.best ? { preset: h.best.id, present: h.best.present, needed: h.best.needed } : null;
  return { targetSetHint: { missing: h.missing, needed: h.needed, best, message: h.message } };
}

/** The unit of each money column of the table, when it has any. */
function moneyUnitsJson(result: CheckResult): { moneyUnits?: Record<string, string> } {
  const units: Record<string, string> = {};
  for (const c of result.layout.columns) {
    if (c.role === 'data' && c.key && columnDef(c.key)?.type === 'money') units[c.key] = moneyUnitName(c.moneyScale);
  }
  return Object.keys(units).length ? { moneyUnits: units } : {};
}

/**
 * Builds the report object (serialise it with JSON.stringify).
 *
 * @example
 * toJsonReport(result).indicators[0].status // 'DAT'
 */
export function toJsonReport(result: CheckResult): JsonReport {
  return {
    preset: result.targetSet.id,
    ...targetSetHintJson(result),
    year: result.year,
    ...(result.yearSource ? { yearSource: result.yearSource } : {}),
    ...(result.yearNote ? { yearNote: result.yearNote } : {}),
    sheet: result.sheet,
    ...moneyUnitsJson(result),
    ...(result.rows ? { rows: result.rows } : {}),
    // Made as the report is written, as problems are: 100,000 units would otherwise be 100,000
    // objects held beside the result while it is written.
    units: lazyList([], result.units.length, (i) => unitJson(result.units[i])) as JsonReport['units'],
    indicators: result.indicators.map(indicatorJson),
    ...(result.groups ? { groups: result.groups.map((g) => ({ parent: g.parent, units: g.units, indicators: g.indicators.map(indicatorJson) })) } : {}),
    // Made as the report is written (see lazyList): a table can have 200,000 problems.
    problems: lazyList([], result.problems.length, (i) => problemJson(result.problems[i])) as JsonReport['problems'],
  };
}

/** One unit as the report writes it. */
function unitJson(u: CheckResult['units'][number]): JsonReport['units'][number] {
  return {
    row: u.row,
    ...(u.code !== undefined ? { code: u.code } : {}),
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(u.section !== undefined ? { section: u.section } : {}),
    status: { ...u.status },
    errors: u.errorCount,
  };
}

/** One problem as the report writes it; `file` for problems found in a return during intake. */
export function problemJson(p: Problem, file?: string): JsonReport['problems'][number] {
  const column = p.column ?? null;
  const unit = p.unit?.code ?? null;
  const name = p.unit?.name;
  // One object literal per shape, no spreads: a report can hold 200,000 problems, and objects
  // built by spreading can each get a hidden class of their own. Key order is the report's.
  if (file !== undefined) {
    return name
      ? { file, sheet: p.sheet, cell: p.cell, column, unit, unitName: name, rule: p.rule, severity: p.severity, message: p.message }
      : { file, sheet: p.sheet, cell: p.cell, column, unit, rule: p.rule, severity: p.severity, message: p.message };
  }
  return name
    ? { sheet: p.sheet, cell: p.cell, column, unit, unitName: name, rule: p.rule, severity: p.severity, message: p.message }
    : { sheet: p.sheet, cell: p.cell, column, unit, rule: p.rule, severity: p.severity, message: p.message };
}

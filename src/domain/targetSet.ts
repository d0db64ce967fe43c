/**
 * Target sets (bộ chỉ tiêu) as data: indicators of the kinds of spec/indicators.md, each with
 * its scope and target. The built-in sets (presets.ts) and the workbook's `Chỉ tiêu` sheet
 * (targetSheet.ts) both produce this shape.
 */
import type { Rational } from './rational';

export type Comparator = '>=' | '>' | '<=';

/**
 * One target: `value` is a fraction for ratio and share kinds (15% = 15/100) and a plain
 * number for sum, mean, change and unit_count. A range "a–b" has `upper` and is met when actual ≥ a.
 */
export interface Target {
  readonly comparator: Comparator;
  readonly value: Rational;
  readonly upper?: Rational;
}

/** Year-dependent target: applies to runs up to and including `byYear`. */
export interface YearTarget {
  readonly byYear: number;
  readonly target: Target;
}

/** Unit condition: a bool column is Có, or `xep_loai` (or another choice column) is one of `values`. */
export type Condition =
  | { readonly column: string }
  | { readonly column: string; readonly values: readonly string[] };

/** Which rows count: level (`cap`; 'all' for every level), sector, a bool `where` column, a year window. */
export interface Scope {
  readonly level?: string | 'all';
  readonly sector?: string;
  readonly where?: string;
  readonly years?: readonly [number, number];
}

export type IndicatorKind =
  | 'ratio'
  | 'unit_threshold'
  | 'unit_share'
  | 'unit_count'
  | 'sum'
  | 'mean'
  | 'change'
  | 'reduction'
  | 'manual';

export type IndicatorFormula =
  | { readonly kind: 'ratio'; readonly num: string; readonly den: string; readonly perUnit?: boolean }
  | { readonly kind: 'unit_threshold'; readonly num: string; readonly den: string; readonly unitTarget: Target }
  | { readonly kind: 'unit_share'; readonly condition: Condition }
  | { readonly kind: 'unit_count'; readonly condition: Condition }
  | { readonly kind: 'sum'; readonly column: string }
  | { readonly kind: 'mean'; readonly column: string }
  | { readonly kind: 'change'; readonly start: string; readonly end: string }
  | { readonly kind: 'reduction'; readonly start: string; readonly end: string }
  | { readonly kind: 'manual'; readonly value?: number; readonly unitLabel?: string };

export type Indicator = IndicatorFormula & {
  /** Stable id within the set, e.g. `sang_kien_15`. */
  readonly id: string;
  /** Short Vietnamese label for column headers and the summary. */
  readonly label: string;
  /** The document's own words, when longer than the label. */
  readonly description?: string;
  readonly scope: Scope;
  readonly target: Target | readonly YearTarget[];
};

export interface TargetSet {
  readonly id: string;
  /** Program title, e.g. "Chương trình đổi mới và nâng cao chất lượng hoạt động công đoàn…". */
  readonly title: string;
  /** Document number and date, e.g. "Chương trình số 06/CTr-CĐVC ngày 16/9/2024". */
  readonly document: string;
  /** Short document number for lists, e.g. "06/CTr-CĐVC". */
  readonly documentNumber: string;
  /** Issuing body, e.g. "CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH". */
  readonly issuer: string;
  /** The body above the issuer, e.g. "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH" (administrative header). */
  readonly parentIssuer?: string;
  /** Place name for the "…, ngày … tháng … năm …" line. */
  readonly place?: string;
  /** Section of the document the indicators come from, e.g. "mục II". */
  readonly section?: string;
  /** Seed file the set was taken from (built-in sets). */
  readonly source?: string;
  /** Milestones shown on the summary (e.g. sơ kết, tổng kết). */
  readonly milestones?: readonly string[];
  readonly indicators: readonly Indicator[];
}

export function isYearTargets(t: Target | readonly YearTarget[]): t is readonly YearTarget[] {
  return Array.isArray(t);
}

/** True for kinds whose actual value and target are fractions (shown as %). */
export function isFractionKind(kind: IndicatorKind): boolean {
  return kind === 'ratio' || kind === 'unit_threshold' || kind === 'unit_share' || kind === 'reduction';
}

/** True for kinds that give every unit a status column. */
export function hasUnitStatus(ind: Indicator): boolean {
  return ind.kind === 'unit_threshold' || ind.kind === 'unit_share' || (ind.kind === 'ratio' && ind.perUnit === true);
}

/** True when some indicator looks at years other than the run's (a window or year-dependent target). */
export function isMultiYear(set: TargetSet): boolean {
  return set.indicators.some((i) => i.scope.years !== undefined);
}

/**
 * Computes every indicator kind of spec/indicators.md over normalised unit rows, with exact
 * boundary decisions: a fraction a/b is compared to a target n/d as a·d against n·b in integers.
 */
import { compareFraction } from './rational';
import type { FailingUnit, IndicatorResult } from './result';
import { ScopeMemo } from './scope';
import type { Status } from './status';
import { hasUnitStatus, isYearTargets, type Condition, type Indicator, type Target } from './targetSet';
import type { UnitRow } from './unit';

/**
 * The target that applies in `year`: the year-dependent entry with the smallest "by year" ≥ year,
 * else the last one.
 *
 * @example
 * targetFor(tuldtt, 2024) // the "by 2025: ≥ 80%" target
 */
export function targetFor(ind: Indicator, year: number): Target {
  const t = ind.target;
  if (!isYearTargets(t)) return t;
  const sorted = [...t].sort((a, b) => a.byYear - b.byYear);
  return (sorted.find((y) => y.byYear >= year) ?? sorted[sorted.length - 1]).target;
}

/**
 * Whether a/b (b > 0) meets the target exactly. A range "a–b" is met when actual ≥ its lower end.
 *
 * @example
 * meets(3, 20, { comparator: '>=', value: { n: 3, d: 20 } }) // true  (3/20 = 15%)
 * meets(19, 20, { comparator: '>', value: { n: 19, d: 20 } }) // false (19/20 = 95%, not above)
 */
export function meets(a: number, b: number, target: Target): boolean {
  const c = compareFraction(a, b, target.value);
  switch (target.comparator) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
  }
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function holds(unit: UnitRow, condition: Condition): boolean | undefined {
  const v = unit.values[condition.column];
  if (v === undefined) return undefined;
  if ('values' in condition) return typeof v === 'string' && condition.values.includes(v);
  return v === true;
}

/** Σ start and Σ end over units that have both values. */
function sumPairs(units: readonly UnitRow[], startKey: string, endKey: string): { start: number; end: number; reported: number } {
  let start = 0;
  let end = 0;
  let reported = 0;
  for (const u of units) {
    const s = num(u.values[startKey]);
    const e = num(u.values[endKey]);
    if (s === undefined || e === undefined) continue;
    reported++;
    start += s;
    end += e;
  }
  return { start, end, reported };
}

interface Computed {
  status: Status;
  actual?: number;
  numerator?: number;
  denominator?: number;
  reported: number;
}

/** Records the status of the k-th unit in scope. */
type StatusSink = (k: number, status: Status) => void;

function decide(a: number, b: number, target: Target): Status {
  return meets(a, b, target) ? 'DAT' : 'CHUA_DAT';
}

function aggregate(inScopeCount: number, reported: number, a: number, b: number, target: Target): Computed {
  if (inScopeCount === 0) return { status: 'KHONG_AP_DUNG', reported };
  if (reported === 0) return { status: 'THIEU_DU_LIEU', reported };
  if (b === 0) return { status: 'KHONG_AP_DUNG', reported, numerator: a, denominator: b };
  return { status: decide(a, b, target), actual: a / b, numerator: a, denominator: b, reported };
}

function compute(ind: Indicator, units: readonly UnitRow[], target: Target, setStatus: StatusSink): Computed {
  switch (ind.kind) {
    case 'ratio': {
      let a = 0;
      let b = 0;
      let reported = 0;
      for (let k = 0; k < units.length; k++) {
        const u = units[k];
        const n = num(u.values[ind.num]);
        const d = num(u.values[ind.den]);
        if (n === undefined || d === undefined) {
          setStatus(k, 'THIEU_DU_LIEU');
          continue;
        }
        reported++;
        a += n;
        b += d;
        setStatus(k, d === 0 ? 'KHONG_AP_DUNG' : decide(n, d, target));
      }
      return aggregate(units.length, reported, a, b, target);
    }
    case 'unit_threshold': {
      let meeting = 0;
      let eligible = 0;
      let reported = 0;
      for (let k = 0; k < units.length; k++) {
        const u = units[k];
        const n = num(u.values[ind.num]);
        const d = num(u.values[ind.den]);
        if (n === undefined || d === undefined) {
          setStatus(k, 'THIEU_DU_LIEU');
          continue;
        }
        reported++;
        if (d === 0) {
          setStatus(k, 'KHONG_AP_DUNG');
          continue;
        }
        eligible++;
        const s = decide(n, d, ind.unitTarget);
        if (s === 'DAT') meeting++;
        setStatus(k, s);
      }
      return aggregate(units.length, reported, meeting, eligible, target);
    }
    case 'unit_share': {
      let yes = 0;
      let reported = 0;
      for (let k = 0; k < units.length; k++) {
        const h = holds(units[k], ind.condition);
        if (h === undefined) {
          setStatus(k, 'THIEU_DU_LIEU');
          continue;
        }
        reported++;
        if (h) yes++;
        setStatus(k, h ? 'DAT' : 'CHUA_DAT');
      }
      return aggregate(units.length, reported, yes, reported, target);
    }
    case 'unit_count': {
      let count = 0;
      let reported = 0;
      for (const u of units) {
        const h = holds(u, ind.condition);
        if (h === undefined) continue;
        reported++;
        if (h) count++;
      }
      return { ...aggregate(units.length, reported, count, 1, target), actual: reported ? count : undefined };
    }
    case 'sum':
    case 'mean': {
      let sum = 0;
      let reported = 0;
      for (const u of units) {
        const v = num(u.values[ind.column]);
        if (v === undefined) continue;
        reported++;
        sum += v;
      }
      if (ind.kind === 'sum') {
        const c = aggregate(units.length, reported, sum, 1, target);
        return { ...c, actual: reported ? sum : undefined, numerator: reported ? sum : undefined, denominator: undefined };
      }
      return aggregate(units.length, reported, sum, reported, target);
    }
    case 'change': {
      const { start, end, reported } = sumPairs(units, ind.start, ind.end);
      const c = aggregate(units.length, reported, end - start, 1, target);
      return reported
        ? { ...c, actual: end - start, numerator: end, denominator: start }
        : { ...c, numerator: undefined, denominator: undefined };
    }
    case 'reduction': {
      const { start, end, reported } = sumPairs(units, ind.start, ind.end);
      return aggregate(units.length, reported, start - end, start, target);
    }
    case 'manual': {
      if (ind.value === undefined) return { status: 'THIEU_DU_LIEU', reported: 0 };
      return { status: decide(ind.value, 1, target), actual: ind.value, reported: 0 };
    }
  }
}

export interface IndicatorOutcome {
  readonly result: IndicatorResult;
  /**
   * Status of every unit row (aligned with the `units` passed in), for indicators with a status
   * column; rows out of scope are Không áp dụng.
   */
  readonly unitStatus?: readonly Status[];
}

/**
 * Computes one indicator for a run of `year` over all unit rows of the table.
 *
 * @example
 * computeIndicator(sangKien15, units, 2024).result.status // 'DAT' when every unit has ≥ 15%
 */
export function computeIndicator(ind: Indicator, units: readonly UnitRow[], year: number, memo: ScopeMemo = new ScopeMemo()): IndicatorOutcome {
  const target = targetFor(ind, year);
  const perUnit = hasUnitStatus(ind);
  const { positions: position, rows: scoped } = ind.kind === 'manual' ? { positions: [], rows: [] } : memo.scoped(units, ind.scope, year);
  const statuses: Status[] | undefined = perUnit ? new Array<Status>(units.length).fill('KHONG_AP_DUNG') : undefined;
  const setStatus: StatusSink = statuses ? (k, s) => (statuses[position[k]] = s) : () => undefined;
  let c = compute(ind, scoped, target, setStatus);
  let years: IndicatorResult['years'];
  if (ind.scope.years) {
    const present = [...new Set(scoped.map((u) => u.year))].sort((a, b) => a - b);
    years = { from: ind.scope.years[0], to: ind.scope.years[1], present };
    // A window with none of its years in the workbook lacks data rather than not applying.
    if (present.length === 0) c = { status: 'THIEU_DU_LIEU', reported: 0 };
  }
  const failingUnits: FailingUnit[] = [];
  if (statuses) {
    for (let i = 0; i < units.length; i++) {
      if (statuses[i] !== 'CHUA_DAT') continue;
      const u = units[i];
      failingUnits.push({ row: u.row, code: u.code, name: u.name });
    }
  }
  // A count names the units behind it (the summary's Ghi chú and Danh sách đơn vị).
  const counted = ind.kind === 'unit_count' ? scoped.filter((u) => holds(u, ind.condition) === true) : undefined;
  const result: IndicatorResult = {
    id: ind.id,
    label: ind.label,
    ...(ind.description !== undefined ? { description: ind.description } : {}),
    kind: ind.kind,
    target,
    ...(c.actual !== undefined ? { actual: c.actual } : {}),
    ...(c.numerator !== undefined ? { numerator: c.numerator } : {}),
    ...(c.denominator !== undefined ? { denominator: c.denominator } : {}),
    status: c.status,
    inScope: scoped.length,
    reported: c.reported,
    perUnit,
    failingUnits,
    ...(counted ? { countedUnits: counted.map((u) => ({ row: u.row, code: u.code, name: u.name })) } : {}),
    ...(years ? { years } : {}),
    ...(ind.kind === 'manual' && ind.unitLabel ? { unitLabel: ind.unitLabel } : {}),
  };
  return statuses ? { result, unitStatus: statuses } : { result };
}

/**
 * The one result model of a check. Every output — JSON report, status columns, Tổng hợp,
 * Kiểm tra, the task pane — is rendered from it.
 */
import type { GroupResult } from './groups';
import type { TableLayout } from './header';
import type { IndicatorKind, Target, TargetSet } from './targetSet';
import type { Problem, UnitRef } from './problem';
import type { Status } from './status';
import type { RowSummary } from './table/rows/summary';
import type { YearSource } from './table/sheetYear';
import type { TargetSetHint } from './targetSetMatch';
import type { RawCell } from './grid';

export interface UnitResult {
  /** 1-based sheet row. */
  readonly row: number;
  readonly code?: string;
  readonly name?: string;
  readonly year: number;
  /** Per-unit indicator id → status. */
  readonly status: Readonly<Record<string, Status>>;
  /** Number of error-level problems in this row. */
  readonly errorCount: number;
  /** The section heading the unit stands under (`I. KHỐI TRƯỜNG HỌC`), when the table has them. */
  readonly section?: string;
}

export interface FailingUnit extends UnitRef {
  readonly row: number;
}

export interface IndicatorResult {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly kind: IndicatorKind;
  /** The target that applies to the run's year. */
  readonly target: Target;
  /** Fraction for ratio/share kinds, plain number otherwise; undefined when not computable. */
  readonly actual?: number;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly status: Status;
  readonly inScope: number;
  readonly reported: number;
  /** True when the indicator gives every unit a status column. */
  readonly perUnit: boolean;
  /** Units with status Chưa đạt, for per-unit indicators, in row order. */
  readonly failingUnits: readonly FailingUnit[];
  /** For a count of units (`unit_count`, e.g. CĐCS không hoàn thành nhiệm vụ): the units counted, in row order. */
  readonly countedUnits?: readonly FailingUnit[];
  /** For year-window indicators: the window and which of its years the data holds. */
  readonly years?: { readonly from: number; readonly to: number; readonly present: readonly number[] };
  /** Unit word for manual indicators (e.g. "cuộc"). */
  readonly unitLabel?: string;
}

/** A safe fix the user may apply to one cell (Sửa tự động): canonical text, Unicode, number. */
export interface CellFix {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly column: string;
  readonly value: string | number;
  readonly label: string;
  /** What the check read in the cell: the fix is applied only while the cell still holds it. */
  readonly was?: RawCell;
}

export interface CheckResult {
  readonly targetSet: TargetSet;
  readonly year: number;
  /** Where the year came from (table/sheetYear.ts); absent in results made before it was tracked. */
  readonly yearSource?: YearSource;
  /** The warning about the year the user must see: a guessed year, or the later year of a range. */
  readonly yearNote?: string;
  readonly sheet: string;
  readonly layout: TableLayout;
  readonly units: readonly UnitResult[];
  readonly indicators: readonly IndicatorResult[];
  readonly problems: readonly Problem[];
  /** Per parent unit (`don_vi_cap_tren`), when the table has that column. */
  readonly groups?: readonly GroupResult[];
  /** When the table lacks more than half of the set's columns: the first thing the user reads, naming a better set. */
  readonly targetSetHint?: TargetSetHint;
  /** Cells whose text can be safely rewritten to what the engine read (never applied silently). */
  readonly fixes: readonly CellFix[];
  /** The kind of every row below the header (units, headings, totals, footer…), when known. */
  readonly rows?: RowSummary;
}

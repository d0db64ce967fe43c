/**
 * A unit row after normalisation: the values the engine computes with, where they came from,
 * and the year and level it counts under.
 */
import type { Value } from './normalize';

export interface UnitRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly code?: string;
  readonly name?: string;
  /** The year the row counts under: its `nam`, else the run's year. */
  readonly year: number;
  /** Catalog key → value used in computation (missing and error cells are absent). */
  readonly values: Readonly<Record<string, Value | undefined>>;
}

/**
 * What the task pane needs beyond the workbook port: show a cell, apply the safe fixes with
 * undo, and remove the product's output. The Office adapter implements it for Excel; the
 * browser mode implements what a downloaded file allows.
 */
import type { RawCell } from '../domain/grid';
import type { ClearPlan } from './plan';
import type { WorkbookPort } from './port';

export interface CellWrite {
  /** A1 address. */
  readonly cell: string;
  readonly value: string | number;
}

/** A cell as it was before a write, enough to put it back exactly. */
export interface CellSnapshot {
  readonly cell: string;
  readonly value: RawCell;
  /** The cell's formula, when it held one (restored as a formula). */
  readonly formula?: string;
  /** The cell's number format, restored with the value. */
  readonly numberFormat?: string;
}

export interface InteractivePort extends WorkbookPort {
  /** Activates the sheet and selects the cell, so the user sees it. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Writes values into cells — as values, never as formulas — and returns what they held
   * before, for undo. Cells holding a formula are left alone and not in the returned list.
   */
  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<CellSnapshot[]>;
  /** Puts cells back as the snapshots say (undo of writeCells). */
  restoreCells(sheet: string, snapshots: readonly CellSnapshot[]): Promise<void>;
  /** Removes the product's output; every other cell, format and sheet stays as it was. */
  clear(plan: ClearPlan): Promise<void>;
}

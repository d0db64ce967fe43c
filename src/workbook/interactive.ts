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
  /**
   * What the check read in the cell. When given, a cell that holds something else now (a sort, an
   * inserted row, a co-author's edit since the check) is left alone and listed in `changed`.
   */
  readonly expected?: RawCell;
}

/** A cell as it was before a write, enough to put it back exactly. */
export interface CellSnapshot {
  readonly cell: string;
  readonly value: RawCell;
  /** The cell's formula, when it held one (restored as a formula). */
  readonly formula?: string;
  /** The cell's number format, restored with the value. */
  readonly numberFormat?: string;
  /** What the write put in the cell: undo puts the cell back only while it still holds this. */
  readonly written?: string | number;
}

/** What a write or an undo did. */
export interface WriteOutcome {
  /** The cells written, as they were before (for undo). */
  readonly snapshots: readonly CellSnapshot[];
  /** Cells left alone because they changed since the check (or since the fix, for undo), A1. */
  readonly changed: readonly string[];
}

/**
 * The line the pane shows for a cell that was left alone.
 *
 * @example
 * changedCellNote('D12') // 'ô D12 đã thay đổi sau khi kiểm tra — bỏ qua'
 */
export function changedCellNote(cell: string): string {
  return `ô ${cell} đã thay đổi sau khi kiểm tra — bỏ qua`;
}

export interface InteractivePort extends WorkbookPort {
  /** Activates the sheet and selects the cell, so the user sees it. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Writes values into cells — as values, never as formulas — and returns what they held
   * before, for undo. Cells holding a formula are left alone and not in the snapshots; cells whose
   * content differs from `expected` are left alone and listed in `changed`.
   */
  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<WriteOutcome>;
  /** Puts cells back as the snapshots say (undo of writeCells); a cell no longer holding `written` is listed in `changed`. */
  restoreCells(sheet: string, snapshots: readonly CellSnapshot[]): Promise<Pick<WriteOutcome, 'changed'>>;
  /** Removes the product's output; every other cell, format and sheet stays as it was. */
  clear(plan: ClearPlan): Promise<void>;
}

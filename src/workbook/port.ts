/**
 * The workbook port: what the engine needs from a workbook. The xlsx adapter (ExcelJS-free
 * OOXML reader/patcher, Node and browser) and the Office adapter (Excel JavaScript API)
 * both implement it, and one contract suite runs against both.
 */
import type { SheetGrid } from '../domain/grid';
import type { OutputPlan } from './plan';

export interface WorkbookPort {
  /** Sheet names in workbook order. */
  sheetNames(): Promise<string[]>;
  /** The used cells of one sheet, as the user sees them (values; errors as `{ error }`). */
  readSheet(name: string): Promise<SheetGrid>;
  /** Writes the plan: replaces the product's own areas, leaves every other cell as it was. */
  apply(plan: OutputPlan): Promise<void>;
}

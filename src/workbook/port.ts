/**
 * The workbook port: what the engine needs from a workbook. The xlsx adapter (ExcelJS-free
 * OOXML reader/patcher, Node and browser) and the Office adapter (Excel JavaScript API)
 * both implement it, and one contract suite runs against both.
 */
import type { SheetGrid } from '../domain/grid';
import type { OwnSheetKind } from './ownSheets';
import type { OutputPlan } from './plan';

/** One sheet of the workbook as the product needs to know it. */
export interface SheetInfo {
  readonly name: string;
  /** Hidden or very hidden: skipped when looking for the data table unless named. */
  readonly hidden: boolean;
  /** The product's marker on this sheet (written with the sheet; survives a rename). */
  readonly mark?: OwnSheetKind;
}

export interface WorkbookPort {
  /** Sheet names in workbook order. */
  sheetNames(): Promise<string[]>;
  /** Sheets in workbook order with visibility and markers; adapters that cannot tell omit it. */
  sheetInfos?(): Promise<SheetInfo[]>;
  /** The used cells of one sheet, as the user sees them (values; errors as `{ error }`). */
  readSheet(name: string): Promise<SheetGrid>;
  /** Writes the plan: replaces the product's own areas, leaves every other cell as it was. */
  apply(plan: OutputPlan): Promise<void>;
}

/** A sheet that cannot be read (corrupt part, over the limits) as undefined instead of a throw. */
export async function readSheetSafely(port: WorkbookPort, name: string): Promise<SheetGrid | undefined> {
  try {
    return await port.readSheet(name);
  } catch {
    return undefined;
  }
}

/**
 * The reporting body of this run: the one the user gives (`--don-vi`, the pane's field), else
 * the one an earlier run printed on the product's own `Tổng hợp` (so it is given once per
 * workbook), else none (the target set's issuer is printed).
 */
import type { TargetSet } from '../domain/targetSet';
import { sheetKey, type OwnSheetPlacement } from './ownSheets';
import { readSheetSafely, type WorkbookPort } from './port';
import { rememberedReportingBody } from './render/reportingBody';

/**
 * @example
 * await reportingBodyFor(port, placement, set, undefined) // 'CÔNG ĐOÀN VIÊN CHỨC TỈNH; CÔNG ĐOÀN TRƯỜNG A' from last run
 */
export async function reportingBodyFor(
  port: WorkbookPort,
  placement: OwnSheetPlacement,
  set: TargetSet,
  given: string | undefined,
): Promise<string | undefined> {
  if (given !== undefined && given.trim() !== '') return given;
  const summary = placement.names.summary;
  // Only the product's own sheet: a user's sheet that happens to be named Tổng hợp says nothing.
  if (!placement.own.has(sheetKey(summary))) return undefined;
  return rememberedReportingBody(await readSheetSafely(port, summary), set);
}

/**
 * The reporting cycle's pane actions as plain async functions over a WorkbookPort, so the
 * same code runs on the open workbook in Excel (the Office adapter, on the pane's thread) and on
 * a chosen file in the browser mode (the xlsx adapter, in the engine worker). Refusals are
 * UserMessages in the pane's language; port errors propagate.
 */
import { findRegister, readRegister, REGISTER_SHEET_NAME } from '../domain/cycle/register';
import type { RegisterUnit } from '../domain/cycle/registerUnit';
import type { SheetGrid } from '../domain/grid';
import { TARGET_SHEET_NAME } from '../domain/targetSheet';
import { findOwnSheets, listSheets, resolveOwnSheets, sheetKey } from '../workbook/ownSheets';
import type { SheetInfo, WorkbookPort } from '../workbook/port';
import { registerSheet } from '../workbook/render/registerSheet';
import { findDataSheet } from '../workbook/runCheck';
import type { RegisterStatus } from './components/CyclePanel';
import type { Strings } from './i18n';
import { UserMessage } from './userMessage';

/** The workbook's sheet named `Danh bạ CĐCS` (Excel compares names case-insensitively). */
function registerSheetName(names: readonly string[]): string | undefined {
  return names.find((n) => sheetKey(n) === sheetKey(REGISTER_SHEET_NAME));
}

/**
 * What the pane says about the register: the sheet and its units, why it cannot be read, or none.
 *
 * @example
 * await registerStatus(port) // { kind: 'sheet', sheet: 'Danh bạ CĐCS', units: 42 }
 */
export async function registerStatus(port: WorkbookPort): Promise<RegisterStatus> {
  const sheet = registerSheetName(await port.sheetNames());
  if (sheet === undefined) return { kind: 'none' };
  const read = readRegister(await port.readSheet(sheet));
  return read.ok ? { kind: 'sheet', sheet, units: read.units.length } : { kind: 'unreadable', sheet, reason: read.message };
}

/** The sheets of the workbook the product did not write, with the set's `Chỉ tiêu` and the register left out. */
async function userSheets(port: WorkbookPort): Promise<{ sheets: SheetInfo[]; own: Set<string> }> {
  const sheets = await listSheets(port);
  const own = new Set([...(await findOwnSheets(port, sheets)).values()].map(sheetKey));
  own.add(sheetKey(REGISTER_SHEET_NAME));
  return { sheets, own };
}

/** The data table's sheet: the one the pane last checked when it is still there, else the first with a CĐCS table. */
export async function dataSheet(port: WorkbookPort, lastSheet?: string): Promise<SheetGrid | undefined> {
  const { sheets, own } = await userSheets(port);
  if (lastSheet && sheets.some((s) => s.name === lastSheet) && !own.has(sheetKey(lastSheet))) return port.readSheet(lastSheet);
  return (await findDataSheet(port, sheets, own))?.grid;
}

/** The units of the current data table, refused with the reason when there are none. */
async function tableUnits(port: WorkbookPort, t: Strings, lastSheet?: string): Promise<readonly RegisterUnit[]> {
  const grid = await dataSheet(port, lastSheet);
  if (!grid) throw new UserMessage(t.registerNoTable);
  const read = readRegister(grid);
  if (!read.ok) throw new UserMessage(t.registerNoTable);
  if (!read.units.length) throw new UserMessage(t.registerEmpty);
  return read.units;
}

/**
 * "Tạo danh bạ CĐCS": the register made from the current data table, written as the
 * `Danh bạ CĐCS` sheet. An existing register is never overwritten (it may hold contacts).
 *
 * @example
 * await makeRegister(port, t) // { sheet: 'Danh bạ CĐCS', units: 3 }
 */
export async function makeRegister(port: WorkbookPort, t: Strings, lastSheet?: string): Promise<{ sheet: string; units: number }> {
  const existing = registerSheetName(await port.sheetNames());
  if (existing !== undefined) throw new UserMessage(t.registerExists(existing));
  const units = await tableUnits(port, t, lastSheet);
  await port.apply({ sheets: [registerSheet(units)] });
  return { sheet: REGISTER_SHEET_NAME, units: units.length };
}

/**
 * The units a send-out goes to: the `Danh bạ CĐCS` sheet when there is one (refused with the
 * reader's sentence when it cannot be read), else the units of the current data table.
 */
export async function sendOutUnits(port: WorkbookPort, t: Strings, lastSheet?: string): Promise<{ units: readonly RegisterUnit[]; fromTable: boolean }> {
  const sheet = registerSheetName(await port.sheetNames());
  if (sheet === undefined) return { units: await tableUnits(port, t, lastSheet), fromTable: true };
  const read = findRegister([await port.readSheet(sheet)]);
  if (!read.ok) throw new UserMessage(read.message);
  if (!read.units.length) throw new UserMessage(t.registerUnreadable(sheet, t.registerEmpty));
  return { units: read.units, fromTable: false };
}

/**
 * The sheets the history picker offers: every sheet the user wrote, except the target set's
 * `Chỉ tiêu`, the register and the table being checked (it is always in the history).
 */
export async function historyCandidates(port: WorkbookPort, lastSheet?: string): Promise<string[]> {
  const { sheets, own } = await userSheets(port);
  const current = (await dataSheet(port, lastSheet))?.name;
  return sheets
    .map((s) => s.name)
    .filter((n) => !own.has(sheetKey(n)) && sheetKey(n) !== sheetKey(TARGET_SHEET_NAME) && n !== current);
}

/** The current table first, then the chosen sheets in the order given: the grids the history reads. */
export async function historyGrids(port: WorkbookPort, chosen: readonly string[], t: Strings, lastSheet?: string): Promise<SheetGrid[]> {
  if (!chosen.length) throw new UserMessage(t.historyPickOne);
  const current = await dataSheet(port, lastSheet);
  if (!current) throw new UserMessage(t.registerNoTable);
  const grids = [current];
  for (const name of chosen) if (name !== current.name) grids.push(await port.readSheet(name));
  return grids;
}

/** The name `Tiến độ` gets in this workbook (a user's sheet of that name is never overwritten: `Tiến độ (2)`). */
export async function progressSheetName(port: WorkbookPort): Promise<string> {
  return (await resolveOwnSheets(port, await listSheets(port))).names.progress;
}

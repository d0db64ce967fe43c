/**
 * The "Bộ chỉ tiêu" choice: a built-in set by id, or the workbook's own `Chỉ tiêu` sheet.
 * runCheck takes the sheet when it is given no set, so the sheet choice maps to `undefined`.
 */
import { findPreset, PRESETS } from '../domain/presets';
import type { TargetSet } from '../domain/targetSet';
import { TARGET_SHEET_NAME } from '../domain/targetSheet';

/** The option value that stands for the workbook's `Chỉ tiêu` sheet (no preset id has spaces). */
export const SHEET_CHOICE = 'sheet: Chỉ tiêu';

/** A preset id or SHEET_CHOICE. */
export type TargetChoice = string;

/** The option text of a built-in set, e.g. `bd-cdvc-2024 — 06/CTr-CĐVC`. */
export function presetOptionText(set: TargetSet): string {
  return `${set.id} — ${set.documentNumber}`;
}

/** The built-in set a choice names; undefined for the sheet choice (runCheck then reads the sheet). */
export function choiceSet(choice: TargetChoice): TargetSet | undefined {
  return choice === SHEET_CHOICE ? undefined : findPreset(choice);
}

/**
 * The choice to start with for a workbook: its own sheet when it has one (the user edited it
 * for a reason), otherwise the current choice, otherwise the first built-in set.
 */
export function initialChoice(sheetNames: readonly string[], current?: TargetChoice): TargetChoice {
  if (sheetNames.includes(TARGET_SHEET_NAME)) return SHEET_CHOICE;
  if (current && current !== SHEET_CHOICE) return current;
  return PRESETS[0].id;
}

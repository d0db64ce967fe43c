/**
 * One check of a workbook through the port: choose the target set and the data sheet, run the
 * engine, render the plan. The command line and the task pane both call this; the caller decides
 * whether to apply the plan.
 */
import { checkSheet } from '../domain/check';
import { findTable } from '../domain/header';
import type { CheckResult } from '../domain/result';
import type { TargetSet } from '../domain/targetSet';
import { readTargetSheet, TARGET_SHEET_NAME } from '../domain/targetSheet';
import type { OutputPlan } from './plan';
import type { WorkbookPort } from './port';
import { PROBLEMS_SHEET_NAME, renderResult, SUMMARY_SHEET_NAME } from './render';

export interface RunOptions {
  /** A built-in set; without it the workbook's own `Chỉ tiêu` sheet is used. */
  readonly targetSet?: TargetSet;
  /** The data sheet; default the first sheet that holds a CĐCS table. */
  readonly sheet?: string;
  readonly year?: number;
  readonly today: Date;
}

export type RunError = {
  readonly code: 'no_target_set' | 'bad_target_sheet' | 'no_sheet' | 'no_table';
  readonly message: string;
};

export type RunOutcome =
  | { readonly ok: true; readonly result: CheckResult; readonly plan: OutputPlan }
  | { readonly ok: false; readonly error: RunError };

/** Sheets the product writes: never taken for the user's data table. */
export const OWN_SHEETS: readonly string[] = [SUMMARY_SHEET_NAME, PROBLEMS_SHEET_NAME, TARGET_SHEET_NAME];

async function chooseTargetSet(port: WorkbookPort, names: string[], options: RunOptions): Promise<TargetSet | RunError> {
  if (options.targetSet) return options.targetSet;
  if (!names.includes(TARGET_SHEET_NAME)) {
    return {
      code: 'no_target_set',
      message: `Tệp không có sheet "${TARGET_SHEET_NAME}" và chưa chọn bộ chỉ tiêu. Hãy chọn một bộ có sẵn (--preset, xem "chitieu presets") hoặc chép một bộ vào sheet "${TARGET_SHEET_NAME}".`,
    };
  }
  const read = readTargetSheet(await port.readSheet(TARGET_SHEET_NAME));
  if (read.ok) return read.value;
  const first = read.problems.slice(0, 3).map((p) => `${p.cell}: ${p.message}`).join(' ');
  return {
    code: 'bad_target_sheet',
    message: `Sheet "${TARGET_SHEET_NAME}" có ${read.problems.length} chỗ chưa đọc được. ${first}`,
  };
}

/**
 * @example
 * const out = await runCheck(workbook, { targetSet: findPreset('bd-cdvc-2024'), today: new Date() });
 * if (out.ok) await workbook.apply(out.plan);
 */
export async function runCheck(port: WorkbookPort, options: RunOptions): Promise<RunOutcome> {
  const names = await port.sheetNames();
  const set = await chooseTargetSet(port, names, options);
  if ('code' in set) return { ok: false, error: set };

  let sheetName = options.sheet;
  if (sheetName !== undefined && !names.includes(sheetName)) {
    return {
      ok: false,
      error: { code: 'no_sheet', message: `Không có sheet "${sheetName}". Các sheet trong tệp: ${names.join(', ')}.` },
    };
  }
  let grid = sheetName !== undefined ? await port.readSheet(sheetName) : undefined;
  if (!grid) {
    for (const name of names) {
      if (OWN_SHEETS.includes(name)) continue;
      const candidate = await port.readSheet(name);
      if (findTable(candidate)) {
        grid = candidate;
        sheetName = name;
        break;
      }
    }
  }
  if (!grid) {
    return {
      ok: false,
      error: {
        code: 'no_table',
        message: `Không tìm thấy bảng số liệu CĐCS trong tệp: cần một dòng tiêu đề có "Mã đơn vị" hoặc "Tên đơn vị" và ít nhất hai cột chuẩn khác. Hãy dùng mẫu nhập liệu (chitieu template).`,
      },
    };
  }
  const outcome = checkSheet(grid, { targetSet: set, year: options.year, today: options.today });
  if (!outcome.ok) return { ok: false, error: outcome.error };
  return { ok: true, result: outcome.value, plan: renderResult(outcome.value, options.today) };
}

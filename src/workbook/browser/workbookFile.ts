/**
 * The browser mode's workbook: a chosen .xlsx file, read and patched in memory by the xlsx
 * adapter (pure JS on fflate), never uploaded. The original bytes are kept so every run starts
 * from the file as chosen, and the result is offered as a new file.
 */
import type { CheckResult } from '../../domain/result';
import { computeCheck, readCheckInput } from '../runCheck';
import type { RunOptions } from '../runCheck';
import { openXlsx, XlsxError } from '../xlsx';

/** A file the user chose, opened once to learn its sheets. */
export interface WorkbookFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sheetNames: readonly string[];
}

/** Success, or a Vietnamese sentence that says what to do. */
export type FileOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The check's result and the output workbook (the input plus status columns, Tổng hợp, Kiểm tra). */
export interface FileResult {
  readonly result: CheckResult;
  /** What the check noticed about the workbook (runCheck's notices), in Vietnamese. */
  readonly notices: readonly string[];
  readonly output: Uint8Array;
  readonly outputName: string;
}

/**
 * @example
 * openWorkbookFile('so-lieu.xlsx', bytes) // { ok: true, value: { name, bytes, sheetNames: ['Dữ liệu CĐCS'] } }
 */
export function openWorkbookFile(name: string, bytes: Uint8Array): FileOutcome<WorkbookFile> {
  const opened = openXlsx(bytes);
  if (!opened.ok) return { ok: false, message: opened.error.message };
  return { ok: true, value: { name, bytes, sheetNames: opened.value.sheetNamesSync() } };
}

/** Where a file check is: the data sheet read (its rows), then checked, then the result file made. */
export type FileCheckStage = { readonly stage: 'check'; readonly rowsRead: number } | { readonly stage: 'write'; readonly rowsChecked: number };

/**
 * Checks the file, applies the plan to a fresh copy and returns the result file's bytes.
 * Adapter errors (a corrupt sheet, too many cells) come back as their Vietnamese sentence;
 * anything else is a fault and is thrown. `onStage` hears of each phase (the pane's progress bar).
 */
export async function checkWorkbookFile(
  file: Pick<WorkbookFile, 'name' | 'bytes'>,
  options: RunOptions,
  onStage?: (stage: FileCheckStage) => void,
): Promise<FileOutcome<FileResult>> {
  const opened = openXlsx(file.bytes);
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const workbook = opened.value;
  try {
    const read = await readCheckInput(workbook, options);
    if (!read.ok) return { ok: false, message: read.error.message };
    onStage?.({ stage: 'check', rowsRead: read.input.grid.rows.length });
    const out = computeCheck(read.input, options);
    if (!out.ok) return { ok: false, message: out.error.message };
    onStage?.({ stage: 'write', rowsChecked: read.input.grid.rows.length });
    await workbook.apply(out.plan);
    return { ok: true, value: { result: out.result, notices: out.notices, output: workbook.toBytes(), outputName: resultFileName(file.name) } };
  } catch (error) {
    if (error instanceof XlsxError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The name of the downloaded result: the chosen file's name with `-ket-qua` before `.xlsx`.
 *
 * @example
 * resultFileName('Số liệu 2024.xlsx') // 'Số liệu 2024-ket-qua.xlsx'
 */
export function resultFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '') || 'so-lieu';
  return `${base}-ket-qua.xlsx`;
}

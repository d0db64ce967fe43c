/**
 * `chitieu merge FILE_OR_DIR… --preset ID [--year YYYY] --out MASTER.xlsx [--json REPORT.json]`:
 * reads every return, builds the master table, checks it as `check` does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formatNumber } from '../domain/format';
import { mergeReturns, type MergeResult, type ReturnFile } from '../domain/merge';
import { problemJson, toJsonReport, type JsonReport } from '../domain/report';
import type { TargetSet } from '../domain/targetSet';
import { FILE_STATUS_LABEL, intakeSheet } from '../workbook/render/intakeSheet';
import { masterSheet } from '../workbook/render/masterSheet';
import { runCheck } from '../workbook/runCheck';
import { readReturnBytes } from '../workbook/readReturn';
import { createXlsx } from '../workbook/xlsx';
import { UsageError } from './files';

const collator = new Intl.Collator('vi', { numeric: true });
/** File-name order, with "bao-cao-3.xlsx" before "bao-cao-3-sua.xlsx" (a name before its longer variants). */
const stem = (n: string) => n.slice(0, n.length - extname(n).length);
const fileOrder = (a: string, b: string) => collator.compare(stem(a), stem(b)) || collator.compare(a, b);

/** Files named on the command line, directories expanded to their files in name order. */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`Không tìm thấy "${p}". Hãy kiểm tra lại đường dẫn.`);
    if (statSync(p).isDirectory()) {
      const names = readdirSync(p)
        .filter((n) => !n.startsWith('.') && !n.startsWith('~$') && statSync(join(p, n)).isFile())
        .sort(fileOrder);
      for (const n of names) out.push(join(p, n));
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Reads one return from disk: its sheets, or why it cannot be used. */
export function readReturn(path: string): ReturnFile {
  return readReturnBytes(basename(path), new Uint8Array(readFileSync(path)));
}

export interface MergeRun {
  readonly json: JsonReport & { files: unknown[]; masterProblems: unknown[] };
  readonly bytes: Uint8Array;
  readonly merged: MergeResult;
}

/**
 * Merges the returns and checks the master. `progress` is called per file.
 *
 * @example
 * const r = await mergeFiles(['thu-muc-bao-cao'], set, { today: new Date() });
 */
export async function mergeFiles(
  inputs: readonly string[],
  set: TargetSet,
  options: { year?: number; today: Date; reportingBody?: string; progress?: (done: number, total: number, file: string) => void },
): Promise<MergeRun> {
  const paths = expandInputs(inputs);
  if (paths.length === 0) throw new UsageError('Không có tệp nào để nhập. Hãy chỉ ra các tệp .xlsx hoặc thư mục chứa chúng.');
  const files = paths.map((p, i) => {
    options.progress?.(i + 1, paths.length, basename(p));
    return readReturn(p);
  });
  const merged = mergeReturns(files, { targetSet: set, year: options.year, today: options.today });
  const wb = createXlsx();
  wb.applySync({ sheets: [masterSheet(merged), intakeSheet(merged)] });
  const outcome = await runCheck(wb, { targetSet: set, year: options.year, today: options.today, reportingBody: options.reportingBody, audience: 'cli' });
  if (!outcome.ok) throw new UsageError(`Không có tệp nào dùng được: ${merged.files.map((f) => `${f.file}: ${f.reason ?? f.status}`).join(' ')}`);
  await wb.apply(outcome.plan);
  const base = toJsonReport(outcome.result);
  const json = {
    ...base,
    files: merged.files.map((f) => ({ file: f.file, status: f.status, units: f.units, ...(f.reason ? { reason: f.reason } : {}) })),
    // Problems per file, at the cell in that file.
    problems: merged.files.flatMap((f) => f.problems.map((p) => problemJson(p, f.file))),
    // The same check on the master table, at master cells.
    masterProblems: base.problems,
  };
  return { json, bytes: wb.toBytes(), merged };
}

export function describeFiles(merged: MergeResult): string[] {
  return merged.files.map((f) => {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    const tail = f.status === 'rejected' ? '' : ` — ${formatNumber(f.units)}/${formatNumber(f.unitsInFile)} đơn vị, ${formatNumber(errors)} lỗi`;
    return `  ${FILE_STATUS_LABEL[f.status].padEnd(16)} ${f.file}${tail}${f.reason ? `. ${f.reason}` : ''}`;
  });
}


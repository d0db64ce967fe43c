/**
 * `chitieu merge FILE_OR_DIR… --preset ID [--year YYYY] --out MASTER.xlsx [--json REPORT.json]`:
 * reads every return, builds the master table, checks it as `check` does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { chaseReturns, registerJson, returnsSeen, type ChaseReport, type RegisterJson } from '../domain/cycle/chasing';
import { findRegister, readRegister, type RegisterProblem } from '../domain/cycle/register';
import type { RegisterUnit } from '../domain/cycle/registerUnit';
import { formatNumber } from '../domain/format';
import { mergeReturns, type MergeResult, type ReturnFile } from '../domain/merge';
import { problemJson, toJsonReport, type JsonReport } from '../domain/report';
import type { TargetSet } from '../domain/targetSet';
import { FILE_STATUS_LABEL, intakeSheet } from '../workbook/render/intakeSheet';
import { masterSheet } from '../workbook/render/masterSheet';
import { registerSheet } from '../workbook/render/registerSheet';
import { trackingSheet } from '../workbook/render/trackingSheet';
import { runCheck } from '../workbook/runCheck';
import { readReturnBytes } from '../workbook/readReturn';
import { createXlsx } from '../workbook/xlsx';
import { openInput, UsageError } from './files';

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

/** The register an intake chases returns against (`--register`). */
export interface RegisterInput {
  readonly units: readonly RegisterUnit[];
  /** Where it was read, for the tracking sheet's note: `tệp "DANH-BA.xlsx", sheet "Danh bạ CĐCS"`. */
  readonly source: string;
  readonly problems: readonly RegisterProblem[];
}

/**
 * Reads `--register FILE`: its `Danh bạ CĐCS` sheet, else the first sheet whose table names the
 * unit code and name. UsageError (exit 2) when there is no such table or it lists no unit.
 *
 * @example
 * readRegisterFile('danh-ba.xlsx').units.length // 42
 */
export function readRegisterFile(path: string): RegisterInput {
  const wb = openInput(path);
  const grids = [];
  for (const name of wb.sheetNamesSync()) {
    const read = wb.readSheetResult(name);
    if (read.ok) grids.push(read.value);
  }
  const read = findRegister(grids);
  if (!read.ok) throw new UsageError(`${path}: ${read.message}`);
  if (read.units.length === 0) throw new UsageError(`${path}: danh bạ trong sheet "${read.sheet}" không có đơn vị nào có mã đơn vị.`);
  return { units: read.units, source: `tệp "${basename(path)}", sheet "${read.sheet}"`, problems: read.problems };
}

/**
 * Without `--register`: the `Danh bạ CĐCS` sheet of an earlier master given among the inputs
 * (the last one read), so merging new returns into last run's master chases against the same
 * register. Undefined when no input has one (or it lists no unit).
 */
export function registerFromInputs(files: readonly ReturnFile[]): RegisterInput | undefined {
  for (let i = files.length - 1; i >= 0; i--) {
    const f = files[i];
    if (!('sheets' in f) || !f.register) continue;
    const read = readRegister(f.register);
    if (read.ok && read.units.length) return { units: read.units, source: `tệp "${f.file}", sheet "${read.sheet}"`, problems: read.problems };
  }
  return undefined;
}

export interface MergeRun {
  readonly json: JsonReport & { files: unknown[]; masterProblems: unknown[]; register?: RegisterJson & { problems?: unknown[] } };
  readonly bytes: Uint8Array;
  readonly merged: MergeResult;
  /** Who has sent a return, when a register was given or found in an earlier master. */
  readonly chase?: ChaseReport;
  /** The register chased against (`--register`, or an input master's Danh bạ CĐCS). */
  readonly register?: RegisterInput;
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
  options: { year?: number; today: Date; reportingBody?: string; register?: RegisterInput; progress?: (done: number, total: number, file: string) => void },
): Promise<MergeRun> {
  const paths = expandInputs(inputs);
  if (paths.length === 0) throw new UsageError('Không có tệp nào để nhập. Hãy chỉ ra các tệp .xlsx hoặc thư mục chứa chúng.');
  const files = paths.map((p, i) => {
    options.progress?.(i + 1, paths.length, basename(p));
    return readReturn(p);
  });
  const merged = mergeReturns(files, { targetSet: set, year: options.year, today: options.today });
  const register = options.register ?? registerFromInputs(files);
  const chase = register ? chaseReturns(register.units, returnsSeen(merged.files, files), { year: options.year }) : undefined;
  const wb = createXlsx();
  // The register goes into the master too, so the next intake into this master chases against it.
  const cycle = register && chase ? [trackingSheet(chase, { source: register.source }), registerSheet(register.units)] : [];
  wb.applySync({ sheets: [masterSheet(merged), intakeSheet(merged), ...cycle] });
  const outcome = await runCheck(wb, { targetSet: set, year: options.year, today: options.today, reportingBody: options.reportingBody, audience: 'cli' });
  if (!outcome.ok) throw new UsageError(`Không có tệp nào dùng được: ${merged.files.map((f) => `${f.file}: ${f.reason ?? f.status}`).join(' ')}`);
  await wb.apply(outcome.plan);
  const base = toJsonReport(outcome.result);
  const json = {
    ...base,
    files: merged.files.map((f) => {
      // Chasing's warnings (a unit outside the register, a name naming another code) on the file's entry.
      const warnings = chase?.warnings.filter((w) => w.file === f.file).map((w) => w.message) ?? [];
      return { file: f.file, status: f.status, units: f.units, ...(f.reason ? { reason: f.reason } : {}), ...(warnings.length ? { warnings } : {}) };
    }),
    // Problems per file, at the cell in that file.
    problems: merged.files.flatMap((f) => f.problems.map((p) => problemJson(p, f.file))),
    // The same check on the master table, at master cells.
    masterProblems: base.problems,
    // The register's own rows to fix (a missing code, a repeated one) ride along, at the register's cells.
    ...(chase && register
      ? { register: { ...registerJson(chase), ...(register.problems.length ? { problems: register.problems.map((p) => ({ sheet: p.sheet, cell: p.cell, rule: p.kind, message: p.message })) } : {}) } }
      : {}),
  };
  return { json, bytes: wb.toBytes(), merged, ...(chase && register ? { chase, register } : {}) };
}

export function describeFiles(merged: MergeResult): string[] {
  return merged.files.map((f) => {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    const tail = f.status === 'rejected' ? '' : ` — ${formatNumber(f.units)}/${formatNumber(f.unitsInFile)} đơn vị, ${formatNumber(errors)} lỗi`;
    return `  ${FILE_STATUS_LABEL[f.status].padEnd(16)} ${f.file}${tail}${f.reason ? `. ${f.reason}` : ''}`;
  });
}

/** Missing units listed on the terminal; the sheet lists them all. */
const LISTED_MISSING = 30;

/**
 * The chasing lines for the terminal: the headline, the missing units with whom to call, the warnings.
 *
 * @example
 * describeChase(run.chase) // ['Đã nhận 3/4 — còn 1 đơn vị chưa nộp', '  Chưa nộp: CD004 CĐCS Trường D — Nguyễn Văn An, 0912345678', …]
 */
export function describeChase(chase: ChaseReport): string[] {
  const lines = [chase.headline];
  for (const u of chase.missing.slice(0, LISTED_MISSING)) {
    const contact = [u.contact.person, u.contact.phone, u.contact.email].filter(Boolean).join(', ');
    lines.push(`  Chưa nộp: ${u.code} ${u.name}${contact ? ` — ${contact}` : ''}`);
  }
  if (chase.missing.length > LISTED_MISSING) lines.push(`  … và ${formatNumber(chase.missing.length - LISTED_MISSING)} đơn vị khác chưa nộp.`);
  for (const r of chase.resent) lines.push(`  Nộp lại: ${r.code} — dùng tệp "${r.file}" (thay ${r.earlier.map((f) => `"${f}"`).join(', ')}).`);
  for (const w of chase.warnings) lines.push(`  Cảnh báo: ${w.message}`);
  return lines;
}

/**
 * The `chitieu` commands of spec/interfaces.md: presets, template, check, demo.
 */
import { join, resolve } from 'node:path';
import { formatActual, formatReported, formatResultTarget } from '../domain/display';
import { formatNumber } from '../domain/format';
import { findPreset, PRESETS } from '../domain/presets';
import { toJsonReport } from '../domain/report';
import type { CheckResult } from '../domain/result';
import { sampleWorkbook } from '../domain/sample';
import { STATUS_LABEL } from '../domain/status';
import { skippedRowsText } from '../domain/table/rows/summary';
import type { TargetSet } from '../domain/targetSet';
import { forCli } from '../domain/wording';
import type { CellSpec, SheetSpec } from '../workbook/plan';
import { DATA_SHEET_NAME, templatePlan } from '../workbook/render/templatePlan';
import { runCheck } from '../workbook/runCheck';
import { createXlsx } from '../workbook/xlsx';
import type { ParsedArgs } from './args';
import { checkWritable, guardOutput, openInput, UsageError, writeOutput } from './files';
import { writeDemoReturns } from './demoReturns';
import { demoCycle } from './demoCycle';
import { writeJsonLines } from './jsonOut';
import { describeChase, describeFiles, mergeFiles, readRegisterFile } from './merge';
import { historyLine, historyPaths, runCheckWithHistory } from './history';
import { historyJson } from '../domain/cycle/history';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal: long runs then show progress. */
  readonly progress: boolean;
  readonly today: Date;
}

function preset(id: string | undefined): TargetSet | undefined {
  if (id === undefined) return undefined;
  const set = findPreset(id);
  if (!set) throw new UsageError(`Không có bộ chỉ tiêu "${id}". Các bộ có sẵn: ${PRESETS.map((p) => p.id).join(', ')}.`);
  return set;
}

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year cần năm có bốn chữ số (ví dụ 2024), không phải "${text}".`);
  return Number(text);
}

/** `--don-vi "…"`: the union making the report, as typed (spaces around it dropped). */
function reportingBody(args: ParsedArgs): string | undefined {
  const text = args.options.get('don-vi')?.trim();
  return text ? text : undefined;
}

/** A path as the user would type it again in a shell: quoted when it has a space. */
function quoteArg(path: string): string {
  return /[\s"'$]/.test(path) ? `"${path.replace(/(["\\$`])/g, '\\$1')}"` : path;
}

export function presetsCommand(io: Io): number {
  io.out('Các bộ chỉ tiêu có sẵn:');
  for (const p of PRESETS) io.out(`  ${p.id.padEnd(16)} ${p.document} — ${p.indicators.length} chỉ tiêu`);
  return 0;
}

export function templateCommand(args: ParsedArgs, io: Io): number {
  const set = preset(args.options.get('preset'));
  const out = args.options.get('out');
  if (!set) throw new UsageError('Hãy chọn bộ chỉ tiêu: chitieu template --preset ID --out TỆP.xlsx');
  if (!out) throw new UsageError('Hãy cho biết tệp sẽ ghi: --out TỆP.xlsx');
  checkWritable(out, '--out');
  const wb = createXlsx();
  wb.applySync(templatePlan(set));
  writeOutput(out, wb.toBytes());
  io.out(`Đã tạo mẫu nhập liệu cho bộ ${set.id}: ${resolve(out)}`);
  io.out(`  — sheet "${DATA_SHEET_NAME}": nhập số liệu từ dòng 2 (danh sách chọn, kiểm tra số); sheet "Chỉ tiêu": chỉ sửa cột Mục tiêu (ô nền vàng).`);
  return 0;
}

function printResult(result: CheckResult, io: Io): void {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  io.out(`Bộ chỉ tiêu ${result.targetSet.id}, năm ${result.year}, sheet "${result.sheet}": ${formatNumber(result.units.length)} đơn vị.`);
  // Headings, subtotals, signatures… set aside, so the user sees they were not counted as units.
  const skipped = skippedRowsText(result.rows);
  if (skipped) io.out(skipped);
  io.out(`Kiểm tra: ${formatNumber(errors)} lỗi, ${formatNumber(result.problems.length - errors)} cảnh báo.`);
  for (const r of result.indicators) {
    io.out(
      `  ${STATUS_LABEL[r.status].padEnd(13)} ${r.id.padEnd(20)} ${formatActual(r)} (mục tiêu ${formatResultTarget(r)}; ${formatReported(r)} đơn vị có số liệu)`,
    );
  }
}

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const input = args.positional[1];
  if (!input) throw new UsageError('Hãy cho biết tệp cần kiểm tra: chitieu check TỆP.xlsx [--preset ID] [--out KQ.xlsx] [--json BC.json]');
  const out = args.options.get('out');
  const json = args.options.get('json');
  if (out) guardOutput(input, out);
  if (json) guardOutput(input, json);
  // Before the work: a folder or an unwritable place fails now, not after a long check.
  if (out) checkWritable(out, '--out');
  if (json) checkWritable(json, '--json');
  const set = preset(args.options.get('preset'));
  const y = year(args.options.get('year'));
  if (io.progress) io.err(`Đang đọc ${input}…`);
  const wb = openInput(input);
  const outcome = await runCheckWithHistory(wb, {
    targetSet: set,
    sheet: args.options.get('sheet'),
    year: y,
    fileName: input,
    today: io.today,
    reportingBody: reportingBody(args),
    audience: 'cli',
  }, historyPaths(args), [out, json].filter((p): p is string => p !== undefined));
  if (!outcome.ok) throw new UsageError(`${input}: ${forCli(outcome.error.message)}`);
  for (const notice of outcome.notices) io.out(`Lưu ý: ${notice}`);
  if (outcome.result.yearNote) io.out(`Lưu ý: ${outcome.result.yearNote}`);
  const hint = outcome.result.targetSetHint;
  if (hint) io.out(`Cảnh báo: ${hint.message}${hint.best ? ` Nếu bảng lập theo bộ đó, hãy chạy lại với --preset ${hint.best.id}.` : ''}`);
  printResult(outcome.result, io);
  if (outcome.history) io.out(historyLine(outcome.history));
  if (json) {
    writeJsonLines(json, outcome.history ? { ...toJsonReport(outcome.result), history: historyJson(outcome.history) } : toJsonReport(outcome.result));
    io.out(`Báo cáo JSON: ${resolve(json)}`);
  }
  if (out) {
    if (io.progress) io.err('Đang ghi kết quả…');
    await wb.apply(outcome.plan);
    writeOutput(out, wb.toBytes());
    io.out(`Tệp kết quả: ${resolve(out)}`);
  } else {
    io.out(`Chưa ghi tệp kết quả: chạy lại với --out KQ.xlsx (ví dụ: chitieu check ${quoteArg(input)}${set ? ` --preset ${set.id}` : ''} --out ket-qua.xlsx) để có bản sao tệp kèm cột kết quả, sheet Tổng hợp và sheet Kiểm tra.`);
  }
  // A table that does not fit the chosen set fails a strict run even without an error cell.
  const errors = outcome.result.problems.some((p) => p.severity === 'error') || hint !== undefined;
  return args.flags.has('strict') && errors ? 1 : 0;
}

function gridToSheet(name: string, rows: readonly (readonly unknown[])[], headerRow: number): SheetSpec {
  return {
    name,
    rows: rows.map((r, i) =>
      r.map((v): CellSpec | null => {
        if (v === null || v === undefined) return null;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          return i + 1 === headerRow ? { v, s: 'data_header' } : i + 1 < headerRow ? { v, s: 'section' } : { v };
        }
        return null; // error values cannot be typed as values; the demo leaves that cell empty
      }),
    ),
    colWidths: (rows[headerRow - 1] ?? []).map((h, c) => (c === 0 ? 6 : typeof h === 'string' ? Math.min(36, Math.max(12, Math.ceil(h.length * 0.7))) : 12)),
    rowHeights: { [headerRow]: 48 },
    freeze: { rows: headerRow, cols: 3 },
  };
}

export async function mergeCommand(args: ParsedArgs, io: Io): Promise<number> {
  const inputs = args.positional.slice(1);
  if (inputs.length === 0) throw new UsageError('Hãy chỉ ra các tệp hoặc thư mục báo cáo: chitieu merge TỆP_HOẶC_THƯ_MỤC… --preset ID --out TỔNG_HỢP.xlsx');
  const set = preset(args.options.get('preset'));
  if (!set) throw new UsageError('Hãy chọn bộ chỉ tiêu: --preset ID (xem "chitieu presets").');
  const out = args.options.get('out');
  if (!out) throw new UsageError('Hãy cho biết tệp tổng hợp sẽ ghi: --out TỔNG_HỢP.xlsx');
  const json = args.options.get('json');
  for (const input of inputs) {
    guardOutput(input, out);
    if (json) guardOutput(input, json);
  }
  checkWritable(out, '--out');
  if (json) checkWritable(json, '--json');
  const registerPath = args.options.get('register');
  if (registerPath) guardOutput(registerPath, out);
  const register = registerPath ? readRegisterFile(registerPath) : undefined;
  const run = await mergeFiles(inputs, set, {
    register,
    year: year(args.options.get('year')),
    today: io.today,
    reportingBody: reportingBody(args),
    progress: io.progress ? (done, total, file) => io.err(`[${done}/${total}] ${file}`) : undefined,
  });
  io.out(`Nhập ${formatNumber(run.merged.files.length)} tệp vào bảng tổng hợp (${formatNumber(run.merged.sources.length)} đơn vị):`);
  for (const line of describeFiles(run.merged)) io.out(line);
  if (run.register) {
    io.out(`Theo dõi nộp báo cáo theo danh bạ ${run.register.source}:`);
    for (const p of run.register.problems.slice(0, 20)) io.out(`  Lưu ý (danh bạ): ${p.message}`);
  }
  if (run.chase) for (const line of describeChase(run.chase)) io.out(line);
  writeOutput(out, run.bytes);
  io.out(`Bảng tổng hợp đã kiểm tra: ${resolve(out)} (danh sách tệp ở sheet "Nhập báo cáo"${run.chase ? ', đơn vị đã nộp và chưa nộp ở sheet "Theo dõi nộp báo cáo"' : ''}).`);
  if (json) {
    writeJsonLines(json, run.json);
    io.out(`Báo cáo JSON: ${resolve(json)}`);
  }
  const errors = run.json.problems.some((p) => p.severity === 'error') || run.json.masterProblems.length > 0;
  return args.flags.has('strict') && errors ? 1 : 0;
}

export async function demoCommand(args: ParsedArgs, io: Io): Promise<number> {
  const dir = resolve(args.options.get('dir') ?? 'chitieu-demo');
  const set = preset(args.options.get('preset') ?? 'bd-cdvc-2024') as TargetSet;
  const y = year(args.options.get('year')) ?? 2024;
  const sample = sampleWorkbook(set, { units: 40, year: y, seed: 2024, mistakes: true, title: true });
  const input = join(dir, `so-lieu-mau-${set.id}-${y}.xlsx`);
  const source = createXlsx();
  source.applySync({ sheets: [gridToSheet(DATA_SHEET_NAME, sample.grid.rows, sample.headerRow)] });
  writeOutput(input, source.toBytes());

  const wb = openInput(input);
  const outcome = await runCheck(wb, { targetSet: set, year: y, today: io.today, audience: 'cli' });
  if (!outcome.ok) throw new UsageError(forCli(outcome.error.message));
  const output = join(dir, `ket-qua-${set.id}-${y}.xlsx`);
  const json = join(dir, `bao-cao-${set.id}-${y}.json`);
  await wb.apply(outcome.plan);
  writeOutput(output, wb.toBytes());
  writeJsonLines(json, toJsonReport(outcome.result));
  io.out(`Dữ liệu mẫu (${sample.mistakes.length} lỗi thường gặp được cài sẵn): ${input}`);
  printResult(outcome.result, io);
  io.out('');
  io.out(`Kết quả: ${output}`);
  io.out(`  — sheet "${DATA_SHEET_NAME}": cột trạng thái tô màu bên phải bảng; sheet "Tổng hợp": báo cáo cho cuộc họp; sheet "Kiểm tra": danh sách lỗi.`);
  io.out(`Báo cáo JSON: ${json}`);

  // Intake: a folder of returns as unions send them, merged into one checked master table.
  const returnsDir = join(dir, 'bao-cao-cdcs');
  writeDemoReturns(returnsDir, set, y);
  const master = join(dir, `tong-hop-${set.id}-${y}.xlsx`);
  const merged = await mergeFiles([returnsDir], set, { year: y, today: io.today });
  writeOutput(master, merged.bytes);
  writeJsonLines(join(dir, `tong-hop-${set.id}-${y}.json`), merged.json);
  io.out('');
  io.out(`Nhập báo cáo từ thư mục ${returnsDir}:`);
  for (const line of describeFiles(merged.merged)) io.out(line);
  io.out(`Bảng tổng hợp đã kiểm tra: ${master}`);

  await demoCycle(dir, set, y, io, gridToSheet);
  return 0;
}

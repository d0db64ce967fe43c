/**
 * The reporting cycle on sample data, as `chitieu demo` walks it (spec/interfaces.md "The reporting
 * cycle"): the register made from last year's master → one pre-filled return per unit sent out →
 * returns coming back (most filled in, one sent again corrected, one from a unit not in the
 * register, one saved under another unit's name, two never sent) → intake with chasing → the
 * check with three years of progress (`Tiến độ`).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findRegister } from '../domain/cycle/register';
import type { RegisterUnit } from '../domain/cycle/registerUnit';
import { sendOutFileName } from '../domain/cycle/sendOutName';
import { previousFigures } from '../domain/cycle/sendOutPrevious';
import { columnDef } from '../domain/catalog';
import type { RawCell, SheetGrid } from '../domain/grid';
import { sampleWorkbook } from '../domain/sample';
import type { TargetSet } from '../domain/targetSet';
import type { CellSpec, SheetSpec } from '../workbook/plan';
import { sendOutLayout, sendOutPlan } from '../workbook/render/sendOutPlan';
import { createXlsx } from '../workbook/xlsx';
import type { ParsedArgs } from './args';
import { checkCommand, mergeCommand, type Io } from './commands';
import { openInput, writeOutput } from './files';
import { registerCommand } from './register';
import { sendOutCommand } from './sendOut';

/** Units of the sample register: small enough to read the tracking sheet at a glance. */
const UNITS = 12;

const args = (command: string, positional: string[], options: Record<string, string>, lists?: Record<string, string[]>): ParsedArgs => ({
  positional: [command, ...positional],
  options: new Map(Object.entries(options)),
  flags: new Set<string>(),
  ...(lists ? { lists: new Map(Object.entries(lists)) } : {}),
});

/** A consolidated, checked table of an earlier round: the sample table of that year. */
function writeMaster(path: string, set: TargetSet, year: number, toSheet: (rows: readonly (readonly RawCell[])[], headerRow: number) => SheetSpec): void {
  const sample = sampleWorkbook(set, { units: UNITS, year, seed: year, mistakes: false, title: true });
  const wb = createXlsx();
  wb.applySync({ sheets: [toSheet(sample.grid.rows, sample.headerRow)] });
  writeOutput(path, wb.toBytes());
}

/** This year's figures of each unit, by code, as the unit would type them. */
function figuresOfYear(set: TargetSet, year: number): Map<string, Map<string, RawCell>> {
  const sample = sampleWorkbook(set, { units: UNITS + 1, year, seed: year, mistakes: false, title: false });
  const header = sample.grid.rows[sample.headerRow - 1] ?? [];
  const byCode = new Map<string, Map<string, RawCell>>();
  const codeHeader = columnDef('ma_don_vi')!.header;
  for (const row of sample.grid.rows.slice(sample.headerRow)) {
    const byHeader = new Map<string, RawCell>();
    header.forEach((h, c) => typeof h === 'string' && byHeader.set(h, row[c] ?? null));
    const code = byHeader.get(codeHeader);
    if (typeof code === 'string') byCode.set(code, byHeader);
  }
  return byCode;
}

/**
 * A return filled in as the unit would: the send-out workbook with a value typed in each input
 * cell (the cell keeps its unlocked style), nothing else changed.
 */
function filledReturn(set: TargetSet, year: number, unit: RegisterUnit, typed: Map<string, RawCell>, change?: (key: string, v: RawCell) => RawCell): Uint8Array {
  const input = { set, year, unit };
  const plan = sendOutPlan(input);
  const layout = sendOutLayout(input);
  const [sheet, ...rest] = plan.sheets;
  const rows = sheet.rows.map((r) => [...r]);
  const row = rows[layout.dataRow - 1];
  for (const key of layout.inputs) {
    const col = layout.columns.indexOf(key);
    const def = columnDef(key);
    let v = def ? (typed.get(def.header) ?? null) : null;
    if (change) v = change(key, v);
    if (col < 0 || v === null || typeof v === 'object') continue;
    const cell = row[col];
    row[col] = { ...(cell ?? {}), v } as CellSpec;
  }
  const wb = createXlsx();
  wb.applySync({ ...plan, sheets: [{ ...sheet, rows }, ...rest] });
  return wb.toBytes();
}

function readSheets(path: string): SheetGrid[] {
  const wb = openInput(path);
  return wb.sheetNamesSync().flatMap((n) => {
    const r = wb.readSheetResult(n);
    return r.ok ? [r.value] : [];
  });
}

/**
 * Walks the cycle in `dir/chu-ky-bao-cao/` and prints what each step made.
 *
 * @example
 * await demoCycle('chitieu-demo', findPreset('bd-cdvc-2024')!, 2024, io, gridToSheet)
 */
export async function demoCycle(
  dir: string,
  set: TargetSet,
  year: number,
  io: Io,
  toSheet: (name: string, rows: readonly (readonly RawCell[])[], headerRow: number) => SheetSpec,
): Promise<void> {
  const root = join(dir, 'chu-ky-bao-cao');
  const quiet: Io = { out: () => undefined, err: () => undefined, progress: false, today: io.today };
  const masterOf = (y: number) => join(root, `tong-hop-${y}.xlsx`);
  // A second demo run starts again from the sample: the returns of the last run go (send-out
  // refuses to write over a return, which, outside the demo, may be one a unit sent back).
  for (const folder of [join(root, 'mau-gui-cdcs'), join(root, 'bao-cao-nhan-ve')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (/^bao-cao-.*\.xlsx$/i.test(name)) rmSync(join(folder, name));
  }
  for (const y of [year - 2, year - 1]) writeMaster(masterOf(y), set, y, (rows, headerRow) => toSheet('Dữ liệu CĐCS', rows, headerRow));

  // 1. The register, made from last year's master.
  const registerPath = join(root, 'danh-ba-cdcs.xlsx');
  await registerCommand(args('register', [], { from: masterOf(year - 1), out: registerPath }), quiet);
  const register = findRegister(readSheets(registerPath));
  if (!register.ok) throw new Error(register.message);
  const units = register.units;

  // 2. One pre-filled return per unit, with last year's figures beside the inputs.
  const formsDir = join(root, 'mau-gui-cdcs');
  sendOutCommand(args('send-out', [], { register: registerPath, preset: set.id, year: String(year), previous: masterOf(year - 1), out: formsDir }), quiet);
  const hasPrevious = previousFigures(readSheets(masterOf(year - 1)), year) !== undefined;

  // 3. Returns coming back.
  const inbox = join(root, 'bao-cao-nhan-ve');
  const figures = figuresOfYear(set, year);
  const [late, misnamed, , ...others] = units.slice(2);
  const missing = units.slice(0, 2); // never sent
  for (const unit of [late, ...others]) {
    writeOutput(join(inbox, sendOutFileName(unit.code, year)), filledReturn(set, year, unit, figures.get(unit.code) ?? new Map()));
  }
  // Sent again, corrected (a whole number typed as text the first time): the later file replaces it.
  writeOutput(join(inbox, sendOutFileName(late.code, year).replace(/\.xlsx$/, '-sua-lai.xlsx')), filledReturn(set, year, late, figures.get(late.code) ?? new Map(), (_k, v) => (typeof v === 'number' ? v + 1 : v)));
  // Saved under the name of the next unit (which, so, looks sent but is not).
  const nameTaken = units[units.indexOf(misnamed) + 1];
  writeOutput(join(inbox, sendOutFileName(nameTaken.code, year)), filledReturn(set, year, misnamed, figures.get(misnamed.code) ?? new Map()));
  // A unit that is not in the register (new this year).
  const stranger: RegisterUnit = { code: 'CD099', name: 'CĐCS Công ty mới thành lập', contact: {}, row: 0 };
  writeOutput(join(inbox, sendOutFileName(stranger.code, year)), filledReturn(set, year, stranger, [...figures.values()][0] ?? new Map()));

  // 4. Intake with chasing.
  const master = masterOf(year);
  const intake: string[] = [];
  await mergeCommand(args('merge', [inbox], { preset: set.id, year: String(year), register: registerPath, out: master, json: join(root, `tong-hop-${year}.json`) }), {
    ...quiet,
    out: (line) => intake.push(line),
  });

  // 5. The check with three years of progress.
  const result = join(root, `ket-qua-${year}-ba-nam.xlsx`);
  const checkLines: string[] = [];
  await checkCommand(
    args('check', [master], { preset: set.id, year: String(year), out: result, json: join(root, `ket-qua-${year}-ba-nam.json`) }, { history: [masterOf(year - 1), masterOf(year - 2)] }),
    { ...quiet, out: (line) => checkLines.push(line) },
  );

  io.out('');
  io.out(`Chu kỳ báo cáo năm ${year} (thư mục ${root}):`);
  io.out(`  1. Danh bạ ${units.length} CĐCS lập từ bảng tổng hợp năm ${year - 1}: ${registerPath}`);
  io.out(`  2. ${units.length} mẫu báo cáo điền sẵn tên, mã đơn vị${hasPrevious ? `, kèm số liệu năm ${year - 1}` : ''}: ${formsDir}`);
  io.out(`  3. Báo cáo nhận về: ${inbox} (${units.length - missing.length - 1} đơn vị nộp, một đơn vị nộp lại bản sửa, một tệp lưu nhầm tên đơn vị khác, một đơn vị ngoài danh bạ)`);
  io.out(`  4. Nhập và đôn đốc: ${master} — sheet "Theo dõi nộp báo cáo"`);
  for (const line of intake.filter((l) => /Đã nhận|chưa nộp|nộp lại|Cảnh báo|ngoài danh bạ/i.test(l)).slice(0, 8)) io.out(`     ${line.trim()}`);
  io.out(`  5. Kiểm tra kèm tiến độ ba năm ${year - 2}–${year}: ${result} — sheet "Tiến độ"`);
  for (const line of checkLines.filter((l) => /Tiến độ|năm/i.test(l)).slice(0, 2)) io.out(`     ${line.trim()}`);
}

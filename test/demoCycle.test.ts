import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { openXlsx } from '../src/workbook/xlsx';
import { captureIo } from './support/cliIo';

/**
 * `chitieu demo` walks the whole reporting cycle (issue 11): register → send-out → returns →
 * intake with chasing → check with three years of progress.
 *
 * What the demo does, worked out from src/cli/demoCycle.ts (12 register units CD001…CD012, year 2024):
 * - CD001 and CD002 never send; CD003 sends, then sends a corrected file (nộp lại);
 * - CD004's return is saved under CD005's file name, so CD005 looks sent but is not (missing),
 *   and the file is a mismatch (name CD005, table CD004);
 * - CD006…CD012 send (7 units); CD099, not in the register, sends one file.
 * So: expected 12; received CD003, CD004, CD006…CD012 = 9; missing CD001, CD002, CD005.
 */
describe('chitieu demo: the reporting cycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-demo-cycle-'));
  const root = join(dir, 'chu-ky-bao-cao');
  let text = '';

  beforeAll(async () => {
    const io = captureIo(new Date(2025, 0, 15));
    expect(await run(['demo', '--dir', dir], io)).toBe(0);
    text = io.stdout.join('\n');
  }, 120_000);

  test('a second demo run starts the cycle again (its own sample returns are replaced)', async () => {
    const io = captureIo(new Date(2025, 0, 15));
    expect(await run(['demo', '--dir', dir], io)).toBe(0);
    expect(io.stderr.join('\n')).toBe('');
    expect(io.stdout.join('\n')).toContain('Đã nhận 9/12 — còn 3 đơn vị chưa nộp');
  }, 120_000);

  test('one pre-filled return per register unit', () => {
    const forms = readdirSync(join(root, 'mau-gui-cdcs')).sort();
    expect(forms).toHaveLength(12);
    expect(forms[0]).toBe('bao-cao-CD001-2024.xlsx');
    expect(existsSync(join(root, 'danh-ba-cdcs.xlsx'))).toBe(true);
  });

  test('chasing: missing, unknown, mismatched and resent returns in the JSON', () => {
    const report = JSON.parse(readFileSync(join(root, 'tong-hop-2024.json'), 'utf8'));
    expect(report.register.expected).toBe(12);
    expect(report.register.received).toBe(9);
    expect(report.register.missing.map((m: { ma_don_vi: string }) => m.ma_don_vi)).toEqual(['CD001', 'CD002', 'CD005']);
    expect(report.register.unknown).toEqual([{ file: 'bao-cao-CD099-2024.xlsx', ma_don_vi: 'CD099' }]);
    expect(report.register.mismatched).toEqual([expect.objectContaining({ file: 'bao-cao-CD005-2024.xlsx', ma_don_vi: 'CD004' })]);
    expect(text).toContain('Đã nhận 9/12 — còn 3 đơn vị chưa nộp');
  });

  test('the master carries the tracking sheet; the check result carries Tiến độ over 2022–2024', () => {
    const master = openXlsx(new Uint8Array(readFileSync(join(root, 'tong-hop-2024.xlsx'))));
    if (!master.ok) throw new Error(master.error.message);
    expect(master.value.sheetNamesSync()).toContain('Theo dõi nộp báo cáo');
    const checked = openXlsx(new Uint8Array(readFileSync(join(root, 'ket-qua-2024-ba-nam.xlsx'))));
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.sheetNamesSync()).toContain('Tiến độ');
    const report = JSON.parse(readFileSync(join(root, 'ket-qua-2024-ba-nam.json'), 'utf8'));
    // One entry per indicator of bd-cdvc-2024 (8), each with the three years in order.
    expect(report.history).toHaveLength(8);
    for (const h of report.history) expect(h.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024]);
  });
});

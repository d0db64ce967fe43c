/**
 * The cycle's worker jobs through the engine protocol (in-process): the send-out .zip with its
 * progress, and the browser mode's file actions (register, send-out, Tiến độ, refusals).
 */
import { unzipSync } from 'fflate';
import { TextDecoder, TextEncoder } from 'node:util';
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import { findPreset } from '../../domain/presets';
import { fixtureGrid } from '../paneFixture';
import { EngineClient } from './client';
import { inProcessWorker } from './inProcess';
import type { EngineProgress, FileCycleAction } from './protocol';

Object.assign(globalThis, { TextDecoder, TextEncoder });
const { createXlsx, openXlsx } = require('../../workbook/xlsx') as typeof import('../../workbook/xlsx');

const SET = findPreset('bd-cdvc-2024')!;
const TODAY = new Date(2026, 10, 21);

/** The fixture's table (2024) as sheet "Số liệu", and the same units as sheet "Năm 2023". */
function fileBytes(): Uint8Array {
  const grid = fixtureGrid();
  const cells = (rows: readonly (readonly unknown[])[]) => rows.map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : { v: v as string | number })));
  const earlier = grid.rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 3 ? 2023 : v))));
  const wb = createXlsx();
  wb.applySync({ sheets: [{ name: 'Số liệu', rows: cells(grid.rows) }, { name: 'Năm 2023', rows: cells(earlier) }] });
  return wb.toBytes();
}

const unit = (code: string, name: string): RegisterUnit => ({ code, name, contact: {}, row: 2 });

function run(action: FileCycleAction, bytes = fileBytes()) {
  return new EngineClient(inProcessWorker).run({ type: 'fileCycle', name: 'so-lieu.xlsx', bytes, lang: 'vi', choice: SET.id, action });
}

describe('cycle jobs in the engine worker', () => {
  it('zips one return per unit and reports each one made', async () => {
    const seen: EngineProgress[] = [];
    const out = await new EngineClient(inProcessWorker).run(
      { type: 'sendOut', units: [unit('CD01', 'A'), unit('CD02', 'B')], set: SET, year: 2025 },
      (p) => seen.push(p),
    );
    expect(out.name).toBe('mau-gui-cdcs-2025.zip');
    expect(out.files).toBe(2);
    expect(Object.keys(unzipSync(out.zip)).sort()).toEqual(['bao-cao-CD01-2025.xlsx', 'bao-cao-CD02-2025.xlsx']);
    // A new stage is always sent: the first workbook made (1 of 2).
    expect(seen[0]).toEqual({ stage: 'build', done: 1, total: 2 });
  });

  it('browser mode: the file first has no register; the register action adds it with the table\'s units', async () => {
    const info = await run({ kind: 'info' });
    if (!info.ok) throw new Error(info.message);
    expect(info.register).toEqual({ kind: 'none' });
    // "Số liệu" is the table being checked: only the earlier sheet is offered.
    expect(info.historySheets).toEqual(['Năm 2023']);

    const out = await run({ kind: 'register' });
    if (!out.ok) throw new Error(out.message);
    expect(out.register).toEqual({ kind: 'sheet', sheet: 'Danh bạ CĐCS', units: 3 });
    expect(out.sheetNames).toEqual(['Số liệu', 'Năm 2023', 'Danh bạ CĐCS']);
    expect(out.notice).toMatch(/^Đã thêm sheet "Danh bạ CĐCS" \(3 đơn vị\)\. Bấm "Tải xuống tệp có danh bạ" để lưu so-lieu-danh-ba\.xlsx/);
    const back = openXlsx(out.bytes!);
    expect(back.ok && back.value.sheetNamesSync()).toEqual(['Số liệu', 'Năm 2023', 'Danh bạ CĐCS']);

    // Again on the file with the register: refused, in Vietnamese.
    const again = await run({ kind: 'register' }, out.bytes!);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/^Tệp đã có sheet "Danh bạ CĐCS", và danh bạ không bị ghi đè/);
  });

  it('browser mode: send-out from the table when there is no register; Tiến độ for 2023 and 2024', async () => {
    const sent = await run({ kind: 'sendOut', year: 2025 });
    if (!sent.ok) throw new Error(sent.message);
    expect(sent.zip?.files).toBe(3);
    expect(sent.bytes).toBeUndefined();
    expect(sent.notice).toBe('Chưa có sheet "Danh bạ CĐCS" nên danh sách đơn vị lấy từ bảng số liệu. Đã tạo 3 tệp mẫu trong mau-gui-cdcs-2025.zip. Bấm nút tải xuống để lưu, rồi gửi mỗi tệp cho đơn vị có mã trong tên tệp.');

    const history = await run({ kind: 'history', sheets: ['Năm 2023'], today: TODAY });
    if (!history.ok) throw new Error(history.message);
    expect(history.sheetNames).toEqual(['Số liệu', 'Năm 2023', 'Tiến độ']);
    expect(history.notice).toMatch(/^Đã thêm sheet "Tiến độ" cho các năm 2023, 2024\./);
  });

  it('browser mode: Tiến độ of one year only is refused with the reason', async () => {
    // "Số liệu" ticked beside itself: one year (2024).
    const out = await run({ kind: 'history', sheets: ['Số liệu'], today: TODAY });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/^Các sheet đã chọn và bảng đang tính chỉ cho số liệu của một năm/);
  });
});

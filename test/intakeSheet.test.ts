/**
 * The `Nhập báo cáo` sheet as one of the product's own sheets: found by its header (and marker),
 * never read as a data table, replaced on a second intake, and kept by "Xóa kết quả" (it records
 * an import, not a computation).
 */
import { mergeReturns } from '../src/domain/merge';
import { findPreset } from '../src/domain/presets';
import { clearResults } from '../src/taskpane/paneActions';
import { memoryPort } from '../src/taskpane/memoryPort';
import { contentKind, kindByName } from '../src/workbook/ownSheets';
import type { ClearPlan } from '../src/workbook/plan';
import { intakeSheet } from '../src/workbook/render/intakeSheet';
import { masterSheet } from '../src/workbook/render/masterSheet';
import { runCheck } from '../src/workbook/runCheck';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const TODAY = new Date(2026, 10, 21);
const set = findPreset('bd-cdvc-2024')!;
const unit = (code: string) => [code, `CĐCS ${code}`, 'Nhà nước', 2024, 20, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'Hoàn thành tốt nhiệm vụ'];
const grid = (rows: unknown[][]) => ({ name: 'Báo cáo', rows: [[...BD_CDVC_2024_HEADERS], ...rows] as never });

describe('the Nhập báo cáo sheet', () => {
  const merged = mergeReturns(
    [
      { file: 'a.xlsx', sheets: [grid([unit('CD01'), unit('CD02')])] },
      { file: 'b.xlsx', rejected: 'Tệp rỗng.' },
    ],
    { targetSet: set, today: TODAY },
  );
  const sheet = intakeSheet(merged);
  const values = sheet.rows.map((r) => r.map((c) => c?.v ?? null));

  it('is recognised as the product\'s intake sheet, by name and by content', () => {
    expect(sheet).toMatchObject({ name: 'Nhập báo cáo', kind: 'intake' });
    expect(kindByName('NHẬP BÁO CÁO (2)')).toBe('intake');
    expect(contentKind({ name: 'x', rows: values })).toBe('intake');
    // 2 files: a.xlsx imported (2 units), b.xlsx unusable.
    expect(values[1][0]).toBe('2 tệp: 1 đã nhập, 1 không dùng được. Bảng tổng hợp có 2 đơn vị. Mỗi dòng dưới đây là một tệp, theo thứ tự đã đọc; tệp nhận sau thay số liệu cùng đơn vị, cùng năm của tệp trước.');
    expect(values.slice(4)).toEqual([
      [1, 'a.xlsx', 'Đã nhập', 2, 2, 0, 0, null],
      [2, 'b.xlsx', 'Không dùng được', null, null, null, null, 'Tệp rỗng.'],
    ]);
  });

  it('the check reads the master, not this sheet; "Xóa kết quả" removes Tổng hợp and Kiểm tra but keeps it', async () => {
    // The intake sheet first, so a search in sheet order would meet it before the master.
    const port = memoryPort([
      { name: sheet.name, rows: values },
      { name: 'Dữ liệu CĐCS', rows: masterSheet(merged).rows.map((r) => r.map((c) => c?.v ?? null)) },
    ]);
    const out = await runCheck(port, { targetSet: set, today: TODAY });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.result.sheet).toBe('Dữ liệu CĐCS');
    await port.apply(out.plan);
    expect(await clearResults(port)).toBe(true);
    const clear = port.calls.find((c) => c.op === 'clear')!.args[0] as ClearPlan;
    expect(clear.sheets).toEqual(expect.arrayContaining(['Tổng hợp', 'Kiểm tra']));
    expect(clear.sheets).not.toContain('Nhập báo cáo');
  });
});

import { findPreset } from '../../domain/presets';
import { templatePlan } from '../render/templatePlan';
import { createXlsx, openXlsx } from '../xlsx';
import { checkWorkbookFile, openWorkbookFile, resultFileName } from './workbookFile';

const TODAY = new Date(2026, 10, 21);
const set = findPreset('bd-cdvc-2024')!;

/** A template with two units typed in: row 2 meets sang_kien_15 (3/20), row 3 does not (1/10). */
function returnBytes(): Uint8Array {
  const wb = createXlsx();
  const plan = templatePlan(set);
  const [data, targets] = plan.sheets;
  const row = (values: (string | number)[]) => values.map((v) => ({ v }));
  wb.applySync({
    sheets: [
      { ...data, rows: [...data.rows, row(['CD01', 'CĐCS A', 'Nhà nước', 2024, 20, 20, 3, 'Có', 'Có', 'Có', 'Có', 'Có', 'HTT']), row(['CD02', 'CĐCS B', 'Nhà nước', 2024, 10, 10, 1, 'Có', 'Có', 'Có', 'Có', 'Có', 'HTT'])] },
      targets,
    ],
  });
  return wb.toBytes();
}

describe('browser-mode workbook file', () => {
  it('names the result after the chosen file', () => {
    expect(resultFileName('Số liệu 2024.xlsx')).toBe('Số liệu 2024-ket-qua.xlsx');
    expect(resultFileName('BAO-CAO.XLSX')).toBe('BAO-CAO-ket-qua.xlsx');
    expect(resultFileName('.xlsx')).toBe('so-lieu-ket-qua.xlsx');
  });

  it('refuses what is not an .xlsx with the adapter sentence', () => {
    const out = openWorkbookFile('a.xlsx', new TextEncoder().encode('không phải Excel'));
    expect(out).toEqual({ ok: false, message: expect.stringContaining('không phải là tệp Excel .xlsx') });
  });

  it('checks the file, writes the result into a copy, and leaves the input bytes as they were', async () => {
    const bytes = returnBytes();
    const before = bytes.slice();
    const file = openWorkbookFile('so-lieu.xlsx', bytes);
    if (!file.ok) throw new Error(file.message);
    expect(file.value.sheetNames).toEqual(['Dữ liệu CĐCS', 'Chỉ tiêu']);

    const out = await checkWorkbookFile(file.value, { targetSet: set, today: TODAY });
    if (!out.ok) throw new Error(out.message);
    expect(out.value.outputName).toBe('so-lieu-ket-qua.xlsx');
    expect(out.value.result.units.map((u) => u.status.sang_kien_15)).toEqual(['DAT', 'CHUA_DAT']);
    expect(bytes).toEqual(before);

    const written = openXlsx(out.value.output);
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.sheetNamesSync()).toEqual(['Dữ liệu CĐCS', 'Chỉ tiêu', 'Tổng hợp', 'Kiểm tra', 'Danh sách đơn vị']);

    // Without a preset, the file's own Chỉ tiêu sheet is the set.
    const own = await checkWorkbookFile(file.value, { today: TODAY });
    expect(own.ok && own.value.result.targetSet.id).toBe('bd-cdvc-2024');
  });

  it('says what is missing when the file has no data table', async () => {
    const wb = createXlsx();
    wb.applySync({ sheets: [{ name: 'Sheet1', rows: [[{ v: 'Xin chào' }]] }] });
    const file = openWorkbookFile('trong.xlsx', wb.toBytes());
    if (!file.ok) throw new Error(file.message);
    const out = await checkWorkbookFile(file.value, { targetSet: set, today: TODAY });
    expect(out).toEqual({ ok: false, message: expect.stringContaining('Không tìm thấy bảng số liệu') });
  });
});

/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OutputPlan } from '../workbook/plan';
import { App } from './App';
import { PaneShell } from './components/PaneShell';
import { memoryPort } from './memoryPort';
import type { MemoryPort } from './memoryPort';
import { fixtureGrid } from './paneFixture';
import type { RawCell } from '../domain/grid';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the encoders every browser has; the xlsx adapter needs them when it loads, so it
// is required (below) only after this.
Object.assign(globalThis, { TextDecoder, TextEncoder });
const { createXlsx } = require('../workbook/xlsx') as typeof import('../workbook/xlsx');

const TODAY = new Date(2026, 10, 21);

// Fluent's first render in jsdom is slow on a loaded CI machine.
// (The pane's cycle sections, rendered from the start, add to it.)
configure({ asyncUtilTimeout: 30_000 });

function renderApp(port: MemoryPort, describeError = (e: unknown) => `Lỗi Excel: ${String(e)}`) {
  const user = userEvent.setup();
  render(
    <PaneShell>
      <App port={port} describeError={describeError} today={() => TODAY} />
    </PaneShell>,
  );
  return user;
}

/** The first read of the workbook is done (busy buttons are aria-disabled, and keep their focus). */
async function ready(): Promise<void> {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' })).not.toHaveAttribute('aria-disabled', 'true'));
}

describe('App (Office mode, on an in-memory port)', () => {
  it('checks without writing, fixes the listed cells, and undoes the fixes', async () => {
    const port = memoryPort([fixtureGrid()]);
    const user = renderApp(port);
    await ready();

    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    const fixes = await screen.findByRole('region', { name: 'Sửa tự động' });
    expect(within(fixes).getByText(/^2 ô có thể sửa an toàn/)).toBeInTheDocument();
    expect(port.calls.some((c) => c.op === 'apply')).toBe(false);

    await user.click(within(fixes).getByRole('button', { name: 'Sửa tự động' }));
    await screen.findByText('Đã sửa 2 ô.');
    expect(port.cell('Số liệu', 'H3')).toBe('Có');
    expect(port.cell('Số liệu', 'M3')).toBe('Hoàn thành tốt nhiệm vụ');
    // The check ran again: nothing left to fix, only the undo.
    const after = screen.getByRole('region', { name: 'Sửa tự động' });
    expect(within(after).queryByRole('button', { name: 'Sửa tự động' })).toBeNull();

    await user.click(within(after).getByRole('button', { name: 'Hoàn tác' }));
    await screen.findByText('Đã trả lại 2 ô như cũ.');
    expect(port.cell('Số liệu', 'H3')).toBe('co');
    expect(port.cell('Số liệu', 'M3')).toBe('HTT');
    expect(port.calls.filter((c) => c.op === 'restoreCells')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sửa tự động' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('leaves cells with formulas alone and says so', async () => {
    const port = memoryPort([fixtureGrid()]);
    port.formulas.add('Số liệu!H3');
    const user = renderApp(port);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    await user.click(await screen.findByRole('button', { name: 'Sửa tự động' }));
    await screen.findByText('Đã sửa 1 ô. 1 ô có công thức nên được giữ nguyên.');
    expect(port.cell('Số liệu', 'H3')).toBe('co');
  });

  it('computes: writes the plan, shows the indicator table, and a problem selects its cell', async () => {
    const port = memoryPort([fixtureGrid()]);
    const user = renderApp(port);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Tính chỉ tiêu' }));
    await screen.findByText('Đã ghi các cột kết quả, sheet "Tổng hợp" và sheet "Kiểm tra".');
    const plan = port.calls.find((c) => c.op === 'apply')?.args[0] as OutputPlan;
    expect(plan.data?.sheet).toBe('Số liệu');
    // The product's three sheets (interfaces.md, "Output workbook"): summary, problems, unit list.
    expect(plan.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Kiểm tra', 'Danh sách đơn vị']);

    const table = screen.getByRole('table', { name: 'Kết quả chỉ tiêu' });
    // sang_kien_15: CD01 3/20 = 15% meets, CD02 10% fails, CD03 20% meets → 2/3 < 100%.
    const row = within(table).getByText('ĐV đăng ký sáng kiến ≥ 15%').closest('tr') as HTMLElement;
    expect(within(row).getByText('Chưa đạt')).toBeInTheDocument();
    expect(within(row).getByText('66,7% (2/3)')).toBeInTheDocument();
    // co_ke_hoach: "co" is read as Có, so 3/3 → Đạt.
    const plan1 = within(table).getByText('CĐCS có kế hoạch gắn nhiệm vụ chính trị').closest('tr') as HTMLElement;
    expect(within(plan1).getByText('Đạt')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Ô M4: "Tốt lắm"/ }));
    expect(port.calls.find((c) => c.op === 'selectCell')?.args).toEqual(['Số liệu', 'M4']);
  });

  it('says which rows were not read as units', async () => {
    const grid = fixtureGrid();
    // Row 5 the grand total (so_ld_du_dk and so_dv 20 + 10 + 10 = 40: right), row 6 blank, row 7 a signature.
    const rows: RawCell[][] = [...grid.rows.map((r) => [...r]), [null, 'Tổng cộng', null, null, 40, 40], [], [null, 'Người lập biểu']];
    const port = memoryPort([{ ...grid, rows }]);
    const user = renderApp(port);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    expect(await screen.findByText('Bỏ qua 1 dòng tổng cộng, 1 dòng ghi chú và chữ ký (không tính là đơn vị).')).toBeInTheDocument();
    expect(screen.getByText('Năm 2024 · sheet "Số liệu" · 3 đơn vị')).toBeInTheDocument();
  });

  it('shows the error sentence when the workbook call fails', async () => {
    const port = memoryPort([fixtureGrid()]);
    port.selectCell = () => Promise.reject({ code: 'InvalidOperationInCellEditMode' });
    const user = renderApp(port, () => 'Hãy thoát khỏi ô đang sửa rồi thử lại.');
    await ready();
    await user.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    await user.click(await screen.findByRole('button', { name: /Ô M4/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Hãy thoát khỏi ô đang sửa rồi thử lại.');
  });

  it('creates the template without overwriting data, copies a set, and clears results', async () => {
    const port = memoryPort([{ name: 'Sheet1', rows: [] }]);
    const user = renderApp(port);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Tạo mẫu nhập liệu' }));
    await screen.findByText(/^Đã tạo sheet "Dữ liệu CĐCS" và sheet "Chỉ tiêu"/);
    expect([...port.sheets.keys()]).toEqual(['Sheet1', 'Dữ liệu CĐCS', 'Chỉ tiêu']);

    await user.click(screen.getByRole('button', { name: 'Tạo mẫu nhập liệu' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tệp đã có sheet "Dữ liệu CĐCS"');

    // With a Chỉ tiêu sheet present, the choice offers it; copying again asks before overwriting.
    await user.click(screen.getByRole('combobox', { name: /Bộ chỉ tiêu/ }));
    await user.click(screen.getByRole('option', { name: 'bd-cdvc-nq02 — KH thực hiện NQ 02-NQ/TW' }));
    await user.click(screen.getByRole('button', { name: 'Chép vào sheet "Chỉ tiêu" để sửa' }));
    await user.click(await screen.findByRole('button', { name: 'Chép đè' }));
    await screen.findByText(/^Đã chép bộ chỉ tiêu vào sheet "Chỉ tiêu"/);
    expect(port.sheets.get('Chỉ tiêu')?.flat()).toContain('bd-cdvc-nq02');
    expect(screen.getByRole('combobox', { name: /Bộ chỉ tiêu/ })).toHaveTextContent('Sheet "Chỉ tiêu" của tệp');

    await user.click(screen.getByRole('button', { name: 'Xóa kết quả' }));
    await screen.findByText('Tệp chưa có kết quả nào để xóa.');
  });

  it('clears what a computation wrote', async () => {
    const port = memoryPort([fixtureGrid()]);
    const user = renderApp(port);
    await ready();
    await user.click(screen.getByRole('button', { name: 'Tính chỉ tiêu' }));
    await screen.findByRole('table', { name: 'Kết quả chỉ tiêu' });
    await user.click(screen.getByRole('button', { name: 'Xóa kết quả' }));
    await screen.findByText(/^Đã xóa các cột kết quả/);
    const clear = port.calls.find((c) => c.op === 'clear')?.args[0];
    expect(clear).toEqual({ sheets: ['Tổng hợp', 'Kiểm tra', 'Danh sách đơn vị'] });
  });

  it('switches the pane to English and back', async () => {
    const port = memoryPort([fixtureGrid()]);
    const user = renderApp(port);
    await ready();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Check data' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: 'Compute indicators' }));
    const table = await screen.findByRole('table', { name: 'Indicator results' });
    expect(within(table).getAllByText('Not met').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('table', { name: 'Kết quả chỉ tiêu' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');
  });

  describe('Nhập báo cáo CĐCS', () => {
    /** The fixture's header and some of its rows as an .xlsx return. */
    const returnFile = (name: string, rows: number[]): File => {
      const grid = fixtureGrid().rows;
      const wb = createXlsx();
      const cells = [grid[0], ...rows.map((r) => grid[r])].map((r) => r.map((v: RawCell) => (v === null || typeof v === 'object' ? null : { v })));
      wb.applySync({ sheets: [{ name: 'Báo cáo', rows: cells }] });
      return new File([new Uint8Array(wb.toBytes())], name);
    };

    it('imports picked files into the master, lists each file, then checks and computes on the master', async () => {
      const port = memoryPort([fixtureGrid()]);
      const user = renderApp(port);
      await ready();
      const intake = screen.getByRole('region', { name: 'Nhập báo cáo CĐCS' });
      expect(within(intake).getByText('Bộ chỉ tiêu: bd-cdvc-2024 — 06/CTr-CĐVC')).toBeInTheDocument();

      // Dropped (the file dialog would offer only .xlsx files).
      const files = [returnFile('cd-2.xlsx', [3]), returnFile('cd-1.xlsx', [1, 2]), returnFile('cd-3.xlsm', [1])];
      fireEvent.drop(within(intake).getByRole('button', { name: /^Kéo thả/ }), { dataTransfer: { files, types: ['Files'] } });
      await user.click(within(intake).getByRole('button', { name: 'Nhập vào bảng tổng hợp' }));
      expect(await within(intake).findByText('Xong: sheet "Dữ liệu CĐCS" có 3 đơn vị. 2 tệp được nhập, 1 tệp không dùng được.')).toBeInTheDocument();

      // Name order; each file with its status.
      const report = screen.getByRole('list', { name: 'Kết quả nhập từng tệp' });
      const items = within(report).getAllByRole('listitem');
      expect(items.map((li) => [li.querySelector('.fui-Body1')?.textContent, li.dataset.status])).toEqual([
        ['cd-1.xlsx', 'accepted'],
        ['cd-2.xlsx', 'accepted'],
        ['cd-3.xlsm', 'rejected'],
      ]);
      expect(items[2]).toHaveTextContent('macro');
      // cd-2's invalid rating, at its own cell (row 2 of that file), folded under its count.
      await user.click(within(items[1]).getByRole('button', { name: '1 lỗi trong tệp' }));
      expect(within(items[1]).getByText(/^Ô M2: "Tốt lắm"/)).toBeInTheDocument();

      expect(port.sheets.get('Dữ liệu CĐCS')?.map((r) => [r[0], r[r.length - 1]])).toEqual([
        ['Mã đơn vị', 'Nguồn'],
        ['CD01', 'cd-1.xlsx, dòng 2'],
        ['CD02', 'cd-1.xlsx, dòng 3'],
        ['CD03', 'cd-2.xlsx, dòng 2'],
      ]);
      // The master's own check is shown: the same problem at the master's cell, selectable.
      expect(screen.getByText('Năm 2024 · sheet "Dữ liệu CĐCS" · 3 đơn vị')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: /Ô M4: "Tốt lắm"/ }));
      expect(port.calls.find((c) => c.op === 'selectCell')?.args).toEqual(['Dữ liệu CĐCS', 'M4']);
      // The chosen files were cleared after the import.
      expect(within(intake).getByRole('button', { name: 'Nhập vào bảng tổng hợp' })).toBeDisabled();

      // "Tính chỉ tiêu" now works on the master, not on the first table sheet (Số liệu).
      await user.click(screen.getByRole('button', { name: 'Tính chỉ tiêu' }));
      await screen.findByRole('table', { name: 'Kết quả chỉ tiêu' });
      const plan = port.calls.filter((c) => c.op === 'apply').pop()?.args[0] as OutputPlan;
      expect(plan.data?.sheet).toBe('Dữ liệu CĐCS');

      // The same file again: a duplicate, and the master is not written.
      const applies = port.calls.filter((c) => c.op === 'apply').length;
      await user.upload(within(intake).getByLabelText('Chọn các tệp báo cáo .xlsx'), [returnFile('cd-1-gui-lai.xlsx', [1, 2])]);
      await user.click(within(intake).getByRole('button', { name: 'Nhập vào bảng tổng hợp' }));
      expect(await within(intake).findByText('Không có số liệu mới: sheet "Dữ liệu CĐCS" giữ nguyên.')).toBeInTheDocument();
      expect(within(screen.getByRole('list', { name: 'Kết quả nhập từng tệp' })).getByText('Trùng lặp')).toBeInTheDocument();
      expect(port.calls.filter((c) => c.op === 'apply')).toHaveLength(applies);
      // The notice of the computation spoke of the workbook before the import: it is gone.
      expect(screen.queryByText(/^Đã ghi các cột kết quả/)).toBeNull();
    });

    it('says in a sentence when the master sheet cannot take the import', async () => {
      const port = memoryPort([{ name: 'Dữ liệu CĐCS', rows: [['Ghi chú riêng']] }]);
      const user = renderApp(port);
      await ready();
      await user.upload(screen.getByLabelText('Chọn các tệp báo cáo .xlsx'), [returnFile('cd-1.xlsx', [1])]);
      await user.click(screen.getByRole('button', { name: 'Nhập vào bảng tổng hợp' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Sheet "Dữ liệu CĐCS" đã có nội dung nhưng không phải bảng số liệu CĐCS');
      expect(port.calls.some((c) => c.op === 'apply')).toBe(false);
    });
  });
});

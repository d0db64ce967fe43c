/** @jest-environment jsdom */
/**
 * The reporting cycle in the Office pane, on an in-memory workbook with the engine in-process:
 * the register made from the table, the send-out (the command line in Excel, a .zip where the
 * host downloads), chasing after an import, and the Tiến độ sheet from a ticked earlier year.
 */
import '@testing-library/jest-dom';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { TextDecoder, TextEncoder } from 'node:util';
import type { RawCell, SheetGrid } from '../domain/grid';
import { App } from './App';
import { PaneShell } from './components/PaneShell';
import { memoryPort } from './memoryPort';
import type { MemoryPort } from './memoryPort';
import { fixtureGrid } from './paneFixture';

// jsdom lacks the encoders every browser has; the xlsx adapter needs them when it loads.
Object.assign(globalThis, { TextDecoder, TextEncoder });
const { createXlsx } = require('../workbook/xlsx') as typeof import('../workbook/xlsx');

const TODAY = new Date(2026, 10, 21);
configure({ asyncUtilTimeout: 20_000 });

function renderApp(port: MemoryPort, props: { downloads?: boolean; fileName?: string } = {}) {
  const user = userEvent.setup();
  render(
    <PaneShell>
      <App port={port} describeError={(e) => `Lỗi Excel: ${String(e)}`} today={() => TODAY} {...props} />
    </PaneShell>,
  );
  return user;
}

async function ready(): Promise<void> {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' })).not.toHaveAttribute('aria-disabled', 'true'));
}

const cycleRegion = () => screen.getByRole('region', { name: 'Chu kỳ báo cáo' });

/** The fixture (2024) as an earlier year: same units, Năm 2023. */
function lastYear(): SheetGrid {
  const grid = fixtureGrid();
  return { name: 'Năm 2023', rows: grid.rows.map((r, i) => (i === 0 ? [...r] : r.map((v, c) => (c === 3 ? 2023 : v)))) };
}

describe('App: the reporting cycle', () => {
  it('makes the register from the table, never over an existing one, and shows the send-out command in Excel', async () => {
    const port = memoryPort([fixtureGrid()]);
    const user = renderApp(port, { fileName: 'Tổng hợp 2026.xlsx' });
    await ready();
    const cycle = cycleRegion();
    expect(within(cycle).getByText('Tệp chưa có sheet "Danh bạ CĐCS": mẫu gửi sẽ lấy các đơn vị trong bảng số liệu.')).toBeInTheDocument();

    await user.click(within(cycle).getByRole('button', { name: 'Tạo danh bạ CĐCS' }));
    await within(cycle).findByText(/^Đã ghi sheet "Danh bạ CĐCS" với 3 đơn vị\./);
    // The fixture's three units, in the table's order, under the register's header.
    const rows = port.sheets.get('Danh bạ CĐCS') as RawCell[][];
    const header = rows.findIndex((r) => r.includes('Mã đơn vị'));
    const code = rows[header].indexOf('Mã đơn vị');
    expect(rows.slice(header + 1, header + 4).map((r) => r[code])).toEqual(['CD01', 'CD02', 'CD03']);
    expect(await within(cycle).findByText('Danh bạ: sheet "Danh bạ CĐCS", 3 đơn vị.')).toBeInTheDocument();

    // A second time: refused, the sheet (and any contacts typed in it) left alone.
    const applies = port.calls.filter((c) => c.op === 'apply').length;
    await user.click(within(cycle).getByRole('button', { name: 'Tạo danh bạ CĐCS' }));
    expect(await within(cycle).findByRole('alert')).toHaveTextContent('Tệp đã có sheet "Danh bạ CĐCS", và danh bạ không bị ghi đè');
    expect(port.calls.filter((c) => c.op === 'apply').length).toBe(applies);

    // In Excel: no download, the command with this workbook's name, the chosen set and this year (2026).
    await user.click(within(cycle).getByRole('button', { name: 'Tạo mẫu gửi CĐCS' }));
    expect(await within(cycle).findByLabelText('Lệnh tạo mẫu gửi CĐCS')).toHaveTextContent(
      'npx chitieu send-out --register "Tổng hợp 2026.xlsx" --preset bd-cdvc-2024 --year 2026 --out mau-gui-cdcs-2026',
    );
    expect(within(cycle).queryByRole('button', { name: /^Tải xuống/ })).toBeNull();
  });

  it('where the host downloads, makes one return per unit in a .zip for the year typed', async () => {
    const port = memoryPort([fixtureGrid()]);
    const user = renderApp(port, { downloads: true });
    await ready();
    await user.type(screen.getByRole('textbox', { name: /Năm báo cáo/ }), '2025');
    const cycle = cycleRegion();
    await user.click(within(cycle).getByRole('button', { name: 'Tạo mẫu gửi CĐCS' }));
    // No register sheet: the three units of the table.
    expect(
      await within(cycle).findByText(/^Chưa có sheet "Danh bạ CĐCS" nên danh sách đơn vị lấy từ bảng số liệu\. Đã tạo 3 tệp mẫu trong mau-gui-cdcs-2025\.zip\./),
    ).toBeInTheDocument();
    const blobs: Blob[] = [];
    const created = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:zip';
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(within(cycle).getByRole('button', { name: 'Tải xuống mau-gui-cdcs-2025.zip' }));
    expect(blobs[0].type).toBe('application/zip');
    const bytes = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blobs[0]);
    });
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(['bao-cao-CD01-2025.xlsx', 'bao-cao-CD02-2025.xlsx', 'bao-cao-CD03-2025.xlsx']);
  });

  it('after an import with a register, says who has not reported, with contacts, and warns of a unit outside it', async () => {
    // Register: CD01–CD03 with a contact for CD03.
    const register: SheetGrid = {
      name: 'Danh bạ CĐCS',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Người liên hệ', 'Điện thoại'],
        ['CD01', 'CĐCS Trường A', null, null],
        ['CD02', 'CĐCS Sở B', null, null],
        ['CD03', 'CĐCS Bệnh viện C', 'Phạm Thị Hoa', '0905 111 222'],
      ],
    };
    const port = memoryPort([register]);
    const user = renderApp(port);
    await ready();
    // Two returns: CD01 (row 1 of the fixture) and a unit the register does not list (CD999).
    const grid = fixtureGrid().rows;
    const file = (name: string, row: readonly RawCell[]) => {
      const wb = createXlsx();
      wb.applySync({ sheets: [{ name: 'Báo cáo', rows: [grid[0], row].map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : { v }))) }] });
      return new File([new Uint8Array(wb.toBytes())], name);
    };
    const intake = screen.getByRole('region', { name: 'Nhập báo cáo CĐCS' });
    const files = [file('bao-cao-CD01-2024.xlsx', grid[1]), file('bao-cao-CD999-2024.xlsx', ['CD999', 'CĐCS Lạ', ...grid[1].slice(2)])];
    fireEvent.drop(within(intake).getByRole('button', { name: /^Kéo thả/ }), { dataTransfer: { files, types: ['Files'] } });
    await user.click(within(intake).getByRole('button', { name: 'Nhập vào bảng tổng hợp' }));
    await within(intake).findByText(/^Xong: sheet "Dữ liệu CĐCS" có 2 đơn vị\./);

    // Expected 3, received 1 (CD01): CD02 and CD03 missing; CD999 is not in the register.
    const chasing = screen.getByRole('region', { name: 'Theo dõi nộp báo cáo' });
    expect(within(chasing).getByText('Đã nhận 1/3 — còn 2 đơn vị chưa nộp')).toBeInTheDocument();
    const missing = within(within(chasing).getByRole('list', { name: 'Đơn vị chưa nộp' })).getAllByRole('listitem');
    // Vietnamese order: "Bệnh viện" before "Sở".
    expect(missing.map((li) => li.textContent)).toEqual(['CĐCS Bệnh viện C (CD03)Phạm Thị Hoa · 0905 111 222', 'CĐCS Sở B (CD02)Danh bạ chưa có người liên hệ']);
    expect(within(chasing).getByText(/^Tệp "bao-cao-CD999-2024\.xlsx": mã đơn vị CD999 không có trong danh bạ CĐCS\./)).toBeInTheDocument();
    // The sheet beside the master.
    expect(port.sheets.has('Theo dõi nộp báo cáo')).toBe(true);

    // A later import of CD02 alone: CD01, already in the master, still counts (2/3), CD03 is left.
    fireEvent.drop(within(intake).getByRole('button', { name: /^Kéo thả/ }), { dataTransfer: { files: [file('bao-cao-CD02-2024.xlsx', grid[2])], types: ['Files'] } });
    await user.click(within(intake).getByRole('button', { name: 'Nhập vào bảng tổng hợp' }));
    const after = await screen.findByText('Đã nhận 2/3 — còn 1 đơn vị chưa nộp');
    const left = within(after.closest('section') as HTMLElement).getAllByRole('listitem');
    expect(left.map((li) => li.firstChild?.textContent)).toEqual(['CĐCS Bệnh viện C (CD03)']);
  });

  it('writes Tiến độ from the table and a ticked earlier year', async () => {
    const port = memoryPort([fixtureGrid(), lastYear()]);
    const user = renderApp(port);
    await ready();
    const history = screen.getByRole('region', { name: 'Tiến độ qua các năm' });
    // The table being checked ("Số liệu", the first sheet with a table) is not offered: it is always in.
    const box = await within(history).findByRole('checkbox', { name: 'Năm 2023' });
    expect(within(history).getAllByRole('checkbox')).toHaveLength(1);
    await user.click(box);
    await user.click(within(history).getByRole('button', { name: 'Tạo sheet Tiến độ' }));
    expect(await within(history).findByText(/^Đã ghi sheet "Tiến độ" cho các năm 2023, 2024\./)).toBeInTheDocument();
    const rows = port.sheets.get('Tiến độ') as RawCell[][];
    // One row per indicator of the set: sang_kien_15 is among them (its id in the last column, Mã).
    expect(rows.some((r) => r.includes('sang_kien_15'))).toBe(true);
  });
});

/**
 * The Office-mode pane for the cycle's Chromium test: the real App on an in-memory workbook that
 * holds the pane's test table and a register of five units (three with contacts), in "Excel"
 * (no downloads: the send-out shows its command line). The port is on `window.__port`.
 */
import { createRoot } from 'react-dom/client';
import { App } from '../../src/taskpane/App';
import { PaneShell } from '../../src/taskpane/components/PaneShell';
import { memoryPort } from '../../src/taskpane/memoryPort';
import { fixtureGrid } from '../../src/taskpane/paneFixture';

const register = {
  name: 'Danh bạ CĐCS',
  rows: [
    ['Mã đơn vị', 'Tên đơn vị', 'Người liên hệ', 'Điện thoại', 'Email'],
    ['CD01', 'CĐCS Trường A', 'Nguyễn Văn An', '0912 345 678', 'an@truong-a.edu.vn'],
    ['CD02', 'CĐCS Sở B', null, null, null],
    ['CD03', 'CĐCS Bệnh viện C', 'Phạm Thị Hoa', '0905 111 222', null],
    ['CD04', 'CĐCS Điện lực D', 'Lê Minh Đức', null, 'duc@dienluc-d.vn'],
    ['CD05', 'CĐCS Ủy ban phường E', null, '0236 3822 111', null],
  ],
};

const port = memoryPort([fixtureGrid(), register]);
(window as unknown as { __port: typeof port }).__port = port;
createRoot(document.getElementById('root') as HTMLElement).render(
  <PaneShell>
    <App port={port} describeError={(e) => `Lỗi: ${String(e)}`} today={() => new Date(2026, 10, 21)} fileName="Tong hop CDCS 2026.xlsx" />
  </PaneShell>,
);

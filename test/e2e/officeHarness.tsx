/**
 * The Office-mode pane outside Excel, for the screenshot test: the real App on the in-memory
 * port with the pane's test return. The port is on `window.__port` so the test can read its calls.
 */
import { createRoot } from 'react-dom/client';
import { App } from '../../src/taskpane/App';
import { PaneShell } from '../../src/taskpane/components/PaneShell';
import { memoryPort } from '../../src/taskpane/memoryPort';
import { fixtureGrid } from '../../src/taskpane/paneFixture';

const port = memoryPort([fixtureGrid()]);
(window as unknown as { __port: typeof port }).__port = port;
createRoot(document.getElementById('root') as HTMLElement).render(
  <PaneShell>
    <App port={port} describeError={(e) => `Lỗi: ${String(e)}`} today={() => new Date(2026, 10, 21)} />
  </PaneShell>,
);

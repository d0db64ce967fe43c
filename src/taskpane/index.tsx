/// <reference types="office-js" />
/**
 * The task pane's entry, and the only place where Office.js and React meet.
 *
 * In Excel (Office.onReady reports Excel) the pane works on the open workbook through the
 * Office adapter. Anywhere else — a plain browser, or when office.js could not load at all — it
 * runs the browser mode, whose code (and the xlsx adapter) arrives as a separate chunk loaded
 * only then, so the bundle Excel loads stays small.
 */
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { MIN_EXCEL_API, officeErrorMessage, officeWorkbook, requirementsMet } from '../workbook/office';
import { App } from './App';
import { PaneShell } from './components/PaneShell';
import { Connecting, LoadingBrowserMode, RequirementsNotMet } from './components/StartupNotes';

const BrowserApp = lazy(() => import(/* webpackChunkName: "browser" */ './BrowserApp'));

/** How long to wait for Office.onReady when nothing says we are inside Office. */
const OUTSIDE_OFFICE_WAIT_MS = 5000;

/**
 * Signs that an Office client hosts this page: Office adds `_host_Info` to the pane's URL (and
 * office.js keeps it in sessionStorage across reloads); Office on the web frames the pane; the
 * desktop clients expose their webview bridges. With none of them, a silent Office.onReady
 * must not leave a plain browser's page blank.
 */
function looksHostedByOffice(): boolean {
  try {
    const w = window as Window & { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown } };
    return (
      /[?&]_host_Info=/i.test(w.location.search) ||
      !!w.sessionStorage.getItem('hostInfoValue') ||
      w.top !== w.self ||
      !!w.chrome?.webview ||
      !!w.webkit?.messageHandlers
    );
  } catch {
    // A cross-origin frame throws on some of these reads: that, too, is Office on the web.
    return true;
  }
}

async function isExcel(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
  const ready = Office.onReady().then((info) => info.host === Office.HostType.Excel);
  if (looksHostedByOffice()) return ready;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OUTSIDE_OFFICE_WAIT_MS));
  return Promise.race([ready, timeout]);
}

function browserMode() {
  return (
    <Suspense fallback={<LoadingBrowserMode />}>
      <BrowserApp />
    </Suspense>
  );
}

/** The open workbook's file name (a year in it may be the report year); undefined for a new, unsaved one. */
function documentName(): string | undefined {
  try {
    const url = Office.context.document.url;
    if (!url) return undefined;
    const last = url.split(/[\\/]/).pop() ?? '';
    return decodeURIComponent(last.split(/[?#]/)[0]) || undefined;
  } catch {
    return undefined;
  }
}

function officeMode() {
  if (!requirementsMet()) return <RequirementsNotMet api={MIN_EXCEL_API} />;
  const port = officeWorkbook((batch) => Excel.run(batch));
  return <App port={port} describeError={officeErrorMessage} fileName={documentName()} />;
}

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <PaneShell>
    <Connecting />
  </PaneShell>,
);
void isExcel()
  .catch(() => false)
  .then((excel) => root.render(<PaneShell>{excel ? officeMode() : browserMode()}</PaneShell>));

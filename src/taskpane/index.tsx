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
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MIN_EXCEL_API, officeErrorMessage, officeWorkbook, requirementsMet } from '../workbook/office';
import { App } from './App';
import { PaneShell } from './components/PaneShell';
import { Connecting, LoadingBrowserMode, RequirementsNotMet } from './components/StartupNotes';
import { OfficeNotReady } from './startup/OfficeNotReady';
import { StartupHandOff } from './startup/StartupHandOff';

const BrowserApp = lazy(() => import(/* webpackChunkName: "browser" */ './BrowserApp'));

/** How long to wait for Office.onReady when nothing says we are inside Office. */
const OUTSIDE_OFFICE_WAIT_MS = 5000;

/**
 * How long to wait for Office.onReady inside Office before saying what to check. office.js is
 * already loaded when this runs, and onReady is then a handshake with the host that normally
 * answers in a second or two; it never answers when office.js could not fetch its host-specific
 * files (blocked by a CSP or a proxy, a slow or broken network: office-js issue #2599, and the
 * note of office-js-docs-pr docs/develop/initialize-add-in.md). 10 s is several times the normal
 * wait yet about the longest a person watches a spinner. Nothing is given up: the message says
 * so, and a late answer still opens the pane.
 */
const OFFICE_READY_TIMEOUT_MS = 10_000;

type StartMode = 'excel' | 'browser' | 'office-js-missing';

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

/**
 * Which pane to run. Outside Office a silent Office.onReady falls back to the browser mode after
 * OUTSIDE_OFFICE_WAIT_MS. Inside Office there is no fallback (the browser mode would not work on
 * the open workbook): `onSlow` is called after OFFICE_READY_TIMEOUT_MS and the wait goes on.
 */
function startMode(onSlow: () => void): Promise<StartMode> {
  const hosted = looksHostedByOffice();
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return Promise.resolve(hosted ? 'office-js-missing' : 'browser');
  }
  const ready = Office.onReady().then((info): StartMode => (info.host === Office.HostType.Excel ? 'excel' : 'browser'));
  if (hosted) {
    const slow = setTimeout(onSlow, OFFICE_READY_TIMEOUT_MS);
    return ready.finally(() => clearTimeout(slow));
  }
  const timeout = new Promise<StartMode>((resolve) => setTimeout(() => resolve('browser'), OUTSIDE_OFFICE_WAIT_MS));
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
/**
 * Every render goes through here, so the static start-up shell is handed over by whichever tree
 * commits first (two quick renders may skip the first one).
 */
function show(content: ReactNode) {
  root.render(
    <PaneShell>
      <StartupHandOff />
      {content}
    </PaneShell>,
  );
}
const timeoutSeconds = OFFICE_READY_TIMEOUT_MS / 1000;
show(<Connecting />);
void startMode(() =>
  show(
    <>
      <OfficeNotReady reason="timeout" seconds={timeoutSeconds} />
      <Connecting />
    </>,
  ),
)
  .catch((): StartMode => 'browser')
  .then((mode) =>
    show(mode === 'excel' ? officeMode() : mode === 'browser' ? browserMode() : <OfficeNotReady reason="office-js-missing" seconds={timeoutSeconds} />),
  );

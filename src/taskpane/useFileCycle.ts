/**
 * The reporting cycle in the browser mode, on the chosen file: every action is one `fileCycle`
 * job in the engine worker (cycle.ts on the xlsx adapter). A sheet the action adds (register,
 * `Tiến độ`) goes into the file the pane holds, so the next result file has it too, and can be
 * downloaded at once; the send-out's .zip is offered for download.
 */
import { useState } from 'react';
import type { WorkbookFile } from '../workbook/browser';
import { OWN_SHEET_TITLE, sheetKey } from '../workbook/ownSheets';
import { REGISTER_SHEET_NAME } from '../domain/cycle/register';
import { TARGET_SHEET_NAME } from '../domain/targetSheet';
import { addedFileName } from './addedFileName';
import type { RegisterStatus } from './components/CyclePanel';
import type { CycleView } from './components/CycleSections';
import { useLanguage } from './language';
import { saveFile, ZIP_TYPE } from './saveFile';
import type { TargetChoice } from './targetChoice';
import type { Engine } from './useEngine';
import { useTask } from './useTask';
import type { Task } from './useTask';
import { UserMessage } from './userMessage';
import { EngineCancelled } from './worker/client';
import type { FileCycleAction, FileCycleAnswer } from './worker/protocol';
import { reportYear } from './yearChoice';

/** Names of the product's sheets a first look at the file leaves out of the history picker. */
const NOT_HISTORY = new Set([TARGET_SHEET_NAME, REGISTER_SHEET_NAME, ...Object.values(OWN_SHEET_TITLE)].map(sheetKey));

/** What the pane can tell from the sheet names alone, before any job read the file. */
export function firstLook(sheetNames: readonly string[]): { register: RegisterStatus; historySheets: string[] } {
  const sheet = sheetNames.find((n) => sheetKey(n) === sheetKey(REGISTER_SHEET_NAME));
  return {
    register: sheet === undefined ? { kind: 'none' } : { kind: 'sheet', sheet },
    historySheets: sheetNames.filter((n) => !NOT_HISTORY.has(sheetKey(n).replace(/\s*\(\d+\)$/, ''))),
  };
}

export interface FileCycleDeps {
  readonly file?: WorkbookFile;
  /** The file changed (a sheet was added): the pane keeps these bytes from now on. */
  readonly onFile: (file: WorkbookFile) => void;
  readonly choice: TargetChoice;
  readonly yearText: string;
  readonly today: () => Date;
  readonly describeError: (error: unknown) => string;
  readonly engine: Engine;
  /** The sheet the last check read: it is in the history anyway, so it is not offered. */
  readonly checkedSheet?: string;
}

/** The sections' view of the cycle, and a way to start over with a new file. */
export interface FileCycle extends CycleView {
  readonly task: Task;
  readonly historyTask: Task;
  /** A new file was chosen: forget what the last one made. */
  readonly reset: (file: WorkbookFile) => void;
}

/** @example const cycle = useFileCycle({ file, onFile: setFile, choice, yearText, today, describeError, engine }); */
export function useFileCycle(deps: FileCycleDeps): FileCycle {
  const { file, onFile, choice, yearText, today, describeError, engine, checkedSheet } = deps;
  const { lang, t } = useLanguage();
  const task = useTask(describeError);
  const historyTask = useTask(describeError);
  const [info, setInfo] = useState<{ register: RegisterStatus; historySheets: readonly string[] }>({ register: { kind: 'none' }, historySheets: [] });
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [registerFile, setRegisterFile] = useState<{ name: string; bytes: Uint8Array }>();
  const [historyFile, setHistoryFile] = useState<{ name: string; bytes: Uint8Array }>();
  const [zip, setZip] = useState<{ name: string; bytes: Uint8Array }>();

  const typed = reportYear(yearText);
  const year = typeof typed === 'number' ? typed : today().getFullYear();

  /** Runs one action on the file; a changed file replaces the pane's copy. */
  const act = async (action: FileCycleAction): Promise<(FileCycleAnswer & { ok: true }) | undefined> => {
    if (!file) throw new UserMessage(t.pickFileFirst);
    let out: FileCycleAnswer;
    try {
      // A copy goes to the worker (transferred); the pane keeps its own.
      out = await engine.run({ type: 'fileCycle', name: file.name, bytes: file.bytes.slice(), lang, choice, action });
    } catch (e) {
      if (e instanceof EngineCancelled) return undefined;
      throw e;
    }
    if (!out.ok) throw new UserMessage(out.message);
    setInfo({ register: out.register, historySheets: out.historySheets });
    if (out.bytes && out.sheetNames) onFile({ name: file.name, bytes: out.bytes, sheetNames: out.sheetNames });
    return out;
  };

  const makeRegister = () =>
    task.run(t.busyRegister, async () => {
      setZip(undefined);
      const out = await act({ kind: 'register' });
      if (!out) return t.cancelledBrowser;
      if (out.bytes) setRegisterFile({ name: addedFileName(file?.name ?? '', 'danh-ba'), bytes: out.bytes });
      // The file offered after Tiến độ no longer is the latest: only the newest file is offered.
      setHistoryFile(undefined);
      return out.notice;
    });

  const sendOut = () =>
    task.run(t.busySendOut, async () => {
      if (typed === 'bad') throw new UserMessage(t.badYear(yearText.trim()));
      setZip(undefined);
      const out = await act({ kind: 'sendOut', year });
      if (!out) return t.cancelledBrowser;
      if (out.zip) setZip({ name: out.zip.name, bytes: out.zip.zip });
      return out.notice;
    });

  const makeHistory = () =>
    historyTask.run(t.busyHistory, async () => {
      if (!chosen.length) throw new UserMessage(t.historyPickOne);
      const out = await act({ kind: 'history', sheets: chosen, today: today() });
      if (!out) return t.cancelledBrowser;
      if (out.bytes) setHistoryFile({ name: addedFileName(file?.name ?? '', 'tien-do'), bytes: out.bytes });
      setRegisterFile(undefined);
      return out.notice;
    });

  const reset = (next: WorkbookFile) => {
    setInfo(firstLook(next.sheetNames));
    setChosen([]);
    setRegisterFile(undefined);
    setHistoryFile(undefined);
    setZip(undefined);
    task.clear();
    historyTask.clear();
  };

  const historySheets = info.historySheets.filter((s) => s !== checkedSheet);
  return {
    task,
    historyTask,
    register: info.register,
    year,
    historySheets,
    chosen: chosen.filter((s) => historySheets.includes(s)),
    choose: setChosen,
    ...(registerFile ? { saveRegister: () => saveFile(registerFile.bytes, registerFile.name) } : {}),
    ...(historyFile ? { saveHistory: () => saveFile(historyFile.bytes, historyFile.name) } : {}),
    ...(zip ? { zip: { name: zip.name, onSave: () => saveFile(zip.bytes, zip.name, ZIP_TYPE) } } : {}),
    makeRegister,
    sendOut,
    makeHistory,
    reset,
  };
}

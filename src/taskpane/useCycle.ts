/**
 * The reporting cycle in the Office pane: what the workbook's register is, "Tạo danh bạ CĐCS",
 * "Tạo mẫu gửi CĐCS" (a .zip made in the engine worker where the host can download it, else
 * the command line that does it), and the `Tiến độ` sheet from the ticked sheets. What each
 * does on the workbook is cycle.ts; the heavy parts (the returns, the history) run in the worker.
 */
import { useCallback, useState } from 'react';
import type { InteractivePort } from '../workbook/interactive';
import type { RegisterStatus, SendOutCommand } from './components/CyclePanel';
import type { CycleView } from './components/CycleSections';
import { historyCandidates, historyGrids, makeRegister, progressSheetName, registerStatus, sendOutUnits } from './cycle';
import { useStrings } from './language';
import { resolveSet } from './paneActions';
import { saveFile, ZIP_TYPE } from './saveFile';
import { sendOutCommand } from './sendOutCommand';
import { choiceSet } from './targetChoice';
import type { TargetChoice } from './targetChoice';
import type { Engine } from './useEngine';
import { useTask } from './useTask';
import type { Task } from './useTask';
import { UserMessage } from './userMessage';
import { cancellable as cancellableWork } from './cancellable';
import { PRESETS } from '../domain/presets';
import { reportYear } from './yearChoice';

export interface CycleDeps {
  readonly port: InteractivePort;
  readonly choice: TargetChoice;
  /** The text of "Năm báo cáo": the year the returns are for (empty: this year). */
  readonly yearText: string;
  readonly today: () => Date;
  readonly describeError: (error: unknown) => string;
  readonly engine: Engine;
  /** The workbook's file name, for the command line. */
  readonly fileName?: string;
  /** The data sheet the pane last checked. */
  readonly lastSheet?: string;
  /** The host downloads a Blob from the pane reliably (false in Excel: the command line is shown instead). */
  readonly downloads: boolean;
  /** The workbook's sheets changed (a sheet was written). */
  readonly onWritten: () => Promise<void>;
}

/** The sections' view of the cycle, and the refresh after the workbook's sheets changed. */
export interface Cycle extends CycleView {
  readonly task: Task;
  readonly historyTask: Task;
  /** Reads the register and the sheets again (after any change of the workbook's sheets). */
  readonly refresh: () => Promise<void>;
}

/** @example const cycle = useCycle({ port, choice, yearText, today, describeError, engine, downloads: false, onWritten }); */
export function useCycle(deps: CycleDeps): Cycle {
  const { port, choice, yearText, today, describeError, engine, fileName, lastSheet, downloads, onWritten } = deps;
  const t = useStrings();
  const task = useTask(describeError);
  const historyTask = useTask(describeError);
  const [info, setInfo] = useState<{ register: RegisterStatus; historySheets: readonly string[] }>({ register: { kind: 'none' }, historySheets: [] });
  const [zip, setZip] = useState<{ name: string; bytes: Uint8Array }>();
  const [command, setCommand] = useState<SendOutCommand>();
  const [chosen, setChosen] = useState<readonly string[]>([]);

  const typed = reportYear(yearText);
  const year = typeof typed === 'number' ? typed : today().getFullYear();
  const checkedYear = (): number => {
    if (typed === 'bad') throw new UserMessage(t.badYear(yearText.trim()));
    return year;
  };

  const refresh = useCallback(async () => {
    const next = { register: await registerStatus(port), historySheets: await historyCandidates(port, lastSheet) };
    // One render, and none when nothing changed (this runs after every change of the sheet list).
    setInfo((was) => (JSON.stringify(was) === JSON.stringify(next) ? was : next));
    setChosen((c) => (c.every((s) => next.historySheets.includes(s)) ? c : c.filter((s) => next.historySheets.includes(s))));
  }, [port, lastSheet]);

  /** Hủy stops the worker before anything is written: the work ends with a notice. */
  const cancellable = (work: () => Promise<string | void>) => cancellableWork(t.cancelledOffice, work);

  const runRegister = () =>
    task.run(t.busyRegister, async () => {
      setZip(undefined);
      setCommand(undefined);
      const done = await makeRegister(port, t, lastSheet);
      await onWritten();
      await refresh();
      return t.registerDone(done.sheet, done.units);
    });

  const sendOut = () =>
    task.run(
      t.busySendOut,
      cancellable(async () => {
        setZip(undefined);
        setCommand(undefined);
        const y = checkedYear();
        const set = await resolveSet(port, choice, t);
        const { units, fromTable } = await sendOutUnits(port, t, lastSheet);
        if (!downloads) {
          const preset = choiceSet(choice);
          // The workbook's own set has no id on the command line: the built-in set it was copied from, if any.
          const fallback = PRESETS.find((p) => p.id === set.id)?.id ?? PRESETS[0].id;
          const cmd = sendOutCommand({ fileName, unsavedName: t.sendOutUnsaved, presetId: preset?.id, fallbackPresetId: fallback, year: y });
          setCommand({ ...cmd, sheetSet: !preset });
          return;
        }
        const out = await engine.run({ type: 'sendOut', units: [...units], set, year: y });
        setZip({ name: out.name, bytes: out.zip });
        return [fromTable ? t.sendOutFromTable : '', t.sendOutDone(out.files, out.name)].filter(Boolean).join(' ');
      }),
    );

  const makeHistory = () =>
    historyTask.run(
      t.busyHistory,
      cancellable(async () => {
        const set = await resolveSet(port, choice, t);
        const grids = await historyGrids(port, chosen, t, lastSheet);
        const sheetName = await progressSheetName(port);
        const out = await engine.run({ type: 'history', grids, set, today: today(), sheetName, lang: t.lang, ...(fileName ? { fileName } : {}) });
        if (!out.ok) throw new UserMessage(out.message);
        await port.apply({ sheets: [out.sheet] });
        await onWritten();
        await refresh();
        return [t.historyDone(out.sheet.name, out.years), ...out.notices].join(' ');
      }),
    );

  return {
    task,
    historyTask,
    register: info.register,
    year,
    ...(zip ? { zip: { name: zip.name, onSave: () => saveFile(zip.bytes, zip.name, ZIP_TYPE) } } : {}),
    ...(command ? { command } : {}),
    historySheets: info.historySheets,
    chosen,
    choose: setChosen,
    refresh,
    makeRegister: runRegister,
    sendOut,
    makeHistory,
  };
}

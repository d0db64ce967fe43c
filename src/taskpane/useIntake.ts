/**
 * The state of "Nhập báo cáo CĐCS" in the Office pane: the files chosen, the import as a task
 * with its own progress and messages, the question before master content is dropped, and the
 * report of the last import. What the import does is importReturns (intake.ts).
 */
import { useState } from 'react';
import type { InteractivePort } from '../workbook/interactive';
import type { Strings } from './i18n';
import { importReturns, statusCounts } from './intake';
import type { IntakeConfirm, IntakeDone, IntakeOutcome, IntakeStep } from './intake';
import { useStrings } from './language';
import { resolveSet } from './paneActions';
import { fileBytes } from './pickedFiles';
import type { TargetChoice } from './targetChoice';
import { nextPaint, useTask } from './useTask';
import type { Task } from './useTask';
import type { Engine } from './useEngine';

export interface IntakeDeps {
  readonly port: InteractivePort;
  /** The pane's current Bộ chỉ tiêu. */
  readonly choice: TargetChoice;
  readonly today: () => Date;
  readonly describeError: (error: unknown) => string;
  /** An import starts (the pane's other messages speak of the workbook before it). */
  readonly onStart: () => void;
  /** An import ended; the pane shows the master's check and forgets what no longer applies. */
  readonly onDone: (done: IntakeDone) => Promise<void>;
  /** Where the returns are read (the pane's worker: unzipping 20 files must not freeze Excel); default in this thread. */
  readonly engine?: Engine;
}

export interface Intake {
  readonly task: Task;
  /** Chosen files, in import order. */
  readonly picked: readonly File[];
  /** The last import's outcome, for the per-file report. */
  readonly imported?: IntakeDone;
  /** The question waiting for an answer. */
  readonly pending?: IntakeConfirm;
  readonly choose: (files: File[]) => void;
  readonly start: () => Promise<void>;
  readonly proceed: () => Promise<void>;
  /** Drops the question (the user said no, or changed what it was about). */
  readonly cancel: () => void;
}

/** The progress label of an import step. */
function stepLabel(t: Strings, step: IntakeStep): string {
  if (step.kind === 'read') return t.busyIntakeRead(step.index, step.total);
  if (step.kind === 'write') return t.busyIntakeWrite;
  if (step.kind === 'check') return t.busyIntakeCheck;
  return t.busyIntakeLoad;
}

/** The sentence after an import. */
function summary(t: Strings, done: IntakeDone): string {
  if (done.written) return t.intakeDone(done.masterUnits, statusCounts(done.files));
  return done.check ? t.intakeUnchanged : t.intakeNothing;
}

/** @example const intake = useIntake({ port, choice, today, describeError, onStart, onDone }); */
export function useIntake({ port, choice, today, describeError, onStart, onDone, engine }: IntakeDeps): Intake {
  const t = useStrings();
  const task = useTask(describeError);
  const [picked, setPicked] = useState<readonly File[]>([]);
  const [imported, setImported] = useState<IntakeDone>();
  const [pending, setPending] = useState<IntakeConfirm>();

  const settle = async (outcome: IntakeOutcome): Promise<string | void> => {
    if (outcome.kind === 'confirm') {
      setPending(outcome);
      return;
    }
    setImported(outcome);
    setPicked([]);
    await onDone(outcome);
    return summary(t, outcome);
  };

  // Awaited by importReturns between files, so each "Đang đọc tệp 3/20…" is painted.
  const onStep = async (step: IntakeStep) => {
    task.progress(stepLabel(t, step));
    await nextPaint();
  };

  const start = () =>
    task.run(t.busyIntakeLoad, async () => {
      onStart();
      setPending(undefined);
      setImported(undefined);
      const set = await resolveSet(port, choice, t);
      const files = picked.map((f) => ({ name: f.name, bytes: () => fileBytes(f) }));
      // The bytes go to the worker (transferred): each file is read from its File again if needed.
      const loadReader = engine ? async () => (name: string, bytes: Uint8Array) => engine.run({ type: 'readReturn', name, bytes }) : undefined;
      return settle(await importReturns(port, files, set, today(), { t, onStep, ...(loadReader ? { loadReader } : {}) }));
    });

  const proceed = () =>
    task.run(t.busyIntakeWrite, async () => {
      const question = pending;
      setPending(undefined);
      if (question) return settle(await question.proceed());
    });

  const choose = (files: File[]) => {
    setPicked(files);
    setPending(undefined);
    task.clear();
  };

  return { task, picked, imported, pending, choose, start, proceed, cancel: () => setPending(undefined) };
}

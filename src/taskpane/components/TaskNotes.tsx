/**
 * A task's progress, its error (announced at once) and its success sentence, in that order.
 * While the engine worker runs the task, its bar (with Hủy) says more than the spinner.
 */
import type { EngineProgress as Progress } from '../worker/protocol';
import type { TaskState } from '../useTask';
import { BusyNote } from './BusyNote';
import { EngineProgress } from './EngineProgress';
import { Notice } from './Notice';

export interface TaskNotesProps {
  readonly task: TaskState;
  /** The worker's progress and its cancel, when this task may run in the worker. */
  readonly engine?: { readonly progress?: Progress; readonly cancel: () => void };
}

/** Renders nothing for an idle task with no message. */
export function TaskNotes({ task, engine }: TaskNotesProps) {
  return (
    <>
      {engine?.progress && task.busy ? <EngineProgress progress={engine.progress} onCancel={engine.cancel} /> : <BusyNote label={task.busy} />}
      <Notice intent="error" text={task.error} />
      <Notice intent="success" text={task.notice} />
    </>
  );
}

/** A task's spinner, its error (announced at once) and its success sentence, in that order. */
import type { TaskState } from '../useTask';
import { BusyNote } from './BusyNote';
import { Notice } from './Notice';

/** Renders nothing for an idle task with no message. */
export function TaskNotes({ task }: { task: TaskState }) {
  return (
    <>
      <BusyNote label={task.busy} />
      <Notice intent="error" text={task.error} />
      <Notice intent="success" text={task.notice} />
    </>
  );
}

/**
 * One piece of work at a time: shows what the pane is doing, then either a success sentence or
 * the error as a sentence the user can act on. Buttons read `busy` to stay disabled meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLanguage } from './language';
import { UserMessage } from './userMessage';

export interface TaskState {
  /** What is running, for the spinner; undefined when idle. */
  readonly busy?: string;
  readonly error?: string;
  readonly notice?: string;
}

export interface Task extends TaskState {
  /**
   * Runs `work` with a progress label. Its returned string becomes the success notice.
   * A second call while one runs is ignored (double clicks).
   */
  readonly run: (label: string, work: () => Promise<string | void>) => Promise<void>;
  /** Shows an error outside `run` (e.g. selecting a cell failed). */
  readonly fail: (error: unknown) => void;
  /** Replaces the progress label while work runs (e.g. "Đang đọc tệp 3/20…"); ignored when idle. */
  readonly progress: (label: string) => void;
  /** Removes the last notice or error (another task made it stale); ignored while work runs. */
  readonly clear: () => void;
}

/** Lets the browser paint the progress label before heavy synchronous work starts. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/**
 * @example
 * const task = useTask(officeErrorMessage);
 * <Button disabled={!!task.busy} onClick={() => task.run('Đang kiểm tra…', check)} />
 */
export function useTask(describeError: (error: unknown) => string): Task {
  const [state, setState] = useState<TaskState>({});
  const running = useRef(false);
  const { lang } = useLanguage();
  // A message stays in the language it was written in: after a switch it goes, rather than
  // leave one sentence of the other language in the pane.
  useEffect(() => setState((s) => (s.busy ? s : {})), [lang]);
  const message = useCallback(
    (error: unknown) => (error instanceof UserMessage ? error.message : describeError(error)),
    [describeError],
  );
  const run = useCallback(
    async (label: string, work: () => Promise<string | void>) => {
      if (running.current) return;
      running.current = true;
      setState({ busy: label });
      try {
        await nextPaint();
        const notice = await work();
        setState(notice ? { notice } : {});
      } catch (error) {
        setState({ error: message(error) });
      } finally {
        running.current = false;
      }
    },
    [message],
  );
  const fail = useCallback((error: unknown) => setState((s) => ({ ...s, error: message(error) })), [message]);
  const progress = useCallback((label: string) => {
    if (running.current) setState({ busy: label });
  }, []);
  const clear = useCallback(() => {
    if (!running.current) setState({});
  }, []);
  return { ...state, run, fail, progress, clear };
}

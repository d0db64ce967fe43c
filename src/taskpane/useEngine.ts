/**
 * The pane's engine worker as a React hook: one client for the pane's life (a real worker where
 * there are workers), the progress of the running job, and cancel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultEngine, EngineClient } from './worker/client';
import type { EngineAnswers, EngineJob, EngineProgress } from './worker/protocol';

export interface Engine {
  /** The running job's progress; undefined when idle. */
  readonly progress?: EngineProgress;
  /** Runs a job in the worker; rejects with EngineCancelled after cancel. */
  readonly run: <J extends EngineJob>(job: J) => Promise<EngineAnswers[J['type']]>;
  readonly cancel: () => void;
}

/**
 * @example
 * const engine = useEngine();
 * const out = await engine.run({ type: 'checkFile', name, bytes, options });
 */
export function useEngine(make: () => Promise<EngineClient> = defaultEngine): Engine {
  const client = useRef<Promise<EngineClient>>();
  const [progress, setProgress] = useState<EngineProgress>();
  const get = useCallback(() => {
    const made = (client.current ??= make());
    // A worker that could not start is tried again on the next job.
    made.catch(() => {
      if (client.current === made) client.current = undefined;
    });
    return made;
  }, [make]);
  useEffect(
    () => () => {
      void client.current?.then(
        (c) => c.dispose(),
        () => undefined,
      );
    },
    [],
  );
  const run = useCallback(
    async <J extends EngineJob>(job: J): Promise<EngineAnswers[J['type']]> => {
      const engine = await get();
      setProgress({ stage: 'read' });
      try {
        return await engine.run(job, setProgress);
      } finally {
        setProgress(undefined);
      }
    },
    [get],
  );
  const cancel = useCallback(() => {
    void client.current?.then(
      (c) => c.cancel(),
      () => undefined,
    );
  }, []);
  return { progress, run, cancel };
}

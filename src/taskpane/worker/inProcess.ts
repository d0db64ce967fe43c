/**
 * The engine in the pane's own thread, behind the Worker interface: where there is no Worker
 * (jsdom in the tests, a webview without workers). Messages are cloned and delivered a
 * macrotask later, as postMessage would, so the same protocol is exercised.
 */
import type { WorkerLike } from './client';
import { engineHandler } from './handler';

/** A copy as postMessage makes; jsdom (the tests) has no structuredClone, and there the value itself goes. */
const clone = <T>(value: T): T => (typeof structuredClone === 'function' ? structuredClone(value) : value);

/** @example new EngineClient(inProcessWorker) */
export function inProcessWorker(): WorkerLike {
  let terminated = false;
  const worker: WorkerLike = {
    onmessage: null,
    postMessage(message) {
      if (terminated) return;
      const copy = clone(message);
      setTimeout(() => void handle(copy), 0);
    },
    terminate() {
      terminated = true;
    },
  };
  const handle = engineHandler((message) => {
    if (terminated) return;
    const copy = clone(message);
    setTimeout(() => {
      if (!terminated) worker.onmessage?.({ data: copy });
    }, 0);
  });
  return worker;
}


/**
 * The pane's side of the engine worker: posts a job (its bytes transferred, its large arrays as
 * parts), reports progress, rebuilds the answer from its parts, and cancels by terminating the
 * worker (a new one starts with the next job). Without `Worker` (jsdom, an old webview) the same
 * handler runs in-process behind the same interface.
 */
import { PartsCollector, split } from './parts';
import type { EngineAnswers, EngineJob, EngineProgress, FromWorker, ToWorker } from './protocol';

/** What the client needs of a Worker (a real one, or the in-process stand-in). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer: Transferable[]): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  terminate(): void;
}

/** The job was cancelled: the pane says so, and nothing was written. */
export class EngineCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'EngineCancelled';
  }
}

/** Lets the page paint and take clicks between messages that each cost a few milliseconds. */
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface Pending {
  readonly id: number;
  readonly parts: PartsCollector;
  readonly onProgress?: (p: EngineProgress) => void;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** One job at a time on one worker; `cancel` ends both. */
export class EngineClient {
  private worker?: WorkerLike;
  private pending?: Pending;
  private nextId = 1;

  constructor(private readonly spawn: () => WorkerLike) {}

  /**
   * Runs a job. Its Uint8Arrays are transferred (the caller's copies become empty).
   *
   * @example
   * const out = await engine.run({ type: 'checkFile', name, bytes, options }, setProgress);
   */
  async run<J extends EngineJob>(job: J, onProgress?: (p: EngineProgress) => void): Promise<EngineAnswers[J['type']]> {
    if (this.pending) throw new Error('engine busy');
    const worker = (this.worker ??= this.attach(this.spawn()));
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      this.pending = { id, parts: new PartsCollector(), onProgress, resolve, reject };
    });
    // Awaited only after the parts are sent: a cancel before then must not be an unhandled rejection.
    answer.catch(() => undefined);
    // Still this job (cancel clears it while the parts go out).
    const current = (): boolean => this.pending?.id === id;
    const { skeleton, parts, transfer } = split(job);
    for (const [i, p] of parts.entries()) {
      if (!current()) break;
      worker.postMessage({ id, kind: 'part', part: p.part, items: p.items, index: i + 1, count: parts.length }, []);
      // Each part is cloned on this thread: a pause between them keeps every task short.
      await macrotask();
    }
    if (current()) worker.postMessage({ id, kind: 'job', job: skeleton as EngineJob }, transfer);
    return (await answer) as EngineAnswers[J['type']];
  }

  /** Stops the running job (the worker is terminated); its promise rejects with EngineCancelled. */
  cancel(): void {
    const pending = this.pending;
    this.worker?.terminate();
    this.worker = undefined;
    this.pending = undefined;
    pending?.reject(new EngineCancelled());
  }

  /** Ends the worker (the pane closes). */
  dispose(): void {
    this.cancel();
  }

  private attach(worker: WorkerLike): WorkerLike {
    worker.onmessage = ({ data }) => {
      const p = this.pending;
      if (!p || data.id !== p.id) return;
      if (data.kind === 'progress') p.onProgress?.(data.progress);
      else if (data.kind === 'part') {
        p.parts.add(data.part, data.items);
        p.onProgress?.({ stage: 'receive', done: data.index, total: data.count });
      } else {
        this.pending = undefined;
        if (data.kind === 'error') p.reject(new Error(data.message));
        else {
          try {
            p.resolve(p.parts.join(data.value));
          } catch (e) {
            p.reject(e);
          }
        }
      }
    };
    return worker;
  }
}

/**
 * The engine the pane uses: a real worker where the page has them, else in-process.
 * spawn.ts is imported only where there are workers, so Node (jest) never meets `import.meta`.
 */
export async function defaultEngine(): Promise<EngineClient> {
  if (typeof Worker === 'undefined') {
    // Its own chunk: the engine stays out of the bundle Excel loads at start.
    const { inProcessWorker } = await import(/* webpackChunkName: "engine-inline" */ './inProcess');
    return new EngineClient(inProcessWorker);
  }
  const { spawnEngineWorker } = await import(/* webpackMode: "eager" */ './spawn');
  return new EngineClient(() => spawnEngineWorker() as unknown as WorkerLike);
}

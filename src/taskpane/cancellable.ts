/**
 * Work that runs in the engine worker and may be cancelled (Hủy): a cancel ends it with a
 * notice instead of an error, since cancelling is what the user asked for.
 */
import { EngineCancelled } from './worker/client';

/**
 * @example
 * task.run(t.busyCompute, cancellable(t.cancelledOffice, async () => { … }))
 */
export function cancellable(notice: string, work: () => Promise<string | void>): () => Promise<string | void> {
  return async () => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof EngineCancelled) return notice;
      throw e;
    }
  };
}

/**
 * The engine worker's message handler, without the worker around it: the jobs of protocol.ts
 * run here, progress is throttled, large answers go as parts. worker.ts binds it to the
 * worker's scope; the tests (and a browser without workers) run it in-process.
 */
import { checkWorkbookFile, openWorkbookFile } from '../../workbook/browser/workbookFile';
import type { CheckResult } from '../../domain/result';
import { readReturnBytes } from '../../workbook/readReturn';
import { computeCheck } from '../../workbook/runCheck';
import { fileCycleJob, historyJob, sendOutJob } from './cycleJobs';
import { PartsCollector, split } from './parts';
import type { EngineJob, EngineProgress, FromWorker, ToWorker } from './protocol';

/** How a message leaves the worker (postMessage with its transfer list). */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** Progress messages at most this often (the bar does not need more; messages cost the page). */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * The result as the browser pane needs it: the pane shows how many units were checked, never the
 * unit records (those are in the result file's status columns). Sent as an empty list of the same
 * length: 100,000 records of statuses would cost the page's thread a long garbage collection
 * (measured: the pane's longest task 223–262 ms with them).
 */
export function withoutUnitRecords(result: CheckResult): CheckResult {
  // Holes, not records: cloning and collecting them costs nothing.
  return { ...result, units: new Array<CheckResult['units'][number]>(result.units.length) };
}

/** Sends a value as its skeleton after its parts. */
export function postValue(post: Post, id: number, value: unknown): void {
  const { skeleton, parts, transfer } = split(value);
  parts.forEach((p, index) => post({ id, kind: 'part', part: p.part, items: p.items, index: index + 1, count: parts.length }));
  post({ id, kind: 'done', value: skeleton }, transfer);
}

async function runJob(job: EngineJob, progress: (p: EngineProgress) => void): Promise<unknown> {
  switch (job.type) {
    case 'open': {
      const opened = openWorkbookFile(job.name, job.bytes);
      return opened.ok ? { ok: true, sheetNames: opened.value.sheetNames } : { ok: false, message: opened.message };
    }
    case 'checkFile': {
      progress({ stage: 'read' });
      const out = await checkWorkbookFile({ name: job.name, bytes: job.bytes }, job.options, (s) =>
        progress(s.stage === 'check' ? { stage: 'check', rowsRead: s.rowsRead } : { stage: 'write', rowsRead: s.rowsChecked, rowsChecked: s.rowsChecked }),
      );
      return out.ok ? { ...out, value: { ...out.value, result: withoutUnitRecords(out.value.result) } } : out;
    }
    case 'compute': {
      const rows = job.input.grid.rows.length;
      progress({ stage: 'check', rowsRead: rows });
      const out = computeCheck(job.input, job.options);
      progress({ stage: 'write', rowsRead: rows, rowsChecked: rows });
      return out;
    }
    case 'readReturn':
      return readReturnBytes(job.name, job.bytes);
    case 'sendOut':
      return sendOutJob(job, progress);
    case 'history':
      return historyJob(job);
    case 'fileCycle':
      return fileCycleJob(job, progress);
  }
}

/**
 * @example
 * const handle = engineHandler((m, t) => self.postMessage(m, { transfer: t }));
 * self.onmessage = (e) => handle(e.data);
 */
export function engineHandler(post: Post, now: () => number = () => Date.now()): (message: ToWorker) => Promise<void> {
  const incoming = new Map<number, PartsCollector>();
  return async (message) => {
    if (message.kind === 'part') {
      let c = incoming.get(message.id);
      if (!c) incoming.set(message.id, (c = new PartsCollector()));
      c.add(message.part, message.items);
      return;
    }
    const { id } = message;
    const collector = incoming.get(id) ?? new PartsCollector();
    incoming.delete(id);
    let last = -Infinity;
    let lastStage: EngineProgress['stage'] | undefined;
    // A new stage always goes out; within one, at most one message per interval.
    const progress = (p: EngineProgress) => {
      const t = now();
      if (p.stage === lastStage && t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      lastStage = p.stage;
      post({ id, kind: 'progress', progress: p });
    };
    try {
      const job = collector.join(message.job) as EngineJob;
      postValue(post, id, await runJob(job, progress));
    } catch (e) {
      post({ id, kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
}

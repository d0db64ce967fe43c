/**
 * The engine worker's protocol, in-process: the handler as worker.ts runs it, driven through
 * the EngineClient over inProcessWorker (messages cloned and delivered a macrotask later).
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { findPreset } from '../../domain/presets';
import { lazyList } from '../../domain/lazyList';
import { fixtureGrid } from '../paneFixture';
import { EngineCancelled, EngineClient } from './client';
import type { WorkerLike } from './client';
import { engineHandler } from './handler';
import { inProcessWorker } from './inProcess';
import { PART, PartsCollector, split } from './parts';
import type { EngineProgress, FromWorker } from './protocol';
import { DEFAULT_OWN_SHEET_NAMES } from '../../workbook/ownSheets';

Object.assign(globalThis, { TextDecoder, TextEncoder });
const { createXlsx, openXlsx } = require('../../workbook/xlsx') as typeof import('../../workbook/xlsx');

const SET = findPreset('bd-cdvc-2024')!;
const TODAY = new Date(2026, 10, 21);

/** The fixture (3 units, header on row 1) as .xlsx bytes. */
function fixtureBytes(): Uint8Array {
  const wb = createXlsx();
  wb.applySync({ sheets: [{ name: 'Số liệu', rows: fixtureGrid().rows.map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : { v }))) }] });
  return wb.toBytes();
}

describe('parts', () => {
  it('cuts long arrays (lazy ones too) into parts and puts them back; whole buffers are transferred', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    // 5 items in parts of 2: parts of 2, 2 and 1. The lazy list (a Proxy) is copied to a plain array.
    const value = { rows: [1, 2, 3, 4, 5], lazy: lazyList(['h'], 2, (i) => `x${i}`), bytes, when: TODAY };
    const { skeleton, parts, transfer } = split(value, 2);
    expect(parts.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5], ['h', 'x0'], ['x1']]);
    expect((skeleton as { rows: unknown }).rows).toEqual({ [PART]: 0, length: 5 });
    expect(transfer).toEqual([bytes.buffer]);
    const copy = structuredClone({ skeleton, parts });
    const c = new PartsCollector();
    for (const p of copy.parts) c.add(p.part, p.items);
    expect(c.join(copy.skeleton)).toEqual({ rows: [1, 2, 3, 4, 5], lazy: ['h', 'x0', 'x1'], bytes: new Uint8Array([1, 2, 3]), when: TODAY });
  });

  it('refuses to rebuild a value whose parts did not all arrive', () => {
    const { skeleton, parts } = split({ rows: [1, 2, 3] }, 2);
    const c = new PartsCollector();
    c.add(parts[0].part, parts[0].items);
    expect(() => c.join(skeleton)).toThrow('part 0: 2 of 3 items arrived');
  });
});

describe('engine handler', () => {
  it('checks a file: progress read → check (3 data rows + header = 4 rows read) → write, then the result and the result file', async () => {
    const seen: EngineProgress[] = [];
    const engine = new EngineClient(inProcessWorker);
    const out = await engine.run(
      { type: 'checkFile', name: 'so-lieu.xlsx', bytes: fixtureBytes(), options: { targetSet: SET, today: TODAY } },
      (p) => seen.push(p),
    );
    expect(seen.map((p) => p.stage)).toEqual(['read', 'check', 'write']);
    expect(seen[1].rowsRead).toBe(4);
    expect(seen[2].rowsChecked).toBe(4);
    if (!out.ok) throw new Error(out.message);
    // The fixture: CD01–CD03 on sheet "Số liệu"; the one error is M4 "Tốt lắm"; two fixes (H3, M3).
    // Three units; their records stay in the worker (the pane shows only the count, the result
    // file holds their statuses).
    expect(out.value.result.units).toHaveLength(3);
    expect(out.value.result.units.every((u) => u === undefined)).toBe(true);
    expect(out.value.result.fixes.map((f) => f.cell)).toEqual(['H3', 'M3']);
    expect(out.value.outputName).toBe('so-lieu-ket-qua.xlsx');
    const back = openXlsx(out.value.output);
    if (!back.ok) throw new Error('result file does not open');
    expect(back.value.sheetNamesSync().slice(0, 3)).toEqual(['Số liệu', 'Tổng hợp', 'Kiểm tra']);
  });

  it('answers a file that is not .xlsx with the adapter\'s sentence', async () => {
    const engine = new EngineClient(inProcessWorker);
    const out = await engine.run({ type: 'open', name: 'ghi-chu.xlsx', bytes: new TextEncoder().encode('không phải Excel') });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain('không phải là tệp Excel .xlsx');
  });

  it('computes a grid of 2,500 units sent in parts (Office mode), the plan coming back whole', async () => {
    const [header, row] = fixtureGrid().rows;
    // 2,500 copies of CD01 (a clean unit) with their own codes: more rows than one part holds (2,000).
    const rows = [header, ...Array.from({ length: 2500 }, (_, i) => [`U${i + 1}`, ...row.slice(1)])];
    const posted: string[] = [];
    const engine = new EngineClient(() => {
      const w = inProcessWorker();
      const post = w.postMessage.bind(w);
      w.postMessage = (m, t) => {
        posted.push(m.kind);
        post(m, t);
      };
      return w;
    });
    const out = await engine.run({
      type: 'compute',
      input: { targetSet: SET, grid: { name: 'Số liệu', rows }, notices: [], ownNames: DEFAULT_OWN_SHEET_NAMES, ownNotices: {} },
      options: { today: TODAY },
    });
    // 2,501 rows: parts of 2,000 and 501, then the job.
    expect(posted).toEqual(['part', 'part', 'job']);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.result.units.length).toBe(2500);
    expect(out.result.units[2499].code).toBe('U2500');
    // The status columns: the header row (row 1, the columns' titles), then one row per unit (rows 2–2,501).
    expect(out.plan.data?.rows.length).toBe(2501);
    expect(out.plan.data?.rows[0].row).toBe(1);
    expect(out.plan.data?.rows[2500].row).toBe(2501);
  });

  it('sends every new stage of progress at once, even with no time between them', async () => {
    const sent: FromWorker[] = [];
    const handle = engineHandler((m) => sent.push(m), () => 0);
    // The compute job reports check then write: two stages, both sent although no time passes.
    await handle({ id: 7, kind: 'job', job: { type: 'compute', input: { targetSet: SET, grid: fixtureGrid(), notices: [], ownNames: DEFAULT_OWN_SHEET_NAMES, ownNotices: {} }, options: { today: TODAY } } });
    expect(sent.filter((m) => m.kind === 'progress').map((m) => m.kind === 'progress' && m.progress.stage)).toEqual(['check', 'write']);
    expect(sent[sent.length - 1].kind).toBe('done');
  });

  it('reads a return for the import', async () => {
    const engine = new EngineClient(inProcessWorker);
    const out = await engine.run({ type: 'readReturn', name: 'cd.xlsx', bytes: fixtureBytes() });
    expect('sheets' in out && out.sheets.map((s) => s.name)).toEqual(['Số liệu']);
  });
});

describe('cancel', () => {
  it('terminates the worker, rejects the job, and the next job gets a new worker', async () => {
    let spawned = 0;
    const terminated: number[] = [];
    const engine = new EngineClient((): WorkerLike => {
      const n = ++spawned;
      // A worker that never answers: the job can only end by cancel.
      return { onmessage: null, postMessage: () => undefined, terminate: () => terminated.push(n) };
    });
    const job = engine.run({ type: 'open', name: 'a.xlsx', bytes: new Uint8Array(4) });
    await new Promise((r) => setTimeout(r, 0));
    engine.cancel();
    await expect(job).rejects.toBeInstanceOf(EngineCancelled);
    expect(terminated).toEqual([1]);
    const next = engine.run({ type: 'open', name: 'b.xlsx', bytes: new Uint8Array(4) });
    await new Promise((r) => setTimeout(r, 0));
    expect(spawned).toBe(2);
    engine.cancel();
    await expect(next).rejects.toBeInstanceOf(EngineCancelled);
  });
});

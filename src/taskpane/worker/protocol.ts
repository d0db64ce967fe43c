/**
 * The messages between the pane (main thread) and its engine worker. Every job has an id; the
 * worker answers with progress, parts of large arrays, then one `done` or `error`. Large arrays
 * travel as parts (parts.ts) so neither side spends one long task copying 100,000 rows.
 */
import type { SheetGrid } from '../../domain/grid';
import type { ReturnFile } from '../../domain/merge';
import type { TargetSet } from '../../domain/targetSet';
import type { FileResult } from '../../workbook/browser/workbookFile';
import type { CheckInput, ComputeOptions, RunOutcome } from '../../workbook/runCheck';

/** What the engine is doing, with the row counts known so far. */
export interface EngineProgress {
  /** read: reading the sheet; check: the engine runs; write: the result file is made; receive: results come back. */
  readonly stage: 'read' | 'check' | 'write' | 'receive';
  /** Rows of the data sheet read (known once the sheet is read). */
  readonly rowsRead?: number;
  /** Rows the engine has checked (all of them once the check is done). */
  readonly rowsChecked?: number;
  /** For `receive`: parts received and expected. */
  readonly done?: number;
  readonly total?: number;
}

/** Options of a browser-mode check: RunOptions without the port's own (plain data). */
export interface FileCheckOptions extends ComputeOptions {
  readonly targetSet?: TargetSet;
  readonly reportingBody?: string;
}

/** The jobs the worker does. Bytes are transferred, not copied. */
export type EngineJob =
  /** Browser mode: open a chosen file to learn its sheets. */
  | { readonly type: 'open'; readonly name: string; readonly bytes: Uint8Array }
  /** Browser mode: the whole check, bytes in, result and result file out. */
  | { readonly type: 'checkFile'; readonly name: string; readonly bytes: Uint8Array; readonly options: FileCheckOptions }
  /** Office mode: what readCheckInput read on the main thread, computed here. */
  | { readonly type: 'compute'; readonly input: CheckInput; readonly options: ComputeOptions }
  /** Import: one return's bytes to its sheets (readReturnBytes). */
  | { readonly type: 'readReturn'; readonly name: string; readonly bytes: Uint8Array };

/** What each job answers. */
export interface EngineAnswers {
  readonly open: { readonly ok: true; readonly sheetNames: readonly string[] } | { readonly ok: false; readonly message: string };
  readonly checkFile: { readonly ok: true; readonly value: FileResult } | { readonly ok: false; readonly message: string };
  readonly compute: RunOutcome;
  readonly readReturn: ReturnFile;
}

/** A part of a large array, by its placeholder number. */
export interface PartMessage {
  readonly id: number;
  readonly kind: 'part';
  readonly part: number;
  readonly items: readonly unknown[];
  /** Parts of this message's body sent so far and in all (for the receive progress). */
  readonly index: number;
  readonly count: number;
}

/** Main thread → worker. */
export type ToWorker = PartMessage | { readonly id: number; readonly kind: 'job'; readonly job: EngineJob };

/** Worker → main thread. */
export type FromWorker =
  | PartMessage
  | { readonly id: number; readonly kind: 'progress'; readonly progress: EngineProgress }
  | { readonly id: number; readonly kind: 'done'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** The grid of a sheet, as posted: a SheetGrid (its rows arrive as parts). */
export type PostedGrid = SheetGrid;

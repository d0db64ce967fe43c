/**
 * The messages between the pane (main thread) and its engine worker. Every job has an id; the
 * worker answers with progress, parts of large arrays, then one `done` or `error`. Large arrays
 * travel as parts (parts.ts) so neither side spends one long task copying 100,000 rows.
 */
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import type { SheetGrid } from '../../domain/grid';
import type { ReturnFile } from '../../domain/merge';
import type { TargetSet } from '../../domain/targetSet';
import type { FileResult } from '../../workbook/browser/workbookFile';
import type { SheetSpec } from '../../workbook/plan';
import type { CheckInput, ComputeOptions, RunOutcome } from '../../workbook/runCheck';
import type { RegisterStatus } from '../components/CyclePanel';
import type { Lang } from '../i18n';
import type { TargetChoice } from '../targetChoice';

/** What the engine is doing, with the row counts known so far. */
export interface EngineProgress {
  /**
   * read: reading the sheet; check: the engine runs; write: the result file is made; receive:
   * results come back; build: the send-out's returns are made (`done` of `total` workbooks).
   */
  readonly stage: 'read' | 'check' | 'write' | 'receive' | 'build';
  /** Rows of the data sheet read (known once the sheet is read). */
  readonly rowsRead?: number;
  /** Rows the engine has checked (all of them once the check is done). */
  readonly rowsChecked?: number;
  /** For `receive`: parts received and expected; for `build`: returns made and to make. */
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
  | { readonly type: 'readReturn'; readonly name: string; readonly bytes: Uint8Array }
  /** Send-out: one return per unit, all in one .zip. */
  | { readonly type: 'sendOut'; readonly units: readonly RegisterUnit[]; readonly set: TargetSet; readonly year: number }
  /** Office mode: the `Tiến độ` sheet from the grids read on the main thread (the current table first). */
  | {
      readonly type: 'history';
      readonly grids: readonly SheetGrid[];
      readonly set: TargetSet;
      readonly today: Date;
      readonly fileName?: string;
      /** The name the sheet gets in this workbook (progressSheetName). */
      readonly sheetName?: string;
      /** The language of the refusal (default Vietnamese). */
      readonly lang?: Lang;
    }
  /** Browser mode: the reporting cycle on the chosen file (cycle.ts on the xlsx adapter). */
  | { readonly type: 'fileCycle'; readonly name: string; readonly bytes: Uint8Array; readonly lang: Lang; readonly choice: TargetChoice; readonly action: FileCycleAction };

/** What the browser mode asks of its file. */
export type FileCycleAction =
  /** The register and the sheets the history picker offers. */
  | { readonly kind: 'info' }
  /** Adds `Danh bạ CĐCS` made from the data table. */
  | { readonly kind: 'register' }
  | { readonly kind: 'sendOut'; readonly year: number }
  /** Adds `Tiến độ` from the current table and these sheets. */
  | { readonly kind: 'history'; readonly sheets: readonly string[]; readonly today: Date };

/** The send-out's archive. */
export interface SendOutZip {
  readonly zip: Uint8Array;
  /** `mau-gui-cdcs-<năm>.zip`. */
  readonly name: string;
  /** Returns in it (one per unit). */
  readonly files: number;
}

/** The browser mode's cycle answer: what the file holds now, and what the action made. */
export type FileCycleAnswer =
  | {
      readonly ok: true;
      readonly register: RegisterStatus;
      readonly historySheets: readonly string[];
      /** The file with the sheet the action added (register, history). */
      readonly bytes?: Uint8Array;
      readonly sheetNames?: readonly string[];
      readonly zip?: SendOutZip;
      /** The success sentence, in the job's language. */
      readonly notice?: string;
    }
  | { readonly ok: false; readonly message: string };

/** What each job answers. */
export interface EngineAnswers {
  readonly open: { readonly ok: true; readonly sheetNames: readonly string[] } | { readonly ok: false; readonly message: string };
  readonly checkFile: { readonly ok: true; readonly value: FileResult } | { readonly ok: false; readonly message: string };
  readonly compute: RunOutcome;
  readonly readReturn: ReturnFile;
  readonly sendOut: SendOutZip;
  readonly history:
    | { readonly ok: true; readonly sheet: SheetSpec; readonly years: readonly number[]; readonly notices: readonly string[] }
    | { readonly ok: false; readonly message: string };
  readonly fileCycle: FileCycleAnswer;
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

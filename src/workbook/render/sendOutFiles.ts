/**
 * The send-out as files: one return workbook per register unit, and all of them in one `.zip`
 * for the pane's `Tạo mẫu gửi CĐCS` download. Pure (bytes in, bytes out): no Node module, so the
 * browser build uses it as it is.
 */
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import { sendOutFileNames } from '../../domain/cycle/sendOutName';
import { codeKey } from '../../domain/cycle/register';
import type { PreviousFigures } from '../../domain/cycle/sendOutPrevious';
import type { TargetSet } from '../../domain/targetSet';
import { createXlsx } from '../xlsx/create';
import { crc32, writeZip, type ZipPart } from '../xlsx/zip';
import { sendOutPlan } from './sendOutPlan';

/** Everything a send-out is made from. */
export interface SendOutBatch {
  readonly set: TargetSet;
  readonly year: number;
  readonly units: readonly RegisterUnit[];
  /** Last year's master read with `previousFigures`: each unit found there gets its figures beside its inputs. */
  readonly previous?: PreviousFigures;
}

/** One return: its file name (`bao-cao-<mã>-<năm>.xlsx`) and the workbook's bytes. */
export interface SendOutFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly unit: RegisterUnit;
  /** True when last year's figures of the unit were found and shown. */
  readonly withPrevious: boolean;
}

/**
 * The returns one at a time, in register order (a caller writing files holds one workbook at
 * a time, not 2,000).
 *
 * @example
 * for (const f of sendOutFiles({ set, year: 2025, units })) writeFileSync(join(dir, f.name), f.bytes);
 */
export function* sendOutFiles(batch: SendOutBatch): Generator<SendOutFile> {
  const names = sendOutFileNames(
    batch.units.map((u) => u.code),
    batch.year,
  );
  for (let i = 0; i < batch.units.length; i++) {
    const unit = batch.units[i];
    const previous = batch.previous?.byCode.get(codeKey(unit.code));
    const wb = createXlsx();
    wb.applySync(sendOutPlan({ set: batch.set, year: batch.year, unit, fileName: names[i], ...(previous ? { previous } : {}) }));
    yield { name: names[i], bytes: wb.toBytes(), unit, withPrevious: previous !== undefined };
  }
}

/**
 * All the returns in one `.zip` (each workbook stored as it is: an .xlsx is already compressed).
 * `onProgress(done, total)` is called after each workbook.
 *
 * @example
 * const zip = sendOutZip({ set, year: 2025, units }); // download as `mau-gui-cdcs-2025.zip`
 */
export function sendOutZip(batch: SendOutBatch, onProgress?: (done: number, total: number) => void): Uint8Array {
  const parts: ZipPart[] = [];
  for (const f of sendOutFiles(batch)) {
    parts.push({ name: f.name, method: 0, crc: crc32(f.bytes), size: f.bytes.length, data: f.bytes });
    onProgress?.(parts.length, batch.units.length);
  }
  return writeZip(parts);
}

/**
 * The name the pane gives the download.
 *
 * @example
 * sendOutZipName(2025) // 'mau-gui-cdcs-2025.zip'
 */
export function sendOutZipName(year: number): string {
  return `mau-gui-cdcs-${year}.zip`;
}

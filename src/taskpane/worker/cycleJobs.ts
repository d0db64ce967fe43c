/**
 * The reporting cycle's jobs in the engine worker: the send-out's .zip (2,000 workbooks must not
 * freeze the pane), the `Tiến độ` sheet (one check per year), and in the browser mode the whole
 * cycle action on the chosen file, run by cycle.ts on the xlsx adapter.
 */
import { historyOf } from '../../domain/cycle/history';
import { renderProgressSheet } from '../../workbook/render/progressSheet';
import { sendOutZip, sendOutZipName } from '../../workbook/render/sendOutFiles';
import { openXlsx, XlsxError } from '../../workbook/xlsx';
import { addedFileName } from '../addedFileName';
import { historyCandidates, historyGrids, makeRegister, progressSheetName, registerStatus, sendOutUnits } from '../cycle';
import { stringsFor } from '../i18n';
import { resolveSet } from '../paneActions';
import { UserMessage } from '../userMessage';
import type { EngineAnswers, EngineJob, EngineProgress, FileCycleAnswer, SendOutZip } from './protocol';

type Job<K extends EngineJob['type']> = Extract<EngineJob, { type: K }>;

/** One return per unit, zipped; progress after each workbook. */
export function sendOutJob(job: Omit<Job<'sendOut'>, 'type'>, progress: (p: EngineProgress) => void): SendOutZip {
  const zip = sendOutZip({ set: job.set, year: job.year, units: job.units }, (done, total) => progress({ stage: 'build', done, total }));
  return { zip, name: sendOutZipName(job.year), files: job.units.length };
}

/** The `Tiến độ` sheet of the grids (the current table first), or why there is none. */
export function historyJob(job: Omit<Job<'history'>, 'type'>): EngineAnswers['history'] {
  const t = stringsFor(job.lang ?? 'vi');
  const sources = job.grids.map((grid) => ({ grid, ...(job.fileName ? { fileName: job.fileName } : {}) }));
  const { history, notices } = historyOf(sources, { targetSet: job.set, today: job.today });
  if (!history) return { ok: false, message: [t.historyOneYear, ...notices].join(' ') };
  return { ok: true, sheet: renderProgressSheet(history, job.sheetName ? { name: job.sheetName } : {}), years: history.years, notices };
}

/** Browser mode: the action on the chosen file, then what the file holds now. */
export async function fileCycleJob(job: Job<'fileCycle'>, progress: (p: EngineProgress) => void): Promise<FileCycleAnswer> {
  const t = stringsFor(job.lang);
  const opened = openXlsx(job.bytes);
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const wb = opened.value;
  try {
    const action = job.action;
    let changed = false;
    let zip: SendOutZip | undefined;
    let notice: string | undefined;
    if (action.kind === 'register') {
      const done = await makeRegister(wb, t);
      changed = true;
      notice = t.registerBrowserDone(done.units, addedFileName(job.name, 'danh-ba'));
    } else if (action.kind === 'sendOut') {
      const set = await resolveSet(wb, job.choice, t);
      const { units, fromTable } = await sendOutUnits(wb, t);
      zip = sendOutJob({ units, set, year: action.year }, progress);
      notice = [fromTable ? t.sendOutFromTable : '', t.sendOutDone(zip.files, zip.name)].filter(Boolean).join(' ');
    } else if (action.kind === 'history') {
      const set = await resolveSet(wb, job.choice, t);
      const grids = await historyGrids(wb, action.sheets, t);
      const out = historyJob({ grids, set, today: action.today, fileName: job.name, sheetName: await progressSheetName(wb), lang: job.lang });
      if (!out.ok) return out;
      await wb.apply({ sheets: [out.sheet] });
      changed = true;
      notice = [t.historyBrowserDone(out.years, addedFileName(job.name, 'tien-do')), ...out.notices].join(' ');
    }
    const bytes = changed ? wb.toBytes() : undefined;
    return {
      ok: true,
      register: await registerStatus(wb),
      historySheets: await historyCandidates(wb),
      ...(bytes ? { bytes, sheetNames: wb.sheetNamesSync() } : {}),
      ...(zip ? { zip } : {}),
      ...(notice ? { notice } : {}),
    };
  } catch (e) {
    if (e instanceof UserMessage || e instanceof XlsxError) return { ok: false, message: e.message };
    throw e;
  }
}

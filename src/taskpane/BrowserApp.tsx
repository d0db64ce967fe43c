/**
 * The pane opened in a plain browser: works on a chosen .xlsx file in memory and offers the
 * result for download. Loaded by dynamic import only in that mode (it pulls in the xlsx
 * adapter). Fixes are not applied here: the downloaded file keeps every cell the user typed,
 * as the output workbook contract says; the pane shows each suggested fix instead.
 *
 * The whole job (bytes in, result and result file out) runs in the engine worker, so the page
 * keeps painting and the check can be cancelled; cancelling leaves nothing to download.
 */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { startTransition, useState } from 'react';
import type { FileResult, WorkbookFile } from '../workbook/browser';
import { skippedRowsText } from '../domain/table/rows/summary';
import { TARGET_SHEET_NAME } from '../domain/targetSheet';
import { BusyNote } from './components/BusyNote';
import { CycleSections } from './components/CycleSections';
import { EngineProgress } from './components/EngineProgress';
import { ReportingBodyField, reportingBodyOption } from './components/ReportingBodyField';
import { FilePicker } from './components/FilePicker';
import { IndicatorTable } from './components/IndicatorTable';
import { Notice } from './components/Notice';
import { ProblemList } from './components/ProblemList';
import { Section } from './components/Section';
import { ResultNotes } from './components/ResultNotes';
import { TargetSetPicker } from './components/TargetSetPicker';
import { YearField } from './components/YearField';
import type { Strings } from './i18n';
import { useStrings } from './language';
import { hasSheet } from './paneActions';
import { saveFile } from './saveFile';
import { choiceSet, initialChoice } from './targetChoice';
import type { TargetChoice } from './targetChoice';
import { useEngine } from './useEngine';
import { useFileCycle } from './useFileCycle';
import { useTask } from './useTask';
import { EngineCancelled } from './worker/client';
import { UserMessage } from './userMessage';
import { reportYear } from './yearChoice';

const useStyles = makeStyles({
  buttons: {
    display: 'grid',
    // One column at the pane's usual 350 px (no button label breaks mid-phrase), two when wider.
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  context: { color: tokens.colorNeutralForeground2 },
});

/** Faults of the browser itself (reading the file failed): a sentence, never a stack. */
const describe =
  (t: Strings) =>
  (error: unknown): string =>
    t.unexpected(error instanceof Error ? error.message : String(error));

export interface BrowserAppProps {
  /** The engine (tests pass one running in-process); default the pane's worker. */
  readonly engine?: ReturnType<typeof useEngine>;
}

/** The browser-mode pane. */
export default function BrowserApp({ engine: given }: BrowserAppProps = {}) {
  const t = useStrings();
  const styles = useStyles();
  const task = useTask(describe(t));
  const [file, setFile] = useState<WorkbookFile>();
  const [choice, setChoice] = useState<TargetChoice>(() => initialChoice([]));
  const [done, setDone] = useState<FileResult>();
  const [yearText, setYearText] = useState('');
  const [bodyText, setBodyText] = useState('');
  const own = useEngine();
  const engine = given ?? own;
  const cycle = useFileCycle({
    file,
    onFile: setFile,
    choice,
    yearText,
    today: () => new Date(),
    describeError: describe(t),
    engine,
    checkedSheet: done?.result.sheet,
  });
  const busy = !!task.busy || !!cycle.task.busy || !!cycle.historyTask.busy;

  const pick = (picked: File) =>
    task.run(t.busyOpen, async () => {
      setDone(undefined);
      const bytes = new Uint8Array(await picked.arrayBuffer());
      // A copy goes to the worker (transferred); the pane keeps the file as chosen for every run.
      let opened;
      try {
        opened = await engine.run({ type: 'open', name: picked.name, bytes: bytes.slice() });
      } catch (e) {
        if (e instanceof EngineCancelled) return;
        throw e;
      }
      if (!opened.ok) {
        setFile(undefined);
        throw new UserMessage(opened.message);
      }
      const value: WorkbookFile = { name: picked.name, bytes, sheetNames: opened.sheetNames };
      setFile(value);
      cycle.reset(value);
      setChoice((c) => initialChoice(value.sheetNames, c));
    });

  const run = (set: TargetChoice = choice) =>
    task.run(t.busyCompute, async () => {
      if (!file) throw new UserMessage(t.pickFileFirst);
      const year = reportYear(yearText);
      if (year === 'bad') throw new UserMessage(t.badYear(yearText.trim()));
      setDone(undefined);
      const reportingBody = reportingBodyOption(bodyText);
      let out;
      try {
        out = await engine.run({
          type: 'checkFile',
          name: file.name,
          bytes: file.bytes.slice(),
          options: { targetSet: choiceSet(set), today: new Date(), year, fileName: file.name, ...(reportingBody ? { reportingBody } : {}) },
        });
      } catch (e) {
        if (e instanceof EngineCancelled) return t.cancelledBrowser;
        throw e;
      }
      if (!out.ok) throw new UserMessage(out.message);
      const value = out.value;
      // A transition: React renders the long result in slices, so the page keeps answering.
      startTransition(() => setDone(value));
      return t.browserDone(value.outputName);
    });

  const result = done?.result;
  return (
    <>
      <Section title={t.fileSection} hideTitle>
        <Body1>{t.browserIntro}</Body1>
        <FilePicker onPick={(f) => void pick(f)} fileName={file?.name} disabled={busy} />
        <TargetSetPicker
          value={choice}
          onChange={(c) => {
            setChoice(c);
            setDone(undefined);
          }}
          hasSheet={!!file && hasSheet(file.sheetNames, TARGET_SHEET_NAME)}
          disabled={busy}
        />
        <YearField value={yearText} onChange={setYearText} disabled={busy} />
        <ReportingBodyField value={bodyText} onChange={setBodyText} disabled={busy} />
        <div className={styles.buttons}>
          {/* disabledFocusable while busy: the button refuses clicks but keeps the keyboard focus. */}
          <Button appearance="primary" disabled={!file} disabledFocusable={busy} onClick={() => void run()}>
            {t.runBrowser}
          </Button>
          <Button disabled={busy || !done} onClick={() => done && saveFile(done.output, done.outputName)}>
            {t.download}
          </Button>
        </div>
        {/* While the worker runs, its bar (with Hủy) says more than the spinner. */}
        {engine.progress && task.busy ? <EngineProgress progress={engine.progress} onCancel={engine.cancel} /> : <BusyNote label={task.busy} />}
        <Notice intent="error" text={task.error} />
        <Notice intent="success" text={task.notice} />
      </Section>


      {result && (
        <Caption1 className={styles.context}>{t.resultContext(result.year, result.sheet, result.units.length)}</Caption1>
      )}
      {/* Rows not read as units (headings, subtotals, signatures…), as on the command line. */}
      {result?.rows && skippedRowsText(result.rows) && <Caption1 className={styles.context}>{skippedRowsText(result.rows)}</Caption1>}
      {result && (
        <ResultNotes
          hint={result.targetSetHint}
          yearNote={result.yearNote}
          notices={done?.notices}
          onUseSet={(id) => {
            setChoice(id);
            void run(id);
          }}
          disabled={busy}
        />
      )}
      {result && <IndicatorTable indicators={result.indicators} />}
      {result && result.fixes.length > 0 && <Notice intent="info" text={t.browserFixesHint(result.fixes.length)} />}
      {result && <ProblemList problems={result.problems} showFixHints />}

      {file && <CycleSections cycle={cycle} disabled={busy} engine={engine} />}
    </>
  );
}

/**
 * The task pane inside Excel. It receives the workbook as an InteractivePort (the Office
 * adapter in Excel, an in-memory port in tests) and never touches Office.js itself.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { startTransition, useCallback, useEffect, useState } from 'react';
import type { CheckResult } from '../domain/result';
import { skippedRowsText } from '../domain/table/rows/summary';
import { TARGET_SHEET_NAME } from '../domain/targetSheet';
import type { InteractivePort } from '../workbook/interactive';
import { BusyNote } from './components/BusyNote';
import { ChasingReport } from './components/ChasingReport';
import { CycleSections } from './components/CycleSections';
import { EngineProgress } from './components/EngineProgress';
import { ReportingBodyField, reportingBodyOption } from './components/ReportingBodyField';
import { FixesPanel } from './components/FixesPanel';
import { IndicatorTable } from './components/IndicatorTable';
import { IntakePanel } from './components/IntakePanel';
import { IntakeReport } from './components/IntakeReport';
import { Notice } from './components/Notice';
import { ProblemList } from './components/ProblemList';
import { Section } from './components/Section';
import { ResultNotes } from './components/ResultNotes';
import { TargetSetPicker } from './components/TargetSetPicker';
import { YearField } from './components/YearField';
import { useStrings } from './language';
import {
  applyFixes,
  checkWith,
  clearResults,
  copyTargetSet,
  createTemplate,
  hasSheet,
  undoCount,
  undoFixes,
  changedNotes,
} from './paneActions';
import type { RunContext, UndoEntry } from './paneActions';
import { choiceSet, initialChoice, presetOptionText, SHEET_CHOICE } from './targetChoice';
import type { TargetChoice } from './targetChoice';
import { useCycle } from './useCycle';
import { useIntake } from './useIntake';
import { useEngine } from './useEngine';
import type { Engine } from './useEngine';
import { useTask } from './useTask';
import { cancellable as cancellableWork } from './cancellable';
import { UserMessage } from './userMessage';
import { reportYear } from './yearChoice';

const useStyles = makeStyles({
  actions: {
    display: 'grid',
    // One column at the pane's usual 350 px (no button label breaks mid-phrase), two when wider.
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  copy: { alignSelf: 'flex-start' },
  context: { color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  readonly port: InteractivePort;
  /** Turns any error (Office.js, adapter) into a sentence the user can act on. */
  readonly describeError: (error: unknown) => string;
  /** The date of the run (summary sheet date line, default year); injectable for tests. */
  readonly today?: () => Date;
  /** The workbook's file name: a year in it is the report year when the table names none. */
  readonly fileName?: string;
  /** Where the engine runs (tests pass one running in-process); default the pane's worker. */
  readonly engine?: Engine;
  /**
   * The host downloads a file from the pane reliably. False in Excel (desktop webviews and Office
   * on the web drop or block Blob downloads): "Tạo mẫu gửi CĐCS" then shows the command line.
   */
  readonly downloads?: boolean;
}

/** What the pane shows below the buttons: a check, or a check whose results were written. */
interface View {
  readonly kind: 'checked' | 'computed';
  readonly result: CheckResult;
  /** What the check noticed about the workbook (results under a free name, hidden sheets or rows). */
  readonly notices?: readonly string[];
}

const now = (): Date => new Date();

/** The Office-mode pane. */
export function App({ port, describeError, today = now, fileName, engine: given, downloads = false }: AppProps) {
  const t = useStrings();
  const styles = useStyles();
  const task = useTask(describeError);
  const [names, setNames] = useState<readonly string[]>([]);
  const [choice, setChoice] = useState<TargetChoice>(() => initialChoice([]));
  const [view, setView] = useState<View>();
  const [undo, setUndo] = useState<UndoEntry[]>();
  const [confirmCopy, setConfirmCopy] = useState(false);
  const [yearText, setYearText] = useState('');
  const [bodyText, setBodyText] = useState('');
  const own = useEngine();
  const engine = given ?? own;
  // The import has its own progress and messages, shown in its section.
  const intake = useIntake({
    port,
    choice,
    today,
    describeError,
    onStart: task.clear,
    engine,
    onDone: async (done) => {
      await refreshNames();
      // The master's check replaces what the pane showed; fixes undone cell by cell would now
      // write into a rewritten sheet.
      if (done.check) setView({ kind: 'checked', result: done.check });
      if (done.written) setUndo(undefined);
    },
  });
  const refreshNames = useCallback(async () => {
    const list = await port.sheetNames();
    setNames(list);
    return list;
  }, [port]);

  /** The sheet the pane last checked (the master table after an import), if any. */
  const lastSheet = view?.result.sheet;

  const cycle = useCycle({
    port,
    choice,
    yearText,
    today,
    describeError,
    engine,
    fileName,
    lastSheet,
    downloads,
    onWritten: async () => {
      await refreshNames();
    },
  });
  const busy = !!task.busy || !!intake.task.busy || !!cycle.task.busy || !!cycle.historyTask.busy;

  // The register and the sheets the history may take change with the workbook's sheets.
  useEffect(() => {
    // Before the first read of the workbook there is nothing to look at.
    if (names.length) cycle.refresh().catch(cycle.task.fail);
  }, [names, cycle.refresh]);

  useEffect(() => {
    void task.run(t.busyOpen, async () => {
      const list = await refreshNames();
      setChoice((c) => initialChoice(list, c));
    });
    // Once per workbook: switching the language must not re-read it.
  }, [port]);

  /** The year typed in "Năm báo cáo" (refused when it is not a year) and the file name. */
  const context = (): RunContext => {
    const year = reportYear(yearText);
    if (year === 'bad') throw new UserMessage(t.badYear(yearText.trim()));
    return {
      year,
      fileName,
      reportingBody: reportingBodyOption(bodyText),
      // Excel is read on this thread; the engine and the render run in the worker.
      compute: (input, options) => engine.run({ type: 'compute', input, options }),
    };
  };

  /** Cancel (Hủy) stops the worker before anything is written: the work ends with a notice. */
  const cancellable = (work: () => Promise<string | void>) => cancellableWork(t.cancelledOffice, work);

  /** Checks again (and writes again if results were written), after fixes or their undo. */
  const refresh = async (kind: View['kind']) => {
    const { result, plan, notices } = await checkWith(port, choice, today(), t, lastSheet, context());
    if (kind === 'computed') await port.apply(plan);
    setView({ kind, result, notices });
  };

  const check = (set: TargetChoice = choice) =>
    task.run(
      t.busyCheck,
      cancellable(async () => {
        await refreshNames();
        const { result, notices } = await checkWith(port, set, today(), t, lastSheet, context());
        // A transition: React renders a long result in slices, so the pane keeps answering.
        startTransition(() => setView({ kind: 'checked', result, notices }));
      }),
    );

  /** The hint's button: the set the table matches best, checked at once. */
  const switchToSet = (id: string) => {
    setChoice(id);
    setConfirmCopy(false);
    intake.cancel();
    void check(id);
  };

  const compute = () =>
    task.run(
      t.busyCompute,
      cancellable(async () => {
        await refreshNames();
        const { result, plan, notices } = await checkWith(port, choice, today(), t, lastSheet, context());
        await port.apply(plan);
        setView({ kind: 'computed', result, notices });
        return t.computeDone;
      }),
    );

  const makeTemplate = () =>
    task.run(t.busyTemplate, async () => {
      const { created, kept } = await createTemplate(port, choice, t);
      await refreshNames();
      return [t.templateDone(created), ...kept.map(t.templateKept)].join(' ');
    });

  const copy = (overwrite: boolean) => {
    const set = choiceSet(choice);
    if (!set) return;
    if (!overwrite && hasSheet(names, TARGET_SHEET_NAME)) {
      setConfirmCopy(true);
      return;
    }
    setConfirmCopy(false);
    void task.run(t.busyCopy, async () => {
      await copyTargetSet(port, set);
      await refreshNames();
      setChoice(SHEET_CHOICE);
      return t.copied;
    });
  };

  const fix = () =>
    task.run(t.busyFix, async () => {
      if (!view) return;
      const fixes = view.result.fixes;
      const entries = await applyFixes(port, fixes);
      setUndo(entries);
      await refresh(view.kind);
      const written = undoCount(entries);
      return [t.fixDone(written), ...(written < fixes.length ? [t.fixSkipped(fixes.length - written)] : []), ...changedNotes(entries)].join(' ');
    });

  const undoLast = () =>
    task.run(t.busyUndo, async () => {
      if (!undo) return;
      const changed = await undoFixes(port, undo);
      const count = undoCount(undo);
      setUndo(undefined);
      if (view) await refresh(view.kind);
      return [t.undone(count), ...changed].join(' ');
    });

  const clear = () =>
    task.run(t.busyClear, async () => {
      const cleared = await clearResults(port, view?.result.sheet);
      await refreshNames();
      if (view) setView({ kind: 'checked', result: view.result });
      return cleared ? t.clearDone : t.nothingToClear;
    });

  const selectCell = (sheet: string, cell: string) => {
    port.selectCell(sheet, cell).catch(task.fail);
  };

  const result = view?.result;
  const preset = choiceSet(choice);
  return (
    <>
      <Section title={t.programSection} hideTitle>
        <TargetSetPicker
          value={choice}
          onChange={(c) => {
            setChoice(c);
            setConfirmCopy(false);
            // The question was about the columns of the set chosen before.
            intake.cancel();
          }}
          hasSheet={hasSheet(names, TARGET_SHEET_NAME)}
          disabled={busy}
        />
        <YearField value={yearText} onChange={setYearText} disabled={busy} />
        <ReportingBodyField value={bodyText} onChange={setBodyText} disabled={busy} />
        {choiceSet(choice) && (
          <Button className={styles.copy} size="small" appearance="secondary" disabledFocusable={busy} onClick={() => copy(false)}>
            {t.copySet}
          </Button>
        )}
        {confirmCopy && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.confirmOverwriteTargets}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => copy(true)}>
                {t.overwrite}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setConfirmCopy(false)}>
                {t.cancel}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </Section>

      <IntakePanel
        targetLabel={preset ? presetOptionText(preset) : t.sheetTargetSet}
        files={intake.picked}
        onFiles={intake.choose}
        onImport={intake.start}
        task={intake.task}
        disabled={busy}
        confirm={intake.pending && { lost: intake.pending.lost, onProceed: intake.proceed, onCancel: intake.cancel }}
      />

      <Section title={t.actions} hideTitle>
        <div className={styles.actions}>
          {/* disabledFocusable: while busy the buttons refuse clicks but keep the keyboard focus. */}
          <Button disabledFocusable={busy} onClick={() => void check()}>
            {t.check}
          </Button>
          <Button appearance="primary" disabledFocusable={busy} onClick={compute}>
            {t.compute}
          </Button>
          <Button disabledFocusable={busy} onClick={makeTemplate}>
            {t.makeTemplate}
          </Button>
          <Button disabledFocusable={busy} onClick={clear}>
            {t.clear}
          </Button>
        </div>
        {/* While the worker runs, its bar (with Hủy) says more than the spinner. */}
        {engine.progress && task.busy ? <EngineProgress progress={engine.progress} onCancel={engine.cancel} /> : <BusyNote label={task.busy} />}
        <Notice intent="error" text={task.error} />
        <Notice intent="success" text={task.notice} />
      </Section>

      {intake.imported?.chase && <ChasingReport view={intake.imported.chase} />}
      {intake.imported && <IntakeReport files={intake.imported.files} previous={intake.imported.previous} />}
      {result && (
        <Caption1 className={styles.context}>{t.resultContext(result.year, result.sheet, result.units.length)}</Caption1>
      )}
      {/* Rows not read as units (headings, subtotals, signatures…): the engine's words, as on the command line. */}
      {result?.rows && skippedRowsText(result.rows) && <Caption1 className={styles.context}>{skippedRowsText(result.rows)}</Caption1>}
      {result && <ResultNotes hint={result.targetSetHint} yearNote={result.yearNote} notices={view?.notices} onUseSet={switchToSet} disabled={busy} />}
      {view?.kind === 'computed' && <IndicatorTable indicators={view.result.indicators} />}
      {result && (
        <FixesPanel fixes={result.fixes} undoable={undoCount(undo)} onApply={fix} onUndo={undoLast} disabled={busy} />
      )}
      {result && <ProblemList problems={result.problems} onSelectCell={selectCell} />}

      <CycleSections cycle={cycle} disabled={busy} engine={engine} />
    </>
  );
}

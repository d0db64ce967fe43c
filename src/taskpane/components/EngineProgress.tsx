/**
 * The engine's progress while it works in its worker: a bar that moves with the stages (read,
 * check, prepare, receive the results part by part), the rows read and checked, and "Hủy".
 */
import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n';
import { useStrings } from '../language';
import type { EngineProgress as Progress } from '../worker/protocol';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1 },
});

/** Where the bar stands (0–1): each stage has its share, the results arrive part by part. */
export function progressValue(p: Progress): number {
  if (p.stage === 'read') return 0.05;
  if (p.stage === 'check') return 0.3;
  if (p.stage === 'write') return 0.65;
  // The send-out: one workbook after another, the whole bar.
  if (p.stage === 'build') return (p.done ?? 0) / Math.max(1, p.total ?? 1);
  return 0.7 + 0.3 * ((p.done ?? 0) / Math.max(1, p.total ?? 1));
}

/** The sentence under the bar. */
export function progressText(t: Strings, p: Progress): string {
  if (p.stage === 'read') return t.progressRead;
  if (p.stage === 'check') return p.rowsRead === undefined ? t.progressRead : t.progressCheck(p.rowsRead);
  if (p.stage === 'write') return t.progressWrite(p.rowsChecked ?? p.rowsRead ?? 0);
  if (p.stage === 'build') return t.progressBuild(p.done ?? 0, p.total ?? 0);
  return t.progressReceive(p.rowsChecked, p.done ?? 0, p.total ?? 0);
}

export interface EngineProgressProps {
  /** Undefined: nothing runs in the worker, nothing is shown. */
  readonly progress: Progress | undefined;
  readonly onCancel: () => void;
}

/** Renders nothing when the engine is idle. */
export function EngineProgress({ progress, onCancel }: EngineProgressProps) {
  const t = useStrings();
  const styles = useStyles();
  if (!progress) return null;
  const text = progressText(t, progress);
  return (
    <div className={styles.row}>
      <Field className={styles.field} label={t.progressLabel} validationMessage={text} validationState="none">
        <ProgressBar value={progressValue(progress)} thickness="large" aria-valuetext={text} />
      </Field>
      <Button aria-label={t.cancelRunLabel} onClick={onCancel}>
        {t.cancelRun}
      </Button>
    </div>
  );
}

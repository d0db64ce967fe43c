/**
 * "Nhập báo cáo CĐCS": the target set in use, the drop zone (or file dialog) for the returns,
 * the files in the order they will be imported, the import button with its progress and
 * messages, and the question before master columns are dropped. The import itself is a prop.
 */
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useStrings } from '../language';
import type { LostContent } from '../intake';
import { byFileName } from '../pickedFiles';
import type { TaskState } from '../useTask';
import { BusyNote } from './BusyNote';
import { DropZone } from './DropZone';
import { Notice } from './Notice';
import { Section } from './Section';

/** Chosen files listed by name; the rest are counted. */
const LISTED = 5;

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  chosen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  run: { alignSelf: 'flex-start' },
});

export interface IntakePanelProps {
  /** The Bộ chỉ tiêu the import uses (the pane's current choice), as the picker shows it. */
  readonly targetLabel: string;
  /** The files chosen, in import order. */
  readonly files: readonly File[];
  /** New files were chosen or dropped (they replace the earlier choice), already in name order. */
  readonly onFiles: (files: File[]) => void;
  readonly onImport: () => void;
  /** The import's own progress, error and success sentence. */
  readonly task: TaskState;
  /** Some work of the pane runs: the controls keep their focus but refuse to act. */
  readonly disabled?: boolean;
  /** Set when the import waits for the user to accept losing master content. */
  readonly confirm?: { readonly lost: LostContent; readonly onProceed: () => void; readonly onCancel: () => void };
}

/** The section. */
export function IntakePanel({ targetLabel, files, onFiles, onImport, task, disabled, confirm }: IntakePanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const hintId = useId();
  return (
    <Section title={t.intakeSection}>
      <Body1>{t.intakeTargetSet(targetLabel)}</Body1>
      <DropZone
        label={t.intakeDropZone}
        inputLabel={t.intakeInput}
        dropLabel={t.intakeDropHere}
        hint={t.fileHint}
        accept={ACCEPT}
        disabled={disabled}
        onFiles={(picked) => onFiles(byFileName(picked))}
      />
      {files.length > 0 && (
        <div className={styles.chosen}>
          <Caption1>{t.intakeChosen(files.length)}</Caption1>
          <ol className={styles.list}>
            {files.slice(0, LISTED).map((f, i) => (
              <li key={`${i}-${f.name}`}>
                <Caption1>{f.name}</Caption1>
              </li>
            ))}
          </ol>
          {files.length > LISTED && <Caption1 className={styles.muted}>{t.intakeMoreChosen(files.length - LISTED)}</Caption1>}
        </div>
      )}
      <Button className={styles.run} disabled={files.length === 0} disabledFocusable={disabled} aria-describedby={hintId} onClick={onImport}>
        {t.intakeRun}
      </Button>
      <Caption1 id={hintId} className={styles.muted}>
        {t.intakeHint}
      </Caption1>
      <BusyNote label={task.busy} />
      {confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.intakeConfirmLost(confirm.lost.columns, confirm.lost.totalsRows)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={confirm.onProceed}>
              {t.intakeProceed}
            </Button>
            <Button size="small" appearance="subtle" onClick={confirm.onCancel}>
              {t.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Notice intent="error" text={task.error} />
      <Notice intent="success" text={task.notice} />
    </Section>
  );
}

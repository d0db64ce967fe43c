/**
 * "Tiến độ qua các năm": a checkbox per data sheet of the workbook, for the sheets of earlier
 * years, and the button that writes the `Tiến độ` sheet from them and the table being checked.
 * The work is a prop.
 */
import { Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useStrings } from '../language';
import type { TaskState } from '../useTask';
import { Section } from './Section';
import { TaskNotes } from './TaskNotes';
import type { TaskNotesProps } from './TaskNotes';

export interface HistoryPanelProps {
  /** Sheets that may hold an earlier year's table, in workbook order. */
  readonly sheets: readonly string[];
  /** The ticked ones. */
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
  readonly onRun: () => void;
  readonly task: TaskState;
  readonly disabled?: boolean;
  /** The worker's progress bar and Hủy while this task runs there. */
  readonly engine?: TaskNotesProps['engine'];
  /** Browser mode, after the sheet was made: saves the file with it. */
  readonly onSave?: () => void;
}

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  group: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  checkbox: { overflowWrap: 'anywhere' },
  run: { alignSelf: 'flex-start' },
});

/** The section. */
export function HistoryPanel({ sheets, chosen, onChange, onRun, task, disabled, engine, onSave }: HistoryPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const hintId = useId();
  const toggle = (sheet: string, on: boolean) => {
    // Kept in workbook order, whatever order they were ticked in.
    const next = new Set(chosen);
    if (on) next.add(sheet);
    else next.delete(sheet);
    onChange(sheets.filter((s) => next.has(s)));
  };
  return (
    <Section title={t.historySection}>
      <Caption1 id={hintId} className={styles.muted}>
        {t.historyHint}
      </Caption1>
      {sheets.length > 0 ? (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t.historySheets}</legend>
          {sheets.map((s) => (
            <Checkbox
              key={s}
              className={styles.checkbox}
              label={s}
              checked={chosen.includes(s)}
              disabled={disabled}
              onChange={(_, data) => toggle(s, data.checked === true)}
            />
          ))}
        </fieldset>
      ) : (
        <Caption1>{t.historyNoSheets}</Caption1>
      )}
      <Button className={styles.run} disabled={sheets.length === 0} disabledFocusable={disabled} aria-describedby={hintId} onClick={onRun}>
        {t.historyRun}
      </Button>
      <TaskNotes task={task} engine={engine} />
      {onSave && (
        <Button className={styles.run} disabled={disabled} onClick={onSave}>
          {t.downloadHistory}
        </Button>
      )}
    </Section>
  );
}

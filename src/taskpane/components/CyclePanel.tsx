/**
 * "Chu kỳ báo cáo": the unit register the pane found (or that there is none and the data table
 * stands in), "Tạo danh bạ CĐCS", and "Tạo mẫu gửi CĐCS" with its download — or, where the
 * host cannot download reliably (Excel), the exact command that does the same. The work is props.
 */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useStrings } from '../language';
import type { TaskState } from '../useTask';
import { Section } from './Section';
import { TaskNotes } from './TaskNotes';
import type { TaskNotesProps } from './TaskNotes';

/** What the pane knows of the workbook's register. */
export type RegisterStatus =
  /** `units` unknown until the sheet is read (the browser mode knows only the names at first). */
  | { readonly kind: 'sheet'; readonly sheet: string; readonly units?: number }
  | { readonly kind: 'unreadable'; readonly sheet: string; readonly reason: string }
  | { readonly kind: 'none' };

/** The command-line way to the same returns (sendOutCommand.ts). */
export interface SendOutCommand {
  readonly text: string;
  /** The folder the command writes to. */
  readonly dir: string;
  /** The pane uses the workbook's own target sheet: the command names the closest built-in set only. */
  readonly sheetSet: boolean;
}

export interface CyclePanelProps {
  readonly register: RegisterStatus;
  /** The year the returns are for. */
  readonly year: number;
  readonly onMakeRegister: () => void;
  readonly onSendOut: () => void;
  /** The cycle's own progress, error and success sentence. */
  readonly task: TaskState;
  readonly disabled?: boolean;
  /** The worker's progress bar and Hủy while this task runs there. */
  readonly engine?: TaskNotesProps['engine'];
  /** Browser mode, after "Tạo danh bạ CĐCS": saves the file with the register sheet. */
  readonly onSaveRegister?: () => void;
  /** The .zip is ready: its name and how to save it. */
  readonly zip?: { readonly name: string; readonly onSave: () => void };
  /** Shown instead of a download where the host cannot download (Excel). */
  readonly command?: SendOutCommand;
}

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  buttons: {
    display: 'grid',
    // One column at the pane's usual 350 px, two when wider (as the other button rows).
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  save: { alignSelf: 'flex-start' },
  command: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    userSelect: 'all',
  },
  // A line breaks between words only, never inside `bd-cdvc-2024` at its hyphens.
  word: { whiteSpace: 'nowrap' },
  commandBox: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The command's words, each kept whole on a line; the text copied is the command as it is. */
function CommandWords({ text }: { text: string }) {
  const styles = useStyles();
  const words = text.split(' ');
  return (
    <>
      {words.map((w, i) => (
        <span key={i}>
          <span className={styles.word}>{w}</span>
          {i < words.length - 1 ? ' ' : ''}
        </span>
      ))}
    </>
  );
}

function registerText(t: ReturnType<typeof useStrings>, r: RegisterStatus): string {
  if (r.kind === 'sheet') return t.registerOnSheet(r.sheet, r.units);
  if (r.kind === 'unreadable') return t.registerUnreadable(r.sheet, r.reason);
  return t.registerNone;
}

/** The section. */
export function CyclePanel({ register, year, onMakeRegister, onSendOut, task, disabled, engine, onSaveRegister, zip, command }: CyclePanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const hintId = useId();
  return (
    <Section title={t.cycleSection}>
      <Caption1 className={styles.muted}>{t.cycleIntro}</Caption1>
      <Body1 data-register={register.kind}>{registerText(t, register)}</Body1>
      <div className={styles.buttons}>
        {/* disabledFocusable while busy: the buttons refuse clicks but keep the keyboard focus. */}
        <Button disabledFocusable={disabled} onClick={onMakeRegister}>
          {t.makeRegister}
        </Button>
        {/* Not primary: the pane's one primary action is the check; the .zip download below is. */}
        <Button disabledFocusable={disabled} aria-describedby={hintId} onClick={onSendOut}>
          {t.sendOut}
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.muted}>
        {t.sendOutHint(year)}
      </Caption1>
      <TaskNotes task={task} engine={engine} />
      {onSaveRegister && (
        <Button className={styles.save} disabled={disabled} onClick={onSaveRegister}>
          {t.downloadRegister}
        </Button>
      )}
      {zip && (
        <Button className={styles.save} appearance="primary" disabled={disabled} onClick={zip.onSave}>
          {t.downloadZip(zip.name)}
        </Button>
      )}
      {command && (
        <div className={styles.commandBox}>
          <Body1>{t.sendOutCommandIntro}</Body1>
          <pre className={styles.command} aria-label={t.sendOutCommandLabel} tabIndex={0}>
            <CommandWords text={command.text} />
          </pre>
          <Caption1 className={styles.muted}>{t.sendOutCommandAfter(command.dir)}</Caption1>
          {command.sheetSet && <Caption1 className={styles.muted}>{t.sendOutCommandSheetSet}</Caption1>}
        </div>
      )}
    </Section>
  );
}

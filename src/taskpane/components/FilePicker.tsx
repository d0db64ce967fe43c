/**
 * The file input of the browser mode. The native `<input type="file">` (labelled "Chọn tệp .xlsx",
 * accepting .xlsx) is hidden and opened by a Fluent button of the same name: the browser's own
 * button would speak the browser's language ("Choose File"), not the pane's.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { useStrings } from '../language';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  hidden: { display: 'none' },
  hint: { color: tokens.colorNeutralForeground2 },
  chosen: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
});

export interface FilePickerProps {
  readonly onPick: (file: File) => void;
  /** The name of the file in use, shown under the button. */
  readonly fileName?: string;
  readonly disabled?: boolean;
}

/** "Chọn tệp .xlsx" with the privacy hint and the chosen file's name. */
export function FilePicker({ onPick, fileName, disabled }: FilePickerProps) {
  const t = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <div className={styles.root}>
      <input
        ref={input}
        type="file"
        className={styles.hidden}
        aria-label={t.chooseFile}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared, so choosing the same file again (after editing it) is a change too.
          e.currentTarget.value = '';
          if (file) onPick(file);
        }}
      />
      <Button disabledFocusable={disabled} aria-describedby={hintId} onClick={() => input.current?.click()}>
        {t.chooseFile}
      </Button>
      <Caption1 id={hintId} className={styles.hint}>
        {t.fileHint}
      </Caption1>
      {fileName && <Caption1 className={styles.chosen}>{t.fileChosen(fileName)}</Caption1>}
    </div>
  );
}

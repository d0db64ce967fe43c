/**
 * "Năm báo cáo": the year to compute for, or empty to take it from the table (Năm column,
 * title, sheet name, file name). The check warns when it had to guess, and names this field.
 */
import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useStrings } from '../language';
import { reportYear } from '../yearChoice';

const useStyles = makeStyles({ input: { maxWidth: '10em' } });

export interface YearFieldProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly disabled?: boolean;
}

/** A labelled text box; a text that is not a four-digit year is flagged under it. */
export function YearField({ value, onChange, disabled }: YearFieldProps) {
  const t = useStrings();
  const styles = useStyles();
  const bad = reportYear(value) === 'bad';
  return (
    <Field
      label={t.reportYear}
      hint={bad ? undefined : t.reportYearHint}
      validationState={bad ? 'error' : 'none'}
      validationMessage={bad ? t.badYear(value.trim()) : undefined}
    >
      <Input
        className={styles.input}
        inputMode="numeric"
        placeholder={t.reportYearPlaceholder}
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

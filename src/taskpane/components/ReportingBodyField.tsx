/**
 * "Đơn vị báo cáo": the union making the report, printed at the top of Tổng hợp (`--don-vi` on
 * the command line). Empty: the one remembered in the workbook from an earlier run, else the
 * target set's issuer.
 */
import { Field, Input } from '@fluentui/react-components';
import { useStrings } from '../language';

export interface ReportingBodyFieldProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly disabled?: boolean;
}

/** A labelled text box. */
export function ReportingBodyField({ value, onChange, disabled }: ReportingBodyFieldProps) {
  const t = useStrings();
  return (
    <Field label={t.reportingBody} hint={t.reportingBodyHint}>
      <Input placeholder={t.reportingBodyPlaceholder} value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}

/** The field's text as the check's option: trimmed, undefined when empty. */
export function reportingBodyOption(text: string): string | undefined {
  const body = text.trim();
  return body === '' ? undefined : body;
}

/** The pane's message when Office does not answer in time, or office.js is missing inside Office. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useLanguage } from '../language';
import { notReadyText } from './officeNotReadyText';
import type { NotReadyReason } from './officeNotReadyText';

export interface OfficeNotReadyProps {
  readonly reason: NotReadyReason;
  /** How long the pane waited (for the timeout's sentence). */
  readonly seconds: number;
}

/** An error bar with the four things to check (network, Excel version, how it is opened, reload). */
export function OfficeNotReady({ reason, seconds }: OfficeNotReadyProps) {
  const { lang } = useLanguage();
  const text = notReadyText(lang, reason, seconds);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-startup={reason}>
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        <p style={{ margin: '4px 0' }}>{text.intro}</p>
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {text.checks.map(([label, what]) => (
            <li key={label}>
              <strong>{label}:</strong> {what}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

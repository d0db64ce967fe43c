/** An error or a success message as a Fluent MessageBar; errors are announced at once. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export interface NoticeProps {
  readonly intent: 'error' | 'success' | 'info' | 'warning';
  readonly text: string | undefined;
}

/** Renders nothing when there is no text. */
export function Notice({ intent, text }: NoticeProps) {
  if (!text) return null;
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

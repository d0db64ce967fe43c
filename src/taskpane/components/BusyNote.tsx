/** What the pane is doing during long work: a spinner with a sentence, announced politely. */
import { Spinner } from '@fluentui/react-components';

/** Renders nothing when idle. */
export function BusyNote({ label }: { label: string | undefined }) {
  if (!label) return null;
  return (
    <div role="status" aria-live="polite">
      <Spinner size="tiny" labelPosition="after" label={label} />
    </div>
  );
}

/**
 * What the user must read before the results: a table that does not fit the chosen target set
 * (with a button that switches to the set it matches best), and a report year that was guessed
 * or taken from a range (spec/layouts.md).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { TargetSetHint } from '../../domain/targetSetMatch';
import { useStrings } from '../language';

export interface ResultNotesProps {
  readonly hint?: TargetSetHint;
  readonly yearNote?: string;
  /**
   * What the check noticed about the workbook: results written under a free name because the
   * user has a sheet of that name, a hidden or unreadable sheet, hidden unit rows.
   */
  readonly notices?: readonly string[];
  /** Switches the pane to a built-in set (and checks again). */
  readonly onUseSet: (id: string) => void;
  readonly disabled?: boolean;
}

/** Renders nothing when the check had nothing to say before its results. */
export function ResultNotes({ hint, yearNote, notices = [], onUseSet, disabled }: ResultNotesProps) {
  const t = useStrings();
  const best = hint?.best;
  return (
    <>
      {hint && (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>{hint.message}</MessageBarBody>
          {best && (
            <MessageBarActions>
              <Button size="small" disabledFocusable={disabled} onClick={() => onUseSet(best.id)}>
                {t.useSet(best.id)}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {yearNote && (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>{yearNote}</MessageBarBody>
        </MessageBar>
      )}
      {notices.map((notice) => (
        <MessageBar key={notice} intent="info" layout="multiline" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

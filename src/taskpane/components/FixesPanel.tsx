/**
 * "Sửa tự động": the safe fixes the check found (canonical choice text, Unicode for legacy
 * encodings, numbers typed as text), applied only to the listed cells, with "Hoàn tác".
 */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { CellFix } from '../../domain/result';
import { useStrings } from '../language';
import { Section } from './Section';

/** Fixes listed by cell before the button; the rest are counted. */
const LISTED = 8;

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface FixesPanelProps {
  /** Fixes the latest check offers. */
  readonly fixes: readonly CellFix[];
  /** Cells the last "Sửa tự động" changed and "Hoàn tác" can put back; 0 or undefined: nothing to undo. */
  readonly undoable?: number;
  readonly onApply: () => void;
  readonly onUndo: () => void;
  readonly disabled?: boolean;
}

/** Renders nothing when there is nothing to fix and nothing to undo. */
export function FixesPanel({ fixes, undoable, onApply, onUndo, disabled }: FixesPanelProps) {
  const t = useStrings();
  const styles = useStyles();
  const listId = useId();
  if (!fixes.length && !undoable) return null;
  return (
    <Section title={t.fixes}>
      {fixes.length > 0 && (
        <>
          <Body1>{t.fixesAvailable(fixes.length)}</Body1>
          <ul className={styles.list} id={listId} aria-label={t.fixListLabel}>
            {fixes.slice(0, LISTED).map((f) => (
              <li key={`${f.sheet}!${f.cell}`}>
                <Caption1>
                  {f.cell}: {f.label}
                </Caption1>
              </li>
            ))}
            {fixes.length > LISTED && (
              <li>
                <Caption1 className={styles.muted}>…</Caption1>
              </li>
            )}
          </ul>
        </>
      )}
      {!fixes.length && !!undoable && <Body1>{t.undoHint(undoable)}</Body1>}
      <div className={styles.buttons}>
        {fixes.length > 0 && (
          <Button appearance="primary" aria-describedby={listId} disabledFocusable={disabled} onClick={onApply}>
            {t.fixApply}
          </Button>
        )}
        {!!undoable && (
          <Button disabledFocusable={disabled} onClick={onUndo}>
            {t.undo}
          </Button>
        )}
      </div>
    </Section>
  );
}

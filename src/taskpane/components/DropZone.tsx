/**
 * A place to drop files that is also a button: click, Enter or Space opens the file dialog of a
 * hidden, labelled `<input type="file" multiple>` (the browser's own button would speak the
 * browser's language, not the pane's). Dropped and chosen files arrive the same way.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { DragEvent, KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';

const useStyles = makeStyles({
  hidden: { display: 'none' },
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    textAlign: 'center',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  disabled: { cursor: 'not-allowed', color: tokens.colorNeutralForegroundDisabled },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface DropZoneProps {
  /** What the zone says (and its accessible name): "Kéo thả … hoặc bấm để chọn tệp". */
  readonly label: string;
  /** The label of the hidden file input. */
  readonly inputLabel: string;
  /** Shown while files are dragged over the zone. */
  readonly dropLabel: string;
  /** A second line, also the zone's description (e.g. that files stay on this computer). */
  readonly hint?: string;
  /** The input's `accept`. */
  readonly accept: string;
  readonly onFiles: (files: File[]) => void;
  /** Busy: the zone keeps its focus but refuses clicks, keys and drops. */
  readonly disabled?: boolean;
}

const carriesFiles = (e: { dataTransfer: DataTransfer | null }): boolean => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');

/** The zone with its hidden input. */
export function DropZone({ label, inputLabel, dropLabel, hint, accept, onFiles, disabled }: DropZoneProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  // A file dropped beside the zone would make the webview open it in place of the pane.
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const open = () => {
    if (!disabled) input.current?.click();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    // Space would scroll the pane; a held key must not open the dialog again and again.
    e.preventDefault();
    if (!e.repeat) open();
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setDragging(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    // Leaving for one of the zone's own lines is not leaving the zone.
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (!disabled && files.length) onFiles(files);
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        className={styles.hidden}
        aria-label={inputLabel}
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared, so choosing the same files again (after correcting one) is a change too.
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <div
        role="button"
        tabIndex={0}
        aria-disabled={disabled || undefined}
        aria-labelledby={labelId}
        aria-describedby={hint ? hintId : undefined}
        className={mergeClasses(styles.zone, dragging && styles.dragging, disabled && styles.disabled)}
        onClick={open}
        onKeyDown={onKeyDown}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <span id={labelId}>{dragging ? dropLabel : label}</span>
        {hint && (
          <Caption1 id={hintId} className={styles.hint}>
            {hint}
          </Caption1>
        )}
      </div>
    </>
  );
}

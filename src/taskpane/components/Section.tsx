/**
 * A block of the pane (a card) labelled by an h2, so screen readers can jump between parts.
 * `hideTitle` keeps the heading for screen readers only, where the controls already say it.
 */
import { makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  heading: { margin: 0 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface SectionProps {
  readonly title: string;
  readonly hideTitle?: boolean;
  readonly children: ReactNode;
}

/** Card with a heading that labels the region. */
export function Section({ title, hideTitle, children }: SectionProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={mergeClasses(styles.heading, hideTitle && styles.visuallyHidden)}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

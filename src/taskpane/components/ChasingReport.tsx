/**
 * "Theo dõi nộp báo cáo" after an import with a register: how many units have reported, the
 * units still missing with whom to call (sorted the Vietnamese way), and warnings for files
 * from units not in the register or whose file name and locked code disagree.
 */
import { Body1, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { RegisterUnit } from '../../domain/cycle/registerUnit';
import { useStrings } from '../language';
import { byUnitName } from '../unitOrder';
import { Notice } from './Notice';
import { Section } from './Section';

/** Missing units listed by name; the rest are counted (the sheet lists them all). */
export const LISTED_MISSING = 50;

/** What the pane shows of chasing: the counts and lists of the register block. */
export interface ChasingView {
  readonly expected: number;
  readonly received: number;
  readonly missing: readonly RegisterUnit[];
  /** Files whose unit is not in the register. */
  readonly unknown: readonly { readonly file: string; readonly code: string }[];
  /** Files whose name and locked code disagree (`fileCode`: the code in the name, when there is one). */
  readonly mismatched: readonly { readonly file: string; readonly code: string; readonly fileCode?: string }[];
}

const useStyles = makeStyles({
  summary: { fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  unit: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  warnings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The contact line of a unit: person · phone · email, as typed in the register. */
export function contactLine(unit: RegisterUnit): string {
  return [unit.contact.person, unit.contact.phone, unit.contact.email].filter((v) => v && v.trim()).join(' · ');
}

/** The section; nothing is shown without a register. */
export function ChasingReport({ view }: { view: ChasingView }) {
  const t = useStrings();
  const styles = useStyles();
  const missing = byUnitName(view.missing);
  return (
    <Section title={t.chasingSection}>
      <Body1 className={styles.summary} role="status">
        {t.chasingSummary(view.received, view.expected, view.missing.length)}
      </Body1>
      {missing.length > 0 && (
        <>
          <Caption1 className={styles.muted}>{t.chasingMissing}</Caption1>
          <ul className={styles.list} aria-label={t.chasingMissing}>
            {missing.slice(0, LISTED_MISSING).map((u) => {
              const contact = contactLine(u);
              return (
                <li key={`${u.row}-${u.code}`} className={styles.unit}>
                  <Body1Strong>
                    {u.name} ({u.code})
                  </Body1Strong>
                  <Caption1 className={contact ? undefined : styles.muted}>{contact || t.chasingNoContact}</Caption1>
                </li>
              );
            })}
          </ul>
          {missing.length > LISTED_MISSING && <Caption1 className={styles.muted}>{t.chasingMore(missing.length - LISTED_MISSING)}</Caption1>}
        </>
      )}
      {view.unknown.length + view.mismatched.length > 0 && (
        <div className={styles.warnings} aria-label={t.chasingWarnings} role="group">
          {view.unknown.map((u, i) => (
            <Notice key={`u-${i}-${u.file}`} intent="warning" text={t.chasingUnknown(u.file, u.code)} />
          ))}
          {view.mismatched.map((m, i) => (
            <Notice key={`m-${i}-${m.file}`} intent="warning" text={t.chasingMismatch(m.file, m.code, m.fileCode)} />
          ))}
        </div>
      )}
    </Section>
  );
}

/**
 * "Kết quả nhập từng tệp": each imported file with its status, the units it brought, why (for
 * duplicates, replaced and unusable files), and its problems at the cells of that file, folded.
 * The problems are plain text: the file is not open in Excel, so there is no cell to select.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { FileReport, FileStatus } from '../../domain/merge';
import { useStrings } from '../language';
import { countProblems } from '../problemGroups';
import { MAX_ITEMS_PER_GROUP } from './ProblemList';
import { ProblemItem } from './ProblemItem';
import { Section } from './Section';

const COLOR: Readonly<Record<FileStatus, NonNullable<BadgeProps['color']>>> = {
  accepted: 'success',
  replaced: 'warning',
  duplicate: 'informative',
  rejected: 'danger',
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  file: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  problems: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface IntakeReportProps {
  /** The imported files, in import order. */
  readonly files: readonly FileReport[];
  /** The master table's own report, when there was one before the import. */
  readonly previous?: FileReport;
}

/** One file of the report. */
function FileItem({ report: f }: { report: FileReport }) {
  const t = useStrings();
  const styles = useStyles();
  const { errors, warnings } = countProblems(f.problems);
  return (
    <li className={styles.file} data-status={f.status}>
      <span className={styles.title}>
        <Body1 className={styles.name}>{f.file}</Body1>
        <Badge appearance="tint" shape="rounded" color={COLOR[f.status]}>
          {t.intakeStatus[f.status]}
        </Badge>
      </span>
      {f.status !== 'rejected' && <Caption1 className={styles.muted}>{t.intakeUnits(f.units, f.unitsInFile)}</Caption1>}
      {f.reason && <Caption1 className={styles.muted}>{f.reason}</Caption1>}
      {f.problems.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="problems">
            <AccordionHeader size="small">{t.intakeFileProblems(t.problemCounts(errors, warnings))}</AccordionHeader>
            <AccordionPanel>
              <Caption1 className={styles.muted}>{t.intakeProblemsIn(f.problems[0].sheet)}</Caption1>
              <ul className={styles.problems}>
                {f.problems.slice(0, MAX_ITEMS_PER_GROUP).map((p, i) => (
                  <li key={`${p.cell}-${p.rule}-${i}`}>
                    <ProblemItem problem={p} context="unit" />
                  </li>
                ))}
              </ul>
              {f.problems.length > MAX_ITEMS_PER_GROUP && (
                <Caption1 className={styles.muted}>{t.intakeMoreProblems(f.problems.length - MAX_ITEMS_PER_GROUP)}</Caption1>
              )}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </li>
  );
}

/** The section; the list is labelled for screen readers, one item per file. */
export function IntakeReport({ files, previous }: IntakeReportProps) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <Section title={t.intakeReport}>
      {/* A rejected "previous" is an empty template sheet: nothing worth saying. */}
      {previous?.reason && previous.status !== 'rejected' && <Caption1 className={styles.muted}>{t.intakePrevious(previous.reason)}</Caption1>}
      <ul className={styles.list} aria-label={t.intakeReport}>
        {files.map((f, i) => (
          <FileItem key={`${i}-${f.file}`} report={f} />
        ))}
      </ul>
    </Section>
  );
}

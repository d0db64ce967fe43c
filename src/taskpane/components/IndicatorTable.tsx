/**
 * The indicator results: one row per indicator with its label, result, target and how many units
 * had data, and the status badge. Two columns only, so it reads at the pane's 350 px. A plain
 * HTML table: Fluent's Table brings its selection and sorting machinery into the Office bundle.
 */
import { Body1Strong, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatActual, formatReported, formatResultTarget } from '../../domain/display';
import { formatNumber } from '../../domain/format';
import type { IndicatorResult } from '../../domain/result';
import { STATUSES } from '../../domain/status';
import { useStrings } from '../language';
import { Section } from './Section';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  table: { tableLayout: 'fixed', width: '100%', borderCollapse: 'collapse' },
  head: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  statusCol: { width: '104px' },
  cell: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  indicator: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  facts: { margin: 0, display: 'flex', flexDirection: 'column', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  fact: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground2, '::after': { content: '":"' } },
  value: { margin: 0 },
});

export interface IndicatorTableProps {
  readonly indicators: readonly IndicatorResult[];
}

/** The section "Kết quả chỉ tiêu". */
export function IndicatorTable({ indicators }: IndicatorTableProps) {
  const t = useStrings();
  const styles = useStyles();
  const counts = STATUSES.map((s) => [s, indicators.filter((i) => i.status === s).length] as const).filter(([, c]) => c > 0);
  return (
    <Section title={t.indicators}>
      <ul className={styles.summary} aria-label={t.statusCounts}>
        {counts.map(([s, c]) => (
          <li key={s}>
            <Caption1>
              {formatNumber(c)} <StatusBadge status={s} />
            </Caption1>
          </li>
        ))}
      </ul>
      <table className={styles.table} aria-label={t.indicators}>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t.indicatorColumn}
            </th>
            <th scope="col" className={mergeClasses(styles.head, styles.statusCol)}>
              {t.statusColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((r) => (
            <tr key={r.id} data-indicator={r.id}>
              <td className={styles.cell}>
                <div className={styles.indicator}>
                  <Body1Strong>{r.label}</Body1Strong>
                  <dl className={styles.facts}>
                    {(
                      [
                        [t.actual, formatActual(r)],
                        [t.target, formatResultTarget(r)],
                        [t.reported, formatReported(r)],
                      ] as const
                    ).map(([term, value]) => (
                      <div key={term} className={styles.fact}>
                        <dt className={styles.term}>{term}</dt>
                        <dd className={styles.value}>{value}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              </td>
              <td className={styles.cell}>
                <StatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

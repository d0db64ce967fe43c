/**
 * The problems of a check, grouped by unit or by rule (a radio toggle), each group with its
 * counts. With `onSelectCell`, every problem is a button that shows its cell in Excel.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  Radio,
  RadioGroup,
  Label,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Problem } from '../../domain/problem';
import { useStrings } from '../language';
import { countProblems, groupProblems } from '../problemGroups';
import type { GroupBy, ProblemGroup } from '../problemGroups';
import { ProblemItem } from './ProblemItem';
import { Section } from './Section';

/** Items shown per group: the full list is on the Kiểm tra sheet, the pane stays responsive. */
export const MAX_ITEMS_PER_GROUP = 100;
/**
 * Groups shown at most: 100,000 units with problems would be 100,000 accordion items, seconds
 * of rendering with the page frozen; the rest are on the Kiểm tra sheet.
 */
export const MAX_GROUPS = 50;
/** Up to this many problems, every group starts open. */
const OPEN_ALL_UP_TO = 30;

const useStyles = makeStyles({
  toggle: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  group: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  headerText: { display: 'flex', flexDirection: 'column', textAlign: 'start', minWidth: 0 },
  groupTitle: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  counts: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  more: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} 0` },
});

export interface ProblemListProps {
  readonly problems: readonly Problem[];
  /** Shows the problem's cell in the workbook; without it the items are plain text. */
  readonly onSelectCell?: (sheet: string, cell: string) => void;
  /** Show each problem's suggested fix (browser mode, where fixes are not applied). */
  readonly showFixHints?: boolean;
}

/** The section "Lỗi và cảnh báo". */
export function ProblemList({ problems, onSelectCell, showFixHints }: ProblemListProps) {
  const t = useStrings();
  const styles = useStyles();
  const [by, setBy] = useState<GroupBy>('unit');
  const toggleId = useId();
  const groups = useMemo(() => groupProblems(problems, by), [problems, by]);
  const { errors, warnings } = countProblems(problems);
  const defaultOpen = problems.length <= OPEN_ALL_UP_TO ? groups.map((g) => g.key) : groups.slice(0, 1).map((g) => g.key);

  const title = (g: ProblemGroup): string => {
    if (g.rule) return t.rule[g.rule];
    if (!g.unit) return t.wholeTable;
    const { code, name } = g.unit;
    return name && code ? `${name} (${code})` : (name ?? code ?? '');
  };

  return (
    <Section title={t.problems}>
      <Body1>{problems.length ? t.problemCounts(errors, warnings) : t.noProblems}</Body1>
      {problems.length > 0 && (
        <>
          <div className={styles.toggle}>
            <Label id={toggleId}>{t.groupBy}</Label>
            <RadioGroup layout="horizontal" aria-labelledby={toggleId} value={by} onChange={(_, d) => setBy(d.value as GroupBy)}>
              <Radio value="unit" label={t.byUnit} />
              <Radio value="rule" label={t.byRule} />
            </RadioGroup>
          </div>
          <Accordion key={by} multiple collapsible defaultOpenItems={defaultOpen}>
            {groups.slice(0, MAX_GROUPS).map((g) => (
              <AccordionItem key={g.key} value={g.key} className={styles.group}>
                <AccordionHeader size="small">
                  <span className={styles.headerText}>
                    <span className={styles.groupTitle}>{title(g)}</span>
                    <Caption1 className={styles.counts}>{t.problemCounts(g.errors, g.warnings)}</Caption1>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {g.problems.slice(0, MAX_ITEMS_PER_GROUP).map((p, i) => (
                      <li key={`${p.cell}-${p.rule}-${i}`}>
                        <ProblemItem problem={p} context={by === 'unit' ? 'rule' : 'unit'} onSelectCell={onSelectCell} showFixHint={showFixHints} />
                      </li>
                    ))}
                  </ul>
                  {g.problems.length > MAX_ITEMS_PER_GROUP && (
                    <Caption1 className={styles.more}>{t.moreProblems(g.problems.length - MAX_ITEMS_PER_GROUP)}</Caption1>
                  )}
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
          {groups.length > MAX_GROUPS && <Caption1 className={styles.more}>{t.moreGroups(groups.length - MAX_GROUPS)}</Caption1>}
        </>
      )}
    </Section>
  );
}

/**
 * One problem: its message (which opens with the cell, "Ô F12: …"), a severity word, and the
 * rule or the unit, whichever the grouping does not already say.
 */
import { Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Problem } from '../../domain/problem';
import { useStrings } from '../language';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    overflowWrap: 'anywhere',
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  meta: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  fix: { color: tokens.colorPaletteGreenForeground1 },
});

export interface ProblemItemProps {
  readonly problem: Problem;
  /** What the secondary line names: the rule (when grouped by unit) or the unit (grouped by rule). */
  readonly context: 'rule' | 'unit';
  readonly onSelectCell?: (sheet: string, cell: string) => void;
  readonly showFixHint?: boolean;
}

/** A button (or plain text) for one problem. */
export function ProblemItem({ problem: p, context, onSelectCell, showFixHint }: ProblemItemProps) {
  const t = useStrings();
  const styles = useStyles();
  const unit = p.unit?.name ?? p.unit?.code;
  const secondary = context === 'rule' ? t.rule[p.rule] : unit;
  const body = (
    <>
      <span>{p.message}</span>
      <span className={styles.meta}>
        <Badge appearance="tint" size="small" color={p.severity === 'error' ? 'danger' : 'warning'}>
          {p.severity === 'error' ? t.error : t.warning}
        </Badge>
        {secondary && <Caption1>{secondary}</Caption1>}
      </span>
      {showFixHint && p.fix && <Caption1 className={styles.fix}>{t.suggestedFix(String(p.fix.value))}</Caption1>}
    </>
  );
  if (!onSelectCell) return <div className={styles.item}>{body}</div>;
  return (
    <button type="button" className={mergeClasses(styles.item, styles.button)} title={t.selectCell(p.cell)} onClick={() => onSelectCell(p.sheet, p.cell)}>
      {body}
    </button>
  );
}

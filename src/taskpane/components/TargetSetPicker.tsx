/**
 * The "Bộ chỉ tiêu" drop-down: the five built-in sets as `<id> — <document number>`, plus the
 * workbook's own `Chỉ tiêu` sheet when it has one. The hint below names the chosen document in full.
 */
import { Dropdown, Field, makeStyles, Option } from '@fluentui/react-components';
import { PRESETS } from '../../domain/presets';
import { useStrings } from '../language';
import { choiceSet, presetOptionText, SHEET_CHOICE } from '../targetChoice';
import type { TargetChoice } from '../targetChoice';

const useStyles = makeStyles({
  dropdown: { minWidth: 'auto', width: '100%' },
  listbox: { maxHeight: '60vh' },
});

export interface TargetSetPickerProps {
  readonly value: TargetChoice;
  readonly onChange: (choice: TargetChoice) => void;
  /** Offer the workbook's own `Chỉ tiêu` sheet. */
  readonly hasSheet: boolean;
  readonly disabled?: boolean;
}

/** Labelled drop-down of target sets. */
export function TargetSetPicker({ value, onChange, hasSheet, disabled }: TargetSetPickerProps) {
  const t = useStrings();
  const styles = useStyles();
  const set = choiceSet(value);
  const text = set ? presetOptionText(set) : t.sheetTargetSet;
  return (
    <Field label={t.targetSet} hint={set ? set.document : t.sheetTargetSetHint}>
      <Dropdown
        className={styles.dropdown}
        listbox={{ className: styles.listbox }}
        value={text}
        selectedOptions={[value]}
        disabled={disabled}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {hasSheet && (
          <Option value={SHEET_CHOICE} text={t.sheetTargetSet}>
            {t.sheetTargetSet}
          </Option>
        )}
        {PRESETS.map((p) => (
          <Option key={p.id} value={p.id} text={presetOptionText(p)}>
            {presetOptionText(p)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

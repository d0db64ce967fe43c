/**
 * An indicator status as a coloured badge with its word: colour is never the only signal, and
 * the tint badges keep dark text on a light fill, readable for colour-blind users and in print.
 */
import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { Status } from '../../domain/status';
import { useStrings } from '../language';

const COLOR: Readonly<Record<Status, NonNullable<BadgeProps['color']>>> = {
  DAT: 'success',
  CHUA_DAT: 'danger',
  THIEU_DU_LIEU: 'warning',
  KHONG_AP_DUNG: 'informative',
};

/** The status word in a badge of the status colour. */
export function StatusBadge({ status }: { status: Status }) {
  const t = useStrings();
  return (
    <Badge appearance="tint" color={COLOR[status]} shape="rounded" data-status={status}>
      {t.status[status]}
    </Badge>
  );
}

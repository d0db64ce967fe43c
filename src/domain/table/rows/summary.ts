/**
 * How many rows of each kind a table has, and which rows were not read as units: shown in the
 * JSON report (`rows`) and, as one Vietnamese line, on the command line and in the pane, so the
 * user sees that headings, subtotals and signatures were set aside rather than counted.
 */
import { formatNumber } from '../../format';
import type { RowKinds } from './classify';
import { ROW_KINDS, type RowKind } from './rowKind';

/** How many rows of each kind, and where the rows that are not units are. */
export interface RowSummary {
  readonly counts: Readonly<Record<RowKind, number>>;
  /** The 1-based rows of each kind but `unit`, top to bottom. */
  readonly nonUnit: Readonly<Record<Exclude<RowKind, 'unit'>, readonly number[]>>;
}

/**
 * Sums up a classification.
 *
 * @example
 * rowSummary(classifyRows(grid, layout)).counts.subtotal // 3
 * rowSummary(classifyRows(grid, layout)).nonUnit.subtotal // [12, 18, 24]
 */
export function rowSummary(kinds: Pick<RowKinds, 'first' | 'kinds'>): RowSummary {
  const counts = Object.fromEntries(ROW_KINDS.map((k) => [k, 0])) as Record<RowKind, number>;
  const nonUnit = Object.fromEntries(ROW_KINDS.filter((k) => k !== 'unit').map((k) => [k, [] as number[]])) as Record<Exclude<RowKind, 'unit'>, number[]>;
  for (let i = 0; i < kinds.kinds.length; i++) {
    const k = kinds.kinds[i];
    counts[k]++;
    if (k !== 'unit') nonUnit[k].push(kinds.first + i);
  }
  return { counts, nonUnit };
}

/** How the line names each kind it mentions (blank rows and units are not mentioned). */
const WORDS: Readonly<Partial<Record<RowKind, string>>> = {
  column_numbers: 'dòng số thứ tự cột',
  section_heading: 'dòng tiêu đề khối',
  subtotal: 'dòng cộng khối',
  grand_total: 'dòng tổng cộng',
  breakdown: 'dòng "trong đó"',
  template: 'dòng mẫu để trống',
  footer: 'dòng ghi chú và chữ ký',
};

/**
 * The line that tells the user which rows were not read as units, or undefined when none.
 *
 * @example
 * skippedRowsText(summary) // 'Bỏ qua 3 dòng tiêu đề khối, 3 dòng cộng khối, 1 dòng tổng cộng, 5 dòng ghi chú và chữ ký (không tính là đơn vị).'
 */
export function skippedRowsText(summary: RowSummary | undefined): string | undefined {
  if (!summary) return undefined;
  const parts: string[] = [];
  for (const kind of ROW_KINDS) {
    const word = WORDS[kind];
    const count = summary.counts[kind];
    if (word && count > 0) parts.push(`${formatNumber(count)} ${word}`);
  }
  return parts.length ? `Bỏ qua ${parts.join(', ')} (không tính là đơn vị).` : undefined;
}

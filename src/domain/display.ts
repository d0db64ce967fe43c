/**
 * How an indicator's result reads in Vietnamese on the summary sheet and in the task pane.
 */
import { formatNumber, formatPercent } from './format';
import type { IndicatorResult } from './result';
import { isFractionKind } from './targetSet';
import { formatTarget } from './targetText';

/**
 * The actual value: "82,4% (41/50)", "9.120", "0 đơn vị", "+3.600", or "—" when it cannot be computed.
 *
 * @example
 * formatActual({ kind: 'unit_share', actual: 0.82, numerator: 41, denominator: 50, … }) // '82% (41/50)'
 */
export function formatActual(r: IndicatorResult): string {
  if (r.actual === undefined) return '—';
  switch (r.kind) {
    case 'ratio':
    case 'unit_threshold':
    case 'unit_share':
      return `${formatPercent(r.actual)} (${formatNumber(r.numerator ?? 0)}/${formatNumber(r.denominator ?? 0)})`;
    case 'reduction':
      return formatPercent(r.actual);
    case 'unit_count':
      return `${formatNumber(r.actual)} đơn vị`;
    case 'change':
      return (r.actual > 0 ? '+' : '') + formatNumber(r.actual);
    case 'mean':
      return formatNumber(r.actual, 2);
    case 'manual':
      return formatNumber(r.actual, 2) + (r.unitLabel ? ` ${r.unitLabel}` : '');
    case 'sum':
      return formatNumber(r.actual);
  }
}

/** The target as the document states it: "≥ 15%", "90%–95%", "≤ 0". */
export function formatResultTarget(r: IndicatorResult): string {
  return formatTarget(r.target, isFractionKind(r.kind));
}

/**
 * How many units the figure rests on: "48/50 đơn vị có số liệu" style, short form "48/50".
 *
 * @example
 * formatReported({ inScope: 50, reported: 48, kind: 'ratio', … }) // '48/50'
 */
export function formatReported(r: IndicatorResult): string {
  if (r.kind === 'manual') return 'Nhập tay';
  let text = `${formatNumber(r.reported)}/${formatNumber(r.inScope)}`;
  if (r.years) {
    const present = r.years.present.length ? r.years.present.join(', ') : 'chưa có năm nào';
    text += ` (năm ${r.years.from}–${r.years.to}; có số liệu: ${present})`;
  }
  return text;
}

/**
 * The words of the meeting document's table (interfaces.md, "The meeting document"): an
 * indicator named as the program words it, its figures with money in the unit a reader expects,
 * and the `Ghi chú` that says what is behind each figure.
 */
import { columnDef } from '../../domain/catalog';
import { formatActual, formatResultTarget } from '../../domain/display';
import { formatNumber, formatPercent } from '../../domain/format';
import type { FailingUnit, IndicatorResult } from '../../domain/result';
import type { Indicator, TargetSet } from '../../domain/targetSet';

/** How many units `Ghi chú` names before "và N đơn vị khác". */
export const NAMES_IN_NOTE = 8;

/** Amounts above this many đồng are shown in triệu đồng. */
const MILLION_THRESHOLD = 10_000_000;

/**
 * The indicator's full name in the program's words: its description (the document's sentence),
 * first letter capitalised and the final full stop dropped; the short label when the set has no
 * description or when two indicators share one sentence (the label then tells them apart).
 *
 * @example
 * indicatorWording(set, result) // 'Hằng năm, 100% CĐCS đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên'
 */
export function indicatorWording(set: TargetSet, r: IndicatorResult): string {
  const d = r.description?.trim();
  if (!d) return r.label;
  const shared = set.indicators.filter((i) => i.description?.trim() === d).length > 1;
  if (shared) return r.label;
  const text = d.replace(/[.;:,]\s*$/, '');
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function definition(set: TargetSet, id: string): Indicator | undefined {
  return set.indicators.find((i) => i.id === id);
}

const isMoney = (key: string): boolean => columnDef(key)?.type === 'money';
const millions = (dong: number): string => formatNumber(dong / 1_000_000, 1);

/**
 * The result as the table shows it: formatActual, except that money above 10 million đồng reads
 * in triệu đồng (`75% (2.066,8/2.755,8 triệu đồng)` rather than `2.066.840.000`).
 *
 * @example
 * figureText(set, suDungKp) // '75% (2.066,8/2.755,8 triệu đồng)'
 */
export function figureText(set: TargetSet, r: IndicatorResult): string {
  const def = definition(set, r.id);
  if (def && r.actual !== undefined) {
    if (def.kind === 'ratio' && isMoney(def.num) && Math.max(r.numerator ?? 0, r.denominator ?? 0) > MILLION_THRESHOLD) {
      return `${formatPercent(r.actual)} (${millions(r.numerator ?? 0)}/${millions(r.denominator ?? 0)} triệu đồng)`;
    }
    const moneyColumn = def.kind === 'sum' || def.kind === 'mean' ? def.column : def.kind === 'change' ? def.end : undefined;
    if (moneyColumn && isMoney(moneyColumn) && Math.abs(r.actual) > MILLION_THRESHOLD) {
      return `${r.actual > 0 && def.kind === 'change' ? '+' : ''}${millions(r.actual)} triệu đồng`;
    }
  }
  return formatActual(r);
}

/** The target as the document states it (`≥ 15%`). */
export function targetText(r: IndicatorResult): string {
  return formatResultTarget(r);
}

/** `48/50`: units with data out of units in scope; `Nhập tay` for a figure typed on the Chỉ tiêu sheet. */
export function reportedText(r: IndicatorResult): string {
  return r.kind === 'manual' ? 'Nhập tay' : `${formatNumber(r.reported)}/${formatNumber(r.inScope)}`;
}

/**
 * The heading of the units behind a per-unit indicator or a count, fitting its kind:
 * `Đơn vị chưa đạt ngưỡng` (a threshold each unit must meet), `Đơn vị chưa thực hiện` (a yes/no
 * share), the counted thing for a count (`CĐCS không hoàn thành nhiệm vụ`, from the label
 * `Số CĐCS không hoàn thành nhiệm vụ`); undefined for indicators that name no units.
 */
export function unitsHeading(r: IndicatorResult): string | undefined {
  switch (r.kind) {
    case 'unit_threshold':
      return 'Đơn vị chưa đạt ngưỡng';
    case 'unit_share':
      return 'Đơn vị chưa thực hiện';
    case 'ratio':
      return r.perUnit ? 'Đơn vị chưa đạt tỷ lệ' : undefined;
    case 'unit_count': {
      const counted = r.label.replace(/^số\s+/i, '').trim();
      return counted && counted !== r.label ? counted.charAt(0).toLocaleUpperCase('vi') + counted.slice(1) : 'Đơn vị được tính';
    }
    default:
      return undefined;
  }
}

/** The units a note and the unit list name for an indicator: those failing it, or those a count counts. */
export function namedUnits(r: IndicatorResult): readonly FailingUnit[] {
  return r.kind === 'unit_count' ? (r.countedUnits ?? []) : r.failingUnits;
}

/** A unit as a reader knows it: its name, else its code, else its row. */
export function unitName(u: FailingUnit): string {
  return u.name ?? u.code ?? `dòng ${u.row}`;
}

function columnWords(key: string): string {
  return `"${columnDef(key)?.header ?? key}"`;
}

/** What the figure is made of, in words, for indicators that do not name units. */
function formulaWords(def: Indicator | undefined, r: IndicatorResult): string {
  if (!def) return '';
  const units = `${formatNumber(r.reported)} đơn vị có số liệu`;
  switch (def.kind) {
    case 'ratio':
      return `Tổng cột ${columnWords(def.num)} chia tổng cột ${columnWords(def.den)}, cộng trên ${units}.`;
    case 'sum':
      return `Tổng cột ${columnWords(def.column)} của ${units}.`;
    case 'mean':
      return `Bình quân cột ${columnWords(def.column)} trên ${units}.`;
    case 'change':
      return `Tổng cột ${columnWords(def.end)} trừ tổng cột ${columnWords(def.start)}, trên ${units}.`;
    case 'reduction':
      return `Mức giảm từ cột ${columnWords(def.start)} đến cột ${columnWords(def.end)}, so với đầu kỳ, trên ${units}.`;
    case 'manual':
      return 'Số liệu nhập tay trên sheet "Chỉ tiêu".';
    default:
      return '';
  }
}

/**
 * `Ghi chú`: what is behind the figure. Per-unit indicators and counts name their units under a
 * heading fitting the kind, at most {@link NAMES_IN_NOTE}, then "và N đơn vị khác — xem sheet
 * `Danh sách đơn vị`"; other indicators say how the figure is made. A year window adds which of
 * its years the data holds.
 *
 * @example
 * noteText(set, r, 'Danh sách đơn vị') // 'Đơn vị chưa thực hiện (2): CĐCS số 1; CĐCS số 3'
 */
export function noteText(set: TargetSet, r: IndicatorResult, unitListSheet: string): string {
  const parts: string[] = [];
  const heading = unitsHeading(r);
  if (r.status === 'KHONG_AP_DUNG' && r.inScope === 0 && r.kind !== 'manual') parts.push('Không có đơn vị nào thuộc phạm vi của chỉ tiêu.');
  else if (r.status === 'THIEU_DU_LIEU' && r.reported === 0 && r.kind !== 'manual') parts.push('Chưa có số liệu để tính.');
  else if (heading) {
    const units = namedUnits(r);
    if (units.length === 0) parts.push(`${heading}: không có.`);
    else {
      const names = units.slice(0, NAMES_IN_NOTE).map(unitName);
      const more = units.length - names.length;
      parts.push(
        `${heading} (${formatNumber(units.length)}): ${names.join('; ')}` +
          (more > 0 ? ` và ${formatNumber(more)} đơn vị khác — xem sheet "${unitListSheet}".` : '.'),
      );
    }
  } else {
    const words = formulaWords(definition(set, r.id), r);
    if (words) parts.push(words);
  }
  if (r.years) {
    const present = r.years.present.length ? r.years.present.join(', ') : 'chưa có năm nào';
    parts.push(`Tính gộp các năm ${r.years.from}–${r.years.to}; có số liệu: ${present}.`);
  }
  return parts.join(' ');
}

/**
 * The parts of a worksheet that guide data entry in a template: the column outline (technical
 * columns grouped and collapsed), sheet protection without a password, number rules with their
 * input messages. Written by sheetWriter.ts at their places in CT_Worksheet.
 */
import type { ColumnGroupSpec, InputMessage, NumberRuleSpec, PromptSpec, ProtectionSpec, SheetSpec } from '../plan';
import { formatRange, parseRange, type Range } from './refs';
import { escapeAttr, escapeText } from './xml';
import { maxOf } from '../../domain/arrays';

/** Excel's limits on a validation's message box (longer texts make Excel refuse the file). */
const MAX_TITLE = 32;
const MAX_PROMPT = 255;
const MAX_ERROR = 225;

/** Excel's default column width, for a column that only carries the outline's + button. */
const DEFAULT_WIDTH = 9.140625;

/**
 * The `<cols>` element: widths, and the outline of `spec.columnGroups` — grouped columns at
 * outline level 1 (hidden when collapsed), and `collapsed="1"` on the column after a collapsed
 * group, where Excel draws its + button. Empty when there is nothing to say.
 *
 * @example
 * colsXml({ name: 'x', rows: [], colWidths: [6, 40], columnGroups: [{ from: 1, to: 1, collapsed: true }] })
 * // '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="40" customWidth="1" hidden="1" outlineLevel="1"/><col min="3" max="3" width="9.140625" collapsed="1"/></cols>'
 */
export function colsXml(spec: SheetSpec): string {
  const widths = spec.colWidths ?? [];
  const level = new Map<number, { hidden: boolean }>();
  const collapsedAfter = new Set<number>();
  for (const g of spec.columnGroups ?? []) {
    if (!(Number.isInteger(g.from) && Number.isInteger(g.to) && g.from >= 0 && g.to >= g.from)) continue;
    for (let c = g.from; c <= g.to; c++) level.set(c, { hidden: g.collapsed });
    if (g.collapsed) collapsedAfter.add(g.to + 1);
  }
  const last = maxOf(maxOf(widths.length - 1, level.keys()), collapsedAfter);
  const out: string[] = [];
  for (let c = 0; c <= last; c++) {
    const w = widths[c];
    const hasWidth = w !== undefined && Number.isFinite(w) && w > 0;
    const grouped = level.get(c);
    const after = collapsedAfter.has(c);
    if (!hasWidth && !grouped && !after) continue;
    out.push(
      `<col min="${c + 1}" max="${c + 1}" width="${hasWidth ? w : DEFAULT_WIDTH}"` +
        (hasWidth ? ' customWidth="1"' : '') +
        (grouped?.hidden ? ' hidden="1"' : '') +
        (grouped ? ' outlineLevel="1"' : '') +
        (after ? ' collapsed="1"' : '') +
        '/>',
    );
  }
  return out.length ? `<cols>${out.join('')}</cols>` : '';
}

/** `outlineLevelCol` of `<sheetFormatPr>`: Excel shows the outline symbols only when it is set. */
export function outlineLevelAttr(groups: readonly ColumnGroupSpec[] | undefined): string {
  return groups && groups.length > 0 ? ' outlineLevelCol="1"' : '';
}

/**
 * `<sheetProtection>` without a password: cells are locked unless their style unlocks them;
 * selecting cells stays allowed, and so (as asked) do column and row formatting.
 *
 * @example
 * sheetProtectionXml({ allowFormatColumns: true, allowFormatRows: true })
 * // '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>'
 */
export function sheetProtectionXml(p: ProtectionSpec): string {
  // In CT_SheetProtection an attribute set to 1 means "protected" (the action is refused).
  return (
    '<sheetProtection sheet="1" objects="1" scenarios="1"' +
    (p.allowFormatColumns ? ' formatColumns="0"' : '') +
    (p.allowFormatRows ? ' formatRows="0"' : '') +
    '/>'
  );
}

function clip(text: string, max: number, what: string, warnings: string[]): string {
  if (text.length <= max) return text;
  warnings.push(`${what} cut to ${max} characters`);
  return text.slice(0, max - 1) + '…';
}

/**
 * A validation's `sqref`: the readable ranges of a space-separated list, in canonical form
 * ('' when none can be read).
 *
 * @example
 * sqref('e2:e10 ?? F3') // 'E2:E10 F3'
 */
export function sqref(ranges: string): string {
  return ranges
    .split(/\s+/)
    .map(parseRange)
    .filter((r): r is Range => !!r)
    .map(formatRange)
    .join(' ');
}

/** The prompt attributes of a `<dataValidation>` (Excel shows the box when a cell is selected). */
export function promptAttrs(prompt: InputMessage | undefined, warnings: string[]): string {
  if (!prompt) return '';
  return (
    ` promptTitle="${escapeAttr(clip(prompt.title, MAX_TITLE, 'prompt title', warnings))}"` +
    ` prompt="${escapeAttr(clip(prompt.text, MAX_PROMPT, 'prompt', warnings))}"`
  );
}

/**
 * A whole-number or decimal `<dataValidation>`: blank allowed, other values refused with the
 * rule's error box. Empty for a rule whose range cannot be read.
 *
 * @example
 * numberRuleXml({ range: 'E2:E1001', type: 'whole', min: 0, prompt: { title: 'Số người', text: 'Gõ số nguyên' }, error: { title: 'Không hợp lệ', text: 'Chỉ gõ số nguyên' } }, [])
 */
export function numberRuleXml(rule: NumberRuleSpec, warnings: string[]): string {
  const range = sqref(rule.range);
  if (!range || !Number.isFinite(rule.min) || (rule.max !== undefined && !(Number.isFinite(rule.max) && rule.max >= rule.min))) return '';
  const between = rule.max !== undefined;
  return (
    `<dataValidation type="${rule.type}" operator="${between ? 'between' : 'greaterThanOrEqual'}" allowBlank="1"` +
    ' showInputMessage="1" showErrorMessage="1"' +
    ` errorTitle="${escapeAttr(clip(rule.error.title, MAX_TITLE, 'error title', warnings))}"` +
    ` error="${escapeAttr(clip(rule.error.text, MAX_ERROR, 'error', warnings))}"` +
    promptAttrs(rule.prompt, warnings) +
    ` sqref="${range}"><formula1>${escapeText(String(rule.min))}</formula1>` +
    (between ? `<formula2>${escapeText(String(rule.max))}</formula2>` : '') +
    '</dataValidation>'
  );
}

/**
 * A `<dataValidation>` that only shows an input message (its type defaults to `none`: any value).
 * Empty for a range that cannot be read.
 *
 * @example
 * promptXml({ range: 'F13', prompt: { title: 'Số đoàn viên', text: 'Gõ số nguyên' } }, [])
 * // '<dataValidation allowBlank="1" showInputMessage="1" promptTitle="Số đoàn viên" prompt="Gõ số nguyên" sqref="F13"/>'
 */
export function promptXml(p: PromptSpec, warnings: string[]): string {
  const range = sqref(p.range);
  if (!range) return '';
  return `<dataValidation allowBlank="1" showInputMessage="1"${promptAttrs(p.prompt, warnings)} sqref="${range}"/>`;
}

/**
 * Sets the widths of some columns in a worksheet's `<cols>`, leaving every other `<col>` byte-identical.
 *
 * A `<col min max>` range that overlaps our columns is split: the parts outside keep all their
 * attributes, and each of our columns becomes its own `<col>` that keeps the user's attributes
 * (style, outline…) with `width`/`customWidth` set and without `hidden`/`collapsed`. Re-running finds those single
 * columns and rewrites them to the same text, so the patch is idempotent.
 */
import { findElement, findElements, rawAttrs } from './xml';

interface ColEl {
  readonly min: number;
  readonly xml: string;
}

/** Serialises a `<col>` from raw attributes with some values replaced (kept in place) or appended. */
function colXml(p: string, attrs: [string, string][], set: Record<string, string>): string {
  const done = new Set<string>();
  const parts = attrs.map(([n, v]) => {
    if (n in set) {
      done.add(n);
      return `${n}="${set[n]}"`;
    }
    return `${n}="${v}"`;
  });
  for (const [n, v] of Object.entries(set)) if (!done.has(n)) parts.push(`${n}="${v}"`);
  return `<${p}col ${parts.join(' ')}/>`;
}

/**
 * @param head the worksheet XML before `<sheetData>` (where `<cols>` lives)
 * @param widths 1-based column → width in characters
 */
export function patchCols(head: string, p: string, widths: ReadonlyMap<number, number>): string {
  if (widths.size === 0) return head;
  const width = (c: number): string => String(widths.get(c));
  const el = findElement(head, p + 'cols');
  const out: ColEl[] = [];
  const covered = new Set<number>();
  if (el && !el.selfClosing) {
    for (const span of findElements(head, p + 'col', el.openEnd, el.innerEnd)) {
      const xml = head.slice(span.start, span.end);
      const attrs = rawAttrs(xml);
      const get = (n: string): number => Number(attrs.find(([k]) => k === n)?.[1]);
      const min = get('min');
      const max = get('max');
      const ours = [...widths.keys()].filter((c) => c >= min && c <= max).sort((a, b) => a - b);
      if (!ours.length) {
        out.push({ min, xml });
        continue;
      }
      let from = min;
      const flush = (to: number): void => {
        if (to >= from) out.push({ min: from, xml: colXml(p, attrs, { min: String(from), max: String(to) }) });
      };
      for (const c of ours) {
        flush(c - 1);
        // Ours are visible: a hidden or collapsed range of the user's is split around them.
        const shown = attrs.filter(([n]) => n !== 'hidden' && n !== 'collapsed');
        out.push({ min: c, xml: colXml(p, shown, { min: String(c), max: String(c), width: width(c), customWidth: '1' }) });
        covered.add(c);
        from = c + 1;
      }
      flush(max);
    }
  }
  for (const c of widths.keys()) {
    if (!covered.has(c)) out.push({ min: c, xml: `<${p}col min="${c}" max="${c}" width="${width(c)}" customWidth="1"/>` });
  }
  out.sort((a, b) => a.min - b.min);
  const cols = `<${p}cols>${out.map((c) => c.xml).join('')}</${p}cols>`;
  if (el) return head.slice(0, el.start) + cols + head.slice(el.end);
  // `<cols>` comes right before `<sheetData>`, i.e. at the end of the head.
  return head + cols;
}

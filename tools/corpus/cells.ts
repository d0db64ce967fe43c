/**
 * Every cell of a worksheet part as stored — value, type, formula and style index — so the
 * corpus test can say that a user's cell is exactly as it was after `check --out`.
 */
import { walkXml } from './ooxml';

/** What a user sees of one cell, as stored: a change to any field is a change to the cell. */
export interface StoredCell {
  /** Style index; absent means 0. */
  readonly s: string;
  /** Cell type; absent means a number. */
  readonly t: string;
  /** The formula text with its kind (shared, array…), or '' for none. */
  readonly f: string;
  /** The stored value (`<v>`), or the inline string's text. */
  readonly v: string;
}

const colName = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

const colNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The shared strings table's texts in order (phonetic runs left out). */
export function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  walkXml(xml, {
    open(el, stack) {
      if (el.local === 'si' && stack[stack.length - 1] === 'sst') out.push('');
    },
    text(t, stack) {
      if (stack[stack.length - 1] === 't' && stack.includes('si') && !stack.includes('rPh')) out[out.length - 1] += t;
    },
  });
  return out;
}

/**
 * The cells of a worksheet XML text by A1 reference. Rows and cells without an `r` attribute
 * take the position after the previous one, as the standard says. A shared-string cell's value
 * is its text, so a rebuilt string table does not count as a change.
 */
export function storedCells(xml: string, sst: readonly string[] = []): Map<string, StoredCell> {
  const cells = new Map<string, StoredCell>();
  let row = 0;
  let col = 0;
  let cur: { ref: string; s: string; t: string; f: string; v: string } | undefined;
  let field: 'f' | 'v' | 'is' | undefined;
  walkXml(xml, {
    open(el, stack) {
      const parent = stack[stack.length - 1];
      if (el.local === 'row' && parent === 'sheetData') {
        row = el.attrs.r ? Number(el.attrs.r) : row + 1;
        col = 0;
      } else if (el.local === 'c' && parent === 'row') {
        const m = el.attrs.r ? /^([A-Za-z]+)(\d+)$/.exec(el.attrs.r) : null;
        col = m ? colNumber(m[1]) : col + 1;
        cur = { ref: `${colName(col)}${m ? m[2] : row}`, s: el.attrs.s ?? '0', t: el.attrs.t ?? 'n', f: '', v: '' };
      } else if (cur && parent === 'c') {
        if (el.local === 'f') {
          field = 'f';
          const kind = ['t', 'ref', 'si', 'ca', 'aca', 'dt2D', 'dtr', 'del1', 'del2', 'r1', 'r2', 'bx']
            .filter((k) => el.attrs[k] !== undefined)
            .map((k) => `${k}=${el.attrs[k]}`)
            .join(' ');
          cur.f = kind ? `[${kind}]` : '';
        } else if (el.local === 'v') field = 'v';
        else if (el.local === 'is') field = 'is';
      }
    },
    text(t, stack) {
      if (!cur || !field) return;
      if (field === 'f') cur.f += t;
      else if (field === 'v') cur.v += t;
      else if (stack[stack.length - 1] === 't' && !stack.includes('rPh')) cur.v += t; // phonetic runs are not the value
    },
    close(local, stack) {
      if (cur && local === 'c' && stack[stack.length - 1] === 'row') {
        const v = cur.t === 's' && /^\d+$/.test(cur.v.trim()) ? (sst[Number(cur.v)] ?? `#missing string ${cur.v}`) : cur.v;
        cells.set(cur.ref, { s: cur.s, t: cur.t, f: cur.f, v });
        cur = undefined;
      } else if (local === 'f' || local === 'v' || local === 'is') {
        if (stack[stack.length - 1] === 'c') field = undefined;
      }
    },
  });
  return cells;
}

/** Describes the first differences between two cell maps: cells of `before` missing or changed in `after`. */
export function changedCells(before: Map<string, StoredCell>, after: Map<string, StoredCell>, max = 5): string[] {
  const out: string[] = [];
  for (const [ref, a] of before) {
    const b = after.get(ref);
    const same = b && a.s === b.s && a.t === b.t && a.f === b.f && a.v === b.v;
    if (!same) {
      out.push(`${ref}: ${JSON.stringify(a)} → ${b ? JSON.stringify(b) : 'removed'}`);
      if (out.length >= max) break;
    }
  }
  return out;
}

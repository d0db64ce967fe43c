/**
 * The header band (spec/layouts.md, "The header band"): the one to three rows that name the
 * table's columns. Group cells merged across (`Số đoàn viên` over `Tổng số | Nữ`) and identity
 * cells merged down (`Mã đơn vị` over two rows) are read so that a merged cell's text counts for
 * every column and row it spans. Where the adapter knows no merges (or the user never merged),
 * a group's text stands in its first column only: a blank cell right of it continues the group
 * while the rows below have sub-headers there.
 *
 * The band is the first one, top within the first 30 rows, whose columns name at least three
 * catalog columns, one of them `ma_don_vi` or `ten_don_vi`; it grows down while the next row is
 * a sub-header row and ends at the first row that holds a unit (data rows start there).
 */
import type { CellRange, RawCell, SheetGrid } from '../grid';
import { matchColumn, matchHeader, type ColumnMatch } from './catalogMatch';
import { headerDisplayText } from './headerText';
import { isOutputHeader } from './productColumns';
// Column numbers or letters (`1`, `(2)`, `A`, `(5)=(6)+(7)`) make a column-number row, never headers.
import { isColumnNumberText } from './rows/columnNumberRow';

/** Rows scanned for the band's top row. */
export const HEADER_SCAN_ROWS = 30;
/** A band has at most this many rows. */
export const MAX_BAND_ROWS = 3;
/** Catalog columns a band must name. */
const MIN_MATCHES = 3;
const IDENTITY = new Set(['ma_don_vi', 'ten_don_vi']);

/** One text of a column's header, as the user reads it. */
export interface BandText {
  readonly text: string;
  /** 1-based first band row where this text stands over the column. */
  readonly row: number;
  /** How many columns the cell spans (a merge across, or a group continued over blank cells). */
  readonly span: number;
}

/** A column of the band: its header texts top to bottom and the catalog column they name. */
export interface BandColumn {
  /** 0-based column. */
  readonly col: number;
  /** Distinct texts over the column, top (group) to bottom (its own header). */
  readonly texts: readonly BandText[];
  /** True when the bottom text is one of the product's own column headers (`Kết quả: …`). */
  readonly output: boolean;
  readonly match?: ColumnMatch;
}

/** The rows of the header and what each column is. */
export interface HeaderBand {
  /** 1-based first row of the band. */
  readonly top: number;
  /** 1-based last row of the band; data rows start below it. */
  readonly bottom: number;
  readonly columns: readonly BandColumn[];
}

interface Slot {
  readonly text: string;
  /** Same id = same cell (a merge, or a group continued to the right). */
  readonly id: number;
  readonly left: number;
  span: number;
}

const ROW_ID = 1 << 15;

function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads header bands of one sheet. Results are kept per band, so trying the candidate bands
 * of the first rows costs each row a few passes.
 */
class BandReader {
  private readonly mergesByRow = new Map<number, CellRange[]>();
  private readonly slotCache = new Map<string, (Slot | undefined)[][]>();
  private readonly columnCache = new Map<string, BandColumn[]>();
  private readonly subRowCache = new Map<string, boolean>();
  private readonly identityRows = new Map<number, boolean>();

  constructor(
    private readonly grid: SheetGrid,
    private readonly lastRow: number,
  ) {
    for (const m of grid.merges ?? []) {
      if (m.top > lastRow) continue;
      for (let r = Math.max(1, m.top); r <= Math.min(m.bottom, lastRow); r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  private cell(row: number, col: number): RawCell | undefined {
    return this.grid.rows[row - 1]?.[col];
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    const list = this.mergesByRow.get(row);
    if (!list) return undefined;
    for (const m of list) if (m.left <= col && col <= m.right) return m;
    return undefined;
  }

  /** The cell's own value: undefined where a merge started elsewhere covers it. */
  ownValue(row: number, col: number): RawCell | undefined {
    const m = this.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) return undefined;
    return this.cell(row, col);
  }

  private width(top: number, bottom: number): number {
    let w = 0;
    for (let r = top; r <= bottom; r++) {
      // A merge from above the band (`Mã đơn vị` merged down) stands in the band too.
      for (const m of this.mergesByRow.get(r) ?? []) if (m.left + 1 > w && !isBlank(this.cell(m.top, m.left))) w = m.left + 1;
      const cells = this.grid.rows[r - 1] ?? [];
      for (let c = cells.length - 1; c >= w; c--) {
        if (!isBlank(cells[c])) {
          w = c + 1;
          break;
        }
      }
    }
    return w;
  }

  private hasOwnTextBelow(col: number, from: number, to: number): boolean {
    for (let r = from; r <= to; r++) {
      const v = this.ownValue(r, col);
      if (!isBlank(v) && headerDisplayText(v) !== '') return !isOutputHeader(headerDisplayText(v));
    }
    return false;
  }

  /** Per band row, per column: the text standing there (own, merged, or a continued group). */
  slots(top: number, bottom: number): (Slot | undefined)[][] {
    const cacheKey = `${top}:${bottom}`;
    const cached = this.slotCache.get(cacheKey);
    if (cached) return cached;
    const width = this.width(top, bottom);
    const rows: (Slot | undefined)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: (Slot | undefined)[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const m = this.mergeAt(r, c);
        if (m) {
          const text = headerDisplayText(this.cell(m.top, m.left));
          if (text) line[c] = { text, id: m.top * ROW_ID + m.left, left: m.left, span: m.right - m.left + 1 };
        } else {
          const text = headerDisplayText(this.cell(r, c));
          if (text) line[c] = { text, id: r * ROW_ID + c, left: c, span: 1 };
        }
      }
      // A group typed without merging: its blank neighbours to the right continue it while the
      // rows below have sub-headers there.
      if (r < bottom) {
        for (let c = 0; c < width; c++) {
          const s = line[c];
          if (!s || s.span !== 1 || this.mergeAt(r, c)) continue;
          let k = c + 1;
          while (k < width && !line[k] && !this.mergeAt(r, k) && this.hasOwnTextBelow(k, r + 1, bottom)) k++;
          if (k - c < 2) continue;
          s.span = k - c;
          for (let j = c + 1; j < k; j++) line[j] = s;
          c = k - 1;
        }
      }
      rows.push(line);
    }
    this.slotCache.set(cacheKey, rows);
    return rows;
  }

  /** The band's columns: each column's distinct texts top to bottom, and what they name. */
  columns(top: number, bottom: number): BandColumn[] {
    const cacheKey = `${top}:${bottom}`;
    const cached = this.columnCache.get(cacheKey);
    if (cached) return cached;
    const rows = this.slots(top, bottom);
    const width = rows.reduce((w, line) => Math.max(w, line.length), 0);
    const out: BandColumn[] = [];
    for (let c = 0; c < width; c++) {
      const texts: BandText[] = [];
      let lastId = -1;
      let ownStart = false;
      for (let i = 0; i < rows.length; i++) {
        const s = rows[i][c];
        if (!s || s.id === lastId) continue;
        lastId = s.id;
        texts.push({ text: s.text, row: top + i, span: s.span });
        if (s.left === c) ownStart = true;
      }
      // A column covered only by the merge or group of the column on its left has no header of
      // its own: it is part of that wider cell, not a column (as when no merges are known).
      if (!texts.length || !ownStart) continue;
      const output = isOutputHeader(texts[texts.length - 1].text);
      const match = output ? undefined : matchColumn(texts.map((t) => t.text));
      out.push({ col: c, texts, output, ...(match ? { match } : {}) });
    }
    this.columnCache.set(cacheKey, out);
    return out;
  }

  /**
   * Whether `row` continues the band `top … row − 1` as a sub-header row: it holds only text
   * (no numbers, not a column-number row), no unit code or name under the band's identity
   * headers, and at least one text under a group cell of the rows above.
   */
  isSubHeaderRow(top: number, row: number): boolean {
    if (row - top >= MAX_BAND_ROWS || row > this.grid.rows.length) return false;
    const cacheKey = `${top}:${row}`;
    const cached = this.subRowCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.checkSubHeaderRow(top, row);
    this.subRowCache.set(cacheKey, result);
    return result;
  }

  private checkSubHeaderRow(top: number, row: number): boolean {
    const cells = this.grid.rows[row - 1] ?? [];
    const own: number[] = [];
    let allColumnNumbers = true;
    for (let c = 0; c < cells.length; c++) {
      const v = this.ownValue(row, c);
      if (isBlank(v)) continue;
      if (typeof v !== 'string') return false;
      own.push(c);
      if (!isColumnNumberText(v)) allColumnNumbers = false;
    }
    if (!own.length || allColumnNumbers) return false;
    // A unit's code or name under the identity headers: data rows start here.
    for (const column of this.columns(top, row - 1)) {
      if (!column.match || !IDENTITY.has(column.match.key)) continue;
      const used = column.texts[column.match.used[0]];
      if (used.span === 1 && own.includes(column.col)) return false;
    }
    const slots = this.slots(top, row);
    const bandRow = row - top;
    return own.some((c) => {
      for (let i = bandRow - 1; i >= 0; i--) {
        const s = slots[i][c];
        if (s) return s.span >= 2;
      }
      return false;
    });
  }

  /**
   * Whether a row holds a header that names the unit code or name on its own (also a merged
   * one reaching down into it): a band without one cannot make a table, so it is not read.
   */
  namesIdentity(row: number): boolean {
    let found = this.identityRows.get(row);
    if (found !== undefined) return found;
    found = false;
    const isIdentity = (v: RawCell | undefined) => {
      const text = typeof v === 'string' ? headerDisplayText(v) : '';
      const key = text ? matchHeader(text) : undefined;
      return key !== undefined && IDENTITY.has(key);
    };
    for (const v of this.grid.rows[row - 1] ?? []) if ((found = isIdentity(v))) break;
    if (!found) for (const m of this.mergesByRow.get(row) ?? []) if ((found = isIdentity(this.cell(m.top, m.left)))) break;
    this.identityRows.set(row, found);
    return found;
  }

  /** Whether rows top+1 … bottom each continue the band above them. */
  chain(top: number, bottom: number): boolean {
    for (let r = top + 1; r <= bottom; r++) if (!this.isSubHeaderRow(top, r)) return false;
    return true;
  }
}

interface Score {
  readonly count: number;
  readonly identity: boolean;
  /** The top row's text names at least one column (so a title row above never joins the band). */
  readonly topNames: boolean;
}

function score(columns: readonly BandColumn[], top: number): Score {
  let count = 0;
  let identity = false;
  let topNames = false;
  for (const c of columns) {
    if (!c.match) continue;
    count++;
    if (IDENTITY.has(c.match.key)) identity = true;
    if (c.match.used.some((i) => c.texts[i].row === top)) topNames = true;
  }
  return { count, identity, topNames };
}

function qualifies(s: Score): boolean {
  return s.count >= MIN_MATCHES && s.identity && s.topNames;
}

/**
 * Finds the header band of a sheet, or undefined when no rows near the top name a table.
 * Among bands ending on the same row, the one naming the most columns wins, the taller on a tie
 * (its top row must name a column itself).
 *
 * @example
 * // Row 4: STT | Mã đơn vị | Tên đơn vị | Số đoàn viên (merged over D:E) ; row 5: Tổng số | Nữ
 * findHeaderBand(grid) // { top: 4, bottom: 5, columns: [… D → so_dv, E unmatched …] }
 */
export function findHeaderBand(grid: SheetGrid, scanRows: number = HEADER_SCAN_ROWS): HeaderBand | undefined {
  const reader = new BandReader(grid, scanRows + MAX_BAND_ROWS);
  const lastBottom = Math.min(scanRows + MAX_BAND_ROWS - 1, grid.rows.length);
  for (let bottom = 1; bottom <= lastBottom; bottom++) {
    let best: { top: number; count: number } | undefined;
    for (let top = Math.max(1, bottom - MAX_BAND_ROWS + 1); top <= Math.min(bottom, scanRows); top++) {
      let identity = false;
      for (let r = top; r <= bottom && !identity; r++) identity = reader.namesIdentity(r);
      if (!identity || !reader.chain(top, bottom)) continue;
      const s = score(reader.columns(top, bottom), top);
      if (qualifies(s) && (!best || s.count > best.count)) best = { top, count: s.count };
    }
    if (!best) continue;
    const top = best.top;
    // The band goes on down while the rows below are sub-headers of it.
    let end = bottom;
    while (reader.isSubHeaderRow(top, end + 1)) end++;
    for (let b = end; b > bottom; b--) {
      const s = score(reader.columns(top, b), top);
      if (s.count >= MIN_MATCHES && s.identity) return { top, bottom: b, columns: reader.columns(top, b) };
    }
    return { top, bottom, columns: reader.columns(top, bottom) };
  }
  return undefined;
}

/**
 * The columns of a given band (for tests and tools that already know where the header is).
 *
 * @example
 * readBand(grid, 4, 5).find((c) => c.col === 3)?.match?.key // 'so_dv'
 */
export function readBand(grid: SheetGrid, top: number, bottom: number): readonly BandColumn[] {
  return new BandReader(grid, bottom).columns(top, bottom);
}

/**
 * Finds the data table in a sheet: the header row (below any title rows and merged cells)
 * and which catalog column each header is, through headers, aliases, NFD text and missing diacritics.
 */
import { COLUMNS, ROW_NUMBER_HEADERS } from './catalog';
import { cellAt, type CellRange, type RawCell, type SheetGrid } from './grid';
import { STATUS_LABEL } from './status';
import { cleanText, matchKey } from './text';

/** Header of the product's own status columns on the data sheet. */
export const STATUS_HEADER_PREFIX = 'Kết quả:';
/** Header of the product's error-count column. */
export const ERROR_COUNT_HEADER = 'Lỗi dữ liệu';

export type ColumnRole = 'data' | 'row_number' | 'source' | 'unknown' | 'duplicate' | 'output';

/** Header of the column the intake writes: which file and row each master row came from. */
export const SOURCE_HEADER = 'Nguồn';

export interface TableColumn {
  /** 0-based column index. */
  readonly col: number;
  readonly header: string;
  /** Catalog key for role 'data' (and the key a 'duplicate' repeats). */
  readonly key?: string;
  readonly role: ColumnRole;
}

export interface TableLayout {
  readonly sheet: string;
  /** 1-based row of the header. */
  readonly headerRow: number;
  readonly columns: readonly TableColumn[];
  /** Catalog key → 0-based column, for the first column of each key. */
  readonly keyCol: ReadonlyMap<string, number>;
  /** 0-based index of the last column that belongs to the user's table. */
  readonly lastCol: number;
  /**
   * 0-based index of the last column holding anything of the user's in the table's rows (a note,
   * a formula — also one whose result is empty —, a cell that only carries a format), wherever it
   * is outside the product's own columns. Status columns go after it.
   */
  readonly lastUsedCol: number;
  /** 0-based columns holding an earlier run's output (status columns, Lỗi dữ liệu). */
  readonly outputCols: readonly number[];
  /** 1-based last row where an earlier run's columns hold a value (the header row when none). */
  readonly outputLastRow: number;
  /** The sheet's merged ranges that reach the table's rows (from the header row down). */
  readonly merges: readonly CellRange[];
  /** 1-based last row of the sheet that holds anything. */
  readonly lastRow: number;
  /** A four-digit year found in the title rows above the header ("… NĂM 2024"). */
  readonly titleYear?: number;
}

const HEADER_SCAN_ROWS = 30;
const MIN_MATCHES = 3;

const HEADER_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const def of COLUMNS) {
    for (const label of [def.header, ...def.aliases]) {
      const k = matchKey(label);
      if (!index.has(k)) index.set(k, def.key);
    }
  }
  return index;
})();

const ROW_NUMBER_KEYS = new Set(ROW_NUMBER_HEADERS.map(matchKey));

/**
 * The catalog key a header text names, or undefined. A trailing unit in parentheses
 * ("Kinh phí công đoàn đã thu (đồng)") is tolerated.
 *
 * @example
 * matchHeader('Tổng số ĐV') // undefined
 * matchHeader('SO DOAN VIEN') // 'so_dv'
 */
export function matchHeader(text: string): string | undefined {
  const direct = HEADER_INDEX.get(matchKey(text));
  if (direct) return direct;
  const withoutParens = text.replace(/\([^)]*\)/g, ' ');
  return withoutParens === text ? undefined : HEADER_INDEX.get(matchKey(withoutParens));
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  return '';
}

/** True for a header the product itself wrote on an earlier run. */
export function isOutputHeader(text: string): boolean {
  const t = cleanText(text);
  return t.startsWith(STATUS_HEADER_PREFIX) || t === ERROR_COUNT_HEADER;
}

function countMatches(grid: SheetGrid, row: number): { count: number; identity: boolean } {
  const cells = grid.rows[row - 1] ?? [];
  let count = 0;
  let identity = false;
  for (const cell of cells) {
    const text = headerText(cell);
    if (!text) continue;
    const key = matchHeader(text);
    if (!key) continue;
    count++;
    if (key === 'ma_don_vi' || key === 'ten_don_vi') identity = true;
  }
  return { count, identity };
}

function findTitleYear(grid: SheetGrid, headerRow: number): number | undefined {
  for (let r = 1; r < headerRow; r++) {
    for (const cell of grid.rows[r - 1] ?? []) {
      if (typeof cell !== 'string') continue;
      const m = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(cell);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

const OUTPUT_WORDS: ReadonlySet<string> = new Set(Object.values(STATUS_LABEL));

/**
 * Whether a cell in one of the product's columns holds what the product writes there: a status
 * word (possibly after a ✓/✗ mark) or an error count. Anything else there is the user's.
 */
function isOutputValue(v: RawCell): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && OUTPUT_WORDS.has(v.replace(/^[✓✗✔✘]\s*/, '').trim());
}

/**
 * Locates the data table of a sheet. The header row is the first of the first 30 rows with
 * at least three catalog headers, one of them `ma_don_vi` or `ten_don_vi` (spec/columns.md).
 *
 * @example
 * findTable(grid)?.headerRow // 4 when three title rows sit above the header
 */
export function findTable(grid: SheetGrid): TableLayout | undefined {
  const scan = Math.min(HEADER_SCAN_ROWS, grid.rows.length);
  let headerRow = 0;
  for (let r = 1; r <= scan; r++) {
    const m = countMatches(grid, r);
    if (m.count >= MIN_MATCHES && m.identity) {
      headerRow = r;
      break;
    }
  }
  if (!headerRow) return undefined;

  const cells = grid.rows[headerRow - 1] ?? [];
  const columns: TableColumn[] = [];
  const keyCol = new Map<string, number>();
  const outputCols: number[] = [];
  let lastCol = -1;
  for (let c = 0; c < cells.length; c++) {
    const header = headerText(cellAt(grid, headerRow, c));
    if (!header) continue;
    if (isOutputHeader(header)) {
      outputCols.push(c);
      columns.push({ col: c, header, role: 'output' });
      continue;
    }
    lastCol = c;
    const key = matchHeader(header);
    if (key && !keyCol.has(key)) {
      keyCol.set(key, c);
      columns.push({ col: c, header, key, role: 'data' });
    } else if (key) {
      columns.push({ col: c, header, key, role: 'duplicate' });
    } else if (ROW_NUMBER_KEYS.has(matchKey(header))) {
      columns.push({ col: c, header, role: 'row_number' });
    } else if (header === SOURCE_HEADER) {
      columns.push({ col: c, header, role: 'source' });
    } else {
      columns.push({ col: c, header, role: 'unknown' });
    }
  }
  // Only columns left of the product's own block belong to the user's table.
  const firstOutput = outputCols.length ? outputCols[0] : Infinity;
  const tableColumns = columns.filter((c) => c.role === 'output' || c.col < firstOutput);
  lastCol = tableColumns.reduce((max, c) => (c.role !== 'output' && c.col > max ? c.col : max), -1);

  let lastRow = grid.rows.length;
  while (lastRow > headerRow && (grid.rows[lastRow - 1] ?? []).every((v) => v === null || v === undefined || v === '')) lastRow--;

  // Every cell of the user's counts, also right of an earlier run's block: `''` (a formula whose
  // result is empty) and, where the adapter knows them, cells that only carry a format.
  const output = new Set(outputCols);
  let lastUsedCol = lastCol;
  let outputLastRow = headerRow;
  for (let r = headerRow; r <= lastRow; r++) {
    const cells = grid.rows[r - 1] ?? [];
    let rowLast = -1;
    let userLast = -1;
    for (let c = cells.length - 1; c >= 0; c--) {
      const v = cells[c];
      if (v === null || v === undefined) continue;
      if (rowLast < 0) rowLast = c;
      if (output.has(c) && (r === headerRow || isOutputValue(v))) {
        outputLastRow = r;
      } else if (userLast < 0) {
        userLast = c;
        if (!output.size) break;
      }
    }
    if (userLast > lastUsedCol) lastUsedCol = userLast;
    // A cell without a value right of the row's last value is the user's too (the product's
    // cells always hold a value).
    const extent = grid.cellExtent?.[r - 1] ?? -1;
    if (extent > rowLast && extent > lastUsedCol && !output.has(extent)) lastUsedCol = extent;
  }
  const merges = (grid.merges ?? []).filter((m) => m.bottom >= headerRow);

  const titleYear = findTitleYear(grid, headerRow);
  return {
    sheet: grid.name,
    headerRow,
    columns: tableColumns,
    keyCol: new Map([...keyCol].filter(([, c]) => c < firstOutput)),
    lastCol,
    lastUsedCol,
    outputCols,
    outputLastRow,
    merges,
    lastRow,
    ...(titleYear !== undefined ? { titleYear } : {}),
  };
}

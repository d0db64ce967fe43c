/**
 * Where the data table of a sheet is: the header band, which catalog column each column is,
 * the product's own columns from an earlier run, and how far the user's cells reach
 * (spec/columns.md, spec/layouts.md "The header band").
 */
import { columnDef } from '../catalog';
import type { CellRange, SheetGrid } from '../grid';
import { isRowNumberHeader } from './catalogMatch';
import { cleanText } from '../text';
import { findHeaderBand } from './headerBand';
import { findMoneyUnit, type MoneyScale } from './moneyUnits';
import { ERROR_COUNT_HEADER, isOutputValue, SOURCE_HEADER } from './productColumns';

export type ColumnRole = 'data' | 'row_number' | 'source' | 'unknown' | 'duplicate' | 'output';

export interface TableColumn {
  /** 0-based column index. */
  readonly col: number;
  /**
   * The column's header as the user reads it: its own text, after the group cells above it in
   * the band (`Số đoàn viên — Nữ`); TCVN3/VNI text converted.
   */
  readonly header: string;
  /** The group text(s) above the column's own header in the band, when there are any. */
  readonly group?: string;
  /** Catalog key for role 'data' (and the key a 'duplicate' repeats). */
  readonly key?: string;
  readonly role: ColumnRole;
  /**
   * For a money column whose header names a unit: how many đồng one unit is (`(triệu đồng)` →
   * 1,000,000). Absent when the header names no unit (amounts are in đồng).
   */
  readonly moneyScale?: MoneyScale;
  /** The unit as written in the header (`(triệu đồng)`), with `moneyScale`. */
  readonly moneyUnit?: string;
}

export interface TableLayout {
  readonly sheet: string;
  /** 1-based first row of the header band (= `headerRow` for a one-row header). */
  readonly headerTop: number;
  /** 1-based last row of the header band; data rows start below it. */
  readonly headerRow: number;
  readonly columns: readonly TableColumn[];
  /** Catalog key → 0-based column, for the first column of each key. */
  readonly keyCol: ReadonlyMap<string, number>;
  /** 0-based index of the last column that belongs to the user's table. */
  readonly lastCol: number;
  /**
   * 0-based index of the last column holding anything of the user's in the table's rows (a note,
   * a formula — also one whose result is empty —, a cell that only carries a format), wherever it
   * is outside the product's own columns.
   */
  readonly lastUsedCol: number;
  /**
   * The same per row, from the header row down (index row − headerRow; −1 for none): status
   * columns go right of what the user has in the rows they are written in (header and units).
   */
  readonly rowLastUsed: Int32Array;
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

/**
 * Locates the data table of a sheet: the header band (one to three rows, the first band within
 * the first 30 rows that names at least three catalog columns, one of them `ma_don_vi` or
 * `ten_don_vi`), each column's role, and the extent of the user's cells.
 *
 * @example
 * findTable(grid)?.headerRow // 4 when three title rows sit above a one-row header
 * findTable(grid)?.headerTop // 4 and headerRow 5 for a two-row header in rows 4–5
 */
export function findTable(grid: SheetGrid): TableLayout | undefined {
  const band = findHeaderBand(grid);
  if (!band) return undefined;
  const headerRow = band.bottom;
  const headerTop = band.top;

  const columns: TableColumn[] = [];
  const keyCol = new Map<string, number>();
  const outputCols: number[] = [];
  for (const bc of band.columns) {
    const c = bc.col;
    const own = bc.texts[bc.texts.length - 1].text;
    if (bc.output) {
      outputCols.push(c);
      columns.push({ col: c, header: own, role: 'output' });
      continue;
    }
    const groupTexts = bc.texts.slice(0, -1).map((t) => t.text);
    const naming = {
      col: c,
      header: [...groupTexts, own].join(' — '),
      ...(groupTexts.length ? { group: groupTexts.join(' — ') } : {}),
    };
    const key = bc.match?.key;
    if (key) {
      const money = columnDef(key)?.type === 'money' ? moneyUnitOf(bc.texts.map((t) => t.text)) : undefined;
      const unit = money ? { moneyScale: money.scale, moneyUnit: money.text } : {};
      if (!keyCol.has(key)) {
        keyCol.set(key, c);
        columns.push({ ...naming, key, role: 'data', ...unit });
      } else {
        columns.push({ ...naming, key, role: 'duplicate', ...unit });
      }
    } else if (isRowNumberHeader(own)) {
      columns.push({ ...naming, role: 'row_number' });
    } else if (own === SOURCE_HEADER) {
      columns.push({ ...naming, role: 'source' });
    } else {
      columns.push({ ...naming, role: 'unknown' });
    }
  }
  // Only columns left of the product's own block belong to the user's table.
  const firstOutput = outputCols.length ? outputCols[0] : Infinity;
  const tableColumns = columns.filter((c) => c.role === 'output' || c.col < firstOutput);
  const lastCol = tableColumns.reduce((max, c) => (c.role !== 'output' && c.col > max ? c.col : max), -1);

  let lastRow = grid.rows.length;
  while (lastRow > headerRow && (grid.rows[lastRow - 1] ?? []).every((v) => v === null || v === undefined || v === '')) lastRow--;

  // Every cell of the user's counts, also right of an earlier run's block: `''` (a formula whose
  // result is empty) and, where the adapter knows them, cells without a value (a format only).
  const output = new Set(outputCols);
  // The product clears its old columns only within the table's own rows: down to the last row
  // with anything in the table's columns. A number typed beside, under the table, stays.
  let tableLastRow = lastRow;
  const hasTableValue = (r: number): boolean => {
    const cells = grid.rows[r - 1] ?? [];
    for (let c = 0; c <= lastCol && c < cells.length; c++) {
      const v = cells[c];
      if (v !== null && v !== undefined && v !== '') return true;
    }
    return false;
  };
  while (tableLastRow > headerRow && !hasTableValue(tableLastRow)) tableLastRow--;
  const errorCountCols = new Set(columns.filter((c) => c.role === 'output' && cleanText(c.header) === ERROR_COUNT_HEADER).map((c) => c.col));
  let lastUsedCol = lastCol;
  let outputLastRow = headerRow;
  const rowLastUsed = new Int32Array(lastRow - headerRow + 1).fill(-1);
  for (let r = headerRow; r <= lastRow; r++) {
    const cells = grid.rows[r - 1] ?? [];
    let userLast = -1;
    for (let c = cells.length - 1; c >= 0; c--) {
      const v = cells[c];
      if (v === null || v === undefined) continue;
      if (output.has(c) && (r === headerRow || isOutputValue(v, errorCountCols.has(c)))) {
        if (r <= tableLastRow) outputLastRow = r;
      } else if (userLast < 0) {
        userLast = c;
        if (!output.size) break;
      }
    }
    // A cell without a value is the user's wherever it is: the product's cells always hold one.
    const blank = grid.blankCellExtent?.[r - 1] ?? -1;
    if (blank > userLast) userLast = blank;
    rowLastUsed[r - headerRow] = userLast;
    if (userLast > lastUsedCol) lastUsedCol = userLast;
  }
  const merges = (grid.merges ?? []).filter((m) => m.bottom >= headerRow);

  // Title rows are the rows above the band (a group header such as `Năm 2024` is not a title).
  const titleYear = findTitleYear(grid, headerTop);
  return {
    sheet: grid.name,
    headerTop,
    headerRow,
    columns: tableColumns,
    keyCol: new Map([...keyCol].filter(([, c]) => c < firstOutput)),
    lastCol,
    lastUsedCol,
    rowLastUsed,
    outputCols,
    outputLastRow,
    merges,
    lastRow,
    ...(titleYear !== undefined ? { titleYear } : {}),
  };
}

/** The money unit of a column: its own header's first, then its groups' (nearest first). */
function moneyUnitOf(texts: readonly string[]) {
  for (let i = texts.length - 1; i >= 0; i--) {
    const unit = findMoneyUnit(texts[i]);
    if (unit) return unit;
  }
  return undefined;
}

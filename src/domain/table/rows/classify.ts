/**
 * The kind of every row below the header band (spec/layouts.md, "Rows inside the table"): each
 * row is exactly one of unit, column-number row, section heading, subtotal, grand total,
 * breakdown, template row, blank, footer. Only units are data. Each rule family has its own file
 * in this folder; this one applies them in order and works out what each total must add up:
 * - a subtotal adds the units since the previous section heading or subtotal (or the table's
 *   start); a grand total adds every unit of the table, never the subtotals;
 * - a bare `Cộng` is a subtotal when units come before and after it, else the grand total;
 * - a subtotal right under a heading (before its units) adds the units that follow, up to the
 *   next heading or total; one right under another subtotal (`Cộng khối I` after `Cộng cụm 2`)
 *   adds the units since the last heading that stands higher than the block just closed.
 */
import type { RawCell, SheetGrid } from '../../grid';
import { parseVietnameseNumber } from '../../normalize';
import type { TableLayout } from '../layout';
import { isBreakdownLabel } from './breakdownRows';
import { isColumnNumberRow } from './columnNumberRow';
import { markFooter } from './footer';
import { isBlankCell } from './labelText';
import { DataMerges } from './mergedData';
import type { RowKind } from './rowKind';
import { readSectionHeading, type SectionHeading } from './sectionHeading';
import { isTemplateRow } from './templateRows';
import { readTotalLabel, type TotalLabel } from './totalRows';

/** A subtotal or grand total row and the units its numbers must add up. */
export interface TotalRow {
  readonly row: number;
  readonly kind: 'subtotal' | 'grand_total';
  /** The label as the user reads it (`Cộng khối trường học`; TCVN3/VNI converted). */
  readonly label: string;
  /** The block's units are `units.slice(from, to)` of the classification. */
  readonly from: number;
  readonly to: number;
  /** For a subtotal: the heading that opens its block, as shown (`I. KHỐI TRƯỜNG HỌC`). */
  readonly section?: string;
}

/** The rows of a table by kind. */
export interface RowKinds {
  /** 1-based first row below the header band. */
  readonly first: number;
  /** The kind of each row from `first` down to the table's last row (index = row − first). */
  readonly kinds: readonly RowKind[];
  /** 1-based rows of the units, top to bottom. */
  readonly units: readonly number[];
  /** The section (heading label) each unit stands under, parallel to `units`. */
  readonly sections: readonly (string | undefined)[];
  readonly totals: readonly TotalRow[];
}

/** Which columns play which part in telling rows apart. */
interface Columns {
  /** Every column of the table that a row's content is looked for in, left to right. */
  readonly all: readonly number[];
  /** Where labels stand: STT, code, name, and unnamed columns left of them. */
  readonly label: readonly number[];
  /** Label columns that are neither code nor name (the row number's). */
  readonly rowNumber: ReadonlySet<number>;
  /** The rest: must be blank in a section heading. */
  readonly data: readonly number[];
  /** Catalog columns other than code and name: a number there is a unit's, not a footer's. */
  readonly catalog: readonly number[];
  readonly stt?: number;
  readonly code?: number;
  readonly name?: number;
}

function columnsOf(layout: TableLayout): Columns {
  const own = layout.columns.filter((c) => c.role !== 'output');
  const stt = own.find((c) => c.role === 'row_number')?.col;
  const code = layout.keyCol.get('ma_don_vi');
  const name = layout.keyCol.get('ten_don_vi');
  const byCol = new Map(own.map((c) => [c.col, c]));
  const maxLabel = Math.max(stt ?? -1, code ?? -1, name ?? -1);
  const label: number[] = [];
  for (let c = 0; c <= maxLabel; c++) {
    const column = byCol.get(c);
    // A column without a header left of the identity columns often holds the STT or a label.
    if (c === stt || c === code || c === name || !column || column.role === 'unknown' || column.role === 'row_number') label.push(c);
  }
  const labelSet = new Set(label);
  const all = [...new Set([...own.map((c) => c.col), ...label])].sort((a, b) => a - b);
  return {
    all,
    label,
    rowNumber: new Set(label.filter((c) => c !== code && c !== name)),
    data: all.filter((c) => !labelSet.has(c)),
    catalog: own.filter((c) => (c.role === 'data' || c.role === 'duplicate') && c.key !== 'ma_don_vi' && c.key !== 'ten_don_vi').map((c) => c.col),
    ...(stt !== undefined ? { stt } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

function isNumberCell(v: RawCell | undefined): boolean {
  return typeof v === 'number' || (typeof v === 'string' && parseVietnameseNumber(v) !== undefined);
}

/**
 * Classifies every row below the header band.
 *
 * @example
 * // Header row 4; row 5 `(1) (2) (3) …`; row 6 `I | KHỐI TRƯỜNG HỌC`; rows 7–8 units;
 * // row 9 `Cộng khối trường học`; row 10 `Tổng cộng`; row 12 `Người lập biểu`.
 * const k = classifyRows(grid, findTable(grid)!);
 * k.units // [7, 8]
 * k.totals // [{ row: 9, kind: 'subtotal', from: 0, to: 2, section: 'I. KHỐI TRƯỜNG HỌC', … }, { row: 10, kind: 'grand_total', from: 0, to: 2, … }]
 * k.kinds // ['column_numbers', 'section_heading', 'unit', 'unit', 'subtotal', 'grand_total', 'blank', 'footer']
 */
export function classifyRows(grid: SheetGrid, layout: TableLayout): RowKinds {
  const first = layout.headerRow + 1;
  const n = Math.max(0, layout.lastRow - first + 1);
  const cols = columnsOf(layout);
  const merges = new DataMerges(layout.merges, layout.headerRow, layout.lastRow);
  // The cell's own value: a cell covered by a merge started elsewhere holds none.
  const own = (row: number, col: number): RawCell | undefined =>
    merges.empty || !merges.covered(row, col) ? grid.rows[row - 1]?.[col] : null;

  const noMerges = merges.empty;
  const kinds: RowKind[] = new Array<RowKind>(n).fill('blank');
  const totalLabels = new Map<number, TotalLabel>();
  const headings = new Map<number, SectionHeading>();
  const hasCode = (row: number) => cols.code !== undefined && !isBlankCell(own(row, cols.code));
  const values = (row: number, list: readonly number[]) => list.map((c) => own(row, c) ?? null);
  // Rows after a breakdown opener continue it only where units can be told from them.
  const canContinueBreakdown = cols.code !== undefined || cols.stt !== undefined;
  let seenContent = false;

  // Plain loops: this runs once per row of tables of 100,000 rows.
  for (let i = 0; i < n; i++) {
    const row = first + i;
    const cells = grid.rows[row - 1];
    let blank = true;
    if (cells) for (let k = 0; k < cols.all.length && blank; k++) blank = isBlankCell(cells[cols.all[k]]);
    if (blank) {
      kinds[i] = 'blank';
      continue;
    }
    if (!seenContent) {
      seenContent = true;
      if (isColumnNumberRow(values(row, cols.all), Math.min(3, cols.all.length))) {
        kinds[i] = 'column_numbers';
        continue;
      }
    }
    const code = cols.code === undefined ? undefined : noMerges ? cells?.[cols.code] : own(row, cols.code);
    const coded = !isBlankCell(code);
    // The common case: a unit code that is not a total label.
    if (coded && !readTotalLabel(code)) {
      kinds[i] = 'unit';
      continue;
    }
    let total: TotalLabel | undefined;
    for (let k = 0; k < cols.label.length && !total; k++) total = readTotalLabel(own(row, cols.label[k]));
    if (total) {
      totalLabels.set(i, total);
      kinds[i] = total.kind === 'subtotal' ? 'subtotal' : 'grand_total';
      continue;
    }
    const prev = i > 0 ? kinds[i - 1] : undefined;
    if (prev === 'subtotal' || prev === 'grand_total' || prev === 'breakdown') {
      const opens = cols.label.some((c) => isBreakdownLabel(own(row, c)));
      const continues = prev === 'breakdown' && canContinueBreakdown && (cols.stt === undefined || isBlankCell(own(row, cols.stt)));
      if (opens || continues) {
        kinds[i] = 'breakdown';
        continue;
      }
    }
    let dataBlank = true;
    for (let k = 0; k < cols.data.length && dataBlank; k++) {
      const c = cols.data[k];
      // A value merged down over the block (`Khu vực`) belongs to the rows below, not the heading.
      dataBlank = isBlankCell(own(row, c)) || merges.inMergeDown(row, c);
    }
    if (dataBlank) {
      const stt = cols.stt === undefined ? undefined : own(row, cols.stt);
      const nameCell = cols.name === undefined ? undefined : own(row, cols.name);
      // A heading typed in another label cell (merged across the row) stands in for the name.
      const text = !isBlankCell(nameCell) ? nameCell : cols.label.map((c) => own(row, c)).find((v, k) => cols.label[k] !== cols.stt && !isBlankCell(v));
      const heading = readSectionHeading(stt, text);
      if (heading) {
        headings.set(i, heading);
        kinds[i] = 'section_heading';
        continue;
      }
    }
    // A template row has no name either (the common case in a table without a code column).
    if (cols.name !== undefined && !isBlankCell(own(row, cols.name))) {
      kinds[i] = 'unit';
      continue;
    }
    const line: (RawCell | undefined)[] = [];
    for (const c of cols.all) line[c] = own(row, c);
    kinds[i] = isTemplateRow(line, cols.rowNumber) ? 'template' : 'unit';
  }

  markFooter(kinds, (i) => {
    const k = kinds[i];
    if (k === 'subtotal' || k === 'grand_total' || k === 'breakdown') return true;
    if (k !== 'unit') return false;
    const row = first + i;
    return hasCode(row) || cols.catalog.some((c) => isNumberCell(own(row, c)));
  });

  // A bare `Cộng` closes a block when units stand before and after it; otherwise it is the total.
  const bare = [...totalLabels].filter(([i, t]) => t.kind === 'bare' && kinds[i] !== 'footer');
  if (bare.length) {
    const unitsBefore = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) unitsBefore[i + 1] = unitsBefore[i] + (kinds[i] === 'unit' ? 1 : 0);
    for (const [i] of bare) {
      const before = unitsBefore[i] > 0;
      const after = unitsBefore[n] - unitsBefore[i + 1] > 0;
      kinds[i] = before && after ? 'subtotal' : 'grand_total';
    }
  }

  return { first, kinds, ...blocks(kinds, first, totalLabels, headings) };
}

/** Units, their sections, and each total's block, in one pass down the rows. */
function blocks(
  kinds: readonly RowKind[],
  first: number,
  totalLabels: ReadonlyMap<number, TotalLabel>,
  headings: ReadonlyMap<number, SectionHeading>,
): Pick<RowKinds, 'units' | 'sections' | 'totals'> {
  const units: number[] = [];
  const sections: (string | undefined)[] = [];
  const totals: { row: number; kind: 'subtotal' | 'grand_total'; label: string; from: number; to: number; section?: string }[] = [];
  const grand: number[] = [];
  const seenHeadings: { heading: SectionHeading; at: number }[] = [];
  let section: string | undefined;
  let blockStart = 0;
  let blockHeading: SectionHeading | undefined;
  // The heading of the block the last subtotal closed: a subtotal right under it closes the outer block.
  let lastClosed: SectionHeading | undefined;
  // A subtotal right under its heading, waiting for the units that follow it.
  let forward: (typeof totals)[number] | undefined;
  let previous: RowKind | undefined;
  const closeForward = () => {
    if (forward) forward.to = units.length;
    forward = undefined;
  };
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    const row = first + i;
    if (kind === 'unit') {
      units.push(row);
      sections.push(section);
    } else if (kind === 'section_heading') {
      closeForward();
      const heading = headings.get(i) as SectionHeading;
      section = heading.label;
      blockStart = units.length;
      blockHeading = heading;
      seenHeadings.push({ heading, at: units.length });
    } else if (kind === 'subtotal') {
      closeForward();
      const label = totalLabels.get(i)?.label ?? '';
      if (units.length > blockStart) {
        totals.push({ row, kind, label, from: blockStart, to: units.length, ...(blockHeading ? { section: blockHeading.label } : {}) });
        lastClosed = blockHeading;
      } else if (previous === 'section_heading') {
        forward = { row, kind, label, from: units.length, to: units.length, ...(blockHeading ? { section: blockHeading.label } : {}) };
        totals.push(forward);
        previous = kind;
        continue;
      } else {
        const level = lastClosed?.level;
        let outer: { heading: SectionHeading; at: number } | undefined;
        if (level !== undefined) {
          for (let k = seenHeadings.length - 1; k >= 0 && !outer; k--) if (seenHeadings[k].heading.level < level) outer = seenHeadings[k];
        }
        totals.push({ row, kind, label, from: outer ? outer.at : 0, to: units.length, ...(outer ? { section: outer.heading.label } : {}) });
        lastClosed = outer?.heading;
      }
      blockStart = units.length;
      blockHeading = undefined;
      section = undefined;
    } else if (kind === 'grand_total') {
      closeForward();
      grand.push(totals.length);
      totals.push({ row, kind, label: totalLabels.get(i)?.label ?? '', from: 0, to: 0 });
    }
    if (kind !== 'blank') previous = kind;
  }
  closeForward();
  for (const g of grand) totals[g].to = units.length;
  return { units, sections, totals };
}

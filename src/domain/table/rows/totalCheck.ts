/**
 * What a total row must hold (spec/layouts.md, "Rows inside the table"; rule
 * `total_row_mismatch` of spec/validation.md): each number in a count or money column equals the
 * sum of that column over the units of its block — a subtotal's block, or every unit of the table
 * for a grand total (never the subtotals added in). In a yes/no column a number is a count
 * (`COUNTIF`): it must equal the number of units of the block that answer yes. Text cells in a
 * total row are ignored, and a total row is never read as a unit (so never `invalid_choice`).
 */
import { columnDef } from '../../catalog';
import { formatNumber } from '../../format';
import { a1, type RawCell } from '../../grid';
import { formatTyped } from '../../moneyUnit';
import { normalizeCell, parseVietnameseNumber } from '../../normalize';
import type { Problem } from '../../problem';
import type { UnitRow } from '../../unit';
import { placer } from '../../validate';
import type { TableLayout } from '../layout';
import type { RowKinds, TotalRow } from './classify';

/** Sums in đồng may carry float noise from amounts typed in nghìn/triệu đồng. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** How the message names the block a total adds up. */
function blockText(t: TotalRow, rows: RowKinds): string {
  const count = t.to - t.from;
  if (t.kind === 'grand_total') {
    const subtotals = rows.totals.some((x) => x.kind === 'subtotal');
    return `tất cả ${formatNumber(count)} đơn vị của bảng${subtotals ? ' (không cộng các dòng cộng khối)' : ''}`;
  }
  if (count === 0) return t.section ? `khối "${t.section}" (không có đơn vị nào)` : 'khối này (không có đơn vị nào ở trên)';
  const span = count === 1 ? `dòng ${rows.units[t.from]}` : `dòng ${rows.units[t.from]}–${rows.units[t.to - 1]}`;
  return t.section ? `khối "${t.section}" (${formatNumber(count)} đơn vị, ${span})` : `khối ${formatNumber(count)} đơn vị ở ${span}`;
}

/** The block's rows as one range for `=SUM`, when nothing but units, blanks and template rows lie in it. */
function sumRange(t: TotalRow, rows: RowKinds, col: number): string | undefined {
  if (t.to <= t.from) return undefined;
  const top = rows.units[t.from];
  const bottom = rows.units[t.to - 1];
  for (let r = top; r <= bottom; r++) {
    const k = rows.kinds[r - rows.first];
    if (k !== 'unit' && k !== 'blank' && k !== 'template') return undefined;
  }
  return `${a1(top, col)}:${a1(bottom, col)}`;
}

/**
 * total_row_mismatch on every number of a total row that is not its block's sum (or count).
 *
 * @example
 * // Row 9 `Cộng khối trường học` holds 150 in E; the block's units (rows 7–8) hold 80 and 68.
 * totalRowProblems(classifyRows(grid, layout), units, layout, rawAt)[0].message
 * // 'Ô E9: Dòng "Cộng khối trường học" ghi 150 nhưng tổng của khối "I. KHỐI TRƯỜNG HỌC" (2 đơn vị, dòng 7–8) là 148 (cột "Số đoàn viên"). Hãy sửa thành 148 hoặc dùng công thức =SUM(E7:E8).'
 */
export function totalRowProblems(
  rows: RowKinds,
  units: readonly UnitRow[],
  layout: TableLayout,
  rawAt: (row: number, col: number) => RawCell,
): Problem[] {
  const out: Problem[] = [];
  const place = placer(layout.sheet);
  const scales = new Map(layout.columns.map((c) => [c.col, c.moneyScale]));
  for (const t of rows.totals) {
    const label = t.label || (t.kind === 'grand_total' ? 'Tổng cộng' : 'Cộng');
    for (const [key, col] of layout.keyCol) {
      const def = columnDef(key);
      if (!def) continue;
      const raw = rawAt(t.row, col);
      if (def.type === 'int' || def.type === 'money') {
        const scale = def.type === 'money' ? scales.get(col) : undefined;
        const typed = normalizeCell(raw, def, scale ? { moneyScale: scale } : undefined).value;
        if (typeof typed !== 'number') continue;
        let sum = 0;
        for (let i = t.from; i < t.to; i++) {
          const v = units[i].values[key];
          if (typeof v === 'number') sum += v;
        }
        if (same(sum, typed)) continue;
        const range = sumRange(t, rows, col);
        const right = formatTyped(sum, scale);
        out.push({
          ...place.problem('total_row_mismatch', 'error', t.row, col, key, undefined, `Dòng "${label}" ghi ${formatTyped(typed, scale)} nhưng tổng của ${blockText(t, rows)} là ${right} (cột "${def.header}"). Hãy sửa thành ${right}${range ? ` hoặc dùng công thức =SUM(${range})` : ''}.`),
          expected: scale ? sum / scale : sum,
        });
      } else if (def.type === 'bool') {
        // A count of the units that answer yes (COUNTIF), never a yes/no answer of its own.
        const typed = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseVietnameseNumber(raw) : undefined;
        if (typed === undefined) continue;
        let count = 0;
        for (let i = t.from; i < t.to; i++) if (units[i].values[key] === true) count++;
        if (typed === count) continue;
        out.push({
          ...place.problem('total_row_mismatch', 'error', t.row, col, key, undefined, `Dòng "${label}" ghi ${formatNumber(typed, 6)} nhưng trong ${blockText(t, rows)} có ${formatNumber(count)} đơn vị trả lời "Có" (cột "${def.header}"). Hãy sửa thành ${formatNumber(count)}.`),
          expected: count,
        });
      }
    }
  }
  return out;
}

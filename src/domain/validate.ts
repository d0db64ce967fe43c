/**
 * The table-level rules of spec/validation.md: required cells, part ≤ whole, duplicate units,
 * totals rows, missing and unknown columns, year mismatch. Cell-level rules live in normalize.ts.
 */
import { COLUMNS, columnDef } from './catalog';
import { indicatorColumns } from './columnsForSet';
import { formatNumber } from './format';
import { formatTyped } from './moneyUnit';
import { a1 } from './grid';
import type { TableLayout } from './header';
import { normalizeCell } from './normalize';
import type { Problem, UnitRef } from './problem';
import { awaitsWhere, inScope } from './scope';
import type { TargetSet } from './targetSet';
import type { UnitRow } from './unit';
import type { RawCell } from './grid';

/** Builds problems at a place; the caller supplies what is specific to the rule. */
export interface Placer {
  at(row: number, col: number, column: string | undefined, unit: UnitRef | undefined): {
    sheet: string;
    cell: string;
    row: number;
    col: number;
    column?: string;
    unit?: UnitRef;
  };
}

export function placer(sheet: string): Placer {
  return {
    at(row, col, column, unit) {
      return {
        sheet,
        cell: a1(row, col),
        row,
        col,
        ...(column !== undefined ? { column } : {}),
        ...(unit && (unit.code || unit.name) ? { unit } : {}),
      };
    },
  };
}

export function unitRef(u: UnitRow): UnitRef {
  return { ...(u.code ? { code: u.code } : {}), ...(u.name ? { name: u.name } : {}) };
}

function unitLabel(u: UnitRow): string {
  return u.name ?? u.code ?? `dòng ${u.row}`;
}

/** missing_column and unknown_column problems, on the header row. */
export function columnProblems(layout: TableLayout, set: TargetSet, needed: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const place = placer(layout.sheet);
  const firstCol = layout.columns.length ? layout.columns[0].col : 0;
  for (const key of needed) {
    if (layout.keyCol.has(key) || key === 'nam' || key === 'cap') continue;
    const def = columnDef(key);
    const users = set.indicators.filter((i) => indicatorColumns(i).includes(key)).map((i) => i.id);
    out.push({
      rule: 'missing_column',
      severity: 'error',
      ...place.at(layout.headerRow, firstCol, key, undefined),
      message: `Bảng thiếu cột "${def?.header ?? key}"${users.length ? ` (cần cho chỉ tiêu ${users.join(', ')})` : ''}. Hãy thêm cột có tiêu đề "${def?.header ?? key}" vào dòng tiêu đề ${layout.headerRow}.`,
    });
  }
  for (const c of layout.columns) {
    if (c.role === 'unknown') {
      out.push({
        rule: 'unknown_column',
        severity: 'warning',
        ...place.at(layout.headerRow, c.col, c.header, undefined),
        message: `Không nhận ra cột "${c.header}"; cột này được giữ nguyên và không dùng để tính. Nếu là cột chuẩn, hãy đổi tiêu đề theo mẫu (chitieu template).`,
      });
    } else if (c.role === 'duplicate') {
      const def = c.key ? columnDef(c.key) : undefined;
      out.push({
        rule: 'unknown_column',
        severity: 'warning',
        ...place.at(layout.headerRow, c.col, c.header, undefined),
        message: `Cột "${c.header}" trùng với một cột "${def?.header ?? c.key}" đã có ở bên trái; chỉ cột đầu tiên được dùng. Hãy xóa hoặc đổi tên cột trùng.`,
      });
    }
  }
  return out;
}

/**
 * required_missing: identity cells in every unit row, and cells an indicator needs in its scope.
 * `missing` lists, per column, the positions in `units` whose value is missing (blank or unreadable).
 */
export function requiredProblems(
  units: readonly UnitRow[],
  layout: TableLayout,
  set: TargetSet,
  year: number,
  rawAt: (row: number, col: number) => RawCell,
  missing: ReadonlyMap<string, readonly number[]>,
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const place = placer(layout.sheet);
  const add = (u: UnitRow, key: string, why: string) => {
    const col = layout.keyCol.get(key);
    if (col === undefined) return;
    const id = `${u.row}:${col}`;
    if (seen.has(id)) return;
    const raw = rawAt(u.row, col);
    // A cell that holds something unreadable already has its own problem.
    if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) return;
    seen.add(id);
    const def = columnDef(key);
    out.push({
      rule: 'required_missing',
      severity: 'error',
      ...place.at(u.row, col, key, unitRef(u)),
      message: `Cột "${def?.header ?? key}" của ${unitLabel(u)} đang trống${why}. Hãy nhập ${hint(key)}.`,
    });
  };
  const gaps = (key: string): readonly number[] => missing.get(key) ?? [];
  for (const def of COLUMNS) if (def.required) for (const i of gaps(def.key)) add(units[i], def.key, '');
  for (const ind of set.indicators) {
    if (ind.kind === 'manual') continue;
    const why = ` mà chỉ tiêu "${ind.label}" cần`;
    const where = ind.scope.where;
    if (where !== undefined) for (const i of gaps(where)) if (awaitsWhere(units[i], ind, year)) add(units[i], where, why);
    for (const key of indicatorColumns(ind)) {
      if (key === where || !layout.keyCol.has(key)) continue;
      for (const i of gaps(key)) if (inScope(units[i], ind.scope, year)) add(units[i], key, why);
    }
  }
  // Problems in row order, as the table reads.
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

function hint(key: string): string {
  const def = columnDef(key);
  if (!def) return 'giá trị';
  switch (def.type) {
    case 'int':
      return 'số nguyên (gõ 0 nếu không có)';
    case 'money':
      return 'số tiền bằng đồng (gõ 0 nếu không có)';
    case 'bool':
      return 'Có hoặc Không';
    case 'choice':
      return `một trong: ${(def.choices ?? []).map((c) => c.value).join(', ')}`;
    case 'year':
      return 'năm có bốn chữ số';
    case 'text':
      return key === 'ma_don_vi' ? 'mã đơn vị (ví dụ CD001)' : key === 'ten_don_vi' ? 'tên đơn vị' : 'nội dung';
  }
}

/** exceeds_total: a part larger than its whole, placed on the part's cell. */
export function partProblems(units: readonly UnitRow[], layout: TableLayout): Problem[] {
  const out: Problem[] = [];
  const place = placer(layout.sheet);
  for (const def of COLUMNS) {
    if (!def.partOf) continue;
    const col = layout.keyCol.get(def.key);
    if (col === undefined || !layout.keyCol.has(def.partOf)) continue;
    const whole = columnDef(def.partOf);
    // Money in nghìn/triệu đồng: compared in đồng, each shown in its own column's unit.
    const partScale = layout.columns.find((c) => c.col === col)?.moneyScale;
    const wholeScale = layout.columns.find((c) => c.col === layout.keyCol.get(def.partOf as string))?.moneyScale;
    for (const u of units) {
      const part = u.values[def.key];
      const total = u.values[def.partOf];
      if (typeof part !== 'number' || typeof total !== 'number' || part <= total) continue;
      out.push({
        rule: 'exceeds_total',
        severity: 'error',
        whole: def.partOf,
        ...place.at(u.row, col, def.key, unitRef(u)),
        message: `${def.header} (${formatTyped(part, partScale)}) lớn hơn ${whole?.header ?? def.partOf} (${formatTyped(total, wholeScale)}) của ${unitLabel(u)}. Hãy kiểm tra lại: số này phải nhỏ hơn hoặc bằng ${formatTyped(total, partScale)}.`,
      });
    }
  }
  return out;
}

/** duplicate_unit: the same code twice in one year, on the second and later occurrences. */
export function duplicateProblems(units: readonly UnitRow[], layout: TableLayout): Problem[] {
  const out: Problem[] = [];
  const col = layout.keyCol.get('ma_don_vi');
  if (col === undefined) return out;
  const place = placer(layout.sheet);
  // By year, then by code: no key strings to build for 100,000 rows.
  const byYear = new Map<number, Map<string, UnitRow>>();
  for (const u of units) {
    if (!u.code) continue;
    let first = byYear.get(u.year);
    if (!first) byYear.set(u.year, (first = new Map()));
    // Upper case: codes are mostly typed in capitals already, so no new string is made for them.
    const key = u.code.trim().toUpperCase();
    const prev = first.get(key);
    if (!prev) {
      first.set(key, u);
      continue;
    }
    out.push({
      rule: 'duplicate_unit',
      severity: 'error',
      firstRow: prev.row,
      ...place.at(u.row, col, 'ma_don_vi', unitRef(u)),
      message: `Mã đơn vị "${u.code}" năm ${u.year} đã có ở dòng ${prev.row}. Hãy xóa dòng trùng hoặc sửa lại mã cho đúng đơn vị.`,
    });
  }
  return out;
}

/** total_row_mismatch: each numeric cell of a totals row must equal the column's sum above it. */
export function totalRowProblems(
  totalRows: readonly number[],
  units: readonly UnitRow[],
  layout: TableLayout,
  rawAt: (row: number, col: number) => RawCell,
): Problem[] {
  const out: Problem[] = [];
  const place = placer(layout.sheet);
  for (const row of totalRows) {
    const above = units.filter((u) => u.row < row);
    for (const [key, col] of layout.keyCol) {
      const def = columnDef(key);
      if (!def || (def.type !== 'int' && def.type !== 'money')) continue;
      const typed = normalizeCell(rawAt(row, col), def).value;
      if (typeof typed !== 'number') continue;
      let sum = 0;
      for (const u of above) {
        const v = u.values[key];
        if (typeof v === 'number') sum += v;
      }
      if (sum === typed) continue;
      out.push({
        rule: 'total_row_mismatch',
        severity: 'error',
        expected: sum,
        ...place.at(row, col, key, undefined),
        message: `Dòng tổng ghi ${formatNumber(typed)} nhưng cộng các đơn vị ở trên được ${formatNumber(sum)} (cột "${def.header}"). Hãy sửa thành ${formatNumber(sum)} hoặc dùng công thức =SUM.`,
      });
    }
  }
  return out;
}

/** year_mismatch: a row of another year in a single-year target set. */
export function yearProblems(units: readonly UnitRow[], layout: TableLayout, year: number): Problem[] {
  const col = layout.keyCol.get('nam');
  if (col === undefined) return [];
  const place = placer(layout.sheet);
  return units
    .filter((u) => u.year !== year)
    .map(
      (u): Problem => ({
        rule: 'year_mismatch',
        severity: 'warning',
        ...place.at(u.row, col, 'nam', unitRef(u)),
        message: `Dòng này là số liệu năm ${u.year}, khác năm đang tính (${year}); dòng không được tính. Nếu nhầm năm, hãy sửa thành ${year}.`,
      }),
    );
}

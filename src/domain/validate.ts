/**
 * The table-level rules of spec/validation.md: required cells, part ≤ whole, duplicate units,
 * missing and unknown columns, year mismatch. Cell-level rules live in normalize.ts; total rows
 * in table/rows/totalCheck.ts.
 */
import { COLUMNS, columnDef } from './catalog';
import { indicatorColumns } from './columnsForSet';
import { formatNumber } from './format';
import { formatTyped } from './moneyUnit';
import { a1 } from './grid';
import type { TableLayout } from './header';
import type { Problem, RuleId, Severity, UnitRef } from './problem';
import { awaitsWhere, inScope } from './scope';
import type { TargetSet } from './targetSet';
import type { UnitRow } from './unit';
import type { RawCell } from './grid';
import { GO } from './wording';

/** A cell of the sheet, the column and the unit it belongs to. */
export interface Place {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  column?: string;
  unit?: UnitRef;
}

/** Builds places and problems at a place; the caller supplies what is specific to the rule. */
export interface Placer {
  at(row: number, col: number, column: string | undefined, unit: UnitRef | undefined): Place;
  /**
   * A problem at a place. Its message opens with the cell, as a secretary reads it on paper:
   * "Ô F12: …". Rule-specific fields (`whole`, `firstRow`, …) are added by the caller.
   */
  problem<R extends RuleId>(
    rule: R,
    severity: Severity,
    row: number,
    col: number,
    column: string | undefined,
    unit: UnitRef | undefined,
    text: string,
  ): Place & { rule: R; severity: Severity; message: string };
}

// A table can have 200,000 problems. Each is one object literal of a few shapes, without spreads
// (objects built by spreading can each get a hidden class of their own, hundreds of bytes apiece),
// and its message is one flat string (joined: a template keeps a tree of its pieces, which
// writing it out later flattens into a second copy).
export function placer(sheet: string): Placer {
  return {
    at(row, col, column, unit) {
      const cell = a1(row, col);
      if (unit && (unit.code || unit.name)) return column !== undefined ? { sheet, cell, row, col, column, unit } : { sheet, cell, row, col, unit };
      return column !== undefined ? { sheet, cell, row, col, column } : { sheet, cell, row, col };
    },
    problem(rule, severity, row, col, column, unit, text) {
      const cell = a1(row, col);
      const message = ['Ô ', cell, ': ', text].join('');
      if (unit && (unit.code || unit.name)) {
        return column !== undefined
          ? { rule, severity, sheet, cell, row, col, column, unit, message }
          : { rule, severity, sheet, cell, row, col, unit, message };
      }
      return column !== undefined ? { rule, severity, sheet, cell, row, col, column, message } : { rule, severity, sheet, cell, row, col, message };
    },
  };
}

const NO_UNIT: UnitRef = {};
/** One reference per unit row, shared by all its problems (a row can have a dozen). */
const unitRefs = new WeakMap<UnitRow, UnitRef>();

export function unitRef(u: UnitRow): UnitRef {
  let ref = unitRefs.get(u);
  if (!ref) {
    ref = u.code ? (u.name ? { code: u.code, name: u.name } : { code: u.code }) : u.name ? { name: u.name } : NO_UNIT;
    unitRefs.set(u, ref);
  }
  return ref;
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
    out.push(place.problem('missing_column', 'error', layout.headerRow, firstCol, key, undefined, `Bảng thiếu cột "${def?.header ?? key}"${users.length ? ` (cần cho chỉ tiêu ${users.join(', ')})` : ''}. Hãy thêm cột có tiêu đề "${def?.header ?? key}" vào dòng tiêu đề ${layout.headerRow}.`));
  }
  for (const c of layout.columns) {
    if (c.role === 'unknown') {
      out.push(place.problem('unknown_column', 'warning', layout.headerRow, c.col, c.header, undefined, `Không nhận ra cột "${c.header}"; cột này được giữ nguyên và không dùng để tính. Nếu là cột chuẩn, hãy đổi tiêu đề theo ${GO.template}.`));
    } else if (c.role === 'duplicate') {
      const def = c.key ? columnDef(c.key) : undefined;
      out.push(place.problem('unknown_column', 'warning', layout.headerRow, c.col, c.header, undefined, `Cột "${c.header}" trùng với một cột "${def?.header ?? c.key}" đã có ở bên trái; chỉ cột đầu tiên được dùng. Hãy xóa hoặc đổi tên cột trùng.`));
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
  // Rows already reported, by column: small integers, no key string per cell.
  const seen = new Map<number, Set<number>>();
  const place = placer(layout.sheet);
  const add = (u: UnitRow, key: string, why: string) => {
    const col = layout.keyCol.get(key);
    if (col === undefined) return;
    let rows = seen.get(col);
    if (!rows) seen.set(col, (rows = new Set()));
    if (rows.has(u.row)) return;
    const raw = rawAt(u.row, col);
    // A cell that holds something unreadable already has its own problem.
    if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) return;
    rows.add(u.row);
    const def = columnDef(key);
    out.push(place.problem('required_missing', 'error', u.row, col, key, unitRef(u), `Cột "${def?.header ?? key}" của ${unitLabel(u)} đang trống${why}. Hãy nhập ${hint(key)}.`));
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
        ...place.problem('exceeds_total', 'error', u.row, col, def.key, unitRef(u), `${def.header} (${formatTyped(part, partScale)}) lớn hơn ${whole?.header ?? def.partOf} (${formatTyped(total, wholeScale)}) của ${unitLabel(u)}. Hãy kiểm tra lại: số này phải nhỏ hơn hoặc bằng ${formatTyped(total, partScale)}.`),
        whole: def.partOf,
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
      ...place.problem('duplicate_unit', 'error', u.row, col, 'ma_don_vi', unitRef(u), `Mã đơn vị "${u.code}" năm ${u.year} đã có ở dòng ${prev.row}. Hãy xóa dòng trùng hoặc sửa lại mã cho đúng đơn vị.`),
      firstRow: prev.row,
    });
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
      (u): Problem =>
        place.problem('year_mismatch', 'warning', u.row, col, 'nam', unitRef(u), `Dòng này là số liệu năm ${u.year}, khác năm đang tính (${year}); dòng không được tính. Nếu nhầm năm, hãy sửa thành ${year}.`),
    );
}

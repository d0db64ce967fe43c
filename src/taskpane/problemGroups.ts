/**
 * Problems grouped for the pane: by unit (what a secretary fixes row by row) or by rule (what
 * an accountant fixes column by column), each group with its error and warning counts.
 */
import type { Problem, RuleId } from '../domain/problem';

export type GroupBy = 'unit' | 'rule';

export interface ProblemGroup {
  /** Stable key: `unit:<code or name>`, `unit:` for problems of no unit, or `rule:<id>`. */
  readonly key: string;
  /** The unit (name and code) or the rule; undefined for the whole-table group. */
  readonly unit?: { readonly code?: string; readonly name?: string };
  readonly rule?: RuleId;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly Problem[];
}

/** Problems of no unit (a missing column, an unknown header) come first: they affect every row. */
const TABLE_KEY = 'unit:';

function unitKey(p: Problem): string {
  const u = p.unit;
  if (!u || (!u.code && !u.name)) return TABLE_KEY;
  return `unit:${u.code ?? ''}|${u.name ?? ''}`;
}

/**
 * @example
 * groupProblems(result.problems, 'rule')[0] // { key: 'rule:invalid_choice', errors: 3, warnings: 0, problems: […] }
 */
export function groupProblems(problems: readonly Problem[], by: GroupBy): ProblemGroup[] {
  const groups = new Map<string, { unit?: Problem['unit']; rule?: RuleId; list: Problem[] }>();
  for (const p of problems) {
    const key = by === 'unit' ? unitKey(p) : `rule:${p.rule}`;
    let g = groups.get(key);
    if (!g) {
      g = by === 'unit' ? { unit: key === TABLE_KEY ? undefined : p.unit, list: [] } : { rule: p.rule, list: [] };
      groups.set(key, g);
    }
    g.list.push(p);
  }
  const out: ProblemGroup[] = [...groups].map(([key, g]) => {
    const errors = g.list.filter((p) => p.severity === 'error').length;
    return {
      key,
      ...(g.unit ? { unit: g.unit } : {}),
      ...(g.rule ? { rule: g.rule } : {}),
      errors,
      warnings: g.list.length - errors,
      problems: g.list,
    };
  });
  if (by === 'unit') {
    // Problems arrive in row order, so units keep the table's order; the whole-table group leads.
    return out.sort((a, b) => Number(b.key === TABLE_KEY) - Number(a.key === TABLE_KEY));
  }
  // Rules: the ones that block the numbers (errors) first, then the most frequent.
  return out.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || b.problems.length - a.problems.length);
}

/** Errors and warnings in a list of problems. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

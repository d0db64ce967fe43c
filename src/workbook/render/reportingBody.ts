/**
 * The body making the report, printed in the administrative header of `Tổng hợp` (Nghị định
 * 30/2020: the body above it on one line, the body itself in bold under it). It is the target
 * set's issuer unless the user names their own union (`--don-vi`, the pane's field); a name
 * given once is remembered in the workbook: the product's `Tổng hợp` holds it, and a later run
 * without the option reads it back from there.
 */
import type { SheetGrid } from '../../domain/grid';
import { PRESETS } from '../../domain/presets';
import type { TargetSet } from '../../domain/targetSet';

/** The two lines of the header's left block, as they print (upper case). */
export interface ReportingLines {
  readonly above: string;
  readonly body: string;
}

const upper = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');

/**
 * The header lines. `reportingBody` may give both lines separated by `;` or a line break
 * (`Công đoàn Viên chức tỉnh; Công đoàn Trường THPT số 1`); given one name, the line above it is
 * the set's issuer (the body that issued the program stands above the unions reporting on it).
 *
 * @example
 * reportingLines(set, 'Công đoàn Trường THPT số 1') // { above: 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH', body: 'CÔNG ĐOÀN TRƯỜNG THPT SỐ 1' }
 */
export function reportingLines(set: TargetSet, reportingBody?: string): ReportingLines {
  const given = (reportingBody ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s);
  if (given.length === 0) return { above: upper(set.parentIssuer ?? ''), body: upper(set.issuer) };
  if (given.length >= 2) return { above: upper(given.slice(0, -1).join(' ')), body: upper(given[given.length - 1]) };
  const body = upper(given[0]);
  const above = body === upper(set.issuer) ? (set.parentIssuer ?? '') : set.issuer;
  return { above: upper(above), body };
}

/**
 * The reporting body an earlier run wrote on the product's `Tổng hợp` (its A1 and A2), when it
 * was the user's own and not an issuer's: undefined when the sheet shows a program issuer (the
 * default, which the set gives again) or nothing.
 *
 * @example
 * rememberedReportingBody(summaryGrid, set) // 'CÔNG ĐOÀN VIÊN CHỨC TỈNH BÌNH ĐỊNH; CÔNG ĐOÀN TRƯỜNG THPT SỐ 1'
 */
export function rememberedReportingBody(grid: SheetGrid | undefined, set: TargetSet): string | undefined {
  if (!grid) return undefined;
  const text = (r: number): string => {
    const v = grid.rows[r]?.[0];
    return typeof v === 'string' ? v.trim() : '';
  };
  const above = text(0);
  const body = text(1);
  if (!body) return undefined;
  const issuers = new Set([set, ...PRESETS].flatMap((s) => [s.issuer, s.parentIssuer ?? '']).filter((s) => s).map(upper));
  if (issuers.has(upper(body))) return undefined;
  return above ? `${above}; ${body}` : body;
}

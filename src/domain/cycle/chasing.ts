/**
 * Chasing returns (spec/interfaces.md "Chasing returns"): given the register and what intake
 * made of each file, which units have sent a return (`Đã nộp`), sent it again (`Nộp lại`: a
 * later file replaced an earlier one) or not yet (`Chưa nộp`, with their contacts), returns from
 * units the register does not list (`unknown`), and files whose name names another code than
 * their table (`mismatched`). Pure: the command line and the pane both build their views on it.
 */
import { formatNumber } from '../format';
import type { FileReport, FileStatus, ReturnFile } from '../merge';
import { codeKey } from './register';
import { fileNameCode } from './sendOutName';
import type { RegisterUnit } from './registerUnit';

/** One file as intake saw it. */
export interface ReturnSeen {
  readonly file: string;
  /** What intake made of it (merge's FileReport status); a rejected file holds no units. */
  readonly status: FileStatus;
  /**
   * The unit rows of its table that have a code: the code as written (trimmed), the name, and for
   * a row of an earlier master the file it came from (its `Nguồn`).
   */
  readonly units: readonly { readonly code: string; readonly name?: string; readonly from?: string; readonly year?: number }[];
  /** When the file says it was last saved (docProps/core.xml `dcterms:modified`, ISO 8601), if it says. */
  readonly saved?: string;
}

/**
 * What chasing needs of an intake: each file's report beside the file as read (for the day it
 * says it was saved). `reports[i]` is the report of `files[i]` (mergeReturns keeps the order).
 *
 * @example
 * chaseReturns(register.units, returnsSeen(merged.files, files))
 */
export function returnsSeen(reports: readonly FileReport[], files: readonly ReturnFile[]): ReturnSeen[] {
  return reports.map((f, i) => {
    const read = files[i];
    const saved = read && 'saved' in read ? read.saved : undefined;
    return { file: f.file, status: f.status, units: f.unitCodes ?? [], ...(saved ? { saved } : {}) };
  });
}

/** Đã nộp, Nộp lại, Chưa nộp, or a return from a unit the register does not list. */
export type ChaseState = 'received' | 'resent' | 'missing' | 'unknown';

/** The words of the sheet's `Tình trạng` column. */
export const CHASE_STATE_LABEL: Readonly<Record<ChaseState, string>> = {
  received: 'Đã nộp',
  resent: 'Nộp lại',
  missing: 'Chưa nộp',
  unknown: 'Ngoài danh bạ',
};

/** One line of `Theo dõi nộp báo cáo`: a register unit, or a unit of a return the register does not list. */
export interface ChaseRow {
  readonly state: ChaseState;
  /** The register's spelling for a register unit; the return's for an unknown one. */
  readonly code: string;
  readonly name: string;
  /** The register unit (absent for an unknown return): parent and contacts. */
  readonly unit?: RegisterUnit;
  /** The file whose figures are used (the latest holding the unit). */
  readonly file?: string;
  /** The date that file says it was saved, dd/mm/yyyy (Vietnam time). */
  readonly saved?: string;
  /** For Nộp lại: the earlier files the latest one replaced, in the order read. */
  readonly earlier: readonly string[];
  /** A sentence for the Ghi chú column (replaced files, a name naming another code), if any. */
  readonly note?: string;
}

export interface ChaseUnknown {
  readonly file: string;
  readonly code: string;
  readonly name?: string;
}

export interface ChaseMismatch {
  readonly file: string;
  /** The code in the file's table (the register's spelling when the register lists it). */
  readonly code: string;
  /** The code its name gives. */
  readonly fileCode: string;
}

/** The chasing model: the counts, the lists and one row per unit for the sheet. */
export interface ChaseReport {
  /** The year chased: the one asked for, else the latest year among the returns' units. */
  readonly year?: number;
  /** Units in the register. */
  readonly expected: number;
  /** Register units with at least one return. */
  readonly received: number;
  /** Register units with no return yet, in register order (with their contacts). */
  readonly missing: readonly RegisterUnit[];
  readonly unknown: readonly ChaseUnknown[];
  readonly mismatched: readonly ChaseMismatch[];
  /** Register units whose later file replaced an earlier one. */
  readonly resent: readonly { readonly code: string; readonly file: string; readonly earlier: readonly string[] }[];
  /** Register units in register order, then the units of unknown returns in file order. */
  readonly rows: readonly ChaseRow[];
  /** `Đã nhận 37/42 — còn 5 đơn vị chưa nộp`. */
  readonly headline: string;
  /** One Vietnamese warning per file with units outside the register, and per mismatched file. */
  readonly warnings: readonly { readonly file: string; readonly message: string }[];
}

/**
 * The line the sheet and the pane show above the list.
 *
 * @example
 * chaseHeadline(37, 42) // 'Đã nhận 37/42 — còn 5 đơn vị chưa nộp'
 * chaseHeadline(42, 42) // 'Đã nhận 42/42 — đủ các đơn vị trong danh bạ'
 */
export function chaseHeadline(received: number, expected: number): string {
  const left = expected - received;
  return `Đã nhận ${formatNumber(received)}/${formatNumber(expected)} — ${left > 0 ? `còn ${formatNumber(left)} đơn vị chưa nộp` : 'đủ các đơn vị trong danh bạ'}`;
}

/** Vietnam time (UTC+7, no daylight saving): the day a secretary saw on her clock when she saved. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * An ISO 8601 time as the day it was in Vietnam, dd/mm/yyyy; undefined when it is not a time.
 *
 * @example
 * savedDay('2024-03-05T20:30:00Z') // '06/03/2024' (03:30 on the 6th in Hà Nội)
 */
export function savedDay(iso: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\d/.test(iso)) return undefined;
  const t = Date.parse(/T.*(Z|[+-]\d\d:?\d\d)$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A year of the kind the cycle's file names carry (`bao-cao-CD012-2024.xlsx`). */
const YEAR = /^(19|20)\d\d$/;

/** The letters before the digits of a code (`CD` of `CD012`), lower case; undefined for a code of another shape. */
function codePrefix(code: string): string | undefined {
  const m = /^(\p{L}+)[-_.]?\d+$/u.exec(code);
  return m ? m[1].toLocaleLowerCase('vi') : undefined;
}

/**
 * The unit code a file name gives, if it gives one: the `<ma>` of `bao-cao-<ma>-<năm>.xlsx`
 * (the send-out's names), else a word of the name that is a register code, else a word shaped
 * like the table's code (same letters, then digits: `CD009` beside `CD008`).
 *
 * @example
 * codeInFileName('bao-cao-CD012-2024.xlsx', 'CD012', new Set()) // 'CD012'
 * codeInFileName('CD009 gui lan 2.xlsx', 'CD008', new Set())     // 'CD009'
 * codeInFileName('so-lieu-truong-a.xlsx', 'CD008', new Set())    // undefined
 */
export function codeInFileName(file: string, tableCode: string, registerKeys: ReadonlySet<string>): string | undefined {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const sendOut = /^bao[-_ ]?cao[-_ ](.+)[-_ ]((?:19|20)\d\d)$/i.exec(base);
  if (sendOut) return sendOut[1].trim();
  // The whole table code inside the name (codes may hold a dash: `CD-012`; `CĐ/01` is `CD-01`) agrees with it.
  const lower = base.toLocaleLowerCase('vi');
  for (const form of new Set([codeKey(tableCode), fileNameCode(tableCode).toLowerCase()])) {
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(lower)) return tableCode;
  }
  const words = base.split(/[\s_\-.,()[\]]+/).filter((w) => w && !YEAR.test(w));
  const listed = words.find((w) => registerKeys.has(codeKey(w)));
  if (listed) return listed;
  const prefix = codePrefix(tableCode);
  if (prefix === undefined) return undefined;
  return words.find((w) => codePrefix(w) === prefix);
}

/**
 * Whether the code a file name gives is the table's code: the same once both are made
 * file-name-safe as send-out names its files (`CĐ/01` → `CD-01`), case aside, also with the
 * `-2`, `-3` send-out adds when two codes give the same name.
 *
 * @example
 * sameCodeInName('CD-01', 'CĐ/01')  // true
 * sameCodeInName('cd01-2', 'cd01')  // true
 * sameCodeInName('CD009', 'CD008')  // false
 */
export function sameCodeInName(fileCode: string, tableCode: string): boolean {
  const named = fileNameCode(fileCode).toLowerCase();
  const table = fileNameCode(tableCode).toLowerCase();
  return named === table || (named.startsWith(`${table}-`) && /^\d+$/.test(named.slice(table.length + 1)));
}

/**
 * @example
 * const report = chaseReturns(register.units, merged.files.map((f) => ({ file: f.file, status: f.status, units: f.unitCodes ?? [], saved })));
 * report.headline // 'Đã nhận 37/42 — còn 5 đơn vị chưa nộp'
 */
export function chaseReturns(register: readonly RegisterUnit[], returns: readonly ReturnSeen[], options: { readonly year?: number } = {}): ChaseReport {
  // One cycle is one year: rows of other years (an earlier master holding several) were not sent for it.
  let latest: number | undefined;
  for (const r of returns) for (const u of r.units) if (u.year !== undefined && (latest === undefined || u.year > latest)) latest = u.year;
  const year = options.year ?? latest;
  const inCycle = (u: { readonly year?: number }) => year === undefined || u.year === undefined || u.year === year;
  const byKey = new Map<string, RegisterUnit>();
  for (const u of register) if (!byKey.has(codeKey(u.code))) byKey.set(codeKey(u.code), u);
  const registerKeys = new Set(byKey.keys());
  // Register unit → the files holding it, in the order read. A duplicate file (same content as
  // one already taken) sends nothing new, so it neither receives nor re-sends a unit.
  const filesOf = new Map<string, { file: string; saved?: string }[]>();
  const unknown: ChaseUnknown[] = [];
  const mismatched: ChaseMismatch[] = [];
  const warnings: { file: string; message: string }[] = [];
  for (const r of returns) {
    if (r.status === 'rejected') continue;
    const outside: ChaseUnknown[] = [];
    const seen = new Set<string>();
    for (const u of r.units) {
      if (!inCycle(u)) continue;
      const key = codeKey(u.code);
      if (seen.has(key)) continue;
      seen.add(key);
      if (byKey.has(key)) {
        if (r.status === 'duplicate') continue;
        // A unit carried over from an earlier master is the return it came from (its save day is not known here).
        const from = u.from ? { file: u.from } : { file: r.file, ...(r.saved ? { saved: r.saved } : {}) };
        const list = filesOf.get(key);
        if (list) list.push(from);
        else filesOf.set(key, [from]);
      } else {
        outside.push({ file: u.from ?? r.file, code: u.code, ...(u.name ? { name: u.name } : {}) });
      }
    }
    if (outside.length && r.status !== 'duplicate') {
      for (const o of outside) unknown.push(o);
      const listed = outside.map((o) => (o.name ? `${o.code} (${o.name})` : o.code)).join(', ');
      warnings.push({
        file: r.file,
        message: `Tệp "${r.file}" có ${outside.length === 1 ? 'đơn vị' : `${formatNumber(outside.length)} đơn vị`} không có trong danh bạ: ${listed}. Số liệu vẫn được nhập; hãy kiểm tra mã đơn vị trong tệp, hoặc thêm đơn vị vào danh bạ nếu đó là đơn vị mới.`,
      });
    }
    // A unit's own return holds one unit: its name and its table must name the same code.
    if (seen.size === 1) {
      const tableCode = r.units.find(inCycle)!.code;
      const fileCode = codeInFileName(r.file, tableCode, registerKeys);
      if (fileCode !== undefined && !sameCodeInName(fileCode, tableCode)) {
        const code = byKey.get(codeKey(tableCode))?.code ?? tableCode;
        mismatched.push({ file: r.file, code, fileCode });
        warnings.push({
          file: r.file,
          message: `Tên tệp "${r.file}" ghi mã ${fileCode} nhưng bảng trong tệp ghi mã ${code}: số liệu được nhập cho ${code}. Hãy hỏi lại đơn vị đã gửi tệp xem đây là báo cáo của đơn vị nào.`,
        });
      }
    }
  }

  const rows: ChaseRow[] = [];
  const missing: RegisterUnit[] = [];
  const resent: { code: string; file: string; earlier: string[] }[] = [];
  const mismatchOf = new Map(mismatched.map((m) => [m.file, m]));
  for (const u of byKey.values()) {
    const files = filesOf.get(codeKey(u.code)) ?? [];
    if (!files.length) {
      missing.push(u);
      rows.push({ state: 'missing', code: u.code, name: u.name, unit: u, earlier: [] });
      continue;
    }
    const latest = files[files.length - 1];
    const earlier = [...new Set(files.slice(0, -1).map((f) => f.file))].filter((f) => f !== latest.file);
    if (earlier.length) resent.push({ code: u.code, file: latest.file, earlier });
    const saved = latest.saved === undefined ? undefined : savedDay(latest.saved);
    const mismatch = mismatchOf.get(latest.file);
    const notes = [
      ...(earlier.length ? [`Thay ${earlier.length === 1 ? 'tệp' : 'các tệp'} nhận trước: ${earlier.join(', ')}.`] : []),
      ...(mismatch ? [`Tên tệp ghi mã ${mismatch.fileCode}.`] : []),
    ];
    rows.push({
      state: earlier.length ? 'resent' : 'received',
      code: u.code,
      name: u.name,
      unit: u,
      file: latest.file,
      ...(saved ? { saved } : {}),
      earlier,
      ...(notes.length ? { note: notes.join(' ') } : {}),
    });
  }
  const savedOf = new Map(returns.map((r) => [r.file, r.saved]));
  for (const o of unknown) {
    const iso = savedOf.get(o.file);
    const saved = iso === undefined ? undefined : savedDay(iso);
    rows.push({ state: 'unknown', code: o.code, name: o.name ?? '', file: o.file, ...(saved ? { saved } : {}), earlier: [], note: 'Đơn vị không có trong danh bạ.' });
  }
  const expected = byKey.size;
  const received = expected - missing.length;
  return { ...(year !== undefined ? { year } : {}), expected, received, missing, unknown, mismatched, resent, rows, headline: chaseHeadline(received, expected), warnings };
}

/** The JSON `register` block (interfaces.md): the spec's fields, and a missing unit's contacts when the register has them. */
export interface RegisterJson {
  readonly expected: number;
  readonly received: number;
  readonly missing: readonly { ma_don_vi: string; ten_don_vi: string; nguoi_lien_he?: string; dien_thoai?: string; email?: string }[];
  readonly unknown: readonly { file: string; ma_don_vi: string }[];
  readonly mismatched: readonly { file: string; ma_don_vi: string; ma_trong_ten_tep: string }[];
  readonly resent: readonly { ma_don_vi: string; file: string; thay_tep: readonly string[] }[];
}

/**
 * @example
 * registerJson(report) // { expected: 42, received: 37, missing: [{ ma_don_vi: 'CD012', ten_don_vi: '…' }], unknown: […], mismatched: […], resent: […] }
 */
export function registerJson(report: ChaseReport): RegisterJson {
  return {
    expected: report.expected,
    received: report.received,
    missing: report.missing.map((u) => ({
      ma_don_vi: u.code,
      ten_don_vi: u.name,
      ...(u.contact.person ? { nguoi_lien_he: u.contact.person } : {}),
      ...(u.contact.phone ? { dien_thoai: u.contact.phone } : {}),
      ...(u.contact.email ? { email: u.contact.email } : {}),
    })),
    unknown: report.unknown.map((u) => ({ file: u.file, ma_don_vi: u.code })),
    mismatched: report.mismatched.map((m) => ({ file: m.file, ma_don_vi: m.code, ma_trong_ten_tep: m.fileCode })),
    resent: report.resent.map((r) => ({ ma_don_vi: r.code, file: r.file, thay_tep: r.earlier })),
  };
}

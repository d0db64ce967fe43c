/**
 * The file name of a send-out return, `bao-cao-<ma_don_vi>-<năm>.xlsx` (spec/interfaces.md
 * "Send-out"). A register's codes may hold characters no file system or zip tool accepts
 * (`CĐ/01`, `A:B`, spaces), so the code is made file-name-safe first; chasing compares a
 * return's file name with its locked code through the same function.
 */
import { stripDiacritics } from '../text';

/** Used when a code has nothing left once made safe (e.g. `///`). */
const EMPTY_CODE = 'khong-ma';

/**
 * The code as it stands in a file name: Vietnamese letters without their marks (`Đ` → `D`),
 * every run of other characters than ASCII letters, digits, `_` and `-` turned into one `-`
 * (dots too, so the name has only the `.xlsx` dot), no `-` at either end, at most 60
 * characters. Case is kept (codes are usually upper case).
 *
 * @example
 * fileNameCode('CĐ/01')      // 'CD-01'
 * fileNameCode(' cd 7.a ')   // 'cd-7-a'
 * fileNameCode('***')        // 'khong-ma'
 */
export function fileNameCode(code: string): string {
  const safe = stripDiacritics(code.trim())
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return safe || EMPTY_CODE;
}

/**
 * @example
 * sendOutFileName('CĐ/01', 2025) // 'bao-cao-CD-01-2025.xlsx'
 */
export function sendOutFileName(code: string, year: number): string {
  return `bao-cao-${fileNameCode(code)}-${year}.xlsx`;
}

/**
 * File names for a list of codes, in order. Two codes that give the same name, also when they
 * differ only in case (Windows and macOS do not tell `cd01` from `CD01`), would overwrite each
 * other: the second and later get `-2`, `-3`… after the code.
 *
 * @example
 * sendOutFileNames(['CD01', 'cd01', 'CĐ02'], 2025)
 * // ['bao-cao-CD01-2025.xlsx', 'bao-cao-cd01-2-2025.xlsx', 'bao-cao-CD02-2025.xlsx']
 */
export function sendOutFileNames(codes: readonly string[], year: number): string[] {
  const taken = new Set<string>();
  return codes.map((code) => {
    const base = fileNameCode(code);
    let safe = base;
    for (let n = 2; taken.has(safe.toLowerCase()); n++) safe = `${base}-${n}`;
    taken.add(safe.toLowerCase());
    return `bao-cao-${safe}-${year}.xlsx`;
  });
}

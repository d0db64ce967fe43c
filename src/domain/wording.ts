/**
 * Where a shared message sends the user, worded for the place the message is read. The engine's
 * messages reach both the task pane and the command line; a pane user cannot type
 * `chitieu template` and a command-line user has no "Tạo mẫu nhập liệu" button. Messages are
 * written with the pane's phrases below (the pane shows them as they are); the command line
 * passes results and errors through {@link forCli}, which puts its commands in their place.
 */
import type { CheckResult } from './result';

/** Who reads a message: the task pane (Office or browser) or the command line. */
export type Audience = 'pane' | 'cli';

/** The phrases, pane wording → command-line wording. Each is unique text inside a message. */
const PHRASES = {
  /** Getting an empty data-entry workbook. */
  template: ['mẫu nhập liệu (nút "Tạo mẫu nhập liệu")', 'mẫu nhập liệu (lệnh chitieu template --preset ID --out TỆP.xlsx)'],
  /** The safe automatic fixes: the command line has none, so the alternative is dropped. */
  autoFix: [' hoặc bấm nút "Sửa tự động"', ''],
  /** Choosing a built-in target set. */
  chooseSet: ['chọn một bộ có sẵn trong danh sách bộ chỉ tiêu', 'chọn một bộ có sẵn (--preset ID, xem "chitieu presets")'],
  /** Making the `Chỉ tiêu` sheet again from a built-in set. */
  copySet: [
    'chép lại một bộ có sẵn vào sheet (nút "Chép vào sheet "Chỉ tiêu" để sửa")',
    'tạo lại sheet từ một bộ có sẵn (lệnh chitieu template --preset ID --out TỆP.xlsx)',
  ],
  /** Setting the report year by hand. */
  setYear: ['gõ năm vào ô "Năm báo cáo" của khung Chỉ tiêu CĐCS', 'thêm --year NĂM vào lệnh (ví dụ --year 2024)'],
} as const;

/**
 * The pane's wording of each phrase, for the message producers.
 *
 * @example
 * `Hãy dùng ${GO.template}.` // 'Hãy dùng mẫu nhập liệu (nút "Tạo mẫu nhập liệu").'
 */
export const GO: Readonly<Record<keyof typeof PHRASES, string>> = {
  template: PHRASES.template[0],
  autoFix: PHRASES.autoFix[0],
  chooseSet: PHRASES.chooseSet[0],
  copySet: PHRASES.copySet[0],
  setYear: PHRASES.setYear[0],
};

const PAIRS: readonly (readonly [string, string])[] = Object.values(PHRASES);

/**
 * A message worded for the command line: every pane phrase replaced by the command to type.
 *
 * @example
 * forCli('Hãy gõ lại bằng Unicode hoặc bấm nút "Sửa tự động".') // 'Hãy gõ lại bằng Unicode.'
 */
export function forCli(message: string): string {
  let out = message;
  for (const [pane, cli] of PAIRS) if (out.includes(pane)) out = out.split(pane).join(cli);
  return out;
}

/** The message for `audience` (the pane's wording is the messages' own). */
export function forAudience(message: string, audience: Audience | undefined): string {
  return audience === 'cli' ? forCli(message) : message;
}

/**
 * A check result whose messages (problems, the year note, the target-set hint) are worded for
 * `audience`; the same object when nothing changes. Problems are copied only where a phrase is.
 *
 * @example
 * renderResult(resultFor(result, 'cli'), today, names)
 */
export function resultFor(result: CheckResult, audience: Audience | undefined): CheckResult {
  if (audience !== 'cli') return result;
  const has = (m: string | undefined) => m !== undefined && PAIRS.some(([pane]) => m.includes(pane));
  const problems = result.problems.some((p) => has(p.message))
    ? result.problems.map((p) => (has(p.message) ? { ...p, message: forCli(p.message) } : p))
    : result.problems;
  const hint = result.targetSetHint;
  return {
    ...result,
    problems,
    ...(has(result.yearNote) ? { yearNote: forCli(result.yearNote!) } : {}),
    ...(hint && has(hint.message) ? { targetSetHint: { ...hint, message: forCli(hint.message) } } : {}),
  };
}

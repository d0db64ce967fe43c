/**
 * A small argument parser: positional words and `--name value` / `--flag` options. Short
 * options (`-o`) are refused with the long name to type instead: a command line read by
 * secretaries from a note is clearer with one spelling per option.
 */

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
  /** Every value of each valued option, in order: an option given twice (`--history a --history b`) keeps both. */
  readonly lists?: Map<string, string[]>;
}

export type ArgsOutcome = { ok: true; value: ParsedArgs } | { ok: false; message: string };

/** A short option: one dash then letters (`-o`, `-abc`); `-` alone and `-5` are plain words. */
const SHORT = /^-([\p{L}])/u;

/**
 * @param longNames the long names a short option's letter may stand for (for the message).
 * @example
 * parseArgs(['check', 'a.xlsx', '--preset', 'x', '--strict'], ['preset'], ['strict'])
 * // { positional: ['check', 'a.xlsx'], options: Map { preset → 'x' }, flags: Set { strict } }
 * parseArgs(['check', '-o', 'kq.xlsx'], ['out'], [], () => ['out'])
 * // { ok: false, message: 'Dùng --out thay cho -o (chitieu chỉ nhận tên tùy chọn đầy đủ).' }
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flagNames: readonly string[],
  longNames: (letter: string) => readonly string[] = () => [],
  /** The help to point at for an unknown option, e.g. `chitieu check --help`. */
  help = 'chitieu --help',
): ArgsOutcome {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const short = SHORT.exec(arg);
    if (short) {
      const given = arg.split('=')[0];
      const names = longNames(short[1]);
      const message = names.length
        ? `Dùng ${names.map((n) => `--${n}`).join(' hoặc ')} thay cho ${given} (chitieu chỉ nhận tên tùy chọn đầy đủ).`
        : `Không biết tùy chọn ${given}: chitieu chỉ nhận tên tùy chọn đầy đủ bắt đầu bằng --. Gõ "${help}" để xem cách dùng.`;
      return { ok: false, message };
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagNames.includes(name)) {
      flags.add(name);
    } else if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || value.startsWith('--')) return { ok: false, message: `Tùy chọn --${name} cần một giá trị.` };
      options.set(name, value);
      lists.set(name, [...(lists.get(name) ?? []), value]);
    } else {
      return { ok: false, message: `Không biết tùy chọn --${name}. Gõ "${help}" để xem các tùy chọn.` };
    }
  }
  return { ok: true, value: { positional, options, flags, lists } };
}

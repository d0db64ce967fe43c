/**
 * A small argument parser: positional words and `--name value` / `--flag` options.
 */

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
}

export type ArgsOutcome = { ok: true; value: ParsedArgs } | { ok: false; message: string };

/**
 * @example
 * parseArgs(['check', 'a.xlsx', '--preset', 'x', '--strict'], ['preset'], ['strict'])
 * // { positional: ['check', 'a.xlsx'], options: Map { preset → 'x' }, flags: Set { strict } }
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flagNames: readonly string[]): ArgsOutcome {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
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
      if (value === undefined || value === '') return { ok: false, message: `Tùy chọn --${name} cần một giá trị.` };
      options.set(name, value);
    } else {
      return { ok: false, message: `Không biết tùy chọn --${name}. Gõ "chitieu --help" để xem cách dùng.` };
    }
  }
  return { ok: true, value: { positional, options, flags } };
}

/**
 * Every script the built pages can load parses as ES2020: Office on Mac and iPad runs the pane in
 * the system's Safari WebView (docs/concepts/browsers-used-by-office-web-add-ins.md in
 * OfficeDev/office-js-docs-pr), and an older one that meets ES2021/ES2022 syntax (`??=`, class
 * fields, `static {}` blocks, `#x in o`) throws a SyntaxError and leaves the pane blank.
 * webpack.config.js lowers our code and node_modules to ES2020; this test is the check that it did.
 *
 * Scripts are parsed as classic scripts (`sourceType: 'script'`): webpack emits no ES modules
 * (output.module is off), the pages load them with plain <script> tags, and `import()` is ES2020
 * syntax that a script may contain.
 */
import { Parser } from 'acorn';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist');

/** Every .js file in dist/ (the pages' bundles, lazy chunks, workers, the start-up script). */
function scripts(): string[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run "npm run build" first (npm test does).');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.(m?js|cjs)$/.test(e.name)) out.push(join(dir, e.name));
    }
  };
  walk(DIST);
  return out;
}

/** The parse error (with a line of context) or undefined when `code` is ES2020 (or `ecmaVersion`). */
function es2020Error(code: string, ecmaVersion: 5 | 2020 = 2020): string | undefined {
  try {
    Parser.parse(code, { ecmaVersion, sourceType: 'script' });
    return undefined;
  } catch (e) {
    const err = e as SyntaxError & { pos?: number };
    const at = err.pos ?? 0;
    return `${err.message} near «${code.slice(Math.max(0, at - 60), at + 60)}»`;
  }
}

describe('ES2020 parser on dist/', () => {
  // The checker itself: each of these is newer than ES2020 and must be refused, or a green test
  // would prove nothing. (Written by hand; each names the edition that added it.)
  it.each([
    ['class static block (ES2022)', 'class A { static { this.x = 1; } }'],
    ['class field (ES2022)', 'class A { x = 1; }'],
    ['private method (ES2022)', 'class A { #m() {} }'],
    ['logical assignment ??= (ES2021)', 'let a; a ??= 1;'],
    ['numeric separator (ES2021)', 'const n = 1_000;'],
  ])('refuses %s', (_, code) => {
    expect(es2020Error(code)).toBeDefined();
  });

  it('accepts ES2020 syntax the bundle does use (?., ??, import(), async, spread)', () => {
    expect(es2020Error('const a = b?.c ?? 1; async function f() { await import("./x.js"); return { ...a }; }')).toBeUndefined();
  });

  it('finds the pages\' scripts', () => {
    const names = scripts().map((f) => f.slice(DIST.length + 1));
    // The task pane's entry and the ribbon's function file at least (hashed names in production).
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^taskpane\.[0-9a-f]+\.js$/), expect.stringMatching(/^commands\.[0-9a-f]+\.js$/)]));
  });

  it('every script in dist/ parses as ES2020', () => {
    const failures = scripts()
      .map((file) => [file.slice(DIST.length + 1), es2020Error(readFileSync(file, 'utf8'))] as const)
      .filter(([, err]) => err !== undefined)
      .map(([name, err]) => `${name}: ${err}`);
    expect(failures).toEqual([]);
  });

  it('the pages\' inline scripts parse too; the start-up script even as ES5, so any WebView can say what is wrong', () => {
    const pages = readdirSync(DIST).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
    const inline = pages.flatMap((page) =>
      [...readFileSync(join(DIST, page), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => [page, m[1]] as const),
    );
    expect(inline.map(([page]) => page)).toEqual(['taskpane.html']); // the start-up script, only there
    for (const [page, code] of inline) {
      expect({ page, es2020: es2020Error(code), es5: es2020Error(code, 5) }).toEqual({ page, es2020: undefined, es5: undefined });
    }
  });
});

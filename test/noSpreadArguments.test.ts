/**
 * No list spread into call arguments on a data path (`push(...rows)`, `Math.max(...cols)`):
 * every element goes on the stack, and past ~100,000 elements the call throws "Maximum call stack
 * size exceeded" (15,000 units with blank required cells did). Loop, or use appendAll / maxOf
 * from src/domain/arrays.ts. Spreads inside object or array literals are fine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const CALLS = /\b(push|unshift|splice|max|min|fromCharCode|fromCodePoint|apply)\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Code with comments and the insides of string literals blanked (same length, so offsets hold). */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) =>
    m.startsWith('/') ? m.replace(/[^\n]/g, ' ') : m[0] + ' '.repeat(m.length - 2) + m[m.length - 1],
  );
}

/** `file:line` of each call above whose own argument list (not a nested literal or call) spreads. */
function spreadCalls(file: string, text: string): string[] {
  const code = codeOnly(text);
  const found: string[] = [];
  for (const m of code.matchAll(CALLS)) {
    let depth = 0;
    for (let i = m.index! + m[0].length; i < code.length; i++) {
      const ch = code[i];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && code.startsWith('...', i)) {
        found.push(`${file}:${code.slice(0, m.index).split('\n').length}`);
        break;
      }
    }
  }
  return found;
}

describe('spread arguments', () => {
  it('finds the spreads it is meant to find, and only those', () => {
    // Flagged: lines 1, 2, 3 and 5; line 4 spreads inside an object literal, line 6 in a comment.
    const sample = [
      'out.push(...rows);',
      'const m = Math.max(-1, ...cols.map((c) => c.col));',
      'String.fromCharCode(...bytes)',
      'out.push({ ...base, x: 1 });',
      'list.unshift(a, ...rest);',
      '// never push(...x)',
    ].join('\n');
    expect(spreadCalls('f.ts', sample)).toEqual(['f.ts:1', 'f.ts:2', 'f.ts:3', 'f.ts:5']);
  });

  it('are not used anywhere in src/', () => {
    const found = sources(join(ROOT, 'src')).flatMap((p) => spreadCalls(relative(ROOT, p), readFileSync(p, 'utf8')));
    expect(found).toEqual([]);
  });
});

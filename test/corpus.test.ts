/**
 * The product on real third-party .xlsx files (test fixtures of Apache POI, LibreOffice, liborcus,
 * Excel::Writer::XLSX, R and npm packages; gathered into .corpus/ by tools/corpus/fetch-corpus.sh,
 * licences in .corpus/ATTRIBUTION.md). For each file:
 *   (a) `check FILE --preset bd-cdvc-2024 --out OUT` exits 0 or 2, never 3, and does not throw;
 *   (b) every XML part of the output that differs from the input decodes and parses strictly;
 *   (c) with a CĐCS table put under or right of the first sheet's content (or on a new sheet), `check --sheet
 *       … --out` keeps every sheet and every cell that was there (value, type, formula, style).
 * A summary (exit 0 / exit 2 / failures by kind) is printed at the end and kept in
 * .corpus/report.json. Without the corpus the same checks run on workbooks built here, and the
 * suite fails when CI=true (CI fetches the corpus first).
 * Files listed in tools/corpus/known-failures.txt are still run; their failures are reported but
 * do not fail the suite (the list says why each one fails).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../src/cli/main';
import type { Io } from '../src/cli/commands';
import { changedCells, sharedStrings, storedCells } from '../tools/corpus/cells';
import { CDCS_TABLE, injectBeside, injectNewSheet, type Injected } from '../tools/corpus/inject';
import { decodeXml, isXmlPart, listSheets, partText, readParts, readRels, relsOf, resolvePart, workbookPath, xmlError, type Parts } from '../tools/corpus/ooxml';

const CORPUS = process.env.CORPUS_DIR ?? join(__dirname, '..', '.corpus');
const FILES = join(CORPUS, 'files');
const KNOWN = join(__dirname, '..', 'tools', 'corpus', 'known-failures.txt');
const IN_CI = process.env.CI === 'true';

function listXlsx(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listXlsx(p));
    else if (/\.xlsx$/i.test(name)) out.push(p);
  }
  return out.sort();
}

/** Files whose failures are known (one `folder/file.xlsx` per line, `#` starts a comment). */
function knownFailures(): Set<string> {
  if (!existsSync(KNOWN)) return new Set();
  return new Set(
    readFileSync(KNOWN, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

/** A limit for local runs: CORPUS_LIMIT=n takes every k-th file so that about n are run. */
function sample(files: string[]): string[] {
  const limit = Number(process.env.CORPUS_LIMIT ?? 0);
  if (!limit || limit >= files.length) return files;
  const step = files.length / limit;
  return Array.from({ length: limit }, (_, i) => files[Math.floor(i * step)]);
}

type Kind = 'exit 3' | 'throw' | 'bad xml' | 'cell changed' | 'sheet missing' | 'no output';

interface Failure {
  readonly kind: Kind;
  readonly run: 'plain' | 'injected';
  readonly detail: string;
}

interface FileResult {
  file: string;
  plain?: number;
  injected?: number;
  how?: Injected['how'] | 'not injectable';
  plainMessage?: string;
  injectedMessage?: string;
  /** Units the check found in the injected workbook (the table has 3), from its report line. */
  injectedUnits?: number;
  failures: Failure[];
  /** Whole time for the file, and the part of it spent in the product's `check`. */
  ms: number;
  checkMs: number;
}

const results: FileResult[] = [];
let checkMs = 0;

function io(lines: string[]): Io {
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), progress: false, today: new Date(2025, 0, 15) };
}

/** Runs `check` in process; a throw is caught and returned as the failure it is. */
async function check(input: string, out: string, sheet?: string): Promise<{ code: number | 'throw'; lines: string[] }> {
  const lines: string[] = [];
  const t0 = Date.now();
  const argv = ['check', input, '--preset', 'bd-cdvc-2024', '--out', out, ...(sheet ? ['--sheet', sheet] : [])];
  try {
    return { code: await run(argv, io(lines)), lines };
  } catch (e) {
    lines.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return { code: 'throw', lines };
  } finally {
    checkMs += Date.now() - t0;
  }
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

/** XML parts of `after` that are new or changed and do not decode or parse. */
function badXmlParts(before: Parts | undefined, after: Parts): string[] {
  const bad: string[] = [];
  for (const [name, bytes] of Object.entries(after)) {
    if (!isXmlPart(name)) continue;
    const old = before?.[name];
    if (sameBytes(old, bytes)) continue; // copied: not ours
    const d = decodeXml(bytes);
    const err = d.ok ? xmlError(d.text) : d.why;
    if (err) bad.push(`${name}: ${err.slice(0, 160)}`);
  }
  return bad;
}

/** The shared strings of a package, through the workbook's relationship. */
function packageStrings(parts: Parts): string[] {
  const wb = workbookPath(parts);
  const rel = readRels(parts, relsOf(wb)).find((r) => /\/sharedStrings$/.test(r.type));
  return sharedStrings(rel ? partText(parts, resolvePart(wb, rel.target)) : undefined);
}

/** Failures of one output against its input: XML that does not parse, sheets or cells lost or changed. */
function compareOutput(runKind: Failure['run'], input: Parts, output: Parts): Failure[] {
  const failures: Failure[] = [];
  for (const bad of badXmlParts(input, output)) failures.push({ kind: 'bad xml', run: runKind, detail: bad });
  let before: ReturnType<typeof listSheets>;
  let sstBefore: string[];
  try {
    before = listSheets(input);
    sstBefore = packageStrings(input);
  } catch {
    return failures; // the input's own sheets cannot be read independently: nothing to compare
  }
  let after: ReturnType<typeof listSheets>;
  let sstAfter: string[];
  try {
    after = listSheets(output);
    sstAfter = packageStrings(output);
  } catch (e) {
    failures.push({ kind: 'bad xml', run: runKind, detail: `output sheets unreadable: ${String(e).slice(0, 160)}` });
    return failures;
  }
  // A sheet part copied byte for byte keeps its cells when the strings it points at are unchanged.
  const stringsKept = sstBefore.every((t, i) => sstAfter[i] === t);
  for (const sheet of before) {
    const now = after.find((s) => s.name === sheet.name);
    if (!now) {
      failures.push({ kind: 'sheet missing', run: runKind, detail: `sheet "${sheet.name}" is gone (now: ${after.map((s) => s.name).join(', ')})` });
      continue;
    }
    const old = sheet.worksheet && sheet.part ? input[sheet.part] : undefined;
    if (!old) continue; // chart sheets, sheets without a part: no cells
    const cur = now.worksheet && now.part ? output[now.part] : undefined;
    if (stringsKept && sameBytes(old, cur)) continue;
    const oldText = partText(input, sheet.part!);
    if (oldText === undefined) continue; // not decodable in the input either: (b) covers the output
    let oldCells: ReturnType<typeof storedCells>;
    try {
      oldCells = storedCells(oldText, sstBefore);
    } catch {
      continue; // malformed in the input: the product cannot be asked to keep what cannot be read
    }
    let changed: string[];
    try {
      const curText = cur ? partText(output, now.part!) : undefined;
      changed = changedCells(oldCells, curText === undefined ? new Map() : storedCells(curText, sstAfter));
    } catch (e) {
      changed = [`unreadable: ${String(e).slice(0, 160)}`];
    }
    if (changed.length) failures.push({ kind: 'cell changed', run: runKind, detail: `sheet "${sheet.name}": ${changed.join('; ')}` });
  }
  return failures;
}

const firstLine = (lines: string[]): string => (lines.find((l) => l.startsWith('chitieu:')) ?? lines[0] ?? '').slice(0, 200);

async function runFile(file: string, label: string, tmp: string): Promise<FileResult> {
  const t0 = Date.now();
  const result: FileResult = { file: label, failures: [], ms: 0, checkMs: 0 };
  const check0 = checkMs;
  const bytes = new Uint8Array(readFileSync(file));
  let parts: Parts | undefined;
  try {
    parts = readParts(bytes);
  } catch {
    parts = undefined; // not a zip: the product must still answer with exit 2
  }

  // (a) + (b): the file as it is.
  const out1 = join(tmp, 'plain.xlsx');
  rmSync(out1, { force: true });
  const plain = await check(file, out1);
  if (plain.code === 'throw') result.failures.push({ kind: 'throw', run: 'plain', detail: plain.lines.join(' ').slice(0, 300) });
  else {
    result.plain = plain.code;
    if (plain.code !== 0 && plain.code !== 2) result.failures.push({ kind: 'exit 3', run: 'plain', detail: `exit ${plain.code}: ${firstLine(plain.lines)}` });
    if (plain.code === 2) result.plainMessage = firstLine(plain.lines);
  }
  if (existsSync(out1)) result.failures.push(...compareOutput('plain', parts ?? {}, readParts(new Uint8Array(readFileSync(out1)))));

  // (c): a CĐCS table beside the user's content.
  let injected: Injected | undefined;
  for (const inject of [() => (parts ? injectBeside(parts) : undefined), () => injectNewSheet(bytes)]) {
    try {
      injected ??= inject();
    } catch {
      // beside: a package too odd for the independent reader; new sheet: the adapter refuses it ((a) covers that)
    }
  }
  if (!injected) {
    result.how = 'not injectable';
  } else {
    result.how = injected.how;
    const input2 = join(tmp, 'injected.xlsx');
    const out2 = join(tmp, 'injected-out.xlsx');
    writeFileSync(input2, injected.bytes);
    rmSync(out2, { force: true });
    const res = await check(input2, out2, injected.sheet);
    if (res.code === 'throw') result.failures.push({ kind: 'throw', run: 'injected', detail: res.lines.join(' ').slice(0, 300) });
    else {
      result.injected = res.code;
      if (res.code !== 0 && res.code !== 2) result.failures.push({ kind: 'exit 3', run: 'injected', detail: `exit ${res.code}: ${firstLine(res.lines)}` });
      if (res.code === 2) result.injectedMessage = firstLine(res.lines);
      const units = res.lines.map((l) => /: ([\d.]+) đơn vị\.$/.exec(l)).find(Boolean);
      if (units) result.injectedUnits = Number(units[1].replace(/\./g, ''));
      if (res.code === 0 && !existsSync(out2)) result.failures.push({ kind: 'no output', run: 'injected', detail: 'exit 0 without the output file' });
    }
    if (existsSync(out2)) result.failures.push(...compareOutput('injected', readParts(injected.bytes), readParts(new Uint8Array(readFileSync(out2)))));
  }
  result.ms = Date.now() - t0;
  result.checkMs = checkMs - check0;
  return result;
}

/** Workbooks built here, for runs without the corpus: other producers' habits the corpus also has. */
async function builtWorkbooks(dir: string): Promise<string[]> {
  const a = new ExcelJS.Workbook();
  const own = a.addWorksheet('Tổng hợp'); // a user's own summary sheet, with the product's sheet name
  own.getCell('A1').value = 'Tổng';
  own.getCell('B1').value = { formula: 'SUM(B2:B3)', result: 5 };
  own.getCell('B2').value = 2;
  own.getCell('B3').value = 3;
  own.getCell('C1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }; // styled, empty
  own.mergeCells('D1:E2');
  const notes = a.addWorksheet('Ghi chú', { state: 'hidden' });
  notes.getCell('A1').value = 'ẩn';
  const b = new ExcelJS.Workbook();
  const data = b.addWorksheet('Số liệu');
  data.getCell('A1').value = 'Bảng kê';
  data.getCell('A2').value = { formula: 'IF(B2>1,"Sai","")', result: '' }; // a formula whose value is an empty string
  data.getCell('H2').value = 'ghi chú bên phải';
  const files = [join(dir, 'built-own-summary.xlsx'), join(dir, 'built-formulas.xlsx')];
  await a.xlsx.writeFile(files[0]);
  await b.xlsx.writeFile(files[1]);
  return files;
}

const corpusFiles = sample(listXlsx(FILES));
const known = knownFailures();

describe('the independent checks of the corpus harness', () => {
  test('a changed value, formula or style of a stored cell is reported', () => {
    const sheet = (c: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2">${c}</row></sheetData></worksheet>`;
    // B2 holds 7 with style 3 and formula A1*7; each variant changes exactly one field.
    const base = storedCells(sheet('<c r="B2" s="3"><f>A1*7</f><v>7</v></c>'));
    expect([...base.keys()]).toEqual(['B2']);
    expect(changedCells(base, storedCells(sheet('<c r="B2" s="3"><f>A1*7</f><v>8</v></c>')))).toHaveLength(1);
    expect(changedCells(base, storedCells(sheet('<c r="B2" s="4"><f>A1*7</f><v>7</v></c>')))).toHaveLength(1);
    expect(changedCells(base, storedCells(sheet('<c r="B2" s="3"><v>7</v></c>')))).toHaveLength(1);
    expect(changedCells(base, storedCells(sheet('')))).toHaveLength(1);
    expect(changedCells(base, storedCells(sheet('<c r="B2" s="3"><f>A1*7</f><v>7</v></c><c r="C2"><v>1</v></c>')))).toEqual([]);
  });

  test('cells without a reference take the next position, and shared strings compare by text', () => {
    // Row 1 has no r: it is row 1; its second cell has no r: it follows A1, so it is B1.
    const cells = storedCells(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c r="A1" t="s"><v>1</v></c><c><v>5</v></c></row></sheetData></worksheet>',
      ['không', 'một'],
    );
    expect(cells.get('A1')?.v).toBe('một');
    expect(cells.get('B1')?.v).toBe('5');
  });

  test('malformed XML and a UTF-16 declaration on UTF-8 bytes are refused', () => {
    expect(xmlError('<a><b></a>')).toBeDefined();
    expect(xmlError('<x:a/>')).toBeDefined(); // unbound prefix
    expect(xmlError('<a xmlns:x="urn:x"><x:b/></a>')).toBeUndefined();
    const lying = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><a/>');
    expect(decodeXml(lying).ok).toBe(false);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<?xml version="1.0" encoding="UTF-16"?><a/>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeXml(utf16)).toMatchObject({ ok: true, encoding: 'utf-16le' });
  });
});

describe('third-party workbooks: exit 0 or 2, output that parses, no user cell changed', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'chitieu-corpus-'));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
    if (results.length) printSummary(results);
  });

  if (corpusFiles.length === 0) {
    test('the corpus is there (CI fetches it with tools/corpus/fetch-corpus.sh)', async () => {
      if (IN_CI) throw new Error(`No corpus in ${FILES}: .ci/run must run tools/corpus/fetch-corpus.sh before the tests.`);
      // Outside CI: the same checks on workbooks built here.
      for (const file of await builtWorkbooks(tmp)) {
        const r = await runFile(file, relative(tmp, file), tmp);
        results.push(r);
        expect(r.failures).toEqual([]);
        expect(r.how).toBe('below');
        expect(r.injected).toBe(0);
      }
    });
    return;
  }

  test.each(corpusFiles.map((f) => [relative(FILES, f)]))('%s', async (label) => {
    const r = await runFile(join(FILES, label), label, tmp);
    results.push(r);
    if (known.has(label)) return; // reported in the summary, listed with its cause in known-failures.txt
    expect(r.failures).toEqual([]);
  });
});

function printSummary(all: readonly FileResult[]): void {
  const count = (f: (r: FileResult) => boolean) => all.filter(f).length;
  const lines: string[] = [];
  lines.push(`corpus: ${all.length} files`);
  lines.push(`  as they are: exit 0 ${count((r) => r.plain === 0)}, exit 2 ${count((r) => r.plain === 2)}`);
  lines.push(
    `  with a table injected: under the first sheet's content ${count((r) => r.how === 'below')}, right of it ${count((r) => r.how === 'right')}, ` +
      `on a new sheet ${count((r) => r.how === 'new-sheet')}, ` +
      `not injectable ${count((r) => r.how === 'not injectable')}; exit 0 ${count((r) => r.injected === 0)}, exit 2 ${count((r) => r.injected === 2)}`,
  );
  const odd = all.filter((r) => r.injectedUnits !== undefined && r.injectedUnits !== CDCS_TABLE.length - 1);
  if (odd.length) lines.push(`  injected table read with other than ${CDCS_TABLE.length - 1} units: ${odd.length} — ${odd.slice(0, 8).map((r) => `${r.file} (${r.injectedUnits})`).join(', ')}`);
  const refused = all.filter((r) => r.injected === 2);
  if (refused.length) lines.push(`  injected table refused (exit 2): ${refused.length} — ${refused.slice(0, 8).map((r) => r.file).join(', ')}`);
  const failing = all.filter((r) => r.failures.length);
  lines.push(`  failing files: ${failing.length} (${failing.filter((r) => known.has(r.file)).length} listed as known)`);
  const byKind = new Map<string, string[]>();
  for (const r of failing) for (const f of r.failures) byKind.set(`${f.kind} (${f.run})`, [...(byKind.get(`${f.kind} (${f.run})`) ?? []), r.file]);
  for (const [kind, files] of byKind) lines.push(`    ${kind}: ${files.length} — ${[...new Set(files)].slice(0, 8).join(', ')}${files.length > 8 ? ', …' : ''}`);
  const fixed = [...known].filter((k) => all.some((r) => r.file === k && r.failures.length === 0));
  if (fixed.length) lines.push(`  now passing, remove from known-failures.txt: ${fixed.join(', ')}`);
  const slow = [...all].sort((x, y) => y.ms - x.ms).slice(0, 3);
  lines.push(`  slowest: ${slow.map((r) => `${r.file} ${r.ms} ms (check ${r.checkMs} ms)`).join(', ')}`);
  lines.push(`  time: ${all.reduce((s, r) => s + r.ms, 0)} ms, of which check ${all.reduce((s, r) => s + r.checkMs, 0)} ms`);
  process.stdout.write(lines.join('\n') + '\n');
  if (existsSync(CORPUS)) writeFileSync(join(CORPUS, 'report.json'), JSON.stringify(all, null, 1));
}

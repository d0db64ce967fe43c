/**
 * The measuring modes, run inside a fresh child process (see child.ts). Each mode loads what it
 * measures lazily (`await import`), so a child holds only its own contender's code and data, and
 * the timed section includes loading that code.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ModeName, ModeParams, ModeResult } from './protocol';

export type Mode = (params: ModeParams) => Promise<ModeResult>;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench: missing parameter ${what}`);
  return value;
}

const fileBytes = (path: string): number | undefined => (existsSync(path) ? statSync(path).size : undefined);

/** Writes the sample return for the parameters to `input` with the project's own xlsx writer. */
const generate: Mode = async (p) => {
  const t0 = performance.now();
  const { sampleWorkbook } = await import('../src/domain/sample');
  const { findPreset } = await import('../src/domain/presets');
  const { createXlsx } = await import('../src/workbook/xlsx');
  type CellSpec = import('../src/workbook/plan').CellSpec;
  const set = findPreset(p.preset);
  if (!set) throw new Error(`bench: unknown preset ${p.preset}`);
  const units = need(p.units, 'units');
  const sample = sampleWorkbook(set, { units, year: p.year ?? 2024, seed: p.seed ?? 1, mistakes: false, title: true });
  const rows = sample.grid.rows.map((r) =>
    r.map((v): CellSpec | null => (v === null || typeof v === 'object' ? null : { v })),
  );
  const wb = createXlsx();
  wb.applySync({ sheets: [{ name: sample.grid.name, rows }] });
  const bytes = wb.toBytes();
  writeFileSync(p.input, bytes);
  return {
    ms: performance.now() - t0,
    rows: sample.grid.rows.length,
    cols: sample.grid.rows[sample.headerRow - 1]?.length ?? 0,
    headerRow: sample.headerRow,
    sheet: sample.grid.name,
    bytes: bytes.length,
  };
};

/**
 * A return whose units leave every required cell blank: the template's header row, then `units`
 * rows holding only the year (in `Năm`), so each row has a problem in every other column.
 */
const generateBlank: Mode = async (p) => {
  const t0 = performance.now();
  const { sampleWorkbook } = await import('../src/domain/sample');
  const { findPreset } = await import('../src/domain/presets');
  const { createXlsx } = await import('../src/workbook/xlsx');
  type CellSpec = import('../src/workbook/plan').CellSpec;
  const set = findPreset(p.preset);
  if (!set) throw new Error(`bench: unknown preset ${p.preset}`);
  const units = need(p.units, 'units');
  const year = p.year ?? 2024;
  const header = sampleWorkbook(set, { units: 1, year, seed: 1, mistakes: false, title: false }).grid.rows[0];
  const yearCol = header.indexOf('Năm');
  if (yearCol < 0) throw new Error(`bench: preset ${p.preset} has no Năm column`);
  const rows: (CellSpec | null)[][] = [header.map((h): CellSpec | null => (typeof h === 'string' ? { v: h } : null))];
  for (let i = 0; i < units; i++) {
    const row: (CellSpec | null)[] = new Array(header.length).fill(null);
    row[yearCol] = { v: year };
    rows.push(row);
  }
  const wb = createXlsx();
  wb.applySync({ sheets: [{ name: 'Dữ liệu CĐCS', rows }] });
  const bytes = wb.toBytes();
  writeFileSync(p.input, bytes);
  return { ms: performance.now() - t0, bytes: bytes.length };
};

/** ExcelJS's document API: read the whole file into its model and write it back. */
const exceljs: Mode = async (p) => {
  const output = need(p.output, 'output');
  const t0 = performance.now();
  const ExcelJS = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p.input);
  await wb.xlsx.writeFile(output);
  const ms = performance.now() - t0;
  return { ms, outputBytes: fileBytes(output) };
};

/** The real command, through the same entry as bin/chitieu.js: `chitieu check IN --preset … --out … --json …`. */
const cli: Mode = async (p) => {
  const output = need(p.output, 'output');
  const json = need(p.json, 'json');
  const lines: string[] = [];
  const t0 = performance.now();
  const { run } = await import('../src/cli/main');
  const argv = ['check', p.input, '--preset', p.preset, '--out', output, '--json', json];
  const code = await run(argv, {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    progress: false,
    today: new Date(),
  });
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`chitieu ${argv.join(' ')} exited ${code}:\n${lines.join('\n')}`);
  return { ms, exitCode: code, outputBytes: fileBytes(output), jsonBytes: fileBytes(json), summary: lines.slice(0, 2) };
};

/** The engine alone: `checkSheet(grid, { targetSet })` on a grid already read; median of `runs` after a warm-up. */
const engine: Mode = async (p) => {
  const { openXlsx } = await import('../src/workbook/xlsx');
  const { findPreset } = await import('../src/domain/presets');
  const { checkSheet } = await import('../src/domain/check');
  const { CLI_MAX_CELLS } = await import('../src/cli/files');
  const targetSet = findPreset(p.preset);
  if (!targetSet) throw new Error(`bench: unknown preset ${p.preset}`);
  // The command line's cell limit: a 1,000,000-row table is read as `chitieu check` reads it.
  const opened = openXlsx(new Uint8Array(readFileSync(p.input)), { maxCells: CLI_MAX_CELLS });
  if (!opened.ok) throw new Error(`bench: cannot open ${p.input}: ${opened.error.message}`);
  const wb = opened.value;
  const grid = wb.readSheetSync(wb.sheetNamesSync()[0]);
  const gc = (globalThis as { gc?: () => void }).gc;

  const warm = checkSheet(grid, { targetSet });
  if (!warm.ok) throw new Error(`bench: ${warm.error.message}`);
  const runs = Math.max(1, p.runs ?? 5);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    const out = checkSheet(grid, { targetSet });
    times.push(performance.now() - t0);
    if (!out.ok) throw new Error('bench: engine result changed between runs');
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return {
    ms: median,
    runs: times,
    units: warm.value.units.length,
    problems: warm.value.problems.length,
    indicators: warm.value.indicators.length,
  };
};

/** A folder of `files` returns of `units` units each, unit codes unique across files. */
const generateReturns: Mode = async (p) => {
  const t0 = performance.now();
  const { mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { sampleWorkbook } = await import('../src/domain/sample');
  const { findPreset } = await import('../src/domain/presets');
  const { createXlsx } = await import('../src/workbook/xlsx');
  type CellSpec = import('../src/workbook/plan').CellSpec;
  const set = findPreset(p.preset);
  if (!set) throw new Error(`bench: unknown preset ${p.preset}`);
  const dir = need(p.dir, 'dir');
  const files = need(p.files, 'files');
  const units = need(p.units, 'units');
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f < files; f++) {
    const sample = sampleWorkbook(set, { units, year: p.year ?? 2024, seed: 1000 + f, mistakes: false, title: false });
    const rows = sample.grid.rows.map((r, i) =>
      r.map((v, c): CellSpec | null => {
        if (v === null || typeof v === 'object') return null;
        // Unit codes unique across the folder: file number + row.
        return i > 0 && c === 0 ? { v: `F${f + 1}-${i}` } : { v };
      }),
    );
    const wb = createXlsx();
    wb.applySync({ sheets: [{ name: sample.grid.name, rows }] });
    writeFileSync(join(dir, `bao-cao-${String(f + 1).padStart(4, '0')}.xlsx`), wb.toBytes());
  }
  return { ms: performance.now() - t0 };
};

/** The baseline for intake: only opening every file of the folder with ExcelJS's document API. */
const exceljsOpenDir: Mode = async (p) => {
  const dir = need(p.dir, 'dir');
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const t0 = performance.now();
  const ExcelJS = await import('exceljs');
  for (const name of readdirSync(dir).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, name));
  }
  return { ms: performance.now() - t0 };
};

/** `chitieu merge DIR --preset … --out … --json …`. */
const merge: Mode = async (p) => {
  const dir = need(p.dir, 'dir');
  const output = need(p.output, 'output');
  const json = need(p.json, 'json');
  const lines: string[] = [];
  const t0 = performance.now();
  const { run } = await import('../src/cli/main');
  const argv = ['merge', dir, '--preset', p.preset, '--out', output, '--json', json];
  const code = await run(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l), progress: false, today: new Date() });
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`chitieu ${argv.join(' ')} exited ${code}:\n${lines.join('\n')}`);
  return { ms, outputBytes: fileBytes(output) };
};

/** Check + write through the Office adapter on the fake Excel: syncs and payload sizes. */
const office: Mode = async (p) => {
  const { measureOffice, formatOfficeLine } = await import('../test/support/fakeExcel/measure');
  const t0 = performance.now();
  const m = await measureOffice(need(p.rows, 'rows'));
  return { ms: performance.now() - t0, line: formatOfficeLine(m), syncs: m.syncs, maxRequestBytes: m.maxRequestBytes, maxResponseBytes: m.maxResponseBytes, totalBytes: m.totalBytes };
};

/** Fixes through the Office adapter on the fake Excel (unit names typed in TCVN3): syncs and payload sizes. */
const officeFixes: Mode = async (p) => {
  const { measureOfficeFixes, formatOfficeFixesLine } = await import('../test/support/fakeExcel/measure');
  const t0 = performance.now();
  const m = await measureOfficeFixes(need(p.rows, 'rows'));
  return { ms: performance.now() - t0, line: formatOfficeFixesLine(m), fixes: m.fixes, syncs: m.syncs, maxRequestBytes: m.maxRequestBytes, maxResponseBytes: m.maxResponseBytes, totalBytes: m.totalBytes };
};

/** The registry of modes: a later contender is one more entry. */
export const MODES: Readonly<Record<ModeName, Mode>> = { generate, generateBlank, exceljs, cli, engine, generateReturns, exceljsOpenDir, merge, office, officeFixes };

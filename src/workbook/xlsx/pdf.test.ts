/**
 * An independent reader: LibreOffice must open our output and print it to PDF.
 * Skipped (with a note) when `soffice` is not installed.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createXlsx } from './create';
import { buildFixture, mustOpen, samplePlan } from './test';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);

function toPdf(dir: string, file: string): void {
  // A private profile, so a concurrent LibreOffice (or a first-run dialog) cannot interfere.
  const profile = `file://${join(dir, 'profile')}`;
  const r = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, file)], {
    timeout: 90_000,
    encoding: 'utf8',
  });
  expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
  const pdf = join(dir, file.replace(/\.xlsx$/, '.pdf'));
  expect(existsSync(pdf)).toBe(true);
  expect(statSync(pdf).size).toBeGreaterThan(1000);
}

(soffice ? describe : describe.skip)('LibreOffice opens our output', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chitieu-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a patched user workbook converts to PDF', async () => {
    const wb = mustOpen(await buildFixture());
    wb.applySync(samplePlan());
    writeFileSync(join(dir, 'patched.xlsx'), wb.toBytes());
    toPdf(dir, 'patched.xlsx');
  }, 120_000);

  test('a workbook made from scratch converts to PDF', () => {
    const wb = createXlsx();
    wb.applySync({ sheets: samplePlan().sheets });
    writeFileSync(join(dir, 'fresh.xlsx'), wb.toBytes());
    toPdf(dir, 'fresh.xlsx');
  }, 120_000);
});

if (!soffice) {
  test('LibreOffice check skipped (fails in CI, which installs it)', () => {
    expect(process.env.CI).toBeFalsy();
    console.log('soffice is not on PATH: the PDF conversion check was skipped.');
  });
}

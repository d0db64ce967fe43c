/**
 * LibreOffice, a real spreadsheet client, opens a send-out return and keeps its protection: the
 * copy it saves (`soffice --convert-to xlsx`) still has the sheet protected without a password,
 * the identity cells locked and the input cells open, and the drop-downs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegisterUnit } from '../src/domain/cycle/registerUnit';
import { findPreset } from '../src/domain/presets';
import { sendOutFiles } from '../src/workbook/render/sendOutFiles';
import { sheetParts } from './support/sendOutReturn';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);

(soffice ? describe : describe.skip)('send-out return in LibreOffice', () => {
  test('LibreOffice opens it and saves it with the protection kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sendout-lo-'));
    const unit: RegisterUnit = { code: 'CD01', name: 'CĐCS Trường Tiểu học Kim Đồng', parent: 'Công đoàn ngành Giáo dục', sector: 'Nhà nước', contact: {}, row: 2 };
    const [file] = [...sendOutFiles({ set: findPreset('bd-cdvc-2024')!, year: 2025, units: [unit] })];
    const input = join(dir, file.name);
    writeFileSync(input, file.bytes);
    const outdir = join(dir, 'lo');
    mkdirSync(outdir);
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', outdir, input], {
      timeout: 300_000,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const converted = join(outdir, file.name);
    expect(existsSync(converted)).toBe(true);
    const before = sheetParts(file.bytes);
    const after = sheetParts(new Uint8Array(readFileSync(converted)));
    // Protected, without a password (LibreOffice writes no hash when none was set).
    expect(after.protection).toMatch(/sheet="(1|true)"/);
    expect(after.protection).not.toMatch(/password="[^"]|hashValue="[^"]|saltValue/);
    // Layout (sendOut.test.ts): identity A–E of row 14, inputs F–N, header row 13.
    for (const f of [before, after]) {
      for (const ref of ['A14', 'B14', 'C14', 'D14', 'E14', 'F13', 'A1']) expect(f.locked(ref)).toBe(true);
      for (const ref of ['F14', 'I14', 'N14']) expect(f.locked(ref)).toBe(false);
    }
    // The drop-downs stay: the yes/no list and the whole-number rule.
    expect(after.validations).toMatch(/type="list"/);
    expect(after.validations).toMatch(/type="whole"/);
  }, 300_000);
});

/**
 * LibreOffice, a real spreadsheet client, opens what `chitieu` writes and prints it: the demo's
 * result workbook converts to PDF, and the PDF holds the summary and the statuses. Text that
 * looks like a formula stays text when LibreOffice recalculates.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { createXlsx } from '../src/workbook/xlsx';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const pdftotext = spawnSync('which', ['pdftotext']).status === 0;

function convert(dir: string, file: string, to: string): string {
  const profile = `file://${join(dir, 'lo-profile')}`;
  const r = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', dir, file], {
    timeout: 120_000,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const out = join(dir, file.split('/').pop()!.replace(/\.xlsx$/, '.' + to.split(':')[0]));
  expect(existsSync(out)).toBe(true);
  return out;
}

(soffice ? describe : describe.skip)('LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-lo-'));

  it('opens and prints the result of chitieu demo', async () => {
    const io = { out: () => undefined, err: () => undefined, progress: false, today: new Date(2026, 10, 21) };
    expect(await run(['demo', '--dir', dir], io)).toBe(0);
    const pdf = convert(dir, join(dir, 'ket-qua-bd-cdvc-2024-2024.xlsx'), 'pdf');
    if (!pdftotext) return;
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Bình Định, ngày 21 tháng 11 năm 2026');
    expect(text).toContain('Chưa đạt');
    expect(text).toContain('KẾT QUẢ KIỂM TRA SỐ LIỆU');
  }, 180_000);

  it('keeps formula-looking text as text', () => {
    const wb = createXlsx();
    wb.applySync({ sheets: [{ name: 'Dữ liệu', rows: [[{ v: '=1+1' }, { v: '+84 912' }, { v: '-5' }, { v: '@SUM(A1)' }, { v: 7 }]] }] });
    const file = join(dir, 'cong-thuc.xlsx');
    writeFileSync(file, wb.toBytes());
    const csv = readFileSync(convert(dir, file, 'csv'), 'utf8').trim();
    expect(csv).toBe('=1+1,+84 912,-5,@SUM(A1),7');
  }, 180_000);
});

if (!soffice) {
  it('LibreOffice tests skipped (fails in CI, which installs it)', () => {
    expect(process.env.CI).toBeFalsy();
  });
}

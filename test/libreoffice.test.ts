/**
 * LibreOffice, a real spreadsheet client, opens what `chitieu` writes and prints it. The meeting
 * document (`Tổng hợp`) is checked on the printed pages of every output: the demo of each of the
 * five built-in sets, a messy user workbook whose default font is Calibri, and a merge.
 * Liberation Serif has Times New Roman's metrics (CI installs fonts-liberation), so pages break
 * where Excel's do. Text that looks like a formula stays text when LibreOffice recalculates.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { run } from '../src/cli/main';
import { PRESETS } from '../src/domain/presets';
import { createXlsx, openXlsx } from '../src/workbook/xlsx';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const poppler = spawnSync('which', ['pdftotext']).status === 0 && spawnSync('which', ['pdfinfo']).status === 0;
const TODAY = new Date(2026, 10, 21);
const io = { out: () => undefined, err: () => undefined, progress: false, today: TODAY };

/** Converts files to `to` in one LibreOffice run (its start-up is most of the time). */
function convert(dir: string, files: readonly string[], to: string): string[] {
  const profile = `file://${join(dir, 'lo-profile')}`;
  const outdir = join(dir, 'out-' + to.split(':')[0]);
  mkdirSync(outdir, { recursive: true });
  const r = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, ...files], {
    timeout: 300_000,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  return files.map((file) => {
    const out = join(outdir, file.split('/').pop()!.replace(/\.xlsx$/, '.' + to.split(':')[0]));
    expect(existsSync(out)).toBe(true);
    return out;
  });
}

/** The PDF's pages as text: `layout` keeps columns apart, raw keeps each cell's words in order. */
function pages(pdf: string, layout: boolean): string[] {
  const text = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
  return text.split('\f').slice(0, -1);
}

/** The pages of `Tổng hợp`: from its title to the page before the Kiểm tra sheet. */
function summaryPages(all: readonly string[]): { first: number; pages: string[] } {
  const first = all.findIndex((p) => p.includes('BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM'));
  expect(first).toBeGreaterThanOrEqual(0);
  let end = first + 1;
  while (end < all.length && !all[end].includes('KẾT QUẢ KIỂM TRA SỐ LIỆU')) end++;
  return { first, pages: all.slice(first, end) };
}

/** Fonts of the cells of a sheet, by the sheet's name, from styles.xml (cellXfs → fonts). */
function cellFonts(file: string, sheet: string): { cellFonts: Set<string>; defaultFont: string } {
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (p: string): string => strFromU8(zip[p]);
  const wb = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const relId = new RegExp(`<sheet name="${sheet}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)!;
  const xml = text('xl/' + (target[1] ?? target[2]).replace(/^\/?xl\//, ''));
  const styles = text('xl/styles.xml');
  const section = (name: string, child: string): string[] => {
    const inner = new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(styles)![1];
    return inner.match(new RegExp(`<${child}[\\s>][\\s\\S]*?</${child}>|<${child}\\s[^>]*/>`, 'g')) ?? [];
  };
  const fonts = section('fonts', 'font').map((f) => /<name val="([^"]+)"/.exec(f)?.[1] ?? '');
  const xfs = section('cellXfs', 'xf').map((x) => Number(/fontId="(\d+)"/.exec(x)?.[1] ?? 0));
  const used = new Set<string>();
  for (const m of xml.matchAll(/<c r="[A-Z]+\d+"(?: s="(\d+)")?[^>]*?(?:\/>|>)/g)) used.add(fonts[xfs[Number(m[1] ?? 0)]]);
  return { cellFonts: used, defaultFont: fonts[0] };
}

/** Numbers as the document writes them (`2.066,8`, `97,5%`, `40/40`): each must print whole. */
function numberTokens(text: string): string[] {
  return text.match(/\d[\d.,]*\d|\d/g) ?? [];
}

/** The `Kết quả` column of the product's Tổng hợp, read back from the file. */
function resultTexts(file: string): string[] {
  const wb = openXlsx(new Uint8Array(readFileSync(file)));
  if (!wb.ok) throw new Error(wb.error.message);
  const rows = wb.value.readSheetSync('Tổng hợp').rows;
  const h = rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Chỉ tiêu');
  const out: string[] = [];
  for (let r = h + 1; r < rows.length && typeof rows[r][7] === 'string'; r++) out.push(String(rows[r][3]));
  return out;
}

/** A user's workbook as people make them: Calibri default, title rows, a merged title, a total row, notes. */
async function messyWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu 2024');
  ws.addRow(['LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH']);
  ws.addRow(['BẢNG TỔNG HỢP SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2024']);
  ws.mergeCells('A2:H2');
  ws.addRow([]);
  ws.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khu vực', 'Số CBCCVCLĐ đủ điều kiện gia nhập', 'Số ĐV', 'Số ĐV đăng ký sáng kiến, giải pháp', 'Xếp loại', 'Có chương trình, kế hoạch gắn nhiệm vụ chính trị']);
  const names = ['CĐCS Trường THPT Số 1 Phù Cát', 'CĐCS Sở Tài chính', 'CĐCS Bệnh viện Đa khoa tỉnh', 'CĐCS UBND xã Nhơn Hậu', 'CĐCS Kho bạc Nhà nước An Nhơn'];
  names.forEach((n, i) =>
    ws.addRow([i + 1, `CD0${i + 1}`, n, 'Nhà nước', 40 + i, 36 + i, 6 + i, i === 3 ? 'Không hoàn thành nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ', i === 1 ? 'Không' : 'Có']),
  );
  ws.addRow([null, null, 'Tổng cộng', null, { formula: 'SUM(E5:E9)', result: 210 }, { formula: 'SUM(F5:F9)', result: 190 }]);
  ws.addRow([]);
  ws.addRow([null, 'Ghi chú: số liệu đến 30/11/2024']);
  ws.getColumn(3).width = 34;
  await wb.xlsx.writeFile(file);
}

(soffice ? describe : describe.skip)('LibreOffice prints every output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-lo-'));
  const outputs: { name: string; file: string }[] = [];
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    for (const p of PRESETS) {
      const d = join(dir, p.id);
      expect(await run(['demo', '--preset', p.id, '--dir', d], io)).toBe(0);
      outputs.push({ name: `demo ${p.id}`, file: join(d, `ket-qua-${p.id}-2024.xlsx`) });
    }
    // The merge of the demo's returns (bd-cdvc-2024).
    outputs.push({ name: 'merge', file: join(dir, 'bd-cdvc-2024', 'tong-hop-bd-cdvc-2024-2024.xlsx') });
    const messy = join(dir, 'messy.xlsx');
    await messyWorkbook(messy);
    expect(await run(['check', messy, '--preset', 'bd-cdvc-2024', '--out', join(dir, 'messy-out.xlsx')], io)).toBeLessThanOrEqual(1);
    outputs.push({ name: 'messy Calibri workbook', file: join(dir, 'messy-out.xlsx') });
    for (const o of outputs) expect(existsSync(o.file)).toBe(true);
    const converted = convert(dir, outputs.map((o) => o.file), 'pdf');
    outputs.forEach((o, i) => pdfs.set(o.name, converted[i]));
  }, 600_000);

  const names = [...PRESETS.map((p) => `demo ${p.id}`), 'merge', 'messy Calibri workbook'];

  (poppler ? it.each(names) : it.skip.each(names))('%s: Tổng hợp prints as a meeting document', (name) => {
    const pdf = pdfs.get(name)!;
    const file = outputs.find((o) => o.name === name)!.file;
    const layout = pages(pdf, true);
    const { first, pages: summary } = summaryPages(layout);
    const text = summary.join('\n');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số:');
    expect(text).toMatch(/BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM \d{4}/);
    expect(text).toContain('TM. BAN THƯỜNG VỤ');
    // The sheet counts its own pages: its first page says Trang 1/…
    expect(summary[0]).toMatch(/Trang 1\/\d+/);
    // The chart is drawn beside the table (LibreOffice writes its title as text on the page;
    // pdftotext may space its letters apart).
    expect(text.replace(/\s+/g, '')).toContain('Mụctiêuvàkếtquả(%)');

    // One page wide: every page with rows of the table holds the Mã column (the rightmost) too.
    // The header row: once on every page with table rows, on no other page.
    const ids = new Set(resultIdsOf(file));
    for (const page of summary) {
      const lines = page.split('\n');
      const rowLines = lines.filter((l) => /^\s{0,3}\d{1,2}\s+\S/.test(l) && [...ids].some((id) => l.includes(id.slice(0, 8))));
      const headers = lines.filter((l) => /\bSTT\b/.test(l) && l.includes('Chỉ tiêu') && l.includes('Mục tiêu')).length;
      expect(headers).toBe(rowLines.length > 0 ? 1 : 0);
    }

    // No number is split across lines: each number of the Kết quả column prints whole.
    // (pdftotext may put spaces inside a word, never a line break: spaces and tabs are dropped.)
    const raw = summaryPages(pages(pdf, false)).pages.join('\n').replace(/[ \t]+/g, '');
    for (const figure of resultTexts(file)) for (const n of numberTokens(figure)) expect(raw).toContain(n);
    // Large money reads in triệu đồng: no amount of 10 million or more is written out in đồng.
    for (const figure of resultTexts(file)) expect(figure).not.toMatch(/\d{1,3}(\.\d{3}){2,}/);

    // A4 landscape: 842 × 595 points.
    const n = String(first + 1);
    const info = spawnSync('pdfinfo', ['-f', n, '-l', n, pdf], { encoding: 'utf8' }).stdout;
    const [w, h] = new RegExp(`Page\\s+${n} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(info)!.slice(1).map(Number);
    expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);

    // Times New Roman on every cell of the summary, whatever the workbook's default font.
    expect([...cellFonts(file, 'Tổng hợp').cellFonts]).toEqual(['Times New Roman']);
  }, 60_000);

  (poppler ? it : it.skip)('the messy workbook keeps Calibri as its default; the summary still prints in Times New Roman metrics', () => {
    const file = outputs.find((o) => o.name === 'messy Calibri workbook')!.file;
    expect(cellFonts(file, 'Tổng hợp').defaultFont).toBe('Calibri');
    const fonts = spawnSync('pdffonts', [pdfs.get('messy Calibri workbook')!], { encoding: 'utf8' }).stdout;
    // LibreOffice substitutes Liberation Serif (Times New Roman's metrics) where Times New Roman is absent.
    expect(fonts).toMatch(/LiberationSerif|TimesNewRoman|Times New Roman/);
    // The count names the unit rated Không hoàn thành nhiệm vụ.
    const text = summaryPages(pages(pdfs.get('messy Calibri workbook')!, false)).pages.join('\n').replace(/\s+/g, '');
    expect(text).toContain('CĐCSkhônghoànthànhnhiệmvụ(1):CĐCSUBNDxãNhơnHậu');
  });

  (poppler ? it : it.skip)('the data sheet: status words print with their marks, and every page of status columns shows the unit names', () => {
    const all = pages(pdfs.get('demo bd-cdvc-2024')!, true);
    const data = all.slice(0, summaryPages(all).first);
    const text = data.join('\n');
    // The cell holds the word; the number format puts the mark before it.
    expect(text).toContain('✓ Đạt');
    expect(text).toContain('✗ Chưa đạt');
    const statusPages = data.filter((p) => p.includes('Kết quả:'));
    expect(statusPages.length).toBeGreaterThan(0);
    // The identity columns (Mã đơn vị, Tên đơn vị) are print titles: on every page with status columns.
    for (const p of statusPages) expect(p).toContain('Tên đơn vị');
  });

  (poppler ? it : it.skip)('a demo Tổng hợp fits in two pages and the merge in one', () => {
    expect(summaryPages(pages(pdfs.get('demo bd-cdvc-2024')!, true)).pages.length).toBeLessThanOrEqual(2);
    expect(summaryPages(pages(pdfs.get('merge')!, true)).pages.length).toBe(1);
  });

  it('keeps formula-looking text as text', () => {
    const wb = createXlsx();
    wb.applySync({ sheets: [{ name: 'Dữ liệu', rows: [[{ v: '=1+1' }, { v: '+84 912' }, { v: '-5' }, { v: '@SUM(A1)' }, { v: 7 }]] }] });
    const file = join(dir, 'cong-thuc.xlsx');
    writeFileSync(file, wb.toBytes());
    const csv = readFileSync(convert(dir, [file], 'csv')[0], 'utf8').trim();
    expect(csv).toBe('=1+1,+84 912,-5,@SUM(A1),7');
  }, 180_000);
});

/** The indicator ids in the Mã column of the product's Tổng hợp. */
function resultIdsOf(file: string): string[] {
  const wb = openXlsx(new Uint8Array(readFileSync(file)));
  if (!wb.ok) throw new Error(wb.error.message);
  const rows = wb.value.readSheetSync('Tổng hợp').rows;
  const h = rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Chỉ tiêu');
  const out: string[] = [];
  for (let r = h + 1; r < rows.length && typeof rows[r][7] === 'string'; r++) out.push(String(rows[r][7]));
  return out;
}

if (!soffice) {
  it('LibreOffice tests skipped (fails in CI, which installs it)', () => {
    expect(process.env.CI).toBeFalsy();
  });
}

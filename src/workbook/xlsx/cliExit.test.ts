/**
 * The command line on odd packages: a file the adapter cannot use ends with exit 2 and one
 * Vietnamese line on stderr, never exit 3; an odd but valid file is checked and written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Io } from '../../cli/commands';
import { run } from '../../cli/main';
import { makeZip } from './test';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-odd-'));
const file = (name: string): string => join(dir, name);

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: false, today: new Date(2026, 10, 21) };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const str = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;

/** A CĐCS table the bd-cdvc-2024 preset recognises: code, name, members, eligible workers. */
const TABLE =
  `${DECL}<worksheet xmlns="${MAIN}"><sheetData>` +
  `<row r="1">${str('A1', 'Mã CĐCS')}${str('B1', 'Tên CĐCS')}${str('C1', 'Số ĐV')}${str('D1', 'Số CBCCVCLĐ đủ điều kiện gia nhập')}</row>` +
  `<row r="2">${str('A2', 'CD01')}${str('B2', 'CĐCS Trường THPT Quang Trung')}${num('C2', 20)}${num('D2', 20)}</row>` +
  `<row r="3">${str('A3', 'CD02')}${str('B3', 'CĐCS Sở Tài chính')}${num('C3', 38)}${num('D3', 40)}</row>` +
  '</sheetData></worksheet>';

/** A two-sheet package (the table on "Số liệu", then a damaged "Hỏng"); `over` replaces or removes parts. */
function workbook(over: Record<string, string | undefined>): Uint8Array {
  const parts: Record<string, string | undefined> = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/>` +
      '<sheet name="Hỏng" sheetId="2" r:id="rId2"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': TABLE,
    // Cut short: no </sheetData>.
    'xl/worksheets/sheet2.xml': `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${num('A1', 1)}`,
    'xl/styles.xml': `${DECL}<styleSheet xmlns="${MAIN}"/>`,
    ...over,
  };
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(parts)) if (v !== undefined) files[k] = v;
  return makeZip(files);
}

describe('check on odd packages', () => {
  test.each([
    ['workbook relationships missing', { 'xl/_rels/workbook.xml.rels': undefined }, [], 'xl/_rels/workbook.xml.rels'],
    ['the sheet asked for is damaged', {}, ['--sheet', 'Hỏng'], 'Trang tính "Hỏng" bị hỏng'],
    ['workbook part not XML', { 'xl/workbook.xml': 'PK\u0003\u0004 rác' }, [], 'bị hỏng'],
  ])('%s: exit 2, one Vietnamese line', async (_, over, extra, words) => {
    const input = file(`odd-${extra.length}-${Object.keys(over).length}-${words.length}.xlsx`);
    writeFileSync(input, workbook(over));
    const io = capture();
    expect(await run(['check', input, '--preset', 'bd-cdvc-2024', '--out', file('kq-odd.xlsx'), ...extra], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain(words);
    expect(io.stderr[0]).not.toMatch(/lỗi không mong đợi|\n\s+at /);
  });

  test('a damaged sheet beside the data sheet and a self-closing styleSheet: checked, written, every part parses', async () => {
    const input = file('odd-ok.xlsx');
    const out = file('odd-ok-kq.xlsx');
    writeFileSync(input, workbook({}));
    const io = capture();
    expect(await run(['check', input, '--preset', 'bd-cdvc-2024', '--out', out], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(out))))) {
      if (name === 'xl/worksheets/sheet2.xml') continue; // the user's damaged sheet, copied as it was
      if (/\.(xml|rels)$/.test(name)) new SaxesParser({ xmlns: true }).write(strFromU8(bytes)).close();
    }
  });
});

/**
 * Send-out returns (spec/interfaces.md "Send-out: one pre-filled return per unit"): a return is
 * filled in the way a user would (ExcelJS, writing only the cells the protection leaves open) and
 * goes through intake with zero problems; the protection flags read back from the file (and from
 * LibreOffice's copy of it); last year's figures beside the inputs are the unit's own.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { columnDef } from '../src/domain/catalog';
import { columnsForSet } from '../src/domain/columnsForSet';
import type { RegisterUnit } from '../src/domain/cycle/registerUnit';
import { previousFigures } from '../src/domain/cycle/sendOutPrevious';
import { mergeReturns } from '../src/domain/merge';
import { findPreset, PRESETS } from '../src/domain/presets';
import { readReturnBytes } from '../src/workbook/readReturn';
import { sendOutFiles, sendOutZip } from '../src/workbook/render/sendOutFiles';
import { openXlsx } from '../src/workbook/xlsx';
import { readZipDirectory } from '../src/workbook/xlsx/zip';
import { fill, sheetParts } from './support/sendOutReturn';
import { BD_CDVC_2024_HEADERS } from './support/bdCdvc2024Headers';

const TODAY = new Date(2026, 10, 21);
const set = findPreset('bd-cdvc-2024')!;

const unitA: RegisterUnit = {
  code: 'CĐ/01',
  name: 'CĐCS Trường THPT Trưng Vương',
  parent: 'Công đoàn ngành Giáo dục',
  sector: 'Nhà nước',
  contact: { person: 'Nguyễn Văn A', phone: '0901234567' },
  row: 2,
};
const unitB: RegisterUnit = { code: 'CD02', name: 'CĐCS Sở Tài chính', contact: {}, row: 3 };

/** What a user types in each input column of bd-cdvc-2024 (a valid return: 25 of 30 are members). */
const TYPED: Record<string, string | number> = {
  'Khu vực': 'Nhà nước',
  'Số CBCCVCLĐ đủ điều kiện gia nhập': 30,
  'Số đoàn viên': 25,
  'Số ĐV đăng ký sáng kiến, giải pháp': 4,
  'Có chương trình, kế hoạch gắn nhiệm vụ chính trị': 'Có',
  'Đăng ký thi đua hoàn thành tốt nhiệm vụ trở lên': 'Có',
  'Phát động thi đua chuyển đổi số': 'Không',
  'Đăng ký xây dựng cơ quan đạt chuẩn văn hóa': 'Có',
  'Được công nhận đạt chuẩn văn hóa': 'Không',
  'Xếp loại': 'Hoàn thành tốt nhiệm vụ',
};

function returns(units: readonly RegisterUnit[], year = 2025, previous?: Parameters<typeof sendOutFiles>[0]['previous']) {
  return [...sendOutFiles({ set, year, units, ...(previous ? { previous } : {}) })];
}

describe('send-out return', () => {
  const [a, b] = returns([unitA, unitB]);

  test('file names: the code made file-name-safe', () => {
    // 'CĐ/01': Đ → D, '/' → '-'.
    expect(a.name).toBe('bao-cao-CD-01-2025.xlsx');
    expect(b.name).toBe('bao-cao-CD02-2025.xlsx');
  });

  test('protection without a password; identity locked, inputs unlocked; no macros', () => {
    const { xml, locked, protection: prot } = sheetParts(a.bytes);
    expect(prot).toContain('sheet="1"');
    expect(prot).not.toMatch(/password|hashValue|saltValue|algorithmName/);
    // bd-cdvc-2024 with a parent: A Mã, B Tên, C Đơn vị cấp trên, D Khu vực, E Năm (identity, given),
    // F…N the nine input columns. Rows: title 1–3, HƯỚNG DẪN 5, five lines 6–10, blank 11, the
    // reference headers' row 12 (empty without last year's figures), header 13, the unit's row 14.
    expect(xml).toContain('<c r="A14"');
    for (const ref of ['A14', 'B14', 'C14', 'D14', 'E14', 'A13', 'F13', 'A1']) expect(locked(ref)).toBe(true);
    for (const ref of ['F14', 'G14', 'H14', 'I14', 'J14', 'K14', 'L14', 'M14', 'N14']) expect(locked(ref)).toBe(false);
    expect(locked('O14')).toBe(true);
    const names = readZipDirectory(a.bytes).map((e) => e.name);
    expect(names.some((n) => /vba|\.bin$/i.test(n))).toBe(false);
    const types = strFromU8(unzipSync(a.bytes)['[Content_Types].xml']);
    expect(types).not.toContain('macroEnabled');
  });

  test('identity pre-filled; drop-downs, whole-number rules and input messages on the inputs; instructions', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a.bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Dữ liệu CĐCS');
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => ws.getCell(`${c}14`).value)).toEqual(['CĐ/01', 'CĐCS Trường THPT Trưng Vương', 'Công đoàn ngành Giáo dục', 'Nhà nước', 2025]);
    expect(ws.getCell('A1').value).toBe('BÁO CÁO SỐ LIỆU CÔNG ĐOÀN CƠ SỞ NĂM 2025');
    // F: Số CBCCVCLĐ đủ điều kiện gia nhập (count), I: first yes/no, N: Xếp loại.
    const f = ws.getCell('F14').dataValidation;
    expect(f).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', showInputMessage: true });
    expect(f.formulae).toEqual([0]);
    expect(f.prompt).toContain('số nguyên');
    expect(ws.getCell('I14').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(ws.getCell('N14').dataValidation.formulae?.[0]).toContain('Hoàn thành tốt nhiệm vụ');
    // An input message on every header A13…N13: what to type under it, or that it is given.
    for (let c = 1; c <= 14; c++) expect(ws.getRow(13).getCell(c).dataValidation?.showInputMessage).toBe(true);
    expect(ws.getCell('A13').dataValidation.prompt).toContain('đã điền sẵn');
    expect(ws.getCell('F13').dataValidation.prompt).toContain('số nguyên');
    expect(ws.getCell('I13').dataValidation.prompt).toContain('chọn Có hoặc Không');
    const text = [5, 6, 7, 8, 9, 10].map((r) => String(ws.getCell(`A${r}`).value)).join('\n');
    expect(text).toContain('HƯỚNG DẪN');
    expect(text).toContain('ô nền vàng ở dòng 14');
    expect(text).toContain('không sửa');
    expect(text).toContain('giữ nguyên tên tệp "bao-cao-CD-01-2025.xlsx"');
    expect(text).toContain('gửi lại tệp này cho Công đoàn ngành Giáo dục');
  });

  test('filled in the unlocked cells only, it goes through intake with zero problems', async () => {
    const filledA = await fill(a.bytes, 'CĐ/01', (h) => TYPED[h]);
    const filledB = await fill(b.bytes, 'CD02', (h) => TYPED[h]);
    // A: F…N (nine inputs). B has no parent column: A Mã, B Tên, C Khu vực — not in the register
    // for B, so an input —, D Năm (locked), E…M the nine inputs.
    expect(filledA.written).toEqual(['F14', 'G14', 'H14', 'I14', 'J14', 'K14', 'L14', 'M14', 'N14']);
    expect(filledB.written).toEqual(['C14', 'E14', 'F14', 'G14', 'H14', 'I14', 'J14', 'K14', 'L14', 'M14']);
    const merged = mergeReturns(
      [readReturnBytes(a.name, filledA.bytes), readReturnBytes(b.name, filledB.bytes)],
      { targetSet: set, today: TODAY },
    );
    expect(merged.files.map((f) => [f.status, f.units, f.problems])).toEqual([
      ['accepted', 1, []],
      ['accepted', 1, []],
    ]);
    // The master rows: the identity as sent and the figures as typed (B's Khu vực typed by its secretary).
    const header = merged.master.rows[0];
    const row = (i: number) => Object.fromEntries(header.map((h, c) => [h, merged.master.rows[i][c]]));
    expect(row(1)).toMatchObject({ 'Mã đơn vị': 'CĐ/01', 'Đơn vị cấp trên': 'Công đoàn ngành Giáo dục', 'Khu vực': 'Nhà nước', Năm: 2025, 'Số đoàn viên': 25, 'Xếp loại': 'Hoàn thành tốt nhiệm vụ' });
    expect(row(2)).toMatchObject({ 'Mã đơn vị': 'CD02', 'Khu vực': 'Nhà nước', Năm: 2025, 'Số CBCCVCLĐ đủ điều kiện gia nhập': 30 });
  });

  test.each(PRESETS.map((p) => p.id))('every built-in set: %s, filled with valid values, has zero problems', async (id) => {
    const preset = findPreset(id)!;
    const unit: RegisterUnit = { code: 'X01', name: 'CĐCS Thử', sector: 'Ngoài nhà nước', level: 'CĐCS', contact: {}, row: 2 };
    const [file] = [...sendOutFiles({ set: preset, year: 2025, units: [unit] })];
    // A valid value by type: a count is 100 less 10 per step up its "part of" chain (so every part
    // is at most its whole), an amount likewise in millions; yes/no Có; a choice its first value.
    const defs = new Map(columnsForSet(preset).map((k) => [columnDef(k)!.header, columnDef(k)!]));
    const value = (header: string): string | number => {
      const def = defs.get(header);
      if (!def) throw new Error(`no column for ${header}`);
      let depth = 0;
      for (let d = def; d.partOf; d = columnDef(d.partOf)!) depth++;
      if (def.type === 'int') return 100 - 10 * depth;
      if (def.type === 'money') return (100 - 10 * depth) * 1_000_000;
      if (def.type === 'bool') return 'Có';
      if (def.type === 'choice') return def.choices![0].value;
      throw new Error(`unexpected input ${def.key}`);
    };
    const filled = await fill(file.bytes, 'X01', value);
    expect(filled.written.length).toBeGreaterThan(3);
    const merged = mergeReturns([readReturnBytes(file.name, filled.bytes)], { targetSet: preset, today: TODAY });
    expect(merged.files[0].problems).toEqual([]);
    expect(merged.files[0].status).toBe('accepted');
  });

  describe('with last year\'s master', () => {
    let master: ReturnType<typeof previousFigures>;
    beforeAll(async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Dữ liệu CĐCS');
      ws.addRow([...BD_CDVC_2024_HEADERS, 'Nguồn']);
      // CĐ/01 in 2023 (an older year: not shown) and 2024; its 2024 figures are typed as a secretary
      // would: '24' as text, 'HTT' for Hoàn thành tốt nhiệm vụ, 'x' for yes.
      ws.addRow(['CĐ/01', 'CĐCS Trường THPT Trưng Vương', 'Nhà nước', 2023, 26, 20, 1, 'Không', 'Có', 'Không', 'Không', 'Không', 'HTT', 'a.xlsx']);
      ws.addRow(['cđ/01 ', 'CĐCS Trường THPT Trưng Vương', 'Nhà nước', 2024, 28, '24', 3, 'Có', 'x', 'Không', 'Có', null, 'HTT', 'b.xlsx']);
      ws.addRow(['CD03', 'CĐCS Bệnh viện', 'Nhà nước', 2024, 50, 45, 9, 'Có', 'Có', 'Có', 'Có', 'Có', 'HTXS', 'c.xlsx']);
      const opened = openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
      if (!opened.ok) throw new Error(opened.error.message);
      const grids = opened.value.sheetNamesSync().map((n) => {
        const r = opened.value.readSheetResult(n);
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      });
      master = previousFigures(grids, 2025);
    });

    test('the reference block holds the unit\'s own 2024 figures, grey and locked, right of an empty column', async () => {
      expect(master?.year).toBe(2024);
      // CD02 is not in the master: its return has no reference block.
      const [withRef, without] = returns([unitA, unitB], 2025, master);
      expect([withRef.withPrevious, without.withPrevious]).toEqual([true, false]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(withRef.bytes) as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      // Six instruction lines now: header at 5 + 6 + 3 = 14, the unit's row 15, the reference
      // headers in row 13. Table A…N, O empty, the reference block P…X (the nine inputs, in order).
      expect(ws.getCell('A15').value).toBe('CĐ/01');
      expect(ws.getCell('O13').value ?? null).toBeNull();
      expect(ws.getCell('O15').value ?? null).toBeNull();
      expect(ws.getCell('P13').value).toBe('Năm trước (2024): Số CBCCVCLĐ đủ điều kiện gia nhập');
      expect(ws.getCell('X13').value).toBe('Năm trước (2024): Xếp loại');
      const refs = ['P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X'].map((c) => ws.getCell(`${c}15`).value ?? null);
      // From the 2024 row, read as the check reads it: 28; '24' → 24; 3; Có; 'x' → Có; Không; Có;
      // blank; 'HTT' → Hoàn thành tốt nhiệm vụ.
      expect(refs).toEqual([28, 24, 3, 'Có', 'Có', 'Không', 'Có', null, 'Hoàn thành tốt nhiệm vụ']);
      const { locked } = sheetParts(withRef.bytes);
      for (const c of ['O', 'P', 'T', 'X']) expect(locked(`${c}15`)).toBe(true);
      expect(ws.getCell('P15').fill).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
      const text = [6, 7, 8, 9, 10, 11].map((r) => String(ws.getCell(`A${r}`).value)).join('\n');
      expect(text).toContain('Các ô nền xám từ cột P đến cột X là số liệu năm 2024 của chính đơn vị');
    });

    test('a return with the reference block, filled in, still has zero problems at intake', async () => {
      const [withRef] = returns([unitA], 2025, master);
      const filled = await fill(withRef.bytes, 'CĐ/01', (h) => TYPED[h]);
      expect(filled.written).toEqual(['F15', 'G15', 'H15', 'I15', 'J15', 'K15', 'L15', 'M15', 'N15']);
      const merged = mergeReturns([readReturnBytes(withRef.name, filled.bytes)], { targetSet: set, today: TODAY });
      expect(merged.files[0]).toMatchObject({ status: 'accepted', units: 1, problems: [] });
      // The master takes the 2025 figures typed, not the reference: Số đoàn viên 25.
      const header = merged.master.rows[0];
      expect(merged.master.rows[1][header.indexOf('Số đoàn viên')]).toBe(25);
      expect(merged.master.rows[1][header.indexOf('Năm')]).toBe(2025);
    });
  });

  describe('the zip for the pane', () => {
    test('one stored entry per unit, each the same workbook sendOutFiles makes', () => {
      const files = returns([unitA, unitB]);
      const progress: string[] = [];
      const zip = sendOutZip({ set, year: 2025, units: [unitA, unitB] }, (done, total) => progress.push(`${done}/${total}`));
      expect(progress).toEqual(['1/2', '2/2']);
      const entries = readZipDirectory(zip);
      // Stored (method 0): an .xlsx is already compressed.
      expect(entries.map((e) => [e.name, e.method])).toEqual([
        ['bao-cao-CD-01-2025.xlsx', 0],
        ['bao-cao-CD02-2025.xlsx', 0],
      ]);
      const unzipped = unzipSync(zip);
      expect(Buffer.from(unzipped['bao-cao-CD-01-2025.xlsx']).equals(Buffer.from(files[0].bytes))).toBe(true);
      expect(Buffer.from(unzipped['bao-cao-CD02-2025.xlsx']).equals(Buffer.from(files[1].bytes))).toBe(true);
      expect(openXlsx(unzipped['bao-cao-CD02-2025.xlsx']).ok).toBe(true);
    });

    test('the browser build can use it: nothing it imports reaches a Node module', () => {
      // Every module reachable from sendOutFiles.ts by relative imports, read as text.
      const seen = new Set<string>();
      const bare = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/^(?:import|export)[^'"]*?from\s+'([^']+)'/gm)) {
          const spec = m[1];
          if (!spec.startsWith('.')) {
            bare.add(spec);
            continue;
          }
          const base = join(dirname(file), spec);
          visit(existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts'));
        }
      };
      visit(join(__dirname, '../src/workbook/render/sendOutFiles.ts'));
      expect(seen.size).toBeGreaterThan(10);
      // Only fflate (the pure-JavaScript codec) outside the project.
      expect([...bare].sort()).toEqual(['fflate']);
    });
  });
});

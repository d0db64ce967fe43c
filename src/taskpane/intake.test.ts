/**
 * importReturns on the fake Excel through the real Office adapter, with returns built here as
 * .xlsx bytes: the master cell by cell, re-import that changes nothing, a correction in place,
 * unusable files with their reasons, formula-looking text kept as text, and the refusals.
 */
import { createFakeExcel, type FakeExcel, type FakeSheetSeed } from '../../test/support/fakeExcel';
import type { RawCell } from '../domain/grid';
import { findPreset } from '../domain/presets';
import { officeWorkbook } from '../workbook/office';
import { createXlsx } from '../workbook/xlsx';
import { importReturns, statusCounts } from './intake';
import type { IntakeDone, IntakeFile, IntakeOptions, IntakeOutcome, IntakeStep } from './intake';
import { UserMessage } from './userMessage';
import { BD_CDVC_2024_HEADERS } from '../../test/support/bdCdvc2024Headers';

const SET = findPreset('bd-cdvc-2024')!;
const TODAY = new Date(2026, 10, 21);
const MASTER = 'Dữ liệu CĐCS';

// bd-cdvc-2024's master columns, in catalog order; the master adds Nguồn.
const HEADER = [...BD_CDVC_2024_HEADERS];
const unit = (code: string, name: string, soDv: number | string, xl = 'HTT'): RawCell[] => [code, name, 'Nhà nước', 2024, 20, soDv, 3, 'Có', 'Có', 'Có', 'Có', 'Có', xl];

/** A return as the bytes of an .xlsx file (the project's own writer: values only, text inline). */
function xlsx(rows: readonly (readonly RawCell[])[], sheet = 'Báo cáo'): Uint8Array {
  const wb = createXlsx();
  wb.applySync({ sheets: [{ name: sheet, rows: rows.map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : { v }))) }] });
  return wb.toBytes();
}

const R1 = xlsx([HEADER, unit('CD01', 'CĐCS Trường A', 20), unit('CD02', 'CĐCS Sở B', 18), [null, 'Tổng cộng', null, null, 40, 38]]);
// Title row, a formula-looking name and one in "@…", a number typed as text, and an invalid rating (E-level problem).
const R2 = xlsx([
  ['BÁO CÁO SỐ LIỆU NĂM 2024'],
  HEADER,
  unit('CD03', '=1+1', '20'),
  unit('CD04', '@SUM(A1)', 10, 'Tốt lắm'),
]);

function setup(sheets: FakeSheetSeed[] = [{ name: 'Sheet1' }]): { fake: FakeExcel; port: ReturnType<typeof officeWorkbook> } {
  const fake = createFakeExcel({ sheets });
  return { fake, port: officeWorkbook(fake.run, { isSetSupported: fake.supports }) };
}

function done(out: IntakeOutcome): IntakeDone {
  if (out.kind !== 'done') throw new Error(`expected done, got ${out.kind}`);
  return out;
}

const run = (port: ReturnType<typeof officeWorkbook>, files: IntakeFile[], options?: IntakeOptions) => importReturns(port, files, SET, TODAY, options);

describe('importReturns (Office adapter on the fake Excel)', () => {
  it('first import creates the master: cell by cell, Nguồn, per-file report, text stays text, master checked', async () => {
    const { fake, port } = setup();
    const steps: IntakeStep[] = [];
    const out = done(
      await run(
        port,
        [
          { name: 'r1.xlsx', bytes: R1 },
          { name: 'r2.xlsx', bytes: async () => R2 },
        ],
        { onStep: (s) => void steps.push(s) },
      ),
    );

    expect(out.written).toBe(true);
    expect(out.previous).toBeUndefined();
    expect(out.files.map((f) => [f.file, f.status, f.units, f.unitsInFile])).toEqual([
      ['r1.xlsx', 'accepted', 2, 2],
      ['r2.xlsx', 'accepted', 2, 2],
    ]);
    expect(out.masterUnits).toBe(4);
    // Problems of r2 at r2's cells: the invalid rating of CD04 is M4 of that file (title row above).
    const rating = out.files[1].problems.find((p) => p.rule === 'invalid_choice');
    expect(rating).toMatchObject({ file: 'r2.xlsx', sheet: 'Báo cáo', cell: 'M4' });

    expect(fake.grid(MASTER)).toEqual([
      [...HEADER, 'Nguồn'],
      [...unit('CD01', 'CĐCS Trường A', 20), 'r1.xlsx, dòng 2'],
      [...unit('CD02', 'CĐCS Sở B', 18), 'r1.xlsx, dòng 3'],
      [...unit('CD03', '=1+1', '20'), 'r2.xlsx, dòng 3'],
      [...unit('CD04', '@SUM(A1)', 10, 'Tốt lắm'), 'r2.xlsx, dòng 4'],
    ]);
    // Written wrongly, the fake would have made B4 a formula worth 2.
    const cells = fake.workbookState().sheets.find((s) => s.name === MASTER)!.cells;
    expect(cells.B4).toMatchObject({ value: '=1+1', type: 'String' });
    expect(cells.B4.formula).toBeUndefined();
    expect(cells.B5).toMatchObject({ value: '@SUM(A1)', type: 'String' });
    expect(cells.F4).toMatchObject({ value: '20', type: 'String' });

    // The master is checked after writing: problems at master cells.
    expect(out.check?.sheet).toBe(MASTER);
    expect(out.check?.units.map((u) => u.code)).toEqual(['CD01', 'CD02', 'CD03', 'CD04']);
    expect(out.check?.problems.find((p) => p.rule === 'invalid_choice')).toMatchObject({ sheet: MASTER, cell: 'M5' });

    expect(steps.map((s) => (s.kind === 'read' ? `read ${s.index}/${s.total} ${s.file}` : s.kind))).toEqual([
      'load',
      'read 1/2 r1.xlsx',
      'read 2/2 r2.xlsx',
      'write',
      'check',
    ]);
  });

  it('re-importing the same file (under any name) changes nothing: duplicate, no write, cells equal', async () => {
    const { fake, port } = setup();
    await run(port, [{ name: 'r1.xlsx', bytes: R1 }]);
    const before = fake.workbookState();
    fake.resetStats();

    const out = done(await run(port, [{ name: 'r1-gui-lai.xlsx', bytes: R1 }]));
    expect(out.files.map((f) => [f.status, f.units, f.unitsInFile])).toEqual([['duplicate', 0, 2]]);
    expect(out.files[0].reason).toContain(MASTER);
    expect(out.written).toBe(false);
    expect(out.masterUnits).toBe(2);
    expect(out.check?.units).toHaveLength(2);
    expect(fake.workbookState()).toEqual(before);
  });

  it('a corrected file replaces its unit in place, with its own Nguồn', async () => {
    const { fake, port } = setup();
    await run(port, [
      { name: 'r1.xlsx', bytes: R1 },
      { name: 'r2.xlsx', bytes: R2 },
    ]);
    const fixed = xlsx([HEADER, unit('CD02', 'CĐCS Sở B', 20)]);
    const out = done(await run(port, [{ name: 'r1-sua.xlsx', bytes: fixed }]));

    expect(out.files.map((f) => [f.file, f.status, f.units])).toEqual([['r1-sua.xlsx', 'accepted', 1]]);
    expect(out.previous).toMatchObject({ status: 'accepted', units: 3, unitsInFile: 4 });
    expect(out.previous?.reason).toContain('r1-sua.xlsx');
    expect(out.masterUnits).toBe(4);
    const grid = fake.grid(MASTER);
    expect(grid).toHaveLength(5);
    // CD02 keeps its row (3), now with 20 members and the corrected file as its source.
    expect(grid[2]).toEqual([...unit('CD02', 'CĐCS Sở B', 20), 'r1-sua.xlsx, dòng 2']);
    // The other rows keep their cells and their Nguồn.
    expect(grid[1]).toEqual([...unit('CD01', 'CĐCS Trường A', 20), 'r1.xlsx, dòng 2']);
    expect(grid[3]).toEqual([...unit('CD03', '=1+1', '20'), 'r2.xlsx, dòng 3']);
  });

  it('unusable files are listed with their reason; the others still go in', async () => {
    const { fake, port } = setup();
    const out = done(
      await run(port, [
        { name: 'bao-cao.xlsm', bytes: R1 },
        { name: 'cu.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
        { name: 'rong.xlsx', bytes: new Uint8Array(0) },
        { name: 'mat.xlsx', bytes: () => Promise.reject(new DOMException('gone', 'NotReadableError')) },
        { name: 'thu-ngo.xlsx', bytes: xlsx([['Kính gửi LĐLĐ tỉnh'], ['Số liệu xin gửi sau.']]) },
        { name: 'r2.xlsx', bytes: R2 },
      ]),
    );
    expect(out.files.map((f) => [f.file, f.status])).toEqual([
      ['bao-cao.xlsm', 'rejected'],
      ['cu.xls', 'rejected'],
      ['rong.xlsx', 'rejected'],
      ['mat.xlsx', 'rejected'],
      ['thu-ngo.xlsx', 'rejected'],
      ['r2.xlsx', 'accepted'],
    ]);
    const reason = (file: string) => out.files.find((f) => f.file === file)?.reason ?? '';
    expect(reason('bao-cao.xlsm')).toMatch(/macro.*\.xlsx/);
    expect(reason('cu.xls')).toContain('.xlsx');
    expect(reason('rong.xlsx')).toContain('rỗng');
    expect(reason('mat.xlsx')).toMatch(/^Không đọc được tệp/);
    expect(reason('thu-ngo.xlsx')).toContain('Không tìm thấy bảng');
    expect(statusCounts(out.files)).toEqual({ accepted: 1, replaced: 0, duplicate: 0, rejected: 5 });
    expect(fake.grid(MASTER).map((r) => r[0])).toEqual(['Mã đơn vị', 'CD03', 'CD04']);
  });

  it('nothing usable and no master: no sheet is created', async () => {
    const { fake, port } = setup();
    const out = done(await run(port, [{ name: 'a.xlsm', bytes: R1 }]));
    expect(out).toMatchObject({ written: false, masterUnits: 0 });
    expect(out.check).toBeUndefined();
    expect(fake.workbookState().sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('appends to a master typed into the template sheet; its rows keep their place', async () => {
    const { fake, port } = setup([{ name: MASTER, rows: [HEADER, unit('CD09', 'CĐCS Gõ tay', 12)] }]);
    done(await run(port, [{ name: 'r1.xlsx', bytes: R1 }]));
    expect(fake.grid(MASTER).map((r) => [r[0], r[13]])).toEqual([
      ['Mã đơn vị', 'Nguồn'],
      ['CD09', 'Dữ liệu CĐCS, dòng 2'],
      ['CD01', 'r1.xlsx, dòng 2'],
      ['CD02', 'r1.xlsx, dòng 3'],
    ]);
  });

  it('refuses to overwrite a "Dữ liệu CĐCS" sheet that is not a CĐCS table', async () => {
    const { fake, port } = setup([{ name: MASTER, cells: { A1: 'Ghi chú của chị Lan', B3: 42 } }]);
    const err = await run(port, [{ name: 'r1.xlsx', bytes: R1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserMessage);
    expect((err as Error).message).toMatch(/^Sheet "Dữ liệu CĐCS" đã có nội dung nhưng không phải bảng số liệu CĐCS/);
    expect(fake.grid(MASTER)).toEqual([['Ghi chú của chị Lan'], [], [null, 42]]);
  });

  it('asks before dropping master columns the set does not keep; proceeding writes', async () => {
    const { fake, port } = setup([{ name: MASTER, rows: [[...HEADER, 'Ghi chú'], [...unit('CD09', 'CĐCS Gõ tay', 12), 'gọi lại thứ Hai'], [null, 'Tổng cộng', null, null, 20, 12]] }]);
    const out = await run(port, [{ name: 'r1.xlsx', bytes: R1 }]);
    if (out.kind !== 'confirm') throw new Error('expected a question');
    expect(out.lost).toEqual({ columns: ['Ghi chú'], totalsRows: 1 });
    expect(fake.grid(MASTER)[1][13]).toBe('gọi lại thứ Hai');

    const after = done(await out.proceed());
    expect(after.written).toBe(true);
    expect(fake.grid(MASTER).map((r) => r[0])).toEqual(['Mã đơn vị', 'CD09', 'CD01', 'CD02']);
    expect(fake.grid(MASTER)[0][13]).toBe('Nguồn');
  });

  it('refuses an empty list and says when the reader cannot be loaded', async () => {
    const { port } = setup();
    await expect(run(port, [])).rejects.toThrow('Hãy chọn ít nhất một tệp .xlsx.');
    await expect(run(port, [{ name: 'r1.xlsx', bytes: R1 }], { loadReader: () => Promise.reject(new Error('ChunkLoadError')) })).rejects.toThrow(
      /^Không tải được phần đọc tệp \.xlsx/,
    );
  });
});

/// <reference types="office-js" />
/**
 * The fake must be strict where Excel is strict, or the Office adapter's tests prove nothing:
 * load/sync discipline, queued commands, payload limits, and text typed into a cell becoming a
 * formula or a number unless the cell is formatted as text.
 */
import { createFakeExcel, FakeOfficeError } from './index';

const SHEET = 'Dữ liệu';

function fakeWith(cells: Record<string, unknown> = {}, options?: Parameters<typeof createFakeExcel>[1]) {
  // C1 holds a formula with its cached result, as a saved workbook does.
  return createFakeExcel({ sheets: [{ name: SHEET, cells: { C1: 42, ...cells }, formulas: { C1: '=A1*2' } }, { name: 'Khác', cells: { A1: 'x' } }] }, options);
}

describe('load and sync discipline', () => {
  test('a property can be read only after load and sync', async () => {
    const fake = fakeWith({ A1: 21 });
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(SHEET).getRange('A1:C1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([[21, '', 42]]);
      // formulas were not loaded
      expect(() => range.formulas).toThrow(FakeOfficeError);
    });
  });

  test('writes are queued and happen at sync, in order', async () => {
    const fake = fakeWith();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange('B2').values = [['một']];
      expect(fake.grid(SHEET)[1]).toBeUndefined(); // not yet
      const check = ws.getRange('B2');
      check.load('values');
      await ctx.sync();
      expect(check.values).toEqual([['một']]);
    });
    expect(fake.grid(SHEET)[1]).toEqual([null, 'một']);
  });

  test('objects are resolved at sync: a sheet added in the same batch can be written', async () => {
    const fake = fakeWith();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Mới');
      ctx.workbook.worksheets.getItem('Mới').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(fake.workbookState().sheets.map((s) => s.name)).toEqual([SHEET, 'Khác', 'Mới']);
    expect(fake.grid('Mới')).toEqual([[1]]);
  });

  test('unknown sheets: ItemNotFound at sync, or a null object', async () => {
    const fake = fakeWith();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Không có').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    const isNull = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowCount');
      await ctx.sync();
      return [ws.isNullObject, used.isNullObject];
    });
    expect(isNull).toEqual([true, true]);
  });

  test('sheet names match case-insensitively; getUsedRange(true) ignores formats', async () => {
    const fake = createFakeExcel({ sheets: [{ name: SHEET, cells: { C3: 'x', D5: 1 }, formats: { H20: { fill: '#FF0000' } } }] });
    const out = await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('DỮ LIỆU').getUsedRange(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      return [used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount];
    });
    expect(out).toEqual(["'Dữ liệu'!C3:D5", 2, 2, 3, 2]);
  });

  test('Excel.run sends what is left queued; objects die with their batch', async () => {
    const fake = fakeWith();
    let kept: Excel.Range | undefined;
    await fake.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem(SHEET).getRange('A1');
      kept.values = [['cuối']];
    });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.grid(SHEET)[0][0]).toBe('cuối');
    expect(() => (kept!.values = [['sau']])).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('a 2-D array must match the range; null leaves a cell as it is', async () => {
    const fake = fakeWith({ A1: 'giữ', B1: 'đổi' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A1:B1').values = [['a']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('A1:B1').values = [[null, 'mới']];
      await ctx.sync();
    });
    expect(fake.grid(SHEET)[0].slice(0, 2)).toEqual(['giữ', 'mới']);
  });

  test('getRanges: ExcelApi 1.9 only; an address over 8,192 characters is cut there, silently', async () => {
    // 'A1,A2,…,A2000': A1–A9 take 3 characters each with the comma (27), A10–A99 4 each (360),
    // A100–A999 5 each (4,500): 4,887 characters up to 'A999,'; 3,305 are left before 8,192, that
    // is 550 areas of 6 ('A1000,' … 'A1549,', 3,300) and the 5 characters of 'A1550' — the cut
    // falls right after A1550, and A1551–A2000 are not in the areas Excel uses.
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(8192);
    const fake = fakeWith();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRanges(long.replace(/,$/, '')).format.fill.color = '#FF0000';
      await ctx.sync();
    });
    const cells = fake.workbookState().sheets[0].cells;
    expect(cells.A1550.format?.fill).toBe('#FF0000');
    expect(cells.A1551).toBeUndefined();
    expect(cells.A2000).toBeUndefined();
    const old = fakeWith({}, { apiVersion: '1.8' });
    expect(old.supports('1.9')).toBe(false);
    expect(old.supports('1.4')).toBe(true);
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRanges('A1,B2').format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('payload limits', () => {
  test('a request over the limit fails and changes nothing', async () => {
    const fake = fakeWith({}, { limitBytes: 10_000 });
    const before = fake.workbookState();
    const big = [Array.from({ length: 100 }, () => 'x'.repeat(100))];
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRangeByIndexes(0, 0, 1, 100).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.workbookState()).toEqual(before);
    expect(fake.stats.requests[0]).toBeGreaterThan(10_000);
  });

  test('a response over the limit fails; a smaller one passes; bytes are counted', async () => {
    const cells: Record<string, unknown> = {};
    for (let r = 1; r <= 200; r++) cells[`A${r}`] = 'Công đoàn cơ sở '.repeat(4);
    const fake = fakeWith(cells, { limitBytes: 10_000 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A1:A200').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    const values = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(SHEET).getRange('A1:A20');
      r.load('values');
      await ctx.sync();
      return r.values;
    });
    expect(values).toHaveLength(20);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.responses[0]).toBeGreaterThan(10_000);
    expect(fake.stats.responses[1]).toBeLessThan(10_000);
    expect(fake.stats.maxResponseBytes).toBe(fake.stats.responses[0]);
  });
});

describe('what Excel makes of text', () => {
  async function write(nf: string | null, texts: string[]): Promise<ReturnType<typeof fakeWith>> {
    const fake = fakeWith({ A1: 21 });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(SHEET).getRangeByIndexes(1, 0, 1, texts.length);
      if (nf) r.numberFormat = [texts.map(() => nf)];
      r.values = [texts];
      await ctx.sync();
    });
    return fake;
  }
  const texts = ['=1+1', '+84912345678', '-5', '@SUM(A1)', 'TRUE', '#N/A', '0123', 'Đạt'];

  test('in a General cell, text is interpreted as if typed: formulas, numbers, booleans, errors', async () => {
    const cells = (await write(null, texts)).workbookState().sheets[0].cells;
    expect(cells.A2).toMatchObject({ formula: '=1+1', value: 2, type: 'Double' });
    expect(cells.B2).toMatchObject({ value: 84912345678, type: 'Double' });
    expect(cells.C2).toMatchObject({ value: -5, type: 'Double' });
    expect(cells.D2).toMatchObject({ formula: '=@SUM(A1)', type: 'Error' });
    expect(cells.E2).toMatchObject({ value: true, type: 'Boolean' });
    expect(cells.F2).toMatchObject({ value: '#N/A', type: 'Error' });
    expect(cells.G2).toMatchObject({ value: 123, type: 'Double' });
    expect(cells.H2).toMatchObject({ value: 'Đạt', type: 'String' });
  });

  test('in a cell formatted as text (@), the same strings stay text', async () => {
    const fake = await write('@', texts);
    expect(fake.grid(SHEET)[1]).toEqual(texts);
    for (const cell of Object.values(fake.workbookState().sheets[0].cells).filter((c) => c.numberFormat === '@')) {
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe('String');
    }
  });

  test('a format set after the value does not turn text back into a formula', async () => {
    const fake = fakeWith();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(SHEET).getRange('A1');
      r.numberFormat = [['@']];
      r.values = [['=1+1']];
      r.numberFormat = [['General']];
      await ctx.sync();
    });
    expect(fake.workbookState().sheets[0].cells.A1).toEqual({ value: '=1+1', type: 'String', numberFormat: 'General' });
  });

  test('seeded formulas keep their cached values; formulas reads them back', async () => {
    const fake = fakeWith({ A1: 21 });
    const f = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(SHEET).getRange('A1:C1');
      r.load('formulas,values,valueTypes,numberFormat');
      await ctx.sync();
      return [r.formulas, r.values, r.valueTypes, r.numberFormat];
    });
    expect(f).toEqual([[[21, '', '=A1*2']], [[21, '', 42]], [['Double', 'Empty', 'Double']], [['General', 'General', 'General']]]);
  });
});

describe('formats, merges, sheets', () => {
  test('formats apply to every area of a RangeAreas; borders per edge', async () => {
    const fake = fakeWith();
    await fake.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem(SHEET).getRanges('B2:B3,D5');
      areas.format.fill.color = '#c6efce';
      areas.format.font.bold = true;
      areas.format.borders.getItem('EdgeTop').style = 'Continuous';
      areas.format.borders.getItem('InsideHorizontal').style = 'Continuous';
      await ctx.sync();
    });
    const cells = fake.workbookState().sheets[0].cells;
    expect(cells.B2.format).toEqual({ fill: '#C6EFCE', font: { bold: true }, borders: { top: { style: 'Continuous' }, bottom: { style: 'Continuous' } } });
    expect(cells.B3.format).toEqual({ fill: '#C6EFCE', font: { bold: true }, borders: { top: { style: 'Continuous' } } });
    expect(cells.D5.format).toEqual({ fill: '#C6EFCE', font: { bold: true }, borders: { top: { style: 'Continuous' } } });
    expect(cells.C4).toBeUndefined();
  });

  test('merge keeps the top-left value; merge(true) merges row by row; clear and unmerge', async () => {
    const fake = fakeWith({ A1: 'trái', B1: 'mất', A3: 1, A4: 2 });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange('A1:C1').merge(false);
      ws.getRange('A3:C4').merge(true);
      await ctx.sync();
    });
    const state = fake.workbookState().sheets[0];
    expect(state.merges).toEqual(['A1:C1', 'A3:C3', 'A4:C4']);
    expect(fake.grid(SHEET)[0].slice(0, 2)).toEqual(['trái']);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange('A3:C3').unmerge();
      ws.getRange('A1:C4').clear('Formats');
      await ctx.sync();
    });
    expect(fake.workbookState().sheets[0].merges).toEqual([]);
  });

  test('data validation must be cleared before a new rule; the last sheet cannot be deleted', async () => {
    const fake = createFakeExcel({ sheets: [{ name: SHEET }] });
    const rule = { list: { inCellDropDown: true, source: 'Có,Không' } };
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('A2:A10').dataValidation.rule = rule;
      await ctx.sync();
    });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A5').dataValidation.rule = rule;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await fake.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem(SHEET).getRange('A5').dataValidation;
      dv.clear();
      dv.rule = rule;
      await ctx.sync();
    });
    expect(fake.workbookState().sheets[0].validations).toEqual([{ range: 'A5', rule }]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('a range over 33,554,000 cells cannot be cleared or unmerged (OperationCellsExceedLimit)', async () => {
    const fake = fakeWith();
    for (const op of [(r: Excel.Range) => r.clear('Formats'), (r: Excel.Range) => r.unmerge()]) {
      await expect(
        fake.run(async (ctx) => {
          // The whole sheet: 1,048,576 × 16,384 cells.
          op(ctx.workbook.worksheets.getItem(SHEET).getRange());
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'OperationCellsExceedLimit' });
    }
    // 32 whole columns: 33,554,432 cells, over the limit; 31 columns (32,505,856) pass.
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A:AF').clear('Contents');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'OperationCellsExceedLimit' });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('A:AE').clear('Contents');
      await ctx.sync();
    });
    expect(fake.grid(SHEET)).toEqual([]);
  });

  test('values cannot be set on whole columns or rows (unbounded ranges)', async () => {
    const fake = fakeWith();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A:B').values = [['x', 'y']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('failNextSync raises the given Excel error', async () => {
    const fake = fakeWith();
    fake.failNextSync('InvalidOperationInCellEditMode');
    await expect(fake.run(async (ctx) => ctx.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(fake.run(async (ctx) => ctx.sync())).resolves.toBeUndefined();
  });
});

describe('protection, read-only mode, failed requests', () => {
  test('a protected sheet refuses every change (values, formats, clear); other sheets and reads still work', async () => {
    const fake = createFakeExcel({ sheets: [{ name: SHEET, cells: { A1: 'x' }, protected: true }, { name: 'Khác' }] });
    for (const write of [
      (ws: Excel.Worksheet) => void (ws.getRange('B1').values = [['y']]),
      (ws: Excel.Worksheet) => void (ws.getRange('B1').format.fill.color = '#FF0000'),
      (ws: Excel.Worksheet) => ws.getRange('A1').clear('Contents'),
      (ws: Excel.Worksheet) => void (ws.getRange('A1').numberFormat = [['@']]),
    ]) {
      await expect(
        fake.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem(SHEET));
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(fake.grid(SHEET)).toEqual([['x']]);
    const state = await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/protection/protected');
      ctx.workbook.worksheets.getItem('Khác').getRange('A1').values = [[1]];
      await ctx.sync();
      return sheets.items.map((s) => [s.name, s.protection.protected]);
    });
    expect(state).toEqual([
      [SHEET, true],
      ['Khác', false],
    ]);
  });

  test('structure protection refuses adding, renaming and deleting sheets; cells can still change', async () => {
    const fake = fakeWith({}, { structureProtected: true });
    for (const op of [
      (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.add('Mới'),
      (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem('Khác').name = 'Khác 2'),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Khác').delete(),
    ]) {
      await expect(
        fake.run(async (ctx) => {
          op(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    const loaded = await fake.run(async (ctx) => {
      ctx.workbook.load('readOnly,protection/protected');
      ctx.workbook.worksheets.getItem('Khác').getRange('B1').values = [['ok']];
      await ctx.sync();
      return [ctx.workbook.readOnly, ctx.workbook.protection.protected];
    });
    expect(loaded).toEqual([false, true]);
    expect(fake.workbookState().sheets.map((s) => s.name)).toEqual([SHEET, 'Khác']);
    expect(fake.grid('Khác')[0]).toEqual(['x', 'ok']);
  });

  test('a read-only workbook refuses every write but can be read, selected and activated', async () => {
    const fake = fakeWith({ A1: 5 }, { readOnly: true });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A1').values = [[6]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    const read = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.activate();
      ws.getRange('A1').select();
      const r = ws.getRange('A1');
      r.load('values');
      ctx.workbook.load('readOnly');
      await ctx.sync();
      return [r.values[0][0], ctx.workbook.readOnly];
    });
    expect(read).toEqual([5, true]);
  });

  test('objects made in a request that failed are invalid afterwards; new ones work', async () => {
    const fake = fakeWith({}, { limitBytes: 20_000 });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      const range = ws.getRange('A1:A2');
      range.values = [['x'.repeat(15_000)], ['y'.repeat(15_000)]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      // The worksheet and the range were to be made by the refused request.
      range.values = [['a'], ['b']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
      ctx.workbook.worksheets.getItem(SHEET).getRange('A1:A2').values = [['a'], ['b']];
      await ctx.sync();
    });
    expect(fake.grid(SHEET).map((r) => r[0])).toEqual(['a', 'b']);
  });

  test('request bytes are the serialised request: they grow with the data, byte for byte in UTF-8', async () => {
    const fake = fakeWith();
    const size = async (text: string): Promise<number> => {
      fake.resetStats();
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('B1').values = [[text]];
        await ctx.sync();
      });
      return fake.stats.requests[0];
    };
    const a = await size('a');
    // 'Đạt' is 3 characters and 6 bytes in UTF-8 (Đ and ạ are 2 and 3 bytes, t is 1): 5 more than 'a'.
    expect((await size('Đạt')) - a).toBe(5);
    expect((await size('a'.repeat(1001))) - a).toBe(1000);
  });
});

describe('Excel Tables, hidden rows, valuesAsJson, charts, references', () => {
  test('a value written just right of a table or just below it makes the table grow (AutoCorrect applies to the API)', async () => {
    const fake = createFakeExcel({ sheets: [{ name: SHEET, cells: { A1: 'Mã', B1: 'Tên', A2: 'CD1', B2: 'X' }, tables: [{ name: 'DonVi', range: 'A1:B2' }] }] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange('D1:D2').values = [['cách một cột'], ['x']];
      await ctx.sync();
    });
    expect(fake.workbookState().sheets[0].tables).toEqual([{ name: 'DonVi', range: 'A1:B2' }]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('C1:C2').values = [['sát bên'], ['y']];
      await ctx.sync();
    });
    // C is next to the table: it grows over C. D was not written this time: it stays outside.
    expect(fake.workbookState().sheets[0].tables).toEqual([{ name: 'DonVi', range: 'A1:C2' }]);
    const names = await fake.run(async (ctx) => {
      const tables = ctx.workbook.worksheets.getItem(SHEET).tables;
      tables.load('items/name');
      await ctx.sync();
      const r = tables.items[0].getRange();
      r.load('address');
      await ctx.sync();
      return [tables.items.map((t) => t.name), r.address];
    });
    expect(names).toEqual([['DonVi'], `'${SHEET}'!A1:C2`]);
  });

  test('hidden rows: seeded, read through rowHidden (true, false, or null when mixed)', async () => {
    const fake = createFakeExcel({ sheets: [{ name: SHEET, cells: { A1: 1 }, hiddenRows: [3, 4] }] });
    const got = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      const ranges = ['A3:A4', 'A1:A2', 'A2:A3'].map((a) => ws.getRange(a).load('rowHidden'));
      await ctx.sync();
      return ranges.map((r) => r.rowHidden);
    });
    expect(got).toEqual([true, false, null]);
  });

  test('valuesAsJson (ExcelApi 1.16): a String stays text in a General cell; null is refused; older hosts lack it', async () => {
    const fake = fakeWith({}, { apiVersion: '1.16' });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('A2:C2').valuesAsJson = [
        [
          { type: 'String', basicValue: '=1+1' },
          { type: 'Double', basicValue: 3 },
          { type: 'String', basicValue: '+84 912' },
        ],
      ] as unknown as Excel.CellValue[][];
      await ctx.sync();
    });
    const cells = fake.workbookState().sheets[0].cells;
    expect([cells.A2, cells.B2, cells.C2]).toEqual([
      { value: '=1+1', type: 'String', numberFormat: 'General' },
      { value: 3, type: 'Double', numberFormat: 'General' },
      { value: '+84 912', type: 'String', numberFormat: 'General' },
    ]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A3:B3').valuesAsJson = [[{ type: 'String', basicValue: 'x' }, null]] as unknown as Excel.CellValue[][];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      fakeWith().run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange('A3').valuesAsJson = [[{ type: 'String', basicValue: 'x' }]] as unknown as Excel.CellValue[][];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('a chart found by name (or a null object) can be deleted; a deleted sheet turns references to it into #REF! and clears undo', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: SHEET, cells: { A1: 7 }, formulas: { B1: "='Tổng hợp'!A1" } },
        { name: 'Tổng hợp', cells: { A1: 42, A2: 'Đạt', B2: 1 } },
      ],
    });
    // Seeded without a cached value: the stored value is #NAME?, but reading `values` follows the reference.
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Tổng hợp');
      const c = ws.charts.add('ColumnClustered', ws.getRange('A2:B2'), 'Columns');
      c.name = 'ChiTieuCDCS';
      await ctx.sync();
    });
    const link = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(SHEET).getRange('B1');
      r.load('values');
      const mine = ctx.workbook.worksheets.getItem('Tổng hợp').charts.getItemOrNullObject('ChiTieuCDCS');
      const none = ctx.workbook.worksheets.getItem('Tổng hợp').charts.getItemOrNullObject('Khác');
      await ctx.sync();
      expect([mine.isNullObject, none.isNullObject]).toEqual([false, true]);
      mine.delete();
      await ctx.sync();
      return r.values[0][0];
    });
    expect(link).toBe(42);
    expect(fake.workbookState().sheets[1].charts).toEqual([]);
    expect(fake.stats.undoCleared).toBe(0);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tổng hợp').delete();
      await ctx.sync();
    });
    expect(fake.workbookState().sheets[0].cells.B1).toMatchObject({ formula: '=#REF!', type: 'Error', value: '#REF!' });
    expect(fake.stats.undoCleared).toBe(1);
  });

  test('page layout: fit-to-pages counts must be whole pages from 1; scale 10–400', async () => {
    const fake = fakeWith();
    for (const zoom of [{ horizontalFitToPages: 1, verticalFitToPages: 0 }, { scale: 5 }]) {
      await expect(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(SHEET).pageLayout.zoom = zoom;
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 40 };
      await ctx.sync();
    });
    expect(fake.workbookState().sheets[0].page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 40 });
  });

  test('edit() changes cells behind the add-in’s back (a co-author)', async () => {
    const fake = fakeWith({ D12: 'cũ' });
    fake.edit(SHEET, { D12: 'mới', D13: 5 });
    expect(fake.grid(SHEET)[11][3]).toBe('mới');
    expect(fake.grid(SHEET)[12][3]).toBe(5);
  });
});

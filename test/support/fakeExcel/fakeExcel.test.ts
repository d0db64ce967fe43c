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

  test('getRanges: ExcelApi 1.9 only, addresses up to 8,192 characters', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(8192);
    const fake = fakeWith();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRanges(long).format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
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
      ws.getRange().clear('Formats');
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

  test('failNextSync raises the given Excel error', async () => {
    const fake = fakeWith();
    fake.failNextSync('InvalidOperationInCellEditMode');
    await expect(fake.run(async (ctx) => ctx.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(fake.run(async (ctx) => ctx.sync())).resolves.toBeUndefined();
  });
});

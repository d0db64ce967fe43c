import { deflateRawSync } from 'node:zlib';
import { nodeZlibCodec } from '../../cli/nodeCodec';
import type { DataSheetPatch } from '../plan';
import { binaryFromText } from './binaryText';
import { fflateCodec, useCodec, type Codec } from './codec';
import { patchDataSheet, patchDataSheetAsync } from './dataPatch';
import { XlsxError } from './limits';
import { readSheetWindows, readSheetWindowsAsync, readSheetXml } from './sheetReader';
import { sheetWindows, sheetWindowsAsync, type InflateBudget } from './sheetWindows';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * A sheet of `n` data rows under a header, with Vietnamese inline text, a hidden row every 50th,
 * a format-only cell at the end of each row, and a merge after sheetData.
 */
function sheet(n: number, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const rows: string[] = [`<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Mã đơn vị</${p}t></${p}is></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>Tên đơn vị</${p}t></${p}is></${p}c></${p}row>`];
  for (let r = 2; r <= n + 1; r++) {
    const hidden = r % 50 === 0 ? ' hidden="1"' : '';
    rows.push(
      `<${p}row r="${r}"${hidden}><${p}c r="A${r}" t="inlineStr"><${p}is><${p}t>CĐ${r}</${p}t></${p}is></${p}c>` +
        `<${p}c r="B${r}" t="inlineStr"><${p}is><${p}t>Công đoàn cơ sở số ${r}</${p}t></${p}is></${p}c><${p}c r="C${r}"><${p}v>${r * 3}</${p}v></${p}c><${p}c r="E${r}" s="1"/></${p}row>`,
    );
  }
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns}><${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>` +
    `<${p}sheetData>${rows.join('')}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells></${p}worksheet>`
  );
}

const budget = (declared: number): InflateBudget => ({
  declared,
  onTotal: () => undefined,
  overflow: () => {
    throw new XlsxError('too_large', undefined, 'overflow');
  },
  corrupt: (detail) => {
    throw new XlsxError('corrupt', undefined, detail);
  },
});

const readOptions = () => ({ sheetName: 'S', maxCells: 1e7, sharedStrings: () => [], extent: {} as { data?: Int32Array }, hiddenRows: [] as number[], binary: true });

const patch: DataSheetPatch = {
  sheet: 'S',
  clearCols: [],
  clearFromRow: 1,
  startCol: 6,
  rows: [
    { row: 1, cells: [{ v: 'Kết quả: Bao phủ' }] },
    { row: 3, cells: [{ v: 'Đạt' }] },
    { row: 1500, cells: [{ v: 'Chưa đạt' }] },
    // A row past the sheet's last: goes before </sheetData>.
    { row: 5000, cells: [{ v: 'Ghi chú' }] },
  ],
  colWidths: [20],
};

describe.each<[string, Codec]>([
  ['fflate', fflateCodec],
  ['zlib', nodeZlibCodec()],
])('a sheet in row-aligned windows (%s)', (_name, codec) => {
  beforeAll(() => useCodec(codec));
  afterAll(() => useCodec(fflateCodec));

  for (const prefix of ['', 'x']) {
    // 2,000 rows of ~250 bytes: ~500 KB, cut into windows of 16 KB.
    const xml = sheet(2000, prefix);
    const bytes = new TextEncoder().encode(xml);
    const src = new Uint8Array(deflateRawSync(bytes));
    const whole = binaryFromText(xml);

    test(`windows join to the part, each after the first starts at a row (prefix "${prefix}")`, async () => {
      const windows = [...sheetWindows(src, 8, budget(bytes.length), 16 * 1024)];
      expect(windows.length).toBeGreaterThan(20);
      expect(windows.join('')).toBe(whole);
      for (const w of windows.slice(1)) expect(w.startsWith(prefix ? '<x:row ' : '<row ')).toBe(true);
      const asyncWindows: string[] = [];
      for await (const w of sheetWindowsAsync(src, 8, budget(bytes.length), 16 * 1024)) asyncWindows.push(w);
      expect(asyncWindows.join('')).toBe(whole);
      // Stored (method 0) parts come in windows too.
      expect([...sheetWindows(bytes, 0, budget(bytes.length), 16 * 1024)].join('')).toBe(whole);
    });

    test(`reading the windows gives what reading the whole part gives (prefix "${prefix}")`, async () => {
      const a = readOptions();
      const expected = readSheetXml(whole, a);
      const b = readOptions();
      const windowed = readSheetWindows(sheetWindows(src, 8, budget(bytes.length), 16 * 1024), b);
      const c = readOptions();
      const windowedAsync = await readSheetWindowsAsync(sheetWindowsAsync(src, 8, budget(bytes.length), 16 * 1024), c);
      // By hand: 2,001 rows; row 1500 holds CĐ1500, its name, and 4500 (= 1500 × 3).
      expect(expected).toHaveLength(2001);
      expect(expected[1499]).toEqual(['CĐ1500', 'Công đoàn cơ sở số 1500', 4500]);
      expect(windowed).toEqual(expected);
      expect(windowedAsync).toEqual(expected);
      // Hidden rows: every 50th of 2…2001, i.e. 50, 100, …, 2000 (40 rows).
      expect(a.hiddenRows).toHaveLength(40);
      expect(b.hiddenRows).toEqual(a.hiddenRows);
      expect(c.hiddenRows).toEqual(a.hiddenRows);
      // The blank extent: column E (index 4) on every data row.
      expect(b.extent.data).toEqual(a.extent.data);
      expect(a.extent.data?.[5]).toBe(4);
    });

    test(`patching the windows gives the bytes patching the whole part gives (prefix "${prefix}")`, async () => {
      const style = () => 0;
      const collect = (): { out: string[]; emit: (t: string) => void } => {
        const out: string[] = [];
        return { out, emit: (t) => out.push(t) };
      };
      const w = collect();
      patchDataSheet([whole], patch, style, (h) => h, true, w.emit);
      const v = collect();
      patchDataSheet(sheetWindows(src, 8, budget(bytes.length), 16 * 1024), patch, style, (h) => h, true, v.emit);
      const x = collect();
      await patchDataSheetAsync(sheetWindowsAsync(src, 8, budget(bytes.length), 16 * 1024), patch, style, (h) => h, true, x.emit);
      const expected = w.out.join('');
      expect(v.out.join('')).toBe(expected);
      expect(x.out.join('')).toBe(expected);
      // By hand: the status text lands in column G (startCol 6) of rows 1, 3 and 1500, and row 5000
      // is added just before </sheetData>.
      const p = prefix ? 'x:' : '';
      expect(expected).toContain(`<${p}c r="G3"`);
      expect(expected).toContain(`<${p}c r="G1500"`);
      expect(expected).toMatch(new RegExp(`<${p}row r="5000">.*</${p}row></${p}sheetData>`));
      // Everything else of the sheet is unchanged: take the product's cells out and the original remains.
      const stripped = expected.replace(new RegExp(`<${p}c r="G\\d+"[^>]*>.*?</${p}c>`, 'g'), '').replace(new RegExp(`<${p}row r="5000">.*?</${p}row>`), '');
      expect(stripped.replace(/<(x:)?cols>.*?<\/(x:)?cols>/, '')).toBe(whole);
    });
  }

  test('more bytes than declared is refused as too large; fewer as damaged', () => {
    const xml = sheet(300);
    const bytes = new TextEncoder().encode(xml);
    const src = new Uint8Array(deflateRawSync(bytes));
    expect(() => [...sheetWindows(src, 8, budget(bytes.length - 1), 4096)]).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(() => [...sheetWindows(src, 8, budget(bytes.length + 1), 4096)]).toThrow(expect.objectContaining({ code: 'corrupt' }));
    // A stream cut short is damaged.
    expect(() => [...sheetWindows(src.subarray(0, src.length >> 1), 8, budget(bytes.length), 4096)]).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });
});

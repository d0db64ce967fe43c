/**
 * Helpers of the send-out tests: a return's protection read from its own parts, and a return
 * filled in the way a user would (ExcelJS, writing only the cells the protection leaves open).
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/** A return's first worksheet: its XML, its `<sheetProtection>`, its `<dataValidations>`, and whether a cell is locked. */
export interface SheetParts {
  readonly xml: string;
  readonly protection: string;
  readonly validations: string;
  /** From the cell's cellXfs entry in styles.xml: locked unless its protection says locked="0" (or "false"). */
  readonly locked: (ref: string) => boolean;
}

export function sheetParts(bytes: Uint8Array): SheetParts {
  const zip = unzipSync(bytes);
  const sheetPath = Object.keys(zip).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
  const xml = strFromU8(zip[sheetPath]);
  const styles = strFromU8(zip['xl/styles.xml']);
  const xfs = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').split(/<xf\b/).slice(1);
  const open = xfs.map((xf) => /<protection[^>]*locked="(0|false)"/.test(xf));
  return {
    xml,
    protection: /<sheetProtection\b[^>]*>/.exec(xml)?.[0] ?? '',
    validations: /<dataValidations[\s\S]*<\/dataValidations>/.exec(xml)?.[0] ?? '',
    locked: (ref) => {
      const m = new RegExp(`<c r="${ref}"([^>]*?)/?>`).exec(xml);
      const s = m ? /\bs="(\d+)"/.exec(m[1]) : null;
      return !(s && open[Number(s[1])]);
    },
  };
}

export interface Filled {
  bytes: Uint8Array;
  written: string[];
}

/**
 * Fills a return as a user would: finds the unit's row (the one holding its code), and types a
 * value under each header in `typed` — asserting, before each write, that the cell is unlocked.
 */
export async function fill(bytes: Uint8Array, code: string, typed: (header: string) => string | number): Promise<Filled> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  let dataRow = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === code) dataRow = n;
  });
  expect(dataRow).toBeGreaterThan(1);
  const header = ws.getRow(dataRow - 1);
  const written: string[] = [];
  for (let c = 1; c <= header.cellCount; c++) {
    const cell = ws.getRow(dataRow).getCell(c);
    if (cell.protection?.locked !== false) continue;
    const h = String(header.getCell(c).value);
    expect(cell.value ?? null).toBeNull();
    const v = typed(h);
    expect(v).toBeDefined();
    cell.value = v;
    written.push(cell.address);
  }
  const out = new Uint8Array(await wb.xlsx.writeBuffer());
  // Every written cell was unlocked in the file as sent (read from its own styles, not ExcelJS's).
  const sent = sheetParts(bytes);
  for (const ref of written) expect(sent.locked(ref)).toBe(false);
  return { bytes: out, written };
}


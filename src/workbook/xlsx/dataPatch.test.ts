import type { CellSpec, DataSheetPatch } from '../plan';
import { binaryFromText, utf8FromBinary } from './binaryText';
import { patchDataSheet } from './dataPatch';
import type { StyleIndex } from './sheetWriter';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheetXml(p: string, rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `<${p}row r="${i + 1}"><${p}c r="A${i + 1}"><${p}v>${i}</${p}v></${p}c></${p}row>`).join('');
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<${p}worksheet ${ns}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

// Styles as a writer's style table would number them.
const style: StyleIndex = (key) => (key === 'status_DAT' ? 7 : key === 'errors_some' ? 9 : undefined);

function patched(xml: string, rows: DataSheetPatch['rows'], binary: boolean): string {
  const patch: DataSheetPatch = { sheet: 'Dữ liệu', clearCols: [], clearFromRow: 1, startCol: 2, rows, colWidths: [] };
  const out: string[] = [];
  patchDataSheet([binary ? binaryFromText(xml) : xml], patch, style, (h) => h, binary, (t) => out.push(t));
  const text = out.join('');
  return binary ? utf8FromBinary(text) : text;
}

describe('status cells of rows that share one frozen row of cells', () => {
  const cells: readonly (CellSpec | null)[] = [{ v: 'Đạt', s: 'status_DAT' }, null, { v: 3, s: 'errors_some' }];
  const shared = Object.freeze(cells.slice());
  for (const p of ['', 'x:']) {
    for (const binary of [false, true]) {
      test(`are written as each row's own would be (prefix "${p}", binary ${binary})`, () => {
        const xml = sheetXml(p, 12);
        // Rows 2, 5 and 11 share one frozen array; the same cells unshared give the reference output.
        const fresh = patched(xml, [2, 5, 11].map((row) => ({ row, cells: cells.slice() as CellSpec[] })), binary);
        const viaShared = patched(xml, [2, 5, 11].map((row) => ({ row, cells: shared as readonly CellSpec[] })), binary);
        expect(viaShared).toBe(fresh);
        // By hand: startCol 2 is column C; the null cell (no value, no style) writes nothing; the
        // count goes to column E.
        expect(viaShared).toContain(
          `<${p}row r="11"><${p}c r="A11"><${p}v>10</${p}v></${p}c>` +
            `<${p}c r="C11" s="7" t="inlineStr"><${p}is><${p}t xml:space="preserve">Đạt</${p}t></${p}is></${p}c>` +
            `<${p}c r="E11" s="9"><${p}v>3</${p}v></${p}c></${p}row>`,
        );
      });
    }
  }

  test('a new row past the last one gets the shared cells with its own number', () => {
    const out = patched(sheetXml('', 3), [{ row: 40, cells: shared as readonly CellSpec[] }], false);
    expect(out).toContain('<row r="40"><c r="C40" s="7" t="inlineStr"><is><t xml:space="preserve">Đạt</t></is></c><c r="E40" s="9"><v>3</v></c></row></sheetData>');
  });
});

describe('rows the patch only appends to', () => {
  const run = (rowXml: string, cells: readonly CellSpec[]): string => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rowXml}</sheetData></worksheet>`;
    const patch: DataSheetPatch = { sheet: 'S', clearCols: [], clearFromRow: 1, startCol: 4, rows: [{ row: 2, cells }], colWidths: [] };
    const out: string[] = [];
    patchDataSheet([xml], patch, style, (h) => h, false, (t) => out.push(t));
    const text = out.join('');
    return text.slice(text.indexOf('<sheetData>') + 11, text.indexOf('</sheetData>'));
  };
  const two: readonly CellSpec[] = [{ v: 'Đạt', s: 'status_DAT' }, { v: 3, s: 'errors_some' }];
  const added = '<c r="E2" s="7" t="inlineStr"><is><t xml:space="preserve">Đạt</t></is></c><c r="F2" s="9"><v>3</v></c>';

  test('spans covers the first cell to the last added one (Excel writes spans on every row)', () => {
    // By hand: cells B2..C2 (columns 2–3, 1-based) and the added E2..F2 (5–6) → spans="2:6".
    expect(run('<row r="2" spans="2:3" x14ac:dyDescent="0.25"><c r="B2"><v>1</v></c><c r="C2" s="1"/></row>', two)).toBe(
      `<row r="2" spans="2:6" x14ac:dyDescent="0.25"><c r="B2"><v>1</v></c><c r="C2" s="1"/>${added}</row>`,
    );
  });

  test('an empty row and a row of cells without r get the cells as the general path writes them', () => {
    expect(run('<row r="2"></row>', two)).toBe(`<row r="2">${added}</row>`);
    // Cells without r get their reference (their position was implicit).
    expect(run('<row r="2"><c><v>1</v></c><c><v>2</v></c></row>', two)).toBe(`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>${added}</row>`);
  });

  test('a cell right of the added columns keeps its place after them', () => {
    // H2 (column 8) lies past F2: the added cells go before it.
    expect(run('<row r="2"><c r="A2"><v>1</v></c><c r="H2"><v>8</v></c></row>', two)).toBe(`<row r="2"><c r="A2"><v>1</v></c>${added}<c r="H2"><v>8</v></c></row>`);
  });
});

import { lazyList } from '../../domain/lazyList';
import type { CellSpec, SheetSpec } from '../plan';
import { worksheetXml, writeWorksheet, type StyleIndex } from './sheetWriter';

const style: StyleIndex = (k) => (k === 'section' ? 3 : undefined);

/**
 * Row 1: a styled title merged over A1:B1; row 2: no cells, a height; row 3: a number with a
 * link in B3; row 5 (past the last row): a height only.
 */
const spec: SheetSpec = {
  name: 'S',
  rows: [[{ v: 'T', s: 'section' }], [], [null, { v: 1, link: { sheet: 'Data', cell: 'B2' } }]],
  merges: ['A1:B1'],
  rowHeights: { 2: 20, 5: 30 },
};

describe('writeWorksheet', () => {
  it('writes the rows in order, a merge-hidden cell with its style, heights past the last row', () => {
    const { xml } = worksheetXml(spec, style);
    // Written cells A1, B1 (the merge's fill), B3: the used range is A1:B3.
    expect(xml).toContain('<dimension ref="A1:B3"/>');
    expect(xml).toContain(
      '<sheetData>' +
        '<row r="1"><c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">T</t></is></c><c r="B1" s="3"/></row>' +
        '<row r="2" ht="20" customHeight="1"/>' +
        '<row r="3"><c r="B3"><v>1</v></c></row>' +
        '<row r="5" ht="30" customHeight="1"/>' +
        '</sheetData>',
    );
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    // A link on a number shows its target's address.
    expect(xml).toContain(`<hyperlinks><hyperlink ref="B3" location="'Data'!B2" display="B2"/></hyperlinks>`);
  });

  it('gives the same text piece by piece, a row at most per piece', () => {
    const pieces: string[] = [];
    writeWorksheet(spec, style, 'transitional', (t) => pieces.push(t));
    expect(pieces.join('')).toBe(worksheetXml(spec, style).xml);
    expect(pieces.filter((p) => p.includes('<row ')).every((p) => p.split('<row ').length === 2)).toBe(true);
  });

  it('writes rows made as they are read (a lazy list) like the same rows in an array', () => {
    const row = (i: number): CellSpec[] => [{ v: i + 1 }, { v: `ô ${i}`, s: 'section' }];
    const head: CellSpec[][] = [[{ v: 'STT', s: 'section' }]];
    const eager: SheetSpec = { name: 'K', rows: [...head, ...Array.from({ length: 50 }, (_, i) => row(i))] };
    const lazy: SheetSpec = { name: 'K', rows: lazyList(head, 50, row) };
    // 1 head row + 50 rows, two columns: A1:B51.
    expect(worksheetXml(lazy, style).xml).toContain('<dimension ref="A1:B51"/>');
    expect(worksheetXml(lazy, style).xml).toBe(worksheetXml(eager, style).xml);
  });
});

import { markFooter } from './footer';
import type { RowKind } from './rowKind';

describe('markFooter', () => {
  it('rows after the last unit or total, separated by a blank row, are footer', () => {
    // 0 unit, 1 grand total (anchor), 2 blank, 3 "Người lập biểu" (read as a unit so far),
    // 4 "TM. BAN THƯỜNG VỤ" (capitals: read as a heading so far), 5 blank, 6 a name.
    const kinds: RowKind[] = ['unit', 'grand_total', 'blank', 'unit', 'section_heading', 'blank', 'unit'];
    expect(markFooter(kinds, (i) => i <= 1)).toEqual([3, 4, 6]);
    expect(kinds).toEqual(['unit', 'grand_total', 'blank', 'footer', 'footer', 'blank', 'footer']);
  });

  it('without a blank row in between nothing is footer', () => {
    const kinds: RowKind[] = ['unit', 'unit', 'unit'];
    expect(markFooter(kinds, (i) => i === 0)).toEqual([]);
    expect(kinds).toEqual(['unit', 'unit', 'unit']);
  });

  it('right under a grand total that ends the table, no blank row is needed', () => {
    const kinds: RowKind[] = ['unit', 'grand_total', 'unit', 'unit'];
    expect(markFooter(kinds, (i) => i <= 1)).toEqual([2, 3]);
  });

  it('template rows separate like blank rows and stay template rows', () => {
    const kinds: RowKind[] = ['unit', 'template', 'template', 'unit', 'unit'];
    expect(markFooter(kinds, (i) => i === 0)).toEqual([3, 4]);
    expect(kinds).toEqual(['unit', 'template', 'template', 'footer', 'footer']);
  });

  it('no anchor (no unit with a code or number, no total): no footer', () => {
    const kinds: RowKind[] = ['unit', 'blank', 'unit'];
    expect(markFooter(kinds, () => false)).toEqual([]);
  });
});

import { rowSummary, skippedRowsText } from './summary';
import type { RowKind } from './rowKind';

describe('rowSummary / skippedRowsText', () => {
  // Rows 3–16 as classify.test.ts's first table reads them.
  const kinds: RowKind[] = ['column_numbers', 'section_heading', 'unit', 'unit', 'subtotal', 'section_heading', 'unit', 'subtotal', 'grand_total', 'breakdown', 'blank', 'footer', 'footer', 'footer'];
  const s = rowSummary({ first: 3, kinds });

  it('counts every kind and lists the rows of the non-unit ones', () => {
    expect(s.counts).toEqual({ unit: 3, column_numbers: 1, section_heading: 2, subtotal: 2, grand_total: 1, breakdown: 1, template: 0, blank: 1, footer: 3 });
    expect(s.nonUnit).toEqual({
      column_numbers: [3],
      section_heading: [4, 8],
      subtotal: [7, 10],
      grand_total: [11],
      breakdown: [12],
      template: [],
      blank: [13],
      footer: [14, 15, 16],
    });
  });

  it('one Vietnamese line names what was set aside (blank rows are not mentioned)', () => {
    expect(skippedRowsText(s)).toBe(
      'Bỏ qua 1 dòng số thứ tự cột, 2 dòng tiêu đề khối, 2 dòng cộng khối, 1 dòng tổng cộng, 1 dòng "trong đó", 3 dòng ghi chú và chữ ký (không tính là đơn vị).',
    );
  });

  it('nothing set aside: no line', () => {
    expect(skippedRowsText(rowSummary({ first: 2, kinds: ['unit', 'blank', 'unit'] }))).toBeUndefined();
    expect(skippedRowsText(undefined)).toBeUndefined();
  });
});

import { findMoneyUnit } from './moneyUnits';

describe('findMoneyUnit', () => {
  it.each([
    // đồng
    ['Kinh phí đã thu (đồng)', 1, '(đồng)'],
    ['Kinh phí đã thu (đ)', 1, '(đ)'],
    ['Kinh phí đã thu (VNĐ)', 1, '(VNĐ)'],
    // ×1,000
    ['Kinh phí đã thu (nghìn đồng)', 1000, '(nghìn đồng)'],
    ['Kinh phí đã thu (ngàn đồng)', 1000, '(ngàn đồng)'],
    ['Kinh phí đã thu (1.000đ)', 1000, '(1.000đ)'],
    ['Kinh phí đã thu (1.000 đồng)', 1000, '(1.000 đồng)'],
    // ×1,000,000
    ['Kinh phí đã thu (triệu đồng)', 1000000, '(triệu đồng)'],
    ['Kinh phí đã thu (tr.đ)', 1000000, '(tr.đ)'],
    ['Kinh phí đã thu (trđ)', 1000000, '(trđ)'],
    ['Kinh phí đã thu (Triệu Đồng)', 1000000, '(Triệu Đồng)'],
    ['Kinh phí đã thu (ĐVT: triệu đồng)', 1000000, '(ĐVT: triệu đồng)'],
    // after a label, without parentheses
    ['Kinh phí đã thu, ĐVT: 1.000đ', 1000, 'ĐVT: 1.000đ'],
    // a footnote mark next to the unit, a line break inside
    ['Kinh phí đã thu (*)\n(triệu\nđồng)', 1000000, '(triệu đồng)'],
    // TCVN3: "(triệu đồng)"
    ['Kinh phÝ c«ng ®oµn ®· thu (triÖu ®ång)', 1000000, '(triệu đồng)'],
  ])('%j → ×%d', (header, scale, text) => {
    expect(findMoneyUnit(header)).toEqual({ scale, text });
  });

  it('other units and plain headers give nothing', () => {
    expect(findMoneyUnit('Số đoàn viên (người)')).toBeUndefined();
    expect(findMoneyUnit('Số cán bộ (đơn vị)')).toBeUndefined();
    expect(findMoneyUnit('Tỷ lệ (%)')).toBeUndefined();
    expect(findMoneyUnit('Kinh phí công đoàn đã thu')).toBeUndefined();
  });
});

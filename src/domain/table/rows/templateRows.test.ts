import { isTemplateCell, isTemplateRow } from './templateRows';

describe('templateRows', () => {
  it('isTemplateCell: blank or 0 (a formula over empty cells)', () => {
    expect([null, '', ' ', 0, '0', 1, 'x'].map((v) => isTemplateCell(v))).toEqual([true, true, true, true, true, false, false]);
  });

  it('a row of STT only, or STT and zeros, is a template row', () => {
    const stt = new Set([0]);
    expect(isTemplateRow([7], stt)).toBe(true);
    expect(isTemplateRow([7, null, null, 0, 0, ''], stt)).toBe(true);
    expect(isTemplateRow(['7.', null, null, 0], stt)).toBe(true);
    expect(isTemplateRow([null, null, null, 0, 0], stt)).toBe(true);
  });

  it('a code, a name, a number or a note in the STT cell make it something else', () => {
    const stt = new Set([0]);
    expect(isTemplateRow([7, 'CD07', null, 0], stt)).toBe(false);
    expect(isTemplateRow([7, null, 'CĐCS Trường A', 0], stt)).toBe(false);
    expect(isTemplateRow([7, null, null, 12], stt)).toBe(false);
    expect(isTemplateRow(['Ghi chú: số liệu tạm tính', null, null], stt)).toBe(false);
  });
});

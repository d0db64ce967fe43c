import { isColumnNumberRow, isColumnNumberText } from './columnNumberRow';

describe('isColumnNumberText', () => {
  it.each(['1', '(2)', '[3]', 'A', '(B)', '(5)=(6)+(7)', '8 = 6 + 7', '4.', '(9)=(8)/(2)'])('%s is a column number', (t) => {
    expect(isColumnNumberText(t)).toBe(true);
  });
  it.each(['Nữ', 'Tổng số', 'CD01', '1234', '(a b)'])('%s is not', (t) => {
    expect(isColumnNumberText(t)).toBe(false);
  });
});

describe('isColumnNumberRow', () => {
  it('numbers as numbers, in brackets, with expressions', () => {
    expect(isColumnNumberRow([1, 2, 3, 4, 5])).toBe(true);
    expect(isColumnNumberRow(['(1)', '(2)', '(3)', '(4)=(5)+(6)', '(5)', '(6)'])).toBe(true);
    expect(isColumnNumberRow(['1', '2', '3'])).toBe(true);
  });

  it('letters, and letters for identity columns then numbers for figures', () => {
    expect(isColumnNumberRow(['A', 'B', 'C', 'D'])).toBe(true);
    expect(isColumnNumberRow(['A', 'B', 1, 2, 3])).toBe(true);
  });

  it('empty cells in between are allowed (merged columns)', () => {
    expect(isColumnNumberRow(['(1)', null, '(2)', '', '(4)'])).toBe(true);
  });

  it('not in increasing order, too few cells, or a unit row: no', () => {
    expect(isColumnNumberRow([3, 2, 1])).toBe(false);
    expect(isColumnNumberRow([1, 1, 2])).toBe(false);
    expect(isColumnNumberRow([1, null, null])).toBe(false); // a template row's STT
    expect(isColumnNumberRow([1, 'CD01', 'CĐCS Trường A', 20])).toBe(false);
    expect(isColumnNumberRow([1, 2, 2.5])).toBe(false);
  });

  it('a table of two columns needs two numbers', () => {
    expect(isColumnNumberRow([1, 2], 2)).toBe(true);
    expect(isColumnNumberRow([1], 1)).toBe(false);
  });
});

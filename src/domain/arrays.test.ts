import { appendAll, maxOf } from './arrays';

// 300,000 elements: far past the ~100,000 arguments a spread call (`push(...xs)`) can take.
const BIG = 300_000;

describe('appendAll', () => {
  it('appends in order and returns the target', () => {
    const target = [1];
    expect(appendAll(target, [2, 3])).toBe(target);
    expect(target).toEqual([1, 2, 3]);
  });

  it('takes any iterable', () => {
    expect(appendAll(['a'], new Set(['b', 'c']))).toEqual(['a', 'b', 'c']);
  });

  it(`appends ${BIG.toLocaleString('en')} items without overflowing the stack`, () => {
    const items = Array.from({ length: BIG }, (_, i) => i);
    const out = appendAll([-1], items);
    // -1, then 0 … 299,999: BIG + 1 items, the last one BIG - 1.
    expect(out).toHaveLength(BIG + 1);
    expect(out[BIG]).toBe(BIG - 1);
  });
});

describe('maxOf', () => {
  it('is the start for no items', () => {
    expect(maxOf(-1, [])).toBe(-1);
  });

  it('is the largest of the start and the items', () => {
    expect(maxOf(-1, [3, 7, 2])).toBe(7);
    expect(maxOf(10, [3, 7, 2])).toBe(10);
    expect(maxOf(-1, new Map([['a', 4], ['b', 9]]).values())).toBe(9);
  });

  it(`finds the largest of ${BIG.toLocaleString('en')} items`, () => {
    // 0, 2, 4, … 599,998 with 1,000,001 at position 12,345.
    const items = Array.from({ length: BIG }, (_, i) => (i === 12_345 ? 1_000_001 : 2 * i));
    expect(maxOf(-1, items)).toBe(1_000_001);
  });
});

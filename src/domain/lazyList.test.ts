import { lazyList } from './lazyList';

describe('lazyList', () => {
  // head ['h'], then items 'x0', 'x1', 'x2': four in all.
  const make = () => {
    let made = 0;
    const list = lazyList(['h'], 3, (i) => {
      made++;
      return `x${i}`;
    });
    return { list, made: () => made };
  };

  it('reads like the array it stands for', () => {
    const { list } = make();
    const plain = ['h', 'x0', 'x1', 'x2'];
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(4);
    expect(list[0]).toBe('h');
    expect(list[3]).toBe('x2');
    expect(list[4]).toBeUndefined();
    expect(list.map((x) => x.toUpperCase())).toEqual(['H', 'X0', 'X1', 'X2']);
    expect(list.slice(1, 3)).toEqual(['x0', 'x1']);
    expect([...list]).toEqual(plain);
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3']);
    expect(JSON.stringify(list)).toBe('["h","x0","x1","x2"]');
    expect(list).toEqual(plain);
    const seen: string[] = [];
    list.forEach((x, i) => seen.push(`${i}:${x}`));
    expect(seen).toEqual(['0:h', '1:x0', '2:x1', '3:x2']);
  });

  it('makes an item at each read and keeps none', () => {
    const { list, made } = make();
    expect(made()).toBe(0);
    void list[1];
    void list[1];
    void list[0]; // the head is given, not made
    expect(made()).toBe(2);
  });

  it('refuses writes', () => {
    const { list } = make();
    expect(() => {
      (list as string[])[0] = 'changed';
    }).toThrow(TypeError);
    expect(() => (list as string[]).push('more')).toThrow(TypeError);
    expect(list[0]).toBe('h');
  });

  it('holds 200,000 items without making them', () => {
    let made = 0;
    const list = lazyList<number>([], 200_000, (i) => (made++, i * 2));
    expect(list.length).toBe(200_000);
    expect(made).toBe(0);
    // Item 199,999 is 2 × 199,999 = 399,998.
    expect(list[199_999]).toBe(399_998);
    expect(list.reduce((n) => n + 1, 0)).toBe(200_000);
  });
});

/**
 * A list whose items are made when they are read, one per problem or row of a big table. A
 * Kiểm tra sheet of 200,000 problems would otherwise hold 1.6 million cell objects (about 50 MB)
 * in the plan for as long as the plan lives, and a JSON report 200,000 objects while it is
 * written; readers go through such a list once or twice, and making an item again costs less
 * than keeping it.
 */

/**
 * A read-only array of `head.length + count` items: `head` as given, then item `i` of the rest
 * made by `item(i)` at each read and not kept (so `list[5] !== list[5]`). Everything an array does
 * for a reader works: `length`, indexing, `forEach`, `map`, `slice`, `for…of`, `Object.keys`,
 * `Array.isArray`, `JSON.stringify`.
 *
 * @example
 * const rows = lazyList([['STT', 'Ô']], 2, (i) => [i + 1, `A${i + 2}`]);
 * rows.length // 3
 * rows[2]     // [2, 'A3']
 */
export function lazyList<T>(head: readonly T[], count: number, item: (i: number) => T): readonly T[] {
  const length = head.length + count;
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < length && String(i) === key ? i : -1;
  };
  const at = (i: number): T => (i < head.length ? head[i] : item(i - head.length));
  // A holey array of the right length and no elements: Array.isArray, `length` and the array
  // methods come from it; the traps supply the elements.
  const target: T[] = [];
  target.length = length;
  return new Proxy(target, {
    get(t, key, receiver) {
      const i = index(key);
      return i >= 0 ? at(i) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return index(key) >= 0 || Reflect.has(t, key);
    },
    ownKeys(t) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < length; i++) keys.push(String(i));
      for (const k of Reflect.ownKeys(t)) keys.push(k);
      return keys;
    },
    getOwnPropertyDescriptor(t, key) {
      const i = index(key);
      return i >= 0 ? { value: at(i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * Array helpers for lists whose length the data decides (problems, rows, cells). Spreading such a
 * list into call arguments (`push(...xs)`, `Math.max(...xs)`) puts every element on the stack and
 * throws "Maximum call stack size exceeded" past roughly 100,000 elements; these loop instead.
 */

/**
 * Appends every item to `target`, in order; returns `target`.
 *
 * @example
 * appendAll([1], [2, 3]) // [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * The largest of `start` and the items (so an empty list gives `start`).
 *
 * @example
 * maxOf(-1, [3, 7, 2]) // 7
 * maxOf(-1, [])        // -1
 */
export function maxOf(start: number, items: Iterable<number>): number {
  let max = start;
  for (const x of items) if (x > max) max = x;
  return max;
}

/**
 * Large arrays cut into parts for postMessage. Copying one 100,000-row result in one message
 * costs the receiving thread one long task (a structured clone is deserialised at once); parts of
 * PART_SIZE items are small tasks, and the receiver can show how many have arrived.
 *
 * `split` walks a value and replaces every array longer than PART_SIZE with a placeholder
 * `{ [PART]: n, length }`; `join` puts them back. Arrays are also copied on the way: the render
 * layer makes some lists lazily (domain/lazyList.ts, a Proxy), which postMessage cannot clone.
 */

/** Items per part: a part is deserialised in a few milliseconds. */
export const PART_SIZE = 2000;

/** The placeholder's marker key (a plain string: it has to survive structured cloning). */
export const PART = '__chitieuPart';

interface Placeholder {
  readonly [PART]: number;
  readonly length: number;
}

function isPlaceholder(v: unknown): v is Placeholder {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>)[PART] === 'number';
}

/** A value ready to post: its skeleton, the parts, and the buffers to transfer. */
export interface SplitValue {
  readonly skeleton: unknown;
  /** Parts in order: which placeholder, and its items. */
  readonly parts: readonly { readonly part: number; readonly items: readonly unknown[] }[];
  readonly transfer: ArrayBuffer[];
}

function plainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * @example
 * split({ rows: bigArray }) // { skeleton: { rows: { __chitieuPart: 0, length: 100000 } }, parts: [...50 parts], transfer: [] }
 */
export function split(value: unknown, size = PART_SIZE): SplitValue {
  const parts: { part: number; items: readonly unknown[] }[] = [];
  const transfer: ArrayBuffer[] = [];
  let next = 0;
  // Inside a part, arrays are copied but never cut again: the receiver never walks a part's items.
  const walk = (v: unknown, inPart: boolean): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (ArrayBuffer.isView(v)) {
      // A view on the whole buffer moves with it; a view on part of one is copied.
      const whole = v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.buffer instanceof ArrayBuffer;
      if (whole && !transfer.includes(v.buffer as ArrayBuffer)) transfer.push(v.buffer as ArrayBuffer);
      return whole ? v : (v as unknown as Uint8Array).slice();
    }
    if (Array.isArray(v)) {
      if (v.length > size && !inPart) {
        const n = next++;
        for (let at = 0; at < v.length; at += size) parts.push({ part: n, items: Array.prototype.slice.call(v, at, at + size).map((x) => walk(x, true)) });
        return { [PART]: n, length: v.length };
      }
      return Array.prototype.map.call(v, (x: unknown) => walk(x, inPart));
    }
    if (v instanceof Date || !plainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, inPart);
    return out;
  };
  return { skeleton: walk(value, false), parts, transfer };
}

/** Collects parts as they arrive, then rebuilds the value from its skeleton. */
export class PartsCollector {
  private readonly arrays = new Map<number, unknown[]>();

  add(part: number, items: readonly unknown[]): void {
    let list = this.arrays.get(part);
    if (!list) this.arrays.set(part, (list = []));
    for (const item of items) list.push(item);
  }

  /** The skeleton with every placeholder replaced by its array (a part's items are taken as they are). */
  join(skeleton: unknown): unknown {
    const walk = (v: unknown): unknown => {
      if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v) || v instanceof Date) return v;
      if (isPlaceholder(v)) {
        const list = this.arrays.get(v[PART]) ?? [];
        if (list.length !== v.length) throw new Error(`part ${v[PART]}: ${list.length} of ${v.length} items arrived`);
        return list;
      }
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
        return v;
      }
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = walk(o[k]);
      return o;
    };
    return walk(skeleton);
  }
}

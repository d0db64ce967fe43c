/// <reference types="office-js" />
/**
 * What the adapter counts about its own traffic with Excel: round trips (`context.sync()`) and
 * the estimated size of each request and response. Excel on the web fails a request or a
 * response over 5 MB, so the adapter sizes its chunks from these estimates.
 */

/** Counts since the adapter was created. */
export interface OfficeStats {
  /** `context.sync()` calls (network round trips in Excel on the web). */
  readonly syncs: number;
  /** Largest estimated request of one sync, bytes. */
  readonly maxRequestBytes: number;
  /** Largest estimated response of one sync, bytes. */
  readonly maxResponseBytes: number;
  /** All estimated requests and responses, bytes. */
  readonly totalBytes: number;
}

/**
 * Estimated request bytes of one command (`{"Id":…,"ActionType":…,"Name":"values","ObjectPathId":…}`)
 * and of one new object such as `getRange('K5')` or `range.format` (its object path plus the
 * action that instantiates it), after the JSON Office.js sends. Rounded up: the payload budget
 * must hold where the estimate misses.
 */
export const ACTION_BYTES = 100;
export const OBJECT_BYTES = 150;

/**
 * Estimated request bytes of some commands.
 *
 * @example
 * cost(1, 2, 40) // getRange + two property writes carrying 40 bytes of data: 390
 */
export function cost(objects: number, actions: number, payload = 0): number {
  return objects * OBJECT_BYTES + actions * ACTION_BYTES + payload;
}

/**
 * UTF-8 length of a string without allocating an encoded copy.
 *
 * @example
 * utf8Length('Đạt') // 6
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) i++, n += 2;
    else n += 2;
  }
  return n;
}

/**
 * UTF-8 bytes of a value's JSON (what travels for `values`, `numberFormat`, loaded payloads).
 *
 * @example
 * jsonBytes([['Đạt', 1]]) // 12
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/** Sync counter and byte tally, shared by every call of one adapter. */
export class Tally {
  private syncs = 0;
  private maxRequest = 0;
  private maxResponse = 0;
  private total = 0;
  private pending = 0;

  /** Adds the estimated size of commands queued for the next sync. */
  queued(bytes: number): void {
    this.pending += bytes;
  }

  /** Bytes queued since the last sync. */
  pendingBytes(): number {
    return this.pending;
  }

  /**
   * Sends what is queued. `response` measures what the sync brought back (the loaded values),
   * called after it returns.
   */
  async sync(context: Excel.RequestContext, response?: () => number): Promise<void> {
    const request = this.pending + ACTION_BYTES;
    this.pending = 0;
    this.syncs++;
    this.maxRequest = Math.max(this.maxRequest, request);
    this.total += request;
    await context.sync();
    const got = response ? response() : 0;
    this.maxResponse = Math.max(this.maxResponse, got);
    this.total += got;
  }

  stats(): OfficeStats {
    return { syncs: this.syncs, maxRequestBytes: this.maxRequest, maxResponseBytes: this.maxResponse, totalBytes: this.total };
  }
}

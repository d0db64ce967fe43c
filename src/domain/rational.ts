/**
 * Exact fractions for threshold decisions. Targets such as 15% or 12,5% are held as
 * integer pairs so that "3 of 20 meets ≥ 15%" is decided by 3 × 100 ≥ 15 × 20, never by floats.
 */

/** n / d with integer n and integer d > 0. */
export interface Rational {
  readonly n: number;
  readonly d: number;
}

/**
 * A rational from a decimal string such as "12,5" or "95" (no exponent), scaled by `scale`.
 * Returns undefined for text that is not a plain decimal.
 *
 * @example
 * parseDecimal('12,5', 100) // { n: 125, d: 1000 }  (12,5% = 0,125)
 */
export function parseDecimal(text: string, scale = 1): Rational | undefined {
  const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  const n = Number(m[1] + frac);
  const d = 10 ** frac.length * scale;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return undefined;
  return reduce({ n, d });
}

/** A rational from an integer. */
export function whole(n: number): Rational {
  return { n, d: 1 };
}

/** Percent p (integer) as a fraction. */
export function percent(p: number): Rational {
  return reduce({ n: p, d: 100 });
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

export function reduce(r: Rational): Rational {
  const g = gcd(r.n, r.d);
  return { n: r.n / g, d: r.d / g };
}

/**
 * Sign of (a / b) − r, exactly: −1, 0 or 1. `b` must be > 0. Integers only; BigInt where
 * the products could pass 2^53 (money sums times a percent denominator).
 *
 * @example
 * compareFraction(3, 20, { n: 15, d: 100 }) // 0  (3/20 = 15%)
 */
export function compareFraction(a: number, b: number, r: Rational): -1 | 0 | 1 {
  const left = a * r.d;
  const right = r.n * b;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const l = BigInt(a) * BigInt(r.d);
  const rr = BigInt(r.n) * BigInt(b);
  return l < rr ? -1 : l > rr ? 1 : 0;
}

export function toNumber(r: Rational): number {
  return r.n / r.d;
}

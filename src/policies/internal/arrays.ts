/**
 * Growing key-indexed typed arrays. Replay assigns key ids while it streams a trace,
 * so per-key arrays start at a guess and double (amortised O(1) per key) when an id
 * reaches their length.
 */

/** The length to grow to so that index `needed - 1` fits: at least double. */
export function grownLength(current: number, needed: number): number {
  let n = Math.max(current, 1024);
  while (n < needed) n *= 2;
  return n;
}

type KeyArray = Int32Array | Uint8Array | Float64Array;

/** A copy of `a` with length `n` (if larger), the new tail set to `fill`. */
function grow<T extends KeyArray>(a: T, n: number, fill: number, make: (n: number) => T): T {
  if (n <= a.length) return a;
  const b = make(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export const growInt32 = (a: Int32Array, n: number, fill = 0): Int32Array => grow(a, n, fill, (m) => new Int32Array(m));
export const growUint8 = (a: Uint8Array, n: number, fill = 0): Uint8Array => grow(a, n, fill, (m) => new Uint8Array(m));
export const growFloat64 = (a: Float64Array, n: number, fill = 0): Float64Array => grow(a, n, fill, (m) => new Float64Array(m));

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

export function growInt32(a: Int32Array, n: number, fill = 0): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export function growUint8(a: Uint8Array, n: number, fill = 0): Uint8Array {
  if (n <= a.length) return a;
  const b = new Uint8Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export function growFloat64(a: Float64Array, n: number, fill = 0): Float64Array {
  if (n <= a.length) return a;
  const b = new Float64Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

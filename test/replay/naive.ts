/**
 * Independent reference implementations for tests: plain array scans, no shared code
 * with src/. O(capacity) per request, so only for subsets of the bundled traces.
 */

/** Hit (true) or miss per request of an LRU cache of `capacity` unit-size objects. */
export function naiveLru(keys: ArrayLike<number>, capacity: number): boolean[] {
  const stack: number[] = []; // most recent first
  const out: boolean[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const at = stack.indexOf(k);
    out.push(at >= 0);
    if (at >= 0) stack.splice(at, 1);
    else if (stack.length === capacity) stack.pop();
    stack.unshift(k);
  }
  return out;
}

/** Misses of a FIFO cache of `capacity` unit-size objects. */
export function naiveFifoMisses(keys: ArrayLike<number>, capacity: number): number {
  const queue: number[] = []; // oldest first
  const resident = new Set<number>();
  let misses = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (resident.has(k)) continue;
    misses += 1;
    if (queue.length === capacity) resident.delete(queue.shift()!);
    queue.push(k);
    resident.add(k);
  }
  return misses;
}

/** Misses of an LRU cache, counting the hits of naiveLru. */
export function naiveLruMisses(keys: ArrayLike<number>, capacity: number): number {
  return naiveLru(keys, capacity).filter((h) => !h).length;
}

/**
 * LFU — least frequently used, with a recency tie-break (the in-cache LFU discussed by
 * e.g. Lee et al., "LRFU", IEEE TC 2001 §2). Evicts the entry with the fewest hits
 * since it was inserted; among equals, the one least recently used. A key's count is
 * forgotten when it leaves the cache. No parameters.
 *
 * An indexed min-heap ordered by (count, last-access tick): O(log n) per request.
 */
import { HeapPolicy } from './internal/heap-policy.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

export class Lfu extends HeapPolicy implements EvictionPolicy {
  readonly name = 'lfu';
  private tick = 0;

  constructor(ctx: PolicyContext) {
    super(ctx);
  }

  insert(key: number, size: number): void {
    this.add(key, size, 1, this.tick++);
  }

  touch(key: number): void {
    this.heap.set(key, this.heap.primary[key] + 1, this.tick++);
  }
}

export const lfu = (ctx: PolicyContext): EvictionPolicy => new Lfu(ctx);

/**
 * SLRU — segmented LRU (Karedla, Love, Wherry, "Caching strategies to improve disk
 * system performance", IEEE Computer 1994; the n-segment form as in libCacheSim's
 * `SLRU.c`). Default: 4 segments of equal share (option `segments`).
 *
 * New entries enter the MRU end of segment 0. A hit in segment i moves the entry to
 * the MRU end of segment min(i + 1, n − 1); a segment over its share passes its LRU
 * entry down to the MRU end of the segment below, cascading. The victim is the LRU
 * entry of the lowest non-empty segment.
 */
import { ListPolicy } from './internal/list-policy.ts';
import { NIL } from './internal/lists.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

function segmentIds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export class Slru extends ListPolicy implements EvictionPolicy {
  readonly name = 'slru';
  private readonly n: number;
  private readonly share: number;

  constructor(ctx: PolicyContext) {
    const n = Math.max(1, Math.floor(Number(ctx.options?.segments ?? 4)));
    super(ctx, n, segmentIds(n));
    this.n = n;
    this.share = ctx.capacity / n;
  }

  insert(key: number, size: number): void {
    this.lists.pushHead(0, key, size);
  }

  touch(key: number): void {
    const lists = this.lists;
    const from = lists.listOf(key);
    const to = Math.min(from + 1, this.n - 1);
    lists.moveToHead(to, key);
    // Demote overflow downward; segment 0 absorbs it until the store evicts.
    for (let s = to; s > 0 && lists.bytes[s] > this.share; s--) {
      while (lists.bytes[s] > this.share && lists.count[s] > 1) {
        const t = lists.popTail(s);
        lists.pushHead(s - 1, t, lists.sizeOf[t]);
      }
    }
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }

  evict(): number {
    for (let s = 0; s < this.n; s++) {
      if (this.lists.count[s] > 0) return this.lists.popTail(s);
    }
    return NIL;
  }
}

export const slru = (ctx: PolicyContext): EvictionPolicy => new Slru(ctx);

/**
 * Redis's approximated eviction (redis/src/evict.c, `evictionPoolPopulate` and
 * `performEvictions`), shared by redis-lru, redis-lfu and redis-ttl.
 *
 * Each eviction samples `samples` resident keys (default 5, `maxmemory-samples`),
 * scores each ("idle": higher is a better victim) and merges them into a pool of 16
 * candidates sorted by ascending idle, which persists between evictions. The best
 * candidate that still exists is evicted. Redis samples with `dictGetSomeKeys`
 * (a run of nearby hash buckets); here each sample is uniform over the resident keys,
 * with replacement — the same distribution for a well-mixed hash table.
 */
import { SetPolicy } from './set-policy.ts';
import type { ResidentSet } from './resident-set.ts';
import type { PolicyContext } from '../types.ts';

export const EVPOOL_SIZE = 16;

export abstract class RedisPoolPolicy extends SetPolicy {
  private readonly poolKey = new Int32Array(EVPOOL_SIZE).fill(-1);
  private readonly poolIdle = new Float64Array(EVPOOL_SIZE);
  protected readonly samples: number;

  constructor(ctx: PolicyContext) {
    super(ctx);
    this.samples = Math.max(1, Math.floor(Number(ctx.options?.samples ?? 5)));
  }

  /** Higher = evict sooner (Redis's `idle`). */
  protected abstract idle(key: number): number;

  /** The keys sampled from (volatile-* policies narrow it to keys with a TTL). */
  protected sampleFrom(): ResidentSet {
    return this.keys;
  }

  evict(): number {
    // Nothing to sample from (volatile-* with no key holding a TTL) means no victim, not a loop forever.
    if (this.keys.length === 0 || this.sampleFrom().length === 0) return -1;
    for (;;) {
      this.populate();
      for (let k = EVPOOL_SIZE - 1; k >= 0; k--) {
        const key = this.poolKey[k];
        if (key < 0) continue;
        this.poolKey[k] = -1;
        if (this.keys.has(key)) {
          this.keys.delete(key);
          this.evicted(key);
          return key;
        }
      }
    }
  }

  /** Hook for subclasses that keep more per-key state. */
  protected evicted(_key: number): void {}

  private populate(): void {
    const from = this.sampleFrom();
    const keys = this.poolKey;
    const idles = this.poolIdle;
    for (let j = 0; j < this.samples; j++) {
      const key = from.pick(this.ctx.random);
      if (key < 0) return;
      const idle = this.idle(key);
      let k = 0;
      while (k < EVPOOL_SIZE && keys[k] >= 0 && idles[k] < idle) k++;
      if (k === 0 && keys[EVPOOL_SIZE - 1] >= 0) continue; // worse than all, pool full
      if (k < EVPOOL_SIZE && keys[k] < 0) {
        // empty slot: insert here
      } else if (keys[EVPOOL_SIZE - 1] < 0) {
        keys.copyWithin(k + 1, k, EVPOOL_SIZE - 1); // free slot on the right: shift right
        idles.copyWithin(k + 1, k, EVPOOL_SIZE - 1);
      } else {
        k -= 1; // full: shift left, dropping the worst candidate
        keys.copyWithin(0, 1, k + 1);
        idles.copyWithin(0, 1, k + 1);
      }
      keys[k] = key;
      idles[k] = idle;
    }
  }
}

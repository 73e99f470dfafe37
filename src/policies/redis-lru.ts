/**
 * Redis `allkeys-lru` (redis/src/evict.c `estimateObjectIdleTime`, server.h
 * `LRU_CLOCK_RESOLUTION` = 1000 ms, `LRU_BITS` = 24): every key stores a 24-bit clock
 * in seconds, set on creation and on every access; idle time is the (wrapping) clock
 * difference. Victims come from the sampled eviction pool (see internal/redis-pool.ts).
 * Options: `samples` (5).
 */
import { RedisPoolPolicy } from './internal/redis-pool.ts';
import { growFloat64 } from './internal/arrays.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const LRU_CLOCK_MAX = (1 << 24) - 1;

export class RedisLru extends RedisPoolPolicy implements EvictionPolicy {
  readonly name = 'redis-lru';
  private clock: Float64Array;

  constructor(ctx: PolicyContext) {
    super(ctx);
    this.clock = new Float64Array(ctx.maxKeys);
  }

  private lruClock(): number {
    return Math.floor(this.ctx.now() / 1e6) & LRU_CLOCK_MAX;
  }

  override insert(key: number, size: number): void {
    super.insert(key, size);
    this.clock[key] = this.lruClock();
  }

  touch(key: number): void {
    this.clock[key] = this.lruClock();
  }

  protected idle(key: number): number {
    const now = this.lruClock();
    const then = this.clock[key];
    return (now >= then ? now - then : now + (LRU_CLOCK_MAX - then)) * 1000;
  }

  protected override growExtra(maxKeys: number): void {
    this.clock = growFloat64(this.clock, maxKeys);
  }
}

export const redisLru = (ctx: PolicyContext): EvictionPolicy => new RedisLru(ctx);

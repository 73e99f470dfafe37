/**
 * `maxmemory-policy` → an eviction policy that evicts as Redis does. The sampled
 * LRU/LFU/TTL machinery (the 16-entry eviction pool, the LFU log counter) is the
 * policy library's (src/policies/redis-*); this module adds what only the Redis
 * *tier* knows:
 *  - volatile-* policies choose victims only among keys with a TTL, and when no key
 *    has one they cannot evict (`evict()` → −1), so the write fails with OOM as in
 *    Redis (`performEvictions` returns EVICT_FAIL);
 *  - `noeviction` never evicts: a write that does not fit fails;
 *  - the LRU clock resolution is a parameter. redis-lru keeps a 24-bit clock in
 *    seconds (`LRU_CLOCK_RESOLUTION` 1000 ms); a finer resolution r is modelled by
 *    handing the policy a clock that runs 1 s / r times faster. Only idle-time
 *    comparisons use it, so scaling time is exactly a change of resolution (the
 *    24-bit wrap then comes after 2^24 · r instead of 194 days).
 */
import { RedisLru } from '../policies/redis-lru.ts';
import { RedisLfu } from '../policies/redis-lfu.ts';
import { RedisTtl } from '../policies/redis-ttl.ts';
import { RandomPolicy } from '../policies/random.ts';
import { ResidentSet } from '../policies/internal/resident-set.ts';
import type { RedisPoolPolicy } from '../policies/internal/redis-pool.ts';
import type { EvictionPolicy, PolicyContext } from '../policies/types.ts';

export const maxmemoryPolicies = [
  'noeviction',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
] as const;
export type MaxmemoryPolicy = (typeof maxmemoryPolicies)[number];

export interface RedisEvictionOptions {
  /** maxmemory-samples (5). */
  samples: number;
  /** LRU clock resolution in µs (1 s in Redis). */
  lruClockResolution: number;
  /** lfu-log-factor (10). */
  lfuLogFactor: number;
  /** lfu-decay-time in minutes (1). */
  lfuDecayTime: number;
}

export const defaultRedisEviction: RedisEvictionOptions = { samples: 5, lruClockResolution: 1e6, lfuLogFactor: 10, lfuDecayTime: 1 };

/** Keys that carry a TTL, tracked beside a policy's own structures. */
class VolatileKeys {
  readonly set: ResidentSet;
  constructor(maxKeys: number) {
    this.set = new ResidentSet(maxKeys);
  }
  expire(key: number, atUs: number): void {
    this.set.delete(key);
    if (Number.isFinite(atUs)) this.set.add(key, 1);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the TypeScript mixin pattern requires `any[]` constructor arguments
type PoolClass = abstract new (...args: any[]) => RedisPoolPolicy;

/** Narrows a sampled Redis policy to keys with a TTL (volatile-lru, volatile-lfu). */
function volatileOnly<T extends PoolClass>(Base: T) {
  abstract class Volatile extends Base {
    readonly volatile = new VolatileKeys((this.ctx as PolicyContext).maxKeys);
    expire(key: number, atUs: number): void {
      this.volatile.expire(key, atUs);
    }
    override remove(key: number): void {
      super.remove(key);
      this.volatile.set.delete(key);
    }
    protected override evicted(key: number): void {
      this.volatile.set.delete(key);
    }
    protected override sampleFrom(): ResidentSet {
      return this.volatile.set;
    }
  }
  return Volatile;
}

const VolatileLru = volatileOnly(RedisLru);
const VolatileLfu = volatileOnly(RedisLfu);

/** redis-ttl samples all keys when none has a TTL; Redis refuses to evict instead. */
class StrictVolatileTtl extends RedisTtl {
  private readonly volatile: VolatileKeys;
  constructor(ctx: PolicyContext) {
    super(ctx);
    this.volatile = new VolatileKeys(ctx.maxKeys);
  }
  override expire(key: number, atUs: number): void {
    super.expire(key, atUs);
    this.volatile.expire(key, atUs);
  }
  override remove(key: number): void {
    super.remove(key);
    this.volatile.set.delete(key);
  }
  protected override evicted(key: number): void {
    super.evicted(key);
    this.volatile.set.delete(key);
  }
  override evict(): number {
    return this.volatile.set.length === 0 ? -1 : super.evict();
  }
}

/** volatile-random: a uniformly chosen key among those with a TTL. */
class VolatileRandom extends RandomPolicy {
  private readonly volatile: VolatileKeys;
  constructor(ctx: PolicyContext) {
    super(ctx, 'volatile-random');
    this.volatile = new VolatileKeys(ctx.maxKeys);
  }
  expire(key: number, atUs: number): void {
    this.volatile.expire(key, atUs);
  }
  override remove(key: number): void {
    super.remove(key);
    this.volatile.set.delete(key);
  }
  override evict(): number {
    const victim = this.volatile.set.pick(this.ctx.random);
    if (victim < 0) return -1;
    this.volatile.set.delete(victim);
    this.keys.delete(victim);
    return victim;
  }
}

/** noeviction: tracks residents (the store's invariant counts them) and never frees one. */
class NoEviction extends RandomPolicy {
  constructor(ctx: PolicyContext) {
    super(ctx, 'noeviction');
  }
  override evict(): number {
    return -1;
  }
}

export function redisEvictionPolicy(name: MaxmemoryPolicy, ctx: PolicyContext, opts: RedisEvictionOptions): EvictionPolicy {
  const scale = 1e6 / opts.lruClockResolution;
  const options = { samples: opts.samples, logFactor: opts.lfuLogFactor, decayTime: opts.lfuDecayTime };
  const base: PolicyContext = { ...ctx, options };
  const lruCtx: PolicyContext = { ...base, now: () => ctx.now() * scale };
  switch (name) {
    case 'noeviction':
      return new NoEviction(base);
    case 'allkeys-lru':
      return new RedisLru(lruCtx);
    case 'volatile-lru':
      return new VolatileLru(lruCtx) as unknown as EvictionPolicy;
    case 'allkeys-lfu':
      return new RedisLfu(base);
    case 'volatile-lfu':
      return new VolatileLfu(base) as unknown as EvictionPolicy;
    case 'allkeys-random':
      return new RandomPolicy(base, 'allkeys-random');
    case 'volatile-random':
      return new VolatileRandom(base);
    case 'volatile-ttl':
      return new StrictVolatileTtl(base);
  }
}

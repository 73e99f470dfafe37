/**
 * Redis `volatile-ttl` (redis/src/evict.c: the pool samples the `expires` dict and
 * scores a key as ULLONG_MAX − its expiry time, so the key expiring soonest goes first).
 * The store reports expiry times through `expire(key, atUs)`.
 *
 * Redis refuses writes (OOM) when no key has a TTL; a store here must always make room,
 * so when no resident key has a TTL this samples all keys, ranking those without a TTL
 * as expiring never. Options: `samples` (5).
 */
import { RedisPoolPolicy } from './internal/redis-pool.ts';
import { ResidentSet } from './internal/resident-set.ts';
import { growFloat64 } from './internal/arrays.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

export class RedisTtl extends RedisPoolPolicy implements EvictionPolicy {
  readonly name = 'redis-ttl';
  private readonly keysWithTtl: ResidentSet;
  private expiresAt: Float64Array;

  constructor(ctx: PolicyContext) {
    super(ctx);
    this.keysWithTtl = new ResidentSet(ctx.maxKeys);
    this.expiresAt = new Float64Array(ctx.maxKeys).fill(Infinity);
  }

  expire(key: number, atUs: number): void {
    if (!this.keys.has(key)) return;
    this.keysWithTtl.delete(key);
    this.expiresAt[key] = atUs;
    if (Number.isFinite(atUs)) this.keysWithTtl.add(key, 1);
  }

  override insert(key: number, size: number): void {
    super.insert(key, size);
    this.expiresAt[key] = Infinity;
  }

  override remove(key: number): void {
    super.remove(key);
    this.keysWithTtl.delete(key);
  }

  touch(_key: number): void {
    // Access does not change a TTL.
  }

  protected override sampleFrom(): ResidentSet {
    return this.keysWithTtl.length > 0 ? this.keysWithTtl : this.keys;
  }

  protected idle(key: number): number {
    return -this.expiresAt[key];
  }

  protected override evicted(key: number): void {
    this.keysWithTtl.delete(key);
  }

  protected override growExtra(maxKeys: number): void {
    this.keysWithTtl.grow(maxKeys);
    this.expiresAt = growFloat64(this.expiresAt, maxKeys, Infinity);
  }
}

export const redisTtl = (ctx: PolicyContext): EvictionPolicy => new RedisTtl(ctx);

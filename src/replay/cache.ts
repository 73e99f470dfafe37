/**
 * One cache under trace replay: the store side of the policy protocol (types.ts) plus
 * the counters a miss-ratio table needs. Per-key state is typed arrays indexed by key
 * id, grown as the trace reveals new keys.
 *
 * How each operation counts (the README's replay section repeats this):
 *  - read (get; every row of a trace without an op column): one request; a miss when
 *    the key is absent or expired, and then the object is inserted (demand fill)
 *  - write (set, add, replace, …): not a request; the object is inserted, or updated in
 *    place (an access for the policy) — removed and re-inserted if its size changed
 *  - delete: not a request; removes the object if present
 * Requests during the warm-up still change the cache but are not counted.
 * An object larger than the whole cache is never inserted (counted in `tooLarge`).
 * TTLs expire entries exactly at their expiry time (a heap of expiry times is drained
 * before each request), so expired objects never hold space.
 */
import { growFloat64 } from '../policies/internal/arrays.ts';
import { KeyHeap } from '../policies/internal/heap.ts';
import type { EvictionPolicy } from '../policies/types.ts';

export interface CacheCounts {
  requests: number;
  misses: number;
  bytesRequested: number;
  bytesMissed: number;
  writes: number;
  deletes: number;
  evictions: number;
  expirations: number;
  tooLarge: number;
}

export class ReplayCache {
  used = 0;
  entries = 0;
  readonly counts: CacheCounts = {
    requests: 0,
    misses: 0,
    bytesRequested: 0,
    bytesMissed: 0,
    writes: 0,
    deletes: 0,
    evictions: 0,
    expirations: 0,
    tooLarge: 0,
  };
  /** Size of each resident key; -1 when absent. */
  private sizeOf: Float64Array;
  private expiry: KeyHeap | null;
  private readonly hasMiss: boolean;
  private readonly hasExpire: boolean;

  constructor(
    readonly policy: EvictionPolicy,
    readonly capacity: number,
    maxKeys: number,
    withTtl: boolean,
    /** Capacity counts objects: every object weighs 1 (byte counters still use sizes). */
    private readonly unitSizes = false,
  ) {
    this.sizeOf = new Float64Array(maxKeys).fill(-1);
    this.expiry = withTtl ? new KeyHeap(maxKeys) : null;
    this.hasMiss = typeof policy.miss === 'function';
    this.hasExpire = typeof policy.expire === 'function';
  }

  grow(maxKeys: number): void {
    if (maxKeys <= this.sizeOf.length) return;
    this.sizeOf = growFloat64(this.sizeOf, maxKeys, -1);
    this.expiry?.grow(maxKeys);
    this.policy.grow?.(maxKeys);
  }

  has(key: number): boolean {
    return this.sizeOf[key] >= 0;
  }

  /** A read; returns true on a hit. `ttl` (µs, 0 = none) applies if the miss fills. */
  read(key: number, size: number, counted: boolean, now: number, ttl: number): boolean {
    const hit = this.sizeOf[key] >= 0;
    if (hit) this.policy.touch(key);
    else this.fill(key, this.unitSizes ? 1 : size, now, ttl);
    if (counted) {
      const c = this.counts;
      c.requests += 1;
      c.bytesRequested += size;
      if (!hit) {
        c.misses += 1;
        c.bytesMissed += size;
      }
    }
    return hit;
  }

  write(key: number, size: number, counted: boolean, now: number, ttl: number): void {
    if (counted) this.counts.writes += 1;
    const old = this.sizeOf[key];
    const charge = this.unitSizes ? 1 : size;
    if (old === charge) {
      this.policy.touch(key);
      this.setTtl(key, now, ttl);
      return;
    }
    if (old >= 0) this.drop(key);
    this.fill(key, charge, now, ttl);
  }

  delete(key: number, counted: boolean): void {
    if (counted) this.counts.deletes += 1;
    if (this.sizeOf[key] >= 0) this.drop(key);
  }

  /** Removes every entry whose expiry time is ≤ now. */
  expireUntil(now: number): void {
    const heap = this.expiry;
    if (heap === null) return;
    for (let k = heap.peek(); k >= 0 && heap.primary[k] <= now; k = heap.peek()) {
      this.drop(k);
      this.counts.expirations += 1;
    }
  }

  private fill(key: number, size: number, now: number, ttl: number): void {
    if (size > this.capacity) {
      this.counts.tooLarge += 1;
      return;
    }
    const policy = this.policy;
    if (this.hasMiss) policy.miss!(key, size);
    while (this.used + size > this.capacity) {
      const victim = policy.evict();
      if (victim < 0) throw new Error(`${policy.name}: nothing to evict with ${this.used} of ${this.capacity} used`);
      this.forget(victim);
      this.counts.evictions += 1;
    }
    this.sizeOf[key] = size;
    this.used += size;
    this.entries += 1;
    policy.insert(key, size);
    this.setTtl(key, now, ttl);
  }

  /** A TTL of 0 clears any expiry (a write without TTL makes the entry permanent). */
  private setTtl(key: number, now: number, ttl: number): void {
    if (this.expiry === null) return;
    if (ttl > 0) this.expiry.set(key, now + ttl, 0);
    else if (this.expiry.has(key)) this.expiry.remove(key);
    else return;
    if (this.hasExpire) this.policy.expire!(key, ttl > 0 ? now + ttl : Infinity);
  }

  private drop(key: number): void {
    this.policy.remove(key);
    this.forget(key);
  }

  private forget(key: number): void {
    this.used -= this.sizeOf[key];
    this.sizeOf[key] = -1;
    this.entries -= 1;
    this.expiry?.remove(key);
  }

  /** End-of-run invariants of the store and its policy; throws on a violation. */
  finished(): void {
    let used = 0;
    let entries = 0;
    for (let k = 0; k < this.sizeOf.length; k++) {
      if (this.sizeOf[k] >= 0) {
        used += this.sizeOf[k];
        entries += 1;
      }
    }
    const name = this.policy.name;
    if (used !== this.used || entries !== this.entries) {
      throw new Error(`${name}: store tracked ${this.used} in ${this.entries} entries, recounted ${used} in ${entries}`);
    }
    if (used > this.capacity) throw new Error(`${name}: occupancy ${used} over capacity ${this.capacity}`);
    if (this.policy.size !== entries) throw new Error(`${name}: policy tracks ${this.policy.size} entries, store holds ${entries}`);
    this.policy.finished?.();
  }
}

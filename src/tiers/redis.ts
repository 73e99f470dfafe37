/**
 * The shared cache (Redis): a byte-bounded store charging value size plus a
 * per-key overhead, reached over a network round trip, with a lock table for
 * `SET lock NX EX ttl`. Locks are tiny and are kept apart from the data so they
 * never evict values (Redis would charge them a few dozen bytes each).
 */
import type { Sampler } from '../engine/dist/index.ts';
import type { Store } from './store.ts';

export class RedisTier {
  commands = 0;
  private readonly lockUntil: Float64Array;

  constructor(
    readonly store: Store,
    readonly keyOverhead: number,
    readonly rtt: Sampler,
    maxKeys: number,
  ) {
    this.lockUntil = new Float64Array(maxKeys);
  }

  /** SET lock:key 1 NX EX ttl — true when acquired. */
  tryLock(key: number, now: number, ttl: number): boolean {
    if (this.lockUntil[key] > now) return false;
    this.lockUntil[key] = now + ttl;
    return true;
  }

  /** Forgets every lock (a restart without persistence). */
  clearLocks(): void {
    this.lockUntil.fill(0);
  }

  /** DEL lock:key (unconditional, as the classic recipe does). */
  unlock(key: number): void {
    this.lockUntil[key] = 0;
  }
}

/**
 * A cache's contents: entries (value version, charged size, expiry, fill time)
 * within a capacity, with an eviction policy choosing victims. The request path
 * is libCacheSim's template: find → on miss, evict until the new entry fits →
 * insert; the policy supplies only the order. Expiry is lazy: an expired entry
 * still holds memory until it is next looked up (or an active sweep removes it).
 *
 * Keys are dense global ids. An entry's state (expiry, fill time, charged size,
 * version) sits in four adjacent doubles, so a lookup or a fill touches one cache
 * line per key instead of one per field; callers read fields through accessors.
 * A charged size of 0 means absent (every entry weighs ≥ 1).
 */
import type { EvictionPolicy } from '../policies/types.ts';
import { ResidentSet } from '../policies/internal/resident-set.ts';

// Per-key fields, interleaved.
const FIELDS = 4;
const EXPIRES = 0;
const FILLED = 1;
const CHARGED = 2;
const VERSION = 3;

export const MISS = 0;
export const MISS_EXPIRED = 1;
export const HIT = 2;

export interface StoreEvents {
  onEvict(key: number): void;
  onExpire(key: number): void;
  onBytes(bytes: number): void;
}

export class Store {
  used = 0;
  entries = 0;
  /** Whole-run eviction count and peak occupancy (per-instance rows). */
  evictions = 0;
  peakUsed = 0;
  private readonly slots: Float64Array;
  /** Keys with a finite expiry, for an active expiry cycle to sample (only when asked for). */
  readonly volatileKeys: ResidentSet | undefined;

  constructor(
    readonly capacity: number,
    readonly maxKeys: number,
    readonly policy: EvictionPolicy,
    private readonly events: StoreEvents,
    trackVolatile = false,
  ) {
    this.volatileKeys = trackVolatile ? new ResidentSet(maxKeys) : undefined;
    this.slots = new Float64Array(maxKeys * FIELDS);
  }

  has(key: number): boolean {
    return this.slots[key * FIELDS + CHARGED] > 0;
  }

  /** The version a present entry holds. */
  versionOf(key: number): number {
    return this.slots[key * FIELDS + VERSION];
  }

  /** When a present entry expires (µs; Infinity without TTL). */
  expiresAtOf(key: number): number {
    return this.slots[key * FIELDS + EXPIRES];
  }

  /** When a present entry was filled (µs). */
  filledAtOf(key: number): number {
    return this.slots[key * FIELDS + FILLED];
  }

  /** HIT, MISS, or MISS_EXPIRED (the entry was there but its TTL had passed; it is removed). */
  lookup(key: number, now: number): number {
    const at = key * FIELDS;
    if (this.slots[at + CHARGED] === 0) return MISS;
    if (this.slots[at + EXPIRES] <= now) {
      this.drop(key);
      this.events.onExpire(key);
      return MISS_EXPIRED;
    }
    this.policy.touch(key);
    return HIT;
  }

  /** Inserts or overwrites; `ttl` in µs or undefined for no expiry. Returns false if it cannot fit at all. */
  set(key: number, version: number, size: number, ttl: number | undefined, now: number): boolean {
    if (this.has(key)) this.drop(key);
    else this.policy.miss?.(key, size); // ARC and W-TinyLFU decide on the incoming key before evicting
    if (size > this.capacity) return false;
    while (this.used + size > this.capacity) {
      const victim = this.policy.evict();
      if (victim < 0) return false;
      this.forget(victim);
      this.evictions++;
      this.events.onEvict(victim);
    }
    const at = key * FIELDS;
    const slots = this.slots;
    slots[at + CHARGED] = size;
    slots[at + VERSION] = version;
    slots[at + FILLED] = now;
    slots[at + EXPIRES] = ttl === undefined ? Number.POSITIVE_INFINITY : now + ttl;
    this.used += size;
    if (this.used > this.peakUsed) this.peakUsed = this.used;
    this.entries++;
    this.policy.insert(key, size);
    if (ttl !== undefined && this.policy.expire) this.policy.expire(key, now + ttl);
    if (ttl !== undefined && this.volatileKeys) this.volatileKeys.add(key, 1);
    this.events.onBytes(this.used);
    return true;
  }

  /** Removes the key if its TTL has passed (an active expiry sample); returns whether it did. */
  expireIfDue(key: number, now: number): boolean {
    if (!this.has(key) || this.slots[key * FIELDS + EXPIRES] > now) return false;
    this.drop(key);
    this.events.onExpire(key);
    return true;
  }

  /** Removes the key if present (DEL); returns whether it was there. */
  delete(key: number): boolean {
    if (!this.has(key)) return false;
    this.drop(key);
    return true;
  }

  /** Removes everything (FLUSHALL, a restart with no persistence, a cold deploy). */
  clear(): void {
    for (let k = 0; k < this.maxKeys; k++) if (this.has(k)) this.drop(k);
  }

  /** Recomputes occupancy from the entries; throws when tracking has drifted (end-of-run invariant). */
  checkInvariants(label: string): void {
    let used = 0;
    let entries = 0;
    for (let k = 0; k < this.maxKeys; k++)
      if (this.has(k)) {
        used += this.slots[k * FIELDS + CHARGED];
        entries++;
      }
    if (used !== this.used || entries !== this.entries)
      throw new Error(`${label}: tracked ${this.used} bytes in ${this.entries} entries, recomputed ${used} in ${entries}`);
    if (this.used > this.capacity) throw new Error(`${label}: holds ${this.used}, over capacity ${this.capacity}`);
    if (this.policy.size !== entries) throw new Error(`${label}: policy tracks ${this.policy.size} entries, store holds ${entries}`);
    this.policy.finished?.();
  }

  private drop(key: number): void {
    this.policy.remove(key);
    this.forget(key);
  }

  /** Forgets an entry the policy has already let go of. */
  private forget(key: number): void {
    const at = key * FIELDS + CHARGED;
    this.volatileKeys?.delete(key);
    this.used -= this.slots[at];
    this.slots[at] = 0;
    this.entries--;
    this.events.onBytes(this.used);
  }
}

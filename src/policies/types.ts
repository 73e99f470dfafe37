/**
 * The eviction-policy contract shared by every cache tier and by trace replay.
 *
 * A policy only orders entries and picks victims. It knows nothing of latency or
 * TTLs; the store that owns it decides *when* to evict (until the new entry fits)
 * and tells the policy about every insert, hit and removal. Keys are dense
 * non-negative integers below `maxKeys` (string keys exist only at the edges).
 *
 * Call protocol, driven by the store:
 *   miss:    while (used + size > capacity) { victim = policy.evict(); store forgets victim }
 *            policy.insert(key, size)
 *   hit:     policy.touch(key)
 *   delete / expiry / overwrite-with-new-size: policy.remove(key) (then insert again if re-added)
 * `evict()` removes the victim from the policy's own structures and returns its key;
 * it returns -1 only when the policy holds nothing.
 */
export interface EvictionPolicy {
  readonly name: string;
  insert(key: number, size: number): void;
  touch(key: number): void;
  remove(key: number): void;
  evict(): number;
  /** Entries the policy currently tracks as resident (not ghosts). */
  readonly size: number;

  // ---- Optional members (added for replay; a store that never calls them still works) ----

  /**
   * Announces a miss for `key` before the store's first `evict()` for it. Policies whose
   * victim choice depends on the incoming key (ARC's REPLACE tests `x ∈ B2`; W-TinyLFU
   * records the key in its sketch before the admission contest) follow their paper
   * exactly only when the store calls this; without it they fall back to deciding at `insert`.
   */
  miss?(key: number, size: number): void;
  /** Tells the policy the absolute expiry time (µs) of a resident key; only TTL-ordered policies use it. */
  expire?(key: number, atUs: number): void;
  /** Offline policies (Belady) learn the index of the request about to be served. */
  seek?(requestIndex: number): void;
  /** Raises `maxKeys` (never lowers it): replay grows key ids while it streams a trace. */
  grow?(maxKeys: number): void;
  /** End-of-run invariant check: throws if occupancy > capacity or tracked size ≠ recomputed size. */
  finished?(): void;
}

/** What a store tells a policy when it creates it. */
export interface PolicyContext {
  /** Capacity in the store's unit (bytes, or items when every size is 1). */
  readonly capacity: number;
  /** Upper bound (exclusive) of key ids; typed arrays may be sized by it. */
  readonly maxKeys: number;
  /** Seeded uniform [0,1) source for randomized policies (never Math.random). */
  readonly random: () => number;
  /** Current simulated time in microseconds, for policies that model a clock (Redis LRU/LFU). */
  readonly now: () => number;
  /** Policy-specific options from the scenario (e.g. { samples: 5 }). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export type PolicyFactory = (ctx: PolicyContext) => EvictionPolicy;

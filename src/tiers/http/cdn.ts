/**
 * CDN edges: one PoP per region, each a byte-bounded store with its own policy,
 * plus what HTTP caching needs beside the entries: the origin fetch in flight per
 * object (request coalescing, as Varnish and nginx `proxy_cache_lock` do: the first
 * miss fetches, later misses wait on a list threaded through the requests), the
 * background revalidation in flight per object (stale-while-revalidate starts one),
 * and egress accounting (bytes the edge served, bytes it fetched from the origin).
 * A PoP stores no expiry: freshness is judged by the HTTP rules from `filledAt`.
 */
import type { Store } from '../store.ts';

export class CdnEdges {
  readonly hits: Float64Array;
  readonly misses: Float64Array;
  /** Head of the waiting list per (pop, key): a request index, −1 when no fetch is in flight. */
  readonly inflight: Int32Array;
  readonly revalidating: Uint8Array;
  egressBytes = 0;
  originBytes = 0;
  coalesced = 0;
  passes = 0;
  staleServed = 0;
  staleIfError = 0;
  revalidations = 0;

  constructor(
    readonly stores: Store[],
    readonly maxKeys: number,
    readonly coalesce: boolean,
    readonly pricePerGB: number | undefined,
  ) {
    const n = stores.length * maxKeys;
    this.hits = new Float64Array(stores.length);
    this.misses = new Float64Array(stores.length);
    this.inflight = new Int32Array(n).fill(-1);
    this.revalidating = new Uint8Array(n);
  }

  slot(pop: number, key: number): number {
    return pop * this.maxKeys + key;
  }

  /** Purges a PoP's (or every PoP's) copies of keys in [from, to). */
  purge(from: number, to: number, pop = -1): void {
    this.stores.forEach((s, p) => {
      if (pop >= 0 && p !== pop) return;
      for (let k = from; k < to; k++) s.delete(k);
    });
  }

  egressCost(): number | undefined {
    return this.pricePerGB === undefined ? undefined : (this.egressBytes / 1e9) * this.pricePerGB;
  }
}

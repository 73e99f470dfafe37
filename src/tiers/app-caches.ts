/**
 * In-process caches, one per app server: each server holds its own copy, so ten
 * servers hold ten copies and a write invalidated on one server stays stale on
 * the others until their TTL. Capacity counts entries (every size is 1).
 */
import type { Store } from './store.ts';

export class AppCaches {
  readonly hits: Float64Array;
  readonly misses: Float64Array;

  constructor(
    readonly stores: Store[],
    readonly ttl: number | undefined,
  ) {
    this.hits = new Float64Array(stores.length);
    this.misses = new Float64Array(stores.length);
  }
}

/**
 * Per-instance rows (one per CDN PoP, app server, Redis node, plus the browsers as
 * one row) and per-layer extra counters of the hierarchy, for the collect phase.
 * Conservation holds per row: lookups = hits + misses; the CDN also counts
 * `passes` (responses it may not store, e.g. `private`, forwarded uncounted).
 * Instance rows count the whole run, warm-up included (layer totals leave it out).
 */
import type { VariantResult } from '../metrics/result.ts';
import type { LayerStats } from '../metrics/collector.ts';
import type { AppCaches } from './app-caches.ts';
import type { RedisTier } from './redis.ts';
import type { FrontBuild } from './http/build-front.ts';
import type { ActiveExpiry } from './redis-expiry.ts';

type Instance = VariantResult['instances'][number];

export function hierarchyInstances(
  front: FrontBuild | undefined,
  regionNames: readonly string[],
  app: AppCaches | undefined,
  browserStats: LayerStats | undefined,
): Instance[] {
  const rows: Instance[] = [];
  if (front?.browser && browserStats)
    rows.push({ layer: 'browser', instance: 'all-clients', hits: browserStats.hits, misses: browserStats.misses, evictions: front.browser.evictions, peakBytes: front.browser.peakBytes });
  const cdn = front?.cdn;
  if (cdn)
    cdn.stores.forEach((s, p) =>
      rows.push({ layer: 'cdn', instance: `pop-${regionNames[p]}`, hits: cdn.hits[p], misses: cdn.misses[p], evictions: s.evictions, peakBytes: s.peakUsed }),
    );
  if (app)
    app.stores.forEach((s, i) =>
      rows.push({ layer: 'app', instance: `app-${i + 1}`, hits: app.hits[i], misses: app.misses[i], evictions: s.evictions, peakBytes: s.peakUsed }),
    );
  return rows;
}

export function hierarchyExtras(front: FrontBuild | undefined, redis: RedisTier | undefined, redisOom: number, expiry: ActiveExpiry | undefined): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const cdn = front?.cdn;
  if (cdn) {
    const cost = cdn.egressCost();
    out.cdn = {
      egressBytes: cdn.egressBytes,
      originBytes: cdn.originBytes,
      coalesced: cdn.coalesced,
      passes: cdn.passes,
      staleServed: cdn.staleServed,
      staleIfError: cdn.staleIfError,
      revalidations: cdn.revalidations,
      ...(cost === undefined ? {} : { egressCost: cost }),
    };
  }
  if (front?.browser)
    out.browser = {
      staleServed: front.front.browserStale,
      revalidations: front.front.browserRevalidations,
      staleIfError: front.front.browserStaleIfError,
      clients: front.clients.count,
    };
  if (redis) out.redis = { oomErrors: redisOom, ...(expiry ? { activeExpired: expiry.expired, activeExpiryCycles: expiry.cycles } : {}) };
  return out;
}

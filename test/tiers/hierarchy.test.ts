/**
 * The hierarchy end to end through `simulate`: conservation at every layer, servedBy
 * summing to 1, the HTTP rules in action (private skips the CDN, coalescing sends one
 * fetch per object, stale-while-revalidate hides the origin), and layer routing.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { normalizeVariants } from '../../src/model/run-scenario.ts';
import { simulate } from '../../src/model/simulate.ts';
import type { CacheLayerSummary, VariantResult } from '../../src/metrics/result.ts';
import { buildModel } from '../../src/model/build.ts';
import { CDN } from '../../src/metrics/layers.ts';

function run(yaml: string): VariantResult[] {
  return normalizeVariants(loadScenarioText(yaml, 'test.yaml')).map((v) => simulate(v.scenario, { name: v.name }).result);
}

const base = (keyspaces: string, hierarchy: string, extra = '') => `
horizon: 60s
warmup: 10s
clients: { count: 2000, regions: [{ name: a, weight: 2, edgeLatency: 20ms, originLatency: 50ms }, { name: b, edgeLatency: 30ms, originLatency: 100ms }] }
keyspaces:
${keyspaces}
hierarchy:
${hierarchy}
  database: { connections: 100, service: 200ms, timeout: 5s }
${extra}`;

const layer = (r: VariantResult, name: string) => r.summary.layers[name] as CacheLayerSummary;

describe('hierarchy', () => {
  const full = run(
    base(
      `  - { name: assets, keys: 500, rate: 500/s, popularity: { zipf: 1.0 }, valueSize: 20KB, cacheControl: "public, max-age=30", layers: [browser, cdn] }
  - { name: profile, keys: 5000, rate: 300/s, popularity: { zipf: 0.8 }, cacheControl: "private, max-age=20", ttl: 60s, layers: [browser, redis] }
  - { name: flags, keys: 20, rate: 100/s, layers: [app] }`,
      `  browser: { entries: 8 }
  cdn: { capacity: 5MB, pricePerGB: 0.1 }
  app: { servers: 4, balance: least-connections, capacity: 1000, ttl: 10s }
  redis: { capacity: 10MB, maxmemoryPolicy: allkeys-lfu }`,
    ),
  )[0];

  it('conservation_eachLayer_lookupsEqualHitsPlusMisses_andServedBySumsTo1', () => {
    const s = full.summary;
    const served = Object.values(s.servedBy).reduce((a, b) => a + b, 0);
    expect(served).toBeCloseTo(1, 12);
    for (const name of ['browser', 'cdn', 'app', 'redis']) {
      const rows = full.instances.filter((r) => r.layer === name);
      expect(rows.length).toBeGreaterThan(0);
      expect(layer(full, name).hits + layer(full, name).misses).toBeGreaterThan(0);
    }
    // Every client read is answered by exactly one layer or fails.
    const answered = Object.values(s.servedBy).length > 0 ? s.requests.reads - (s.requests.errors ?? 0) : 0;
    const byLayer = Object.values(s.latencyByLayerMs ?? {}).reduce((a, l) => a + l.count, 0);
    expect(byLayer).toBe(answered);
    // The CDN forwards what it misses: its misses reach the origin, whose layers see them.
    const cdn = layer(full, 'cdn');
    expect(cdn.originBytes).toBeGreaterThan(0);
    expect(cdn.egressCost).toBeCloseTo(((cdn.egressBytes as number) / 1e9) * 0.1, 9);
    // Requests reaching app servers = app hits + misses; the flags never leave the app layer.
    expect(s.servedBy.app).toBeGreaterThan(0.05);
  });

  it('private_isStoredByTheBrowser_butNeverByTheCdn', () => {
    // Only `assets` may reach the CDN; every CDN lookup is for it (500/s of 900/s reads).
    const cdn = layer(full, 'cdn');
    const browser = layer(full, 'browser');
    const total = full.summary.requests.reads;
    expect((cdn.hits + cdn.misses) / total).toBeLessThan(0.56);
    expect(browser.hits).toBeGreaterThan(0);
  });

  it('latencyByLayer_browserIsZero_cdnIsTheEdgeRoundTrip', () => {
    const l = full.summary.latencyByLayerMs ?? {};
    expect(l.browser.p99).toBe(0);
    expect(l.cdn.p50).toBeGreaterThanOrEqual(19);
    expect(l.cdn.p50).toBeLessThan(31);
    expect(l.database.p50).toBeGreaterThan(200);
  });

  const swr = (cc: string, coalesce: boolean) =>
    run(
      base(
        `  - { name: api, keys: 1, rate: 1000/s, valueSize: 1KB, cacheControl: "${cc}", layers: [cdn] }`,
        `  cdn: { capacity: 1MB, coalesce: ${coalesce} }`,
      ),
    )[0];

  it('coalescing_oneOriginFetchPerExpiry_withoutIt_everyMissFetches', () => {
    const on = swr('public, max-age=5', true);
    const off = swr('public, max-age=5', false);
    const dbOn = (on.summary.layers.database as { reads: number }).reads;
    const dbOff = (off.summary.layers.database as { reads: number }).reads;
    // 50 s measured / (5 s fresh + 0.2 s fetch) ≈ 10 expiries per PoP × 2 PoPs.
    expect(dbOn).toBeGreaterThanOrEqual(16);
    expect(dbOn).toBeLessThanOrEqual(24);
    // Without coalescing each expiry lets ~λ·(fetch time) misses through: 1000/s × ⅔ × ~0.3 s.
    expect(dbOff).toBeGreaterThan(10 * dbOn);
  });

  it('conservation_drained_cdnLookupsEqualAnsweredReads', () => {
    for (const coalesce of [true, false]) {
      const yaml = base(`  - { name: api, keys: 50, rate: 1000/s, valueSize: 1KB, cacheControl: "public, max-age=5", layers: [cdn] }`, `  cdn: { capacity: 1MB, coalesce: ${coalesce} }`);
      const [v] = normalizeVariants(loadScenarioText(yaml, 'test.yaml'));
      const m = buildModel(v.scenario);
      m.sim.run(); // arrivals stop at the horizon; running on drains every request in flight
      const cdn = m.metrics.layers[CDN]!;
      expect(m.path.pool.inFlight).toBe(0);
      expect(cdn.hits + cdn.misses).toBe(m.metrics.reads);
      expect(m.metrics.errors).toBe(0);
    }
  });

  it('staleWhileRevalidate_clientsNeverWaitForTheOrigin_andOneRevalidationPerExpiry', () => {
    const r = swr('public, max-age=5, stale-while-revalidate=10', true);
    const cdn = layer(r, 'cdn');
    expect(r.summary.latencyMs.p99).toBeLessThan(40); // edge round trips only (20 and 30 ms)
    expect(cdn.revalidations).toBeGreaterThanOrEqual(16);
    expect(cdn.revalidations).toBeLessThanOrEqual(26);
    expect(cdn.misses).toBeLessThanOrEqual(2); // the first fetch per PoP
  });

  it('staleIfError_originDown_servesTheStaleCopy', () => {
    const [r] = run(
      base(
        `  - { name: api, keys: 1, rate: 200/s, valueSize: 1KB, cacheControl: "public, max-age=2, stale-if-error=600", layers: [cdn] }`,
        `  cdn: { capacity: 1MB }`,
        `faults:\n  - { at: 20s, kind: database.outage, duration: 20s }`,
      ),
    );
    const cdn = layer(r, 'cdn');
    expect(cdn.staleIfError).toBeGreaterThan(0);
    expect(r.summary.requests.errors).toBe(0);
  });
});

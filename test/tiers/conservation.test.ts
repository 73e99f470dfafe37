/**
 * Conservation through the whole hierarchy, on a drained run (no warm-up, the queue run
 * to empty so nothing is in flight): what a layer misses is exactly what the next layer
 * is asked, and the database reads exactly what Redis missed (no stampede protection, so
 * no retries), and every read is answered by exactly one layer.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { normalizeVariants } from '../../src/model/run-scenario.ts';
import { buildModel } from '../../src/model/build.ts';
import { APP, BROWSER, CDN, DATABASE, REDIS } from '../../src/metrics/layers.ts';

const yaml = `
horizon: 30s
clients: { count: 500, regions: [{ name: a, edgeLatency: 10ms, originLatency: 30ms }, { name: b, edgeLatency: 20ms, originLatency: 60ms }] }
keyspaces:
  - { name: api, keys: 3000, rate: 2k/s, popularity: { zipf: 0.9 }, ttl: 8s, cacheControl: "public, max-age=4" }
hierarchy:
  browser: { entries: 4 }
  cdn: { capacity: 2MB, coalesce: false }
  app: { servers: 3, capacity: 300, ttl: 2s }
  redis: { capacity: 1MB, latency: 1ms }
  database: { connections: 200, service: { dist: exponential, mean: 5ms }, latency: 1ms }
`;

describe('conservation across layers', () => {
  it('eachLayersMisses_areTheNextLayersLookups_andEveryReadIsAnsweredOnce', () => {
    const [v] = normalizeVariants(loadScenarioText(yaml, 'test.yaml'));
    const m = buildModel(v.scenario);
    m.sim.run();
    expect(m.path.pool.inFlight).toBe(0);
    const [browser, cdn, app, redis] = [BROWSER, CDN, APP, REDIS].map((l) => m.metrics.layers[l]!);
    expect(browser.hits + browser.misses).toBe(m.metrics.reads);
    expect(cdn.hits + cdn.misses).toBe(browser.misses);
    expect(app.hits + app.misses).toBe(cdn.misses);
    expect(redis.hits + redis.misses).toBe(app.misses);
    expect(m.metrics.db.reads).toBe(redis.misses);
    expect(m.metrics.errors).toBe(0);
    const served = m.metrics.servedBy;
    expect(served[BROWSER]).toBe(browser.hits);
    expect(served[CDN]).toBe(cdn.hits);
    expect(served[APP]).toBe(app.hits);
    expect(served[REDIS]).toBe(redis.hits);
    expect(served[DATABASE]).toBe(redis.misses);
    // Every layer saw real traffic, so the equalities above are not 0 = 0.
    for (const l of [browser, cdn, app, redis]) expect(l.hits).toBeGreaterThan(100);
    expect(redis.misses).toBeGreaterThan(100);
  });
});

describe('per-instance rows', () => {
  it('instanceRows_sumToTheLayerTotals_warmupExcludedFromBoth', async () => {
    const { runYaml } = await import('../helpers/run.ts');
    const r = runYaml(`${yaml.replace('horizon: 30s', 'horizon: 30s\nwarmup: 10s')}`).baseline;
    for (const layer of ['cdn', 'app']) {
      const rows = r.instances.filter((i) => i.layer === layer);
      expect(rows.length).toBeGreaterThan(1);
      const total = r.summary.layers[layer] as { hits: number; misses: number };
      expect(rows.reduce((a, i) => a + i.hits, 0)).toBe(total.hits);
      expect(rows.reduce((a, i) => a + i.misses, 0)).toBe(total.misses);
    }
  });
});

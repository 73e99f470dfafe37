/** One behaviour per fault kind, and their timeline annotations. */
import { describe, expect, it } from 'vitest';
import { runResult } from '../strategies/helpers.ts';

function base(faults: object[], extra: object = {}) {
  return {
    seed: 2,
    horizon: '40s',
    bucket: '1s',
    keyspaces: [{ name: 'users', keys: 2000, rate: 2000, ttl: '1h', popularity: { zipf: 0.8 } }],
    hierarchy: {
      app: { servers: 2, capacity: 500, ttl: '10s' },
      redis: { capacity: '1GB', latency: '1ms', connectTimeout: '100ms' },
      database: { connections: 200, service: '5ms', latency: '0.5ms', timeout: '2s' },
    },
    faults,
    ...extra,
  };
}
const series = (r: ReturnType<typeof runResult>, metric: string) => r.series.find((s) => s.metric === metric)!.values;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('faults', () => {
  it('redisRestart_warmCache_databaseSurgeThenRecovery', () => {
    const r = runResult(base([{ kind: 'redis.restart', at: '20s' }]));
    const qps = series(r, 'database.qps');
    expect(qps[20]).toBeGreaterThan(5 * qps[18]);
    expect(qps[35]).toBeLessThan(qps[20] / 2);
    expect(r.events).toContainEqual({ tSeconds: 20, kind: 'fault', label: 'redis.restart' });
  });

  it('redisOutage_cacheAside_fallsBackToTheDatabase', () => {
    const r = runResult(base([{ kind: 'redis.outage', at: '20s', duration: '5s' }]));
    expect(r.summary.requests.errors).toBe(0);
    expect(r.summary.layers.redis.errors).toBeGreaterThan(1000);
    const qps = series(r, 'database.qps');
    expect(qps[22]).toBeGreaterThan(5 * qps[18]);
    expect(r.events.find((e) => e.kind === 'fault')?.durationSeconds).toBe(5);
  });

  it('redisFlush_writeBehind_losesTheDirtyWrites', () => {
    const r = runResult({ ...base([{ kind: 'redis.flush', at: '20.5s' }]), keyspaces: [{ name: 'users', keys: 2000, rate: 2000, writes: 0.2, ttl: '1h' }], strategy: { write: 'write-behind' } });
    expect(r.summary.writes.lost).toBeGreaterThan(100);
  });

  it('databaseSlowdown_tenfoldServiceTime_raisesMissLatency', () => {
    const plain = runResult(base([]));
    const slow = runResult(base([{ kind: 'database.slowdown', at: '0s', duration: '40s', factor: 10 }]));
    expect(slow.summary.latencyMs.max).toBeGreaterThan(8 * 5);
    expect(slow.summary.latencyMs.mean).toBeGreaterThan(plain.summary.latencyMs.mean);
  });

  it('databaseSlowdown_ends_andLatencyReturnsToNormal', () => {
    // A 200 ms TTL makes most reads miss, so the p99 of each bucket is a database read.
    const missy = { keyspaces: [{ name: 'users', keys: 2000, rate: 2000, ttl: '200ms' }] };
    const plain = series(runResult(base([], missy)), 'latency.p99Ms');
    const r = runResult(base([{ kind: 'database.slowdown', at: '10s', duration: '10s', factor: 10 }], missy));
    const p99 = series(r, 'latency.p99Ms');
    // Misses take ~5 ms normally and ~50 ms slowed: p99 over a bucket shows which.
    expect(p99[15]).toBeGreaterThan(40);
    expect(p99[30]).toBeLessThan(15);
    expect(p99[30]).toBeCloseTo(plain[30], 0);
  });

  it('databaseOutage_requestsThatMiss_fail_onlyDuringTheOutage', () => {
    const r = runResult(base([{ kind: 'database.outage', at: '10s', duration: '5s' }]));
    expect(r.summary.requests.errors).toBeGreaterThan(0);
    expect(r.summary.layers.database.errors).toBe(r.summary.requests.errors);
    const after = runResult(base([{ kind: 'database.outage', at: '1s', duration: '1s' }]));
    const early = runResult(base([{ kind: 'database.outage', at: '1s', duration: '1s' }], { horizon: '2.1s' }));
    expect(after.summary.requests.errors).toBeGreaterThan(0);
    expect(after.summary.requests.errors).toBe(early.summary.requests.errors); // nothing fails after it ends
  });

  it('appDeploy_rollingRestart_inProcessCachesStartCold', () => {
    const warm = base([{ kind: 'app.deploy', at: '20s', duration: '2s' }]);
    const r = runResult({ ...warm, hierarchy: { ...warm.hierarchy, app: { servers: 2, capacity: 2000, ttl: '1h' } } });
    const misses = series(r, 'app.misses');
    expect(misses[20] + misses[21]).toBeGreaterThan(2 * (misses[17] + misses[18]));
  });

  it('latencySpike_onRedis_addsToEveryRoundTrip', () => {
    const spiked = base([{ kind: 'latency.spike', at: '0s', duration: '40s', link: 'redis', add: '20ms' }]);
    const { app: _app, ...noApp } = spiked.hierarchy;
    const r = runResult({ ...spiked, hierarchy: noApp });
    expect(r.summary.latencyMs.p50).toBeGreaterThan(20);
    expect(r.events[0].label).toBe('latency.spike +20ms on redis');
  });

  it('cdnPurge_withoutACdn_isAnInputError', () => {
    expect(() => runResult(base([{ kind: 'cdn.purge', at: '5s' }]))).toThrow(/faults\[0\]\.kind: a cdn\.purge needs a CDN/);
  });
});

describe('simulation kernel under a cold-start surge', () => {
  it('eventQueueGrowsDuringARun_keepsTheClockFinite', async () => {
    const { Simulation } = await import('../../src/engine/simulation.ts');
    const sim = new Simulation(4);
    let last = 0;
    const spawn = (n: number) => {
      last = sim.now;
      if (n > 0) for (let k = 0; k < 3; k++) sim.schedule(1 + k, () => spawn(n - 1));
    };
    sim.schedule(0, () => spawn(6));
    sim.run(1000);
    // 1 + 3 + 9 + … + 3^6 events (the heap grows from 4 slots mid-run); the deepest chain ends at 6 × 3.
    expect(sim.executed).toBe((3 ** 7 - 1) / 2);
    expect(last).toBe(18);
  });
});

describe('mutex during a Redis outage', () => {
  it('mutex_redisUnreachable_fallsBackToTheDatabase_insteadOfWaitingForTheLock', () => {
    const r = runResult({ ...base([{ kind: 'redis.outage', at: '20s', duration: '5s' }]), strategy: { stampede: 'mutex' } });
    const qps = series(r, 'database.qps');
    // Reads keep reaching the database during the outage, and no burst follows it.
    expect(Math.min(qps[21], qps[22], qps[23])).toBeGreaterThan(500);
    expect(qps[25]).toBeLessThan(2 * qps[22]);
    expect(r.summary.requests.errors).toBe(0);
    // Each fallback waits out two connect timeouts (GET, then the lock), not the whole outage.
    expect(r.summary.latencyMs.max).toBeLessThan(1000);
  });
});

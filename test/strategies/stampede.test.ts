/**
 * One behaviour per stampede strategy, on one hot key read 1000/s with a 2 s TTL
 * and a 50 ms recompute (1 + λd = 51 loads per expiry without protection).
 */
import { describe, expect, it } from 'vitest';
import type { Handler } from '../../src/engine/simulation.ts';
import { model, run, runResult } from './helpers.ts';
import { runModel } from '../../src/model/simulate.ts';

function hotKey(strategy: object, servers = 1) {
  return {
    seed: 3,
    horizon: '60s',
    warmup: '5s',
    keyspaces: [{ name: 'feed', keys: 1, rate: 1000, ttl: '2s' }],
    hierarchy: {
      ...(servers > 1 ? { app: { servers, capacity: 10, ttl: '1ms' } } : {}),
      redis: { capacity: '1GB', latency: '0.5ms' },
      database: { connections: 200, service: '50ms', latency: 0 },
    },
    strategy,
  };
}

describe('stampede strategies', () => {
  it('mutex_hotKeyExpiry_sendsExactlyOneLoad', () => {
    const s = run(hotKey({ stampede: 'mutex' }));
    expect(s.stampede.expiries).toBeGreaterThan(20);
    expect(s.stampede.dbLoadsPerExpiry.max).toBe(1);
    expect(s.stampede.dbLoadsPerExpiry.mean).toBe(1);
  });

  it('coalesce_fourServers_atMostOneLoadPerKeyPerServerAtATime', () => {
    const m = model(hotKey({ stampede: 'coalesce' }, 4));
    const inFlight = new Map<string, number>();
    let max = 0;
    const dbRead = m.path.dbRead.bind(m.path);
    m.path.dbRead = (i: number, then: Handler) => {
      const r = m.path.req(i);
      const id = `${r.server}:${r.key}`;
      const n = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, n);
      max = Math.max(max, n);
      dbRead(i, (j) => {
        inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
        then(j);
      });
    };
    runModel(m);
    expect(max).toBe(1);
    m.metrics.stampede.finish();
    const st = m.metrics.stampede.summary();
    expect(st.expiries).toBeGreaterThan(20);
    expect(st.max).toBeLessThanOrEqual(4);
  });

  it('earlyExpiration_hotKey_recomputesBeforeTheKeyExpires', () => {
    const s = run(hotKey({ stampede: 'early-expiration' }));
    const x = s.stampede as Record<string, number>;
    expect(x.recomputeCycles).toBeGreaterThan(20);
    expect(x.earlyCycles).toBe(x.recomputeCycles); // P(no early decision) = e^{-50}
    expect(s.layers.redis.misses).toBe(0);
    expect(x.recomputesPerCycle).toBeLessThan(4);
  });

  it('staleWhileRevalidate_hotKeyExpiry_oneBackgroundLoadAndNoReaderWaits', () => {
    const s = run(hotKey({ stampede: 'stale-while-revalidate', staleWhileRevalidate: { window: '5s' } }));
    expect(s.stampede.expiries).toBeGreaterThan(20);
    expect(s.stampede.dbLoadsPerExpiry.max).toBe(1);
    expect(s.latencyMs.max).toBeLessThan(10); // nobody waits for the 50 ms query
    expect((s.stampede as Record<string, number>).staleServes).toBeGreaterThan(0);
  });

  it('none_hotKeyExpiry_sendsAboutOnePlusLambdaDLoads', () => {
    const s = run(hotKey({ stampede: 'none' }));
    expect(s.stampede.dbLoadsPerExpiry.mean).toBeGreaterThan(40);
  });

  it('ttlJitter_coldStartOfManyKeys_spreadsTheSynchronizedExpiry', () => {
    // Peak database QPS after the first expiry (the cold start itself is the same for both).
    const peakAfterExpiry = (stampede: string) => {
      const r = runResult({
        seed: 5,
        horizon: '90s',
        bucket: '1s',
        keyspaces: [{ name: 'products', keys: 1000, rate: 5000, ttl: '40s' }],
        hierarchy: { redis: { capacity: '1GB', latency: 0 }, database: { connections: 5000, service: '10ms', latency: 0 } },
        strategy: { stampede, ttlJitter: stampede === 'ttl-jitter' ? 0.2 : 0 },
      });
      const qps = r.series.find((x) => x.metric === 'database.qps')!.values;
      return Math.max(...qps.slice(30));
    };
    const plain = peakAfterExpiry('none');
    const jittered = peakAfterExpiry('ttl-jitter');
    // Without jitter the 1000 keys filled in the first second expire within one second at 40 s; ±20% spreads them over 16 s.
    expect(plain).toBeGreaterThan(800);
    expect(jittered).toBeLessThan(plain / 4);
  });
});

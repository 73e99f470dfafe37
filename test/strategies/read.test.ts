/** One behaviour per read strategy. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

function hotKey(strategy: object) {
  return {
    seed: 4,
    horizon: '60s',
    warmup: '5s',
    keyspaces: [{ name: 'feed', keys: 1, rate: 1000, ttl: '2s' }],
    hierarchy: {
      app: { servers: 4, capacity: 10, ttl: '1ms' },
      redis: { capacity: '1GB', latency: '0.5ms' },
      database: { connections: 200, service: '50ms', latency: 0 },
    },
    strategy,
  };
}

describe('read strategies', () => {
  it('readThrough_fourServersOneHotKey_cacheLoadsOncePerExpiry', () => {
    const s = run(hotKey({ read: 'read-through' }));
    expect(s.stampede.expiries).toBeGreaterThan(20);
    expect(s.stampede.dbLoadsPerExpiry.max).toBe(1);
    expect((s.stampede as Record<string, number>).coalescedWaits).toBeGreaterThan(1000);
  });

  it('refreshAhead_hotKey_reloadsBeforeExpirySoReadersNeverMiss', () => {
    const s = run(hotKey({ read: 'refresh-ahead', refreshAhead: { fraction: 0.2 } }));
    expect(s.layers.redis.misses).toBe(0);
    expect((s.stampede as Record<string, number>).refreshAheadLoads).toBeGreaterThan(20);
    expect(s.latencyMs.max).toBeLessThan(10);
  });

  it('cacheAside_hotKeyWithoutProtection_everyMissLoads', () => {
    const s = run(hotKey({ read: 'cache-aside' }));
    expect(s.stampede.dbLoadsPerExpiry.mean).toBeGreaterThan(20);
  });
});

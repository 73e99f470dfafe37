/**
 * Periodic in-process refresh (`keyspaces[].appRefresh`, src/tiers/app-refresh.ts):
 * a refreshed keyspace stops missing in-process after the first refresh, its
 * staleness in-process is bounded by the period, and the refresh's cost appears
 * exactly in Redis commands and database reads.
 *
 * Common setup: 4 app servers, P = 1 s, so server s refreshes at 0.25·(s+1) s + n s
 * (0.25, 0.5, 0.75, 1.0, 1.25, …); over a 60 s horizon servers 0–2 refresh 60 times
 * and server 3 (first at 1.0 s) 59 times.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../helpers/run.ts';
import type { CacheLayerSummary, VariantResult } from '../../src/metrics/result.ts';

const KEYS = 20;
const SERVERS = 4;
const P_MS = 1000;
const HORIZON_MS = 60_000;

/** Refreshes started at or after `fromMs` and before the horizon, over all servers. */
function ticks(fromMs: number, toMs = HORIZON_MS): number {
  let n = 0;
  for (let s = 0; s < SERVERS; s++) for (let t = (P_MS * (s + 1)) / SERVERS; t < HORIZON_MS; t += P_MS) if (t >= fromMs && t < toMs) n++;
  return n;
}

const scenario = (o: { refresh?: string; layers?: string; writes?: string; redis?: boolean; warmup?: string; extra?: string; rate?: string }) => `
horizon: 60s
warmup: ${o.warmup ?? '2s'}
bucket: 1s
keyspaces:
  - name: flags
    keys: ${KEYS}
    rate: ${o.rate ?? '2000/s'}
    writes: ${o.writes ?? '0'}
    layers: ${o.layers ?? '[app, redis]'}
${o.refresh ? `    appRefresh: ${o.refresh}\n` : ''}hierarchy:
  app: { servers: ${SERVERS}, capacity: 1000, ttl: 5s }
${o.redis === false ? '' : '  redis: { capacity: 10MB, latency: 1ms }\n'}  database: { connections: 50, service: 0, writeService: 0, latency: 1ms }
${o.extra ?? ''}`;

const one = (yaml: string): VariantResult => {
  const all = Object.values(runYaml(yaml));
  expect(all).toHaveLength(1);
  return all[0];
};
const layer = (r: VariantResult, name: string) => r.summary.layers[name] as CacheLayerSummary;
const appStaleness = (r: VariantResult) => (r.summary.stalenessByLayer as Record<string, Record<string, number>>).app;
const series = (r: VariantResult, metric: string): number[] => {
  const s = r.series.find((x) => x.metric === metric);
  if (!s) throw new Error(`no series ${metric}`);
  return s.values;
};

describe('appRefresh', () => {
  it('inProcessHitRatio_isOneAfterTheFirstRefresh_whereTheTtlAloneKeepsMissing', () => {
    const refreshed = one(scenario({ refresh: '1s' }));
    const plain = one(scenario({}));
    // After warm-up (2 s > every server's first refresh at ≤ 1 s + 1 ms) nothing misses in-process.
    expect(layer(refreshed, 'app').hits).toBeGreaterThan(100_000);
    expect(layer(refreshed, 'app').misses).toBe(0);
    expect(layer(refreshed, 'app').hitRatio).toBe(1);
    // Misses happen only before the first refresh: in the buckets [0, 1 s) and [1 s, 2 s) (server 3's lands at 1.001 s).
    const misses = series(refreshed, 'app.misses');
    expect(misses[0]).toBeGreaterThan(0);
    expect(misses.slice(2).reduce((a, b) => a + b, 0)).toBe(0);
    // Without the refresh every copy expires after the 5 s app TTL: 20 keys × 4 servers miss again every ~5 s.
    expect(layer(plain, 'app').hitRatio).toBeLessThan(0.995);
    expect(misses.length).toBe(series(plain, 'app.misses').length);
  });

  it('writes_becomeVisibleInProcessWithinOnePeriodPlusTheRefreshLatency', () => {
    /*
     * Bound. Constant latencies: Redis rtt R = 1 ms, database rtt D = 1 ms, service 0.
     * A write commits at w (invalidate: database first, then DEL in Redis). Redis stops
     * holding the superseded value at w + δ, δ = D/2 (reply to the writer) + R/2 (the
     * DEL reaching Redis). With service time 0 no read-then-set race can put the old
     * value back (a reader that snapshot before w SETs before the DEL), and the refresher
     * never writes to Redis, so after w + δ neither Redis nor a refresh brings it back.
     * The first refresh whose MGET executes at or after w + δ starts at t < w + δ − R/2 + P,
     * misses in Redis and reads the database (current version), and installs at
     * t + R + D + 0. Every other in-process copy of the old value was stored earlier
     * (client fills finish within w + δ + R/2). So the stale copy is gone by
     *   w + P + δ − R/2 + R + D = w + P + R + 1.5·D,
     * and an in-process read is at most P + R + 1.5·D = 1002.5 ms stale.
     */
    const bound = P_MS + 1 + 1.5 * 1;
    const yaml = (refresh?: string) => scenario({ refresh, writes: '10%', rate: '500/s', extra: 'strategy: { write: invalidate }' });
    const refreshed = one(yaml('1s'));
    const plain = one(yaml());
    const app = appStaleness(refreshed);
    expect(app.staleReads).toBeGreaterThan(50); // the bound is not vacuous: other servers do serve stale copies
    expect(app.maxAgeMs).toBeLessThanOrEqual(bound);
    expect(app.maxAgeMs).toBeGreaterThan(P_MS / 2);
    // Without the refresh, other servers' copies stay until the 5 s app TTL.
    expect(appStaleness(plain).maxAgeMs).toBeGreaterThan(2 * bound);
  });

  it('refreshCost_isKeysTimesServersTimesTicks_RedisCommands_exactly', () => {
    // Warm-up 0 so that the Redis hit/miss counters cover the whole run, like `commands`.
    const r = one(scenario({ refresh: '1s', warmup: '0s' }));
    const redis = layer(r, 'redis');
    // Client traffic to Redis: one GET per in-process miss (hits + misses; the refresh's MGET
    // is not counted there) and one SET per Redis miss (cache-aside). The rest is the refresh.
    const client = redis.hits + redis.misses + redis.misses;
    expect(redis.misses).toBeGreaterThan(0);
    expect(ticks(0)).toBe(3 * 60 + 59);
    expect((redis.commands as number) - client).toBe(KEYS * ticks(0)); // 20 × 239 = 4780
    // The summary reports the same cost under layers.app.
    const app = layer(r, 'app') as Record<string, number>;
    expect([app.refreshes, app.refreshRedisReads, app.refreshDbReads]).toEqual([ticks(0), KEYS * ticks(0), 0]);
  });

  it('withoutRedis_refreshReadsTheDatabase_keysTimesServersTimesTicks', () => {
    const r = one(scenario({ refresh: '1s', redis: false }));
    // Counted after the 2 s warm-up: ticks at 2 s … 59.75 s, 58 per server; no client read reaches the database.
    expect(layer(r, 'app').misses).toBe(0);
    expect(ticks(2000)).toBe(SERVERS * 58);
    expect(r.summary.layers.database.reads).toBe(KEYS * SERVERS * 58); // 4640
    // The refreshes are not client requests: every client read is served in-process.
    expect(r.summary.servedBy.app).toBe(1);
  });

  it('redisOutage_refreshFallsBackToTheDatabase_andInProcessKeepsServing', () => {
    // Redis unreachable from 20.1 s to 30.1 s: the 10 refreshes per server in that window read the database.
    const r = one(scenario({ refresh: '1s', extra: 'faults:\n  - { kind: redis.outage, at: 20.1s, duration: 10s }' }));
    expect(ticks(20_100, 30_100)).toBe(40);
    expect(r.summary.layers.database.reads).toBe(KEYS * 40);
    expect(layer(r, 'app').misses).toBe(0);
    expect(r.summary.requests.errors).toBe(0);
  });

  it('keyspaceNotCachedInProcess_isNotRefreshed', () => {
    const withRefresh = one(scenario({ refresh: '1s', layers: '[redis]' }));
    const without = one(scenario({ layers: '[redis]' }));
    expect(withRefresh.summary).toEqual(without.summary);
  });
});

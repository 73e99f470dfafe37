/**
 * Periodic in-process refresh (`keyspaces[].appRefresh`), the seed's "feature
 * flags: in-process with periodic refresh from Redis". This module has one job:
 * every P µs each app server re-reads every key of a refreshed keyspace and
 * re-inserts it into its own in-process store with the app TTL counted from the
 * refresh. It lives apart from the request path because it is not a request: no
 * client waits for it, it is not counted as a hit or a miss anywhere, and it
 * bypasses the strategies (a background job in each app process does this).
 *
 * One refresh of server s, at t = P·(s+1)/servers + n·P (staggered so the
 * servers do not all refresh at the same instant; deterministic):
 *   1. an MGET of all the keyspace's keys to Redis over one round trip on the Redis
 *      link (its own random stream, `app.refresh.redis`, so client requests see the
 *      same latencies as without refresh). It executes at Redis at t + rtt/2 and is
 *      counted as one command per key in `layers.redis.commands`. Lookups touch
 *      Redis's recency and lazily expire, as MGET does.
 *   2. keys Redis lacks — or all of them when there is no Redis, the keyspace is not
 *      cached in Redis (`layers` without `redis`), or Redis is down (after the connect
 *      timeout) — are read from the database in one batched query (`WHERE key IN …`):
 *      one database link round trip plus one read service time, versions snapshot when
 *      the query arrives. They count in `layers.database.reads` (one per key) and in
 *      the `database.qps` series, but do NOT go through the connection pool (nor the
 *      pool's queueing and timeout figures): the refresher is modelled as a side
 *      channel so that config refreshes never compete with client queries. While the
 *      database is down the query is refused and the old copies stay until their TTL.
 *   3. the values are inserted into server s's in-process store (TTL = app TTL from
 *      now) and the staleness windows are told (`windows.filled`), as every fill does.
 * The refresher only reads: it never fills Redis (Redis is filled by the read
 * strategy on client misses and emptied by writes and its TTL).
 *
 * Cost: keys × servers reads per period P (all keys of the keyspace, whether or not
 * they were cached) — meant for small config-like keyspaces. With P < app TTL a
 * refreshed keyspace never misses in-process after a server's first refresh, and a
 * value it serves is at most P + the refresh's latency + (when served from Redis)
 * however long Redis itself held a superseded value (at most the Redis TTL).
 */
import type { Handler, Simulation } from '../engine/simulation.ts';
import type { RandomStreams } from '../engine/rng.ts';
import { sampler, type Sampler } from '../engine/dist/index.ts';
import { APP, REDIS } from '../metrics/layers.ts';
import { LINK_DATABASE, LINK_REDIS } from '../faults/state.ts';
import { HIT } from './store.ts';
import type { RequestPath } from '../model/request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';
import { inputError } from '../scenario/errors.ts';

const APP_BIT = 1 << APP;
const REDIS_BIT = 1 << REDIS;

/** One refreshed (keyspace, server) pair. */
interface Job {
  server: number;
  keyOffset: number;
  keys: number;
  viaRedis: boolean;
}

/** Whole-run counters (warm-up included), for tests and reports. */
export class AppRefresh {
  /** Refreshes started (server × period). */
  ticks = 0;
  /** Keys read from Redis (MGET arguments) and from the database. */
  redisReads = 0;
  dbReads = 0;
  /** Database queries refused (database down): those refreshes stored nothing. */
  failed = 0;
}

/** Schedules the refreshes of every keyspace with `appRefresh`; undefined when none applies. */
export function startAppRefresh(scenario: Scenario, path: RequestPath, rng: RandomStreams): AppRefresh | undefined {
  const app = path.app;
  if (!app || !scenario.app) return undefined;
  const jobs: Array<{ period: number; job: Job }> = [];
  scenario.keyspaces.forEach((ks, k) => {
    if (ks.appRefresh === undefined || !(ks.layerMask & APP_BIT)) return;
    if (!(ks.appRefresh > 0)) throw inputError('', `keyspaces.${k}.appRefresh`, `must be a positive duration (got ${ks.appRefresh} µs)`);
    const keyOffset = path.keyspaceAt(k).keyOffset;
    const viaRedis = path.redis !== undefined && (ks.layerMask & REDIS_BIT) !== 0;
    for (let s = 0; s < app.stores.length; s++) jobs.push({ period: ks.appRefresh, job: { server: s, keyOffset, keys: ks.keys, viaRedis } });
  });
  if (jobs.length === 0) return undefined;

  const counters = new AppRefresh();
  const { sim, metrics, db, faults } = path;
  const horizon = scenario.horizon;
  const servers = app.stores.length;
  // Streams of their own: turning refresh on never shifts the numbers client requests draw.
  const redisRtt: Sampler | undefined = scenario.redis ? faults.link(sampler(scenario.redis.latency, rng.stream('app.refresh.redis')), LINK_REDIS) : undefined;
  const dbRtt = faults.link(sampler(scenario.database.latency, rng.stream('app.refresh.database')), LINK_DATABASE);
  const dbService = faults.dbService(sampler(scenario.database.service, rng.stream('app.refresh.service')));
  const connectTimeout = scenario.redis?.connectTimeout ?? 0;

  const install = (job: Job, keys: ArrayLike<number>, versions: ArrayLike<number>, n: number): void => {
    const store = app.stores[job.server];
    const now = sim.now;
    for (let j = 0; j < n; j++) {
      store.set(keys[j], versions[j], 1, app.ttl, now);
      path.windows?.filled(keys[j], versions[j], now);
    }
  };

  /** Reads `keys[0..n)` from the database in one batched query, then installs them. */
  const fromDatabase = (job: Job, keys: Int32Array, n: number, tickAt: number): void => {
    const rtt = dbRtt();
    sim.schedule(rtt / 2, () => {
      if (faults.dbDown) {
        counters.failed++;
        return;
      }
      const now = sim.now;
      counters.dbReads += n;
      metrics.db.queriesSeries[metrics.bucketOf(now)] += n;
      if (metrics.counts(tickAt)) metrics.db.reads += n;
      const versions = new Int32Array(n);
      for (let j = 0; j < n; j++) versions[j] = db.version[keys[j]]; // snapshot at the start of the query
      sim.schedule(dbService() + rtt / 2, () => install(job, keys, versions, n));
    });
  };

  const refresh = (job: Job): void => {
    const tickAt = sim.now;
    counters.ticks++;
    const all = new Int32Array(job.keys);
    for (let j = 0; j < job.keys; j++) all[j] = job.keyOffset + j;
    const redis = path.redis;
    if (!job.viaRedis || !redis || !redisRtt) return fromDatabase(job, all, job.keys, tickAt);
    // Unreachable Redis: the MGET fails after the connect timeout; everything comes from the database.
    if (faults.redisDown) {
      sim.schedule(connectTimeout, () => fromDatabase(job, all, job.keys, tickAt));
      return;
    }
    const rtt = redisRtt();
    sim.schedule(rtt / 2, () => {
      const store = redis.store;
      const now = sim.now;
      redis.commands += job.keys; // MGET k1 … kn: one command per key read, not client hits/misses
      counters.redisReads += job.keys;
      const hitKeys = new Int32Array(job.keys);
      const hitVersions = new Int32Array(job.keys);
      const missing = new Int32Array(job.keys);
      let hits = 0;
      let misses = 0;
      for (let j = 0; j < job.keys; j++) {
        const key = all[j];
        if (store.lookup(key, now) === HIT) {
          hitKeys[hits] = key;
          hitVersions[hits++] = store.versionOf(key);
        } else missing[misses++] = key;
      }
      sim.schedule(rtt / 2, () => {
        install(job, hitKeys, hitVersions, hits);
        if (misses > 0) fromDatabase(job, missing, misses, tickAt);
      });
    });
  };

  for (const { period, job } of jobs) {
    const tick: Handler = () => {
      refresh(job);
      if (sim.now + period < horizon) sim.schedule(period, tick);
    };
    const first = (period * (job.server + 1)) / servers;
    if (first < horizon) sim.at(first, tick);
  }
  return counters;
}

/**
 * The request path: a request goes client → app server (in-process cache) →
 * shared cache (Redis) → database and back, as a chain of events. This module
 * owns the template and the primitive steps (a cache command as a round trip, a
 * database query through the pool, a fill, the answer to the client); the
 * strategies decide what to do at the named stages:
 *
 *   read:      app lookup → shared lookup → on a shared miss: `read.onSharedMiss`
 *              (cache-aside hands it to the stampede strategy, which loads and fills)
 *   write:     `write.onWrite` (update the database, the cache, or both)
 *
 * Each primitive takes a continuation (a pre-bound handler) that runs when the
 * step completes, with the outcome in the request's fields; nothing is allocated
 * per request. A cache command executes when it reaches the server (after half
 * the round trip), so the state it sees is the state at that instant — which is
 * what makes races such as read-then-set visible.
 */
import type { Simulation, Handler } from '../engine/simulation.ts';
import type { Sampler } from '../engine/dist/index.ts';
import { Collector, type LayerStats } from '../metrics/collector.ts';
import { APP, DATABASE, REDIS } from '../metrics/layers.ts';
import { HIT, MISS_EXPIRED } from '../tiers/store.ts';
import type { AppCaches } from '../tiers/app-caches.ts';
import type { RedisTier } from '../tiers/redis.ts';
import type { DatabaseTier } from '../tiers/database.ts';
import { OP_READ, OP_WRITE } from '../workload/keyspace-source.ts';
import { RequestPool, type Request } from './request.ts';
import type { ReadStrategy, StampedeStrategy, WriteStrategy } from '../strategies/types.ts';
import { MISS } from '../tiers/store.ts';
import { FaultState } from '../faults/state.ts';
import { DatabaseCalls } from './database-calls.ts';
import type { StalenessWindows } from '../metrics/staleness-windows.ts';
import type { HttpFront } from '../tiers/http/front.ts';

const CMD_GET = 0;
const CMD_SET = 1;
const CMD_DEL = 2;
const CMD_LOCK = 3;
const CMD_UNLOCK = 4;
const CMD_DEL_DEPENDENTS = 5;

/**
 * Optional hooks strategies install at build; each is undefined unless
 * a strategy needs it, so the default path pays one field test.
 */
export interface PathHooks {
  /** A shared-cache hit; returns true when the hook took the request over (early recompute, stale serve). */
  sharedHit?: (i: number) => boolean;
  /** TTL (µs) for a shared-cache fill: jitter, a stale-while-revalidate window. */
  fillTtl?: (ttl: number, i: number) => number;
  /** Whether a fill may store the value; false = the fill went to an unreachable (orphan) key. */
  mayFill?: (i: number, shared: boolean) => boolean;
  /** A read starts at the app server (versioned keys note the namespace version it addresses). */
  readStart?: (i: number) => void;
  /** Set to 1 when a shared-cache GET hits the key (write-through counts fills never read). */
  readMarks?: Uint8Array;
}

export interface KeyspaceRuntime {
  keyOffset: number;
  ttl: number | undefined;
  /** Value size per global key id is `sizes[key - keyOffset]`. */
  sizes: Int32Array;
  /** Keyspaces derived from this one: a write to key k changes key offset + (k mod keys) of each. */
  dependents?: Array<{ keyOffset: number; keys: number }>;
  /** Layers that may cache this keyspace (bit 1 << layer index); absent = all. */
  layerMask?: number;
}

// Layer routing bits, as in src/metrics/layers.ts.
const APP_BIT = 1 << APP;
const REDIS_BIT = 1 << REDIS;

export interface PathParts {
  sim: Simulation;
  metrics: Collector;
  keyspaces: KeyspaceRuntime[];
  app: AppCaches | undefined;
  redis: RedisTier | undefined;
  db: DatabaseTier;
  clientRtt: Sampler;
  pickServer: (key: number) => number;
  lockTtl: number;
  lockRetry: number;
  /** Fault state the tiers' samplers were wrapped with; a fresh one when absent. */
  faults?: FaultState;
  redisConnectTimeout?: number;
}

export class RequestPath {
  readonly pool = new RequestPool();
  readonly sim: Simulation;
  readonly metrics: Collector;
  readonly app: AppCaches | undefined;
  readonly redis: RedisTier | undefined;
  readonly db: DatabaseTier;
  read!: ReadStrategy;
  write!: WriteStrategy;
  stampede!: StampedeStrategy;
  // --- strategies: strategy hooks, faults, staleness windows ---
  hooks: PathHooks = {};
  readonly faults: FaultState;
  windows: StalenessWindows | undefined;
  redisErrors = 0;
  // --- hierarchy: the HTTP front (browser, CDN), balancer feedback, Redis OOM ---
  front: HttpFront | undefined;
  serverDone: ((server: number) => void) | undefined;
  redisOom = 0;

  private readonly parts: PathParts;
  private readonly appStats: LayerStats | undefined;
  private readonly redisStats: LayerStats | undefined;
  private lockTtlForCommand = 0;

  constructor(parts: PathParts) {
    this.parts = parts;
    this.sim = parts.sim;
    this.metrics = parts.metrics;
    this.app = parts.app;
    this.redis = parts.redis;
    this.db = parts.db;
    this.appStats = parts.app ? parts.metrics.layers[APP] : undefined;
    this.redisStats = parts.redis ? parts.metrics.layers[REDIS] : undefined;
    this.lockTtlForCommand = parts.lockTtl;
    this.faults = parts.faults ?? new FaultState();
    this.database = new DatabaseCalls(this.sim, this.metrics, this.pool, this.db, this.faults, (key) => this.commit(key));
  }

  private readonly database: DatabaseCalls;

  keyspaceOf(i: number): KeyspaceRuntime {
    return this.parts.keyspaces[this.pool.all[i].keyspace];
  }

  req(i: number): Request {
    return this.pool.all[i];
  }

  /** A client issues a request now. */
  issue(keyspace: number, key: number, op: number): void {
    const i = this.pool.acquire();
    const r = this.pool.all[i];
    r.key = key;
    r.keyspace = keyspace;
    r.op = op;
    r.issuedAt = this.sim.now;
    if (this.front) {
      this.metrics.requestIssued(this.sim.now);
      r.server = -1;
      return this.front.enter(i);
    }
    r.clientRtt = this.parts.clientRtt();
    r.server = this.parts.pickServer(key);
    this.metrics.requestIssued(this.sim.now);
    if (r.clientRtt > 0) this.sim.schedule(r.clientRtt / 2, this.arriveAtApp, i);
    else this.arriveAtApp(i);
  }

  /** The front sends a request on to the origin: balancer, then the app server after `clientRtt / 2`. */
  toOrigin(i: number): void {
    const r = this.pool.all[i];
    r.server = this.parts.pickServer(r.key);
    this.sim.schedule(r.clientRtt / 2, this.arriveAtApp, i);
  }

  private readonly arriveAtApp: Handler = (i) => {
    const r = this.pool.all[i];
    if (r.op === OP_READ) this.readAtApp(i);
    else this.write.onWrite(i);
  };

  private readAtApp(i: number): void {
    const r = this.pool.all[i];
    const app = this.app;
    if (this.hooks.readStart) this.hooks.readStart(i);
    if (app && (this.parts.keyspaces[r.keyspace].layerMask ?? APP_BIT) & APP_BIT) {
      const store = app.stores[r.server];
      const now = this.sim.now;
      if (store.lookup(r.key, now) === HIT) {
        if (this.metrics.counts(r.issuedAt)) app.hits[r.server]++; // per-server rows count what the layer totals count
        this.metrics.hit(this.appStats as LayerStats, now, r.issuedAt);
        r.version = store.versionOf(r.key);
        this.answer(i, APP);
        return;
      }
      if (this.metrics.counts(r.issuedAt)) app.misses[r.server]++;
      this.metrics.miss(this.appStats as LayerStats, now, r.issuedAt);
    }
    this.readShared(i);
  }

  /** Looks the key up in the shared cache (or goes straight to the miss stage when there is none). */
  readShared(i: number): void {
    if (this.redis) this.redisCommand(i, CMD_GET, this.afterSharedGet);
    else this.read.onSharedMiss(i);
  }

  private readonly afterSharedGet: Handler = (i) => {
    const r = this.pool.all[i];
    if (r.result === HIT) {
      const hit = this.hooks.sharedHit;
      if (hit !== undefined && hit(i)) return;
      this.fillApp(i);
      this.answer(i, REDIS);
    } else this.read.onSharedMiss(i);
  };

  // ---- cache commands (round trips to the shared cache) -------------------------------

  redisGet(i: number, then: Handler): void {
    this.redisCommand(i, CMD_GET, then);
  }

  /** SETEX key ttl value, with the version the request holds. */
  redisSet(i: number, then: Handler): void {
    this.redisCommand(i, CMD_SET, then);
  }

  redisDelete(i: number, then: Handler): void {
    this.redisCommand(i, CMD_DEL, then);
  }

  /** SET lock NX EX lockTtl; `result` is 1 when acquired. */
  redisLock(i: number, then: Handler): void {
    this.redisCommand(i, CMD_LOCK, then);
  }

  redisUnlock(i: number, then: Handler): void {
    this.redisCommand(i, CMD_UNLOCK, then);
  }

  /** DEL of every dependent key of the request's key (one multi-key DEL). */
  redisDeleteDependents(i: number, then: Handler): void {
    this.redisCommand(i, CMD_DEL_DEPENDENTS, then);
  }

  private redisCommand(i: number, command: number, then: Handler): void {
    const r = this.pool.all[i];
    const redis = this.redis as RedisTier;
    r.command = command;
    r.next = then;
    r.cacheFailed = false;
    if (!((this.parts.keyspaces[r.keyspace].layerMask ?? REDIS_BIT) & REDIS_BIT)) {
      // The keyspace is not cached in Redis: as if there were no shared cache (no round trip).
      r.result = command === CMD_LOCK ? 1 : MISS;
      return then(i);
    }
    if (this.faults.redisDown) {
      // Unreachable: the client gives up after the connect timeout; a GET reads as a miss.
      r.cacheFailed = true;
      r.result = command === CMD_LOCK ? 0 : MISS;
      this.redisErrors++;
      this.sim.schedule(this.parts.redisConnectTimeout ?? 0, this.resume, i);
      return;
    }
    const rtt = redis.rtt();
    r.half = rtt / 2;
    if (rtt > 0) this.sim.schedule(r.half, this.atRedis, i);
    else this.atRedis(i);
  }

  private readonly atRedis: Handler = (i) => {
    const r = this.pool.all[i];
    const redis = this.redis as RedisTier;
    const store = redis.store;
    const now = this.sim.now;
    redis.commands++;
    switch (r.command) {
      case CMD_GET: {
        const state = store.lookup(r.key, now);
        r.result = state;
        const stats = this.redisStats as LayerStats;
        if (state === HIT) {
          r.version = store.versionOf(r.key);
          r.expiry = store.expiresAtOf(r.key);
          if (this.hooks.readMarks) this.hooks.readMarks[r.key] = 1;
          this.metrics.hit(stats, now, r.issuedAt);
        } else {
          this.metrics.miss(stats, now, r.issuedAt);
          if (state === MISS_EXPIRED) this.metrics.stampede.expired(r.key, now, this.metrics.counts(now));
        }
        break;
      }
      case CMD_SET: {
        const ks = this.parts.keyspaces[r.keyspace];
        if (this.hooks.mayFill !== undefined && !this.hooks.mayFill(i, true)) break;
        const ttl = ks.ttl !== undefined && this.hooks.fillTtl !== undefined ? this.hooks.fillTtl(ks.ttl, i) : ks.ttl;
        if (!store.set(r.key, r.version, ks.sizes[r.key - ks.keyOffset] + redis.keyOverhead, ttl, now)) this.redisOom++; // OOM (noeviction, volatile-* without TTL keys): the fill is dropped
        this.metrics.stampede.filled(r.key);
        if (this.windows) this.windows.filled(r.key, r.version, now);
        break;
      }
      case CMD_DEL:
        store.delete(r.key);
        if (this.windows) this.windows.removed(r.key, now);
        break;
      case CMD_DEL_DEPENDENTS: {
        const deps = this.parts.keyspaces[r.keyspace].dependents;
        if (deps === undefined) break;
        const local = r.key - this.parts.keyspaces[r.keyspace].keyOffset;
        for (let d = 0; d < deps.length; d++) {
          const k = deps[d].keyOffset + (local % deps[d].keys);
          store.delete(k);
          if (this.windows) this.windows.removed(k, now);
        }
        break;
      }
      case CMD_LOCK:
        r.result = redis.tryLock(r.key, now, this.lockTtlForCommand) ? 1 : 0;
        break;
      case CMD_UNLOCK:
        redis.unlock(r.key);
        break;
    }
    if (r.half > 0) this.sim.schedule(r.half, this.resume, i);
    else r.next(i);
  };

  private readonly resume: Handler = (i) => {
    this.pool.all[i].next(i);
  };

  /** Waits `delay` µs, then continues. */
  sleep(i: number, delay: number, then: Handler): void {
    this.pool.all[i].next = then;
    this.sim.schedule(delay, this.resume, i);
  }

  // ---- database ---------------------------------------------------------------------

  /** Reads the key from the database; `version` gets the value read, `failed` is set on timeout. */
  dbRead(i: number, then: Handler): void {
    this.database.call(i, OP_READ, then);
  }

  /** Writes the key; `version` gets the new version. */
  dbWrite(i: number, then: Handler): void {
    this.database.call(i, OP_WRITE, then);
  }

  /**
   * Commits a write of `key` in the database now, with its dependents (an aggregate
   * changes in the same transaction), and returns the key's new version.
   */
  commit(key: number): number {
    const now = this.sim.now;
    const version = this.db.commitWrite(key, now);
    if (this.windows) this.windows.check(key, now);
    const ks = this.keyspaceOfKey(key);
    const deps = ks.dependents;
    if (deps !== undefined)
      for (let d = 0; d < deps.length; d++) {
        const k = deps[d].keyOffset + ((key - ks.keyOffset) % deps[d].keys);
        this.db.commitWrite(k, now);
        if (this.windows) this.windows.check(k, now);
      }
    return version;
  }

  keyspaceAt(index: number): KeyspaceRuntime {
    return this.parts.keyspaces[index];
  }

  /** The keyspace holding global key id `key` (keyspaces are laid out in order). */
  keyspaceOfKey(key: number): KeyspaceRuntime {
    const all = this.parts.keyspaces;
    for (let k = all.length - 1; k > 0; k--) if (key >= all[k].keyOffset) return all[k];
    return all[0];
  }

  // ---- fills and answers ----------------------------------------------------------------

  /** Stores the version the request holds in its app server's in-process cache. */
  fillApp(i: number): void {
    const app = this.app;
    if (!app) return;
    const r = this.pool.all[i];
    if (!((this.parts.keyspaces[r.keyspace].layerMask ?? APP_BIT) & APP_BIT)) return;
    if (this.hooks.mayFill !== undefined && !this.hooks.mayFill(i, false)) return;
    app.stores[r.server].set(r.key, r.version, 1, app.ttl, this.sim.now);
    if (this.windows) this.windows.filled(r.key, r.version, this.sim.now);
  }

  /** Drops the key from the in-process cache of the request's server. */
  deleteApp(i: number): void {
    const app = this.app;
    if (!app) return;
    const r = this.pool.all[i];
    app.stores[r.server].delete(r.key);
    if (this.windows) this.windows.removed(r.key, this.sim.now);
  }

  /** Tells the balancer the request's server is done with it (once). */
  private releaseServer(r: Request): void {
    (this.serverDone as (server: number) => void)(r.server);
    r.server = -1;
  }

  /** Answers the client; for reads, judges staleness against the database's current version. */
  answer(i: number, servedBy: number): void {
    const r = this.pool.all[i];
    if (r.server >= 0 && this.serverDone) this.releaseServer(r);
    if (r.front !== 0 && this.front) return this.front.fromOrigin(i, servedBy);
    const now = this.sim.now;
    const isRead = r.op === OP_READ;
    if (isRead && r.version < this.db.version[r.key]) {
      this.metrics.staleRead(r.issuedAt, now - this.db.supersededAt(r.key, r.version), servedBy);
    }
    this.metrics.answered(now, r.issuedAt, now - r.issuedAt + r.clientRtt / 2, servedBy, isRead);
    this.pool.release(i);
  }

  /** Answers the client with an error. */
  fail(i: number): void {
    const r = this.pool.all[i];
    if (r.server >= 0 && this.serverDone) this.releaseServer(r);
    if (r.front !== 0 && this.front) return this.front.originFailed(i);
    this.metrics.failed(r.issuedAt, r.op === OP_READ);
    this.pool.release(i);
  }

  /** The default miss path: load from the database, fill the shared cache, answer. */
  loadAndFill(i: number): void {
    this.dbRead(i, this.afterLoad);
  }

  private readonly afterLoad: Handler = (i) => {
    if (this.pool.all[i].failed) return this.fail(i);
    if (this.redis) this.redisSet(i, this.afterFill);
    else this.afterFill(i);
  };

  /** After the shared cache is filled: fill the app cache and answer from the database. */
  readonly afterFill: Handler = (i) => {
    this.fillApp(i);
    this.answer(i, DATABASE);
  };
}

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
import { OP_READ } from '../workload/keyspace-source.ts';
import { RequestPool, pack, sameGen, unpackIndex, type Request } from './request.ts';
import type { ReadStrategy, StampedeStrategy, WriteStrategy } from '../strategies/types.ts';

const CMD_GET = 0;
const CMD_SET = 1;
const CMD_DEL = 2;
const CMD_LOCK = 3;
const CMD_UNLOCK = 4;

export interface KeyspaceRuntime {
  keyOffset: number;
  ttl: number | undefined;
  /** Value size per global key id is `sizes[key - keyOffset]`. */
  sizes: Int32Array;
}

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
    r.clientRtt = this.parts.clientRtt();
    r.server = this.parts.pickServer(key);
    this.metrics.requestIssued(this.sim.now);
    if (r.clientRtt > 0) this.sim.schedule(r.clientRtt / 2, this.arriveAtApp, i);
    else this.arriveAtApp(i);
  }

  private readonly arriveAtApp: Handler = (i) => {
    const r = this.pool.all[i];
    if (r.op === OP_READ) this.readAtApp(i);
    else this.write.onWrite(i);
  };

  private readAtApp(i: number): void {
    const r = this.pool.all[i];
    const app = this.app;
    if (app) {
      const store = app.stores[r.server];
      const now = this.sim.now;
      if (store.lookup(r.key, now) === HIT) {
        app.hits[r.server]++;
        this.metrics.hit(this.appStats as LayerStats, now, r.issuedAt);
        r.version = store.version[r.key];
        this.answer(i, APP);
        return;
      }
      app.misses[r.server]++;
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

  private redisCommand(i: number, command: number, then: Handler): void {
    const r = this.pool.all[i];
    const redis = this.redis as RedisTier;
    r.command = command;
    r.next = then;
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
          r.version = store.version[r.key];
          this.metrics.hit(stats, now, r.issuedAt);
        } else {
          this.metrics.miss(stats, now, r.issuedAt);
          if (state === MISS_EXPIRED) this.metrics.stampede.expired(r.key, now, this.metrics.counts(now));
        }
        break;
      }
      case CMD_SET: {
        const ks = this.parts.keyspaces[r.keyspace];
        store.set(r.key, r.version, ks.sizes[r.key - ks.keyOffset] + redis.keyOverhead, ks.ttl, now);
        this.metrics.stampede.filled(r.key);
        break;
      }
      case CMD_DEL:
        store.delete(r.key);
        break;
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
    this.dbCall(i, OP_READ, then);
  }

  /** Writes the key; `version` gets the new version. */
  dbWrite(i: number, then: Handler): void {
    this.dbCall(i, 1, then);
  }

  private dbCall(i: number, op: number, then: Handler): void {
    const r = this.pool.all[i];
    r.next = then;
    r.failed = false;
    r.command = op;
    r.gen++;
    const rtt = this.db.rtt();
    r.half = rtt / 2;
    if (rtt > 0) this.sim.schedule(r.half, this.atDb, pack(i, r.gen));
    else this.atDb(pack(i, r.gen));
  }

  private readonly atDb: Handler = (arg) => {
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    const now = this.sim.now;
    this.metrics.dbEnter(now);
    if (r.command === OP_READ) {
      this.metrics.stampede.load(r.key);
      if (this.metrics.counts(r.issuedAt)) this.metrics.db.reads++;
    } else if (this.metrics.counts(r.issuedAt)) this.metrics.db.writes++;
    r.dbArrivedAt = now;
    if (this.db.timeout !== undefined) this.sim.schedule(this.db.timeout, this.dbTimedOut, arg);
    this.db.pool.request(this.dbGranted, arg);
  };

  private readonly dbGranted: Handler = (arg) => {
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg) || r.failed) {
      // The caller gave up while this query waited for a connection: the pool drops it.
      this.metrics.dbLeave();
      this.db.pool.release();
      return;
    }
    this.metrics.dbQueued(this.sim.now - r.dbArrivedAt, r.issuedAt);
    if (r.command === OP_READ) {
      r.version = this.db.version[r.key]; // snapshot at the start of the query
      this.sim.schedule(this.db.readService(), this.dbReadDone, arg);
      return;
    }
    // A write commits even if its caller stops waiting, so it keeps its key in a slot of its own.
    let slot = this.writeFree.pop();
    if (slot === undefined) slot = this.writeKey.push(0) - 1;
    this.writeKey[slot] = r.key;
    this.writeArg[slot] = arg;
    this.sim.schedule(this.db.writeService(), this.dbWriteDone, slot);
  };

  private readonly writeKey: number[] = [];
  private readonly writeArg: number[] = [];
  private readonly writeFree: number[] = [];

  private readonly dbReadDone: Handler = (arg) => {
    this.metrics.dbLeave();
    this.db.pool.release();
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg) || r.failed) return;
    this.replyFromDb(i);
  };

  private readonly dbWriteDone: Handler = (slot) => {
    this.metrics.dbLeave();
    this.db.pool.release();
    const key = this.writeKey[slot];
    const arg = this.writeArg[slot];
    this.writeFree.push(slot);
    const version = this.db.commitWrite(key, this.sim.now);
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg) || r.failed) return;
    r.version = version;
    this.replyFromDb(i);
  };

  private replyFromDb(i: number): void {
    const r = this.pool.all[i];
    r.gen++; // the timeout timer for this call is now moot
    if (r.half > 0) this.sim.schedule(r.half, this.resume, i);
    else r.next(i);
  }

  private readonly dbTimedOut: Handler = (arg) => {
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg)) return;
    r.failed = true;
    r.gen++;
    if (this.metrics.counts(r.issuedAt)) this.metrics.db.errors++;
    if (r.half > 0) this.sim.schedule(r.half, this.resume, i);
    else r.next(i);
  };

  // ---- fills and answers ----------------------------------------------------------------

  /** Stores the version the request holds in its app server's in-process cache. */
  fillApp(i: number): void {
    const app = this.app;
    if (!app) return;
    const r = this.pool.all[i];
    app.stores[r.server].set(r.key, r.version, 1, app.ttl, this.sim.now);
  }

  /** Drops the key from the in-process cache of the request's server. */
  deleteApp(i: number): void {
    const app = this.app;
    if (!app) return;
    const r = this.pool.all[i];
    app.stores[r.server].delete(r.key);
  }

  /** Answers the client; for reads, judges staleness against the database's current version. */
  answer(i: number, servedBy: number): void {
    const r = this.pool.all[i];
    const now = this.sim.now;
    const isRead = r.op === OP_READ;
    if (isRead && r.version < this.db.version[r.key]) {
      this.metrics.staleRead(r.issuedAt, now - this.db.supersededAt(r.key, r.version));
    }
    this.metrics.answered(now, r.issuedAt, now - r.issuedAt + r.clientRtt / 2, servedBy, isRead);
    this.pool.release(i);
  }

  /** Answers the client with an error. */
  fail(i: number): void {
    const r = this.pool.all[i];
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

/**
 * Write-behind (write-back), the seed's `update_user` + `flush_dirty_users`: a
 * write updates the shared cache and marks the key dirty, and the client is
 * answered at once; every `flushInterval` the dirty keys are written to the
 * database in batches of `batchSize` (one query per batch, batches one after
 * another), several writes to one key coalescing into one. The database is
 * eventually consistent: it lags by up to the flush interval plus the flush time
 * (`writes.maxFlushLagMs`). A restart or flush of the cache before a key is taken
 * by a flush loses the writes accepted for it since (`writes.lost`); a batch
 * already taken still commits. While Redis is unreachable writes fail.
 *
 * Versions: a write accepted for a key gets the next version after the highest
 * one accepted or committed, so the cache holds versions ahead of the database and
 * a flush commits the database up to the version it took.
 */
import type { Handler } from '../../engine/simulation.ts';
import { REDIS } from '../../metrics/layers.ts';
import type { StrategyFactory, WriteStrategy } from '../types.ts';
import { writeAround } from './write-around.ts';

export const writeBehind: StrategyFactory<WriteStrategy> = (path, scenario, ctx) => {
  if (!path.redis) return writeAround(path, scenario, ctx); // nothing to write behind
  const { flushInterval, batchSize } = scenario.strategy.writeBehind;
  const sim = path.sim;
  const db = path.db;
  const maxKeys = db.version.length;
  const accepted = new Int32Array(maxKeys);
  /** Highest version a flush has taken for the key (it commits even after a crash). */
  const taken = new Int32Array(maxKeys);
  const dirtyWrites = new Int32Array(maxKeys);
  const dirtySince = new Float64Array(maxKeys);
  const queue: number[] = []; // dirty keys, in the order they became dirty
  let head = 0;
  const batchKeys = new Int32Array(batchSize);
  const batchTarget = new Int32Array(batchSize);
  const batchSince = new Float64Array(batchSize);
  let batchLength = 0;
  let flushing = false;
  const stats = { accepted: 0, flushed: 0, batches: 0 };

  const afterSet: Handler = (i) => {
    const r = path.req(i);
    if (r.cacheFailed) {
      if (accepted[r.key] === r.version) accepted[r.key]--;
      return path.fail(i);
    }
    stats.accepted++;
    if (dirtyWrites[r.key] === 0) {
      dirtySince[r.key] = sim.now;
      queue.push(r.key);
    }
    dirtyWrites[r.key]++;
    path.answer(i, REDIS);
  };

  const tick: Handler = () => {
    if (!flushing) nextBatch();
    sim.schedule(flushInterval, tick);
  };

  /** Takes up to batchSize dirty keys and writes them in one query. */
  const nextBatch = (): void => {
    batchLength = 0;
    while (head < queue.length && batchLength < batchSize) {
      const key = queue[head++];
      if (dirtyWrites[key] === 0) continue; // lost in a crash since it was queued
      batchKeys[batchLength] = key;
      batchTarget[batchLength] = accepted[key];
      batchSince[batchLength] = dirtySince[key];
      taken[key] = accepted[key];
      stats.flushed += dirtyWrites[key];
      dirtyWrites[key] = 0;
      batchLength++;
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    if (batchLength === 0) {
      flushing = false;
      return;
    }
    flushing = true;
    stats.batches++;
    path.metrics.dbEnter(sim.now);
    if (sim.now >= scenario.warmup) path.metrics.db.writes++;
    db.pool.request(granted, 0);
  };
  const granted: Handler = () => sim.schedule(db.writeService(), committed, 0);
  const committed: Handler = () => {
    path.metrics.dbLeave();
    db.pool.release();
    const now = sim.now;
    for (let b = 0; b < batchLength; b++) {
      const key = batchKeys[b];
      while (db.version[key] < batchTarget[b]) path.commit(key);
      const lag = now - batchSince[b];
      if (lag > path.metrics.maxFlushLag) path.metrics.maxFlushLag = lag;
    }
    nextBatch();
  };
  sim.schedule(flushInterval, tick);

  return {
    onWrite: (i) => {
      const r = path.req(i);
      const base = Math.max(accepted[r.key], taken[r.key], db.version[r.key]);
      accepted[r.key] = r.version = base + 1;
      path.redisSet(i, afterSet);
    },
    onSharedCacheLost: () => {
      let lost = 0;
      for (let q = head; q < queue.length; q++) {
        const key = queue[q];
        lost += dirtyWrites[key];
        dirtyWrites[key] = 0;
        accepted[key] = Math.max(taken[key], db.version[key]);
      }
      queue.length = 0;
      head = 0;
      path.metrics.lostWrites += lost;
    },
    report: () => {
      let dirtyAtEnd = 0;
      for (let q = head; q < queue.length; q++) dirtyAtEnd += dirtyWrites[queue[q]];
      return { writes: { accepted: stats.accepted, flushed: stats.flushed, flushBatches: stats.batches, dirtyAtEnd } };
    },
  };
};

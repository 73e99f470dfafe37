/**
 * Mutex lock, the classic `get_user_safe`: on a miss, `SET lock NX EX lockTtl`;
 * the winner loads from the database, fills with SETEX and deletes the lock; a
 * loser sleeps `retry` and starts over with a GET (each retry is a Redis round
 * trip, counted as Redis load). A winner whose query times out dies without
 * deleting the lock, which then blocks the key until its TTL runs out.
 * Without a shared cache there is nowhere to hold a lock: it behaves like `none`; and
 * while Redis is unreachable (the lock command itself failed) a request falls back to
 * the database as plain cache-aside does, rather than retrying a lock it can never get
 * and reaching the database with everyone else the moment Redis returns.
 */
import type { Handler } from '../../engine/simulation.ts';
import type { StampedeStrategy, StrategyFactory } from '../types.ts';

export const mutex: StrategyFactory<StampedeStrategy> = (path, scenario) => {
  const retry = scenario.strategy.mutex.retry;
  const afterLock: Handler = (i) => {
    const r = path.req(i);
    if (r.cacheFailed) return path.loadAndFill(i);
    if (r.result === 1) path.dbRead(i, afterLoad);
    else path.sleep(i, retry, retryRead);
  };
  const retryRead: Handler = (i) => path.readShared(i);
  const afterLoad: Handler = (i) => {
    if (path.req(i).failed) return path.fail(i); // the lock stays until its TTL
    path.redisSet(i, afterFill);
  };
  const afterFill: Handler = (i) => path.redisUnlock(i, path.afterFill);
  return {
    onMiss: (i) => (path.redis ? path.redisLock(i, afterLock) : path.loadAndFill(i)),
  };
};

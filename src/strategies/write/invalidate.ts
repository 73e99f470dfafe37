/**
 * Invalidate on write (event-based invalidation): update the database, then
 * delete the key from the shared cache and from the writing server's in-process
 * cache. Other servers' in-process copies stay until their TTL, and a slow
 * reader can still put an old value back after the delete (read-then-set race).
 */
import type { Handler } from '../../engine/simulation.ts';
import { DATABASE } from '../../metrics/layers.ts';
import type { StrategyFactory, WriteStrategy } from '../types.ts';

export const invalidate: StrategyFactory<WriteStrategy> = (path) => {
  const done: Handler = (i) => {
    path.deleteApp(i);
    path.answer(i, DATABASE);
  };
  const afterWrite: Handler = (i) => {
    if (path.req(i).failed) return path.fail(i);
    if (path.redis) path.redisDelete(i, done);
    else done(i);
  };
  return { onWrite: (i) => path.dbWrite(i, afterWrite) };
};

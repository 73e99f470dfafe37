/**
 * Invalidate on write (event-based invalidation): update the database, then
 * delete the key from the shared cache — with its dependent keys (the seed's
 * `user_count` aggregate), in one multi-key DEL — and from the writing server's
 * in-process cache. Other servers' in-process copies stay until their TTL, and a
 * slow reader can still put an old value back after the delete (read-then-set
 * race): it read the database before the commit and SETs after the DEL.
 */
import type { Handler } from '../../engine/simulation.ts';
import { DATABASE } from '../../metrics/layers.ts';
import type { StrategyFactory, WriteStrategy } from '../types.ts';

export const invalidate: StrategyFactory<WriteStrategy> = (path) => {
  const done: Handler = (i) => {
    path.deleteApp(i);
    path.answer(i, DATABASE);
  };
  const afterDelete: Handler = (i) => {
    if (path.keyspaceOf(i).dependents !== undefined) path.redisDeleteDependents(i, done);
    else done(i);
  };
  const afterWrite: Handler = (i) => {
    if (path.req(i).failed) return path.fail(i);
    if (path.redis) path.redisDelete(i, afterDelete);
    else done(i);
  };
  return { onWrite: (i) => path.dbWrite(i, afterWrite) };
};

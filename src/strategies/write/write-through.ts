/**
 * Write-through, the classic `update_user`: update the database, then SET the
 * new value in the shared cache and the writer's in-process cache. Readers of
 * the shared cache see the write at once; the price is a cache write per database
 * write, wasted on data never read before it is overwritten or the run ends
 * (counted as `writes.cacheWritesNeverRead`). Two concurrent writers can still
 * SET in the opposite order to their commits and leave the older value cached.
 */
import type { Handler } from '../../engine/simulation.ts';
import { DATABASE } from '../../metrics/layers.ts';
import type { StrategyFactory, WriteStrategy } from '../types.ts';

export const writeThrough: StrategyFactory<WriteStrategy> = (path) => {
  const readMarks = new Uint8Array(path.db.version.length);
  const filledByWrite = new Uint8Array(path.db.version.length);
  path.hooks.readMarks = readMarks;
  let cacheWrites = 0;
  let neverRead = 0;

  const done: Handler = (i) => {
    const r = path.req(i);
    if (path.redis && !r.cacheFailed) {
      const counted = path.metrics.counts(r.issuedAt);
      if (counted) cacheWrites++;
      if (filledByWrite[r.key] === 2 && readMarks[r.key] === 0) neverRead++;
      filledByWrite[r.key] = counted ? 2 : 1; // 2: a fill counted after the warm-up
      readMarks[r.key] = 0;
    }
    path.fillApp(i);
    path.answer(i, DATABASE);
  };
  const afterWrite: Handler = (i) => {
    if (path.req(i).failed) return path.fail(i);
    if (path.redis) path.redisSet(i, done);
    else done(i);
  };
  return {
    onWrite: (i) => path.dbWrite(i, afterWrite),
    report: () => {
      let unreadAtEnd = 0;
      for (let k = 0; k < filledByWrite.length; k++) if (filledByWrite[k] === 2 && readMarks[k] === 0) unreadAtEnd++;
      return { writes: { cacheWrites, cacheWritesNeverRead: neverRead + unreadAtEnd } };
    },
  };
};

/**
 * Cache versioning (versioned keys): the cache key carries a version
 * (`user:42:v7`), bumped on every write to the key and for a whole keyspace by a
 * `namespace.bump` event (a schema change). Readers always compute the current
 * key, so after a bump the old entries are unreachable — no delete is needed and
 * no reader can be served the old value — but they hold memory until their TTL
 * (`writes.orphanPeakBytes`). A slow reader that loaded before the bump fills the
 * old key: an orphan, not a stale entry, so the read-then-set race is harmless.
 * The cost is memory, a miss after every write, and a version lookup that the
 * model does not charge.
 */
import type { Handler } from '../../engine/simulation.ts';
import { DATABASE } from '../../metrics/layers.ts';
import { Orphans } from '../keys/orphans.ts';
import type { StrategyFactory, WriteStrategy } from '../types.ts';

export const versionedKeys: StrategyFactory<WriteStrategy> = (path, scenario) => {
  const orphans = new Orphans(path.sim);
  /** The version part of each key's cache name. */
  const keyVersion = new Int32Array(path.db.version.length);

  /** The shared entry for `key` (if any) becomes an orphan; in-process copies are unreachable too. */
  const orphan = (key: number): void => {
    keyVersion[key]++;
    const redis = path.redis;
    if (redis && redis.store.has(key)) {
      const e = redis.store.expiresAtOf(key);
      if (e > path.sim.now) orphans.add(sizeOf(key), e);
      redis.store.delete(key);
    }
    if (path.app) for (const s of path.app.stores) s.delete(key);
    if (path.windows) path.windows.check(key, path.sim.now);
  };
  const sizeOf = (key: number): number => {
    const ks = path.keyspaceOfKey(key);
    return ks.sizes[key - ks.keyOffset] + (path.redis?.keyOverhead ?? 0);
  };

  path.hooks.readStart = (i) => {
    const r = path.req(i);
    r.tag = keyVersion[r.key];
  };
  path.hooks.mayFill = (i, shared) => {
    const r = path.req(i);
    if (r.op !== 0 || r.tag === keyVersion[r.key]) return true;
    if (shared) {
      const ttl = path.keyspaceOf(i).ttl;
      orphans.add(sizeOf(r.key), ttl === undefined ? Number.POSITIVE_INFINITY : path.sim.now + ttl);
    }
    return false;
  };

  const afterWrite: Handler = (i) => {
    if (path.req(i).failed) return path.fail(i);
    orphan(path.req(i).key);
    path.answer(i, DATABASE);
  };
  return {
    onWrite: (i) => path.dbWrite(i, afterWrite),
    bumpNamespace: (index) => {
      const offset = path.keyspaceAt(index).keyOffset;
      for (let k = 0; k < scenario.keyspaces[index].keys; k++) orphan(offset + k);
    },
    report: () => ({ writes: orphans.report() }),
  };
};

/** Staleness windows on hand-built stores: when a window opens and exactly when it closes. */
import { describe, expect, it } from 'vitest';
import { StalenessWindows } from '../../src/metrics/staleness-windows.ts';
import { Store } from '../../src/tiers/store.ts';
import { policies } from '../../src/policies/index.ts';

const quiet = { onEvict() {}, onExpire() {}, onBytes() {} };
const store = () => new Store(10, 4, policies.lru({ capacity: 10, maxKeys: 4, random: () => 0.5, now: () => 0 }), quiet);

describe('staleness windows', () => {
  it('window_closesAtTheLastStaleEntrysExpiry_evenWhenTheLongerLivedCopyIsDeletedFirst', () => {
    const app = store();
    const redis = store();
    const db = new Int32Array(4);
    const w = new StalenessWindows([app, redis], db, 4, 0);
    app.set(1, 0, 1, 5, 0); // in-process copy of version 0, expires at 5
    redis.set(1, 0, 1, 60, 0); // Redis copy, expires at 60
    db[1] = 1; // a write supersedes version 0 at t=2
    w.check(1, 2);
    redis.delete(1); // invalidation removes the Redis copy at t=3
    w.removed(1, 3);
    w.finish(100);
    expect(w.count).toBe(1);
    expect(w.lengths.max).toBe(3); // from 2 until the in-process copy expired at 5
  });

  it('fillOfTheCurrentVersion_opensNothing; staleFill_opensAndCounts', () => {
    const redis = store();
    const db = new Int32Array(4);
    const w = new StalenessWindows([redis], db, 4, 0);
    redis.set(2, 0, 1, 10, 0);
    w.filled(2, 0, 0);
    db[2] = 1; // the database moved on at t=1 ...
    redis.set(2, 0, 1, 10, 1); // ... and a slow reader fills the old version (read-then-set race)
    w.filled(2, 0, 1);
    expect(w.staleFills).toBe(1);
    w.finish(100);
    expect(w.count).toBe(1);
    expect(w.lengths.max).toBe(10); // the stale copy lived until its TTL at 11
  });
});

/** One behaviour per write strategy, including the read-then-set race. */
import { describe, expect, it } from 'vitest';
import { instant, run } from './helpers.ts';

/** User profiles read 2000/s and written 50/s; `slow` makes database reads 50 ms so a reader can race a writer. */
function profiles(write: string, slow = false, extra: object = {}) {
  return {
    seed: 9,
    horizon: '60s',
    warmup: '5s',
    keyspaces: [{ name: 'users', keys: 200, rate: 2000, ttl: '30s', writers: { rate: 50 } }],
    hierarchy: slow
      ? { redis: { capacity: '1GB', latency: '1ms' }, database: { connections: 500, service: '50ms', writeService: '2ms', latency: 0 } }
      : instant,
    strategy: { write },
    ...extra,
  };
}

describe('write strategies', () => {
  it('writeAround_writes_leaveStaleEntriesUntilTheirTtl', () => {
    const s = run(profiles('write-around'));
    expect(s.staleness.staleReadRatio).toBeGreaterThan(0.05);
    expect(s.staleness.maxAgeMs).toBeLessThanOrEqual(30_000);
  });

  it('invalidate_zeroLatency_noStaleReads', () => {
    expect(run(profiles('invalidate')).staleness.staleReads).toBe(0);
  });

  it('invalidate_slowReader_putsTheOldValueBackAfterTheDelete', () => {
    const s = run(profiles('invalidate', true));
    const st = s.staleness as Record<string, number>;
    expect(st.staleFills).toBeGreaterThan(0); // read-then-set race: a fill of a superseded version
    expect(st.staleReads).toBeGreaterThan(0);
    expect(st.windows).toBeGreaterThan(0);
  });

  it('invalidate_dependentAggregate_isDeletedWithTheKey', () => {
    const withCount = (write: string) =>
      run({
        ...profiles(write),
        keyspaces: [
          { name: 'users', keys: 200, rate: 1000, ttl: '30s', writers: { rate: 20 }, dependents: ['user-count'] },
          { name: 'user-count', keys: 1, rate: 100, ttl: '30s' },
        ],
      });
    const around = withCount('write-around').stalenessByLayer as Record<string, { staleReads: number }>;
    expect(around.redis.staleReads).toBeGreaterThan(0);
    expect(withCount('invalidate').staleness.staleReads).toBe(0);
  });

  it('writeThrough_zeroLatency_readersSeeEveryWriteAtOnce', () => {
    const s = run(profiles('write-through'));
    expect(s.staleness.staleReads).toBe(0);
    expect((s.writes as Record<string, number>).cacheWrites).toBe(s.requests.writes);
  });

  it('writeThrough_keysNeverRead_countsWastedCacheWrites', () => {
    const s = run({ ...profiles('write-through'), keyspaces: [{ name: 'audit', keys: 100, rate: 10, writes: 1, ttl: '1h' }] });
    const w = s.writes as Record<string, number>;
    expect(w.cacheWrites).toBeGreaterThan(300);
    expect(w.cacheWritesNeverRead).toBe(w.cacheWrites);
  });

  it('writeBehind_writes_answerFromTheCacheAndReachTheDatabaseLater', () => {
    const s = run(profiles('write-behind', true));
    const w = s.writes as Record<string, number>;
    expect(s.writes.lost).toBe(0);
    expect(w.flushed).toBeGreaterThan(0);
    expect(s.writes.maxFlushLagMs).toBeGreaterThan(0);
    expect(s.writes.maxFlushLagMs).toBeLessThan(1500); // interval 1 s + one 2 ms batch query per 100 keys
    expect(s.layers.database.writes).toBeLessThan(s.requests.writes); // batched
  });

  it('versionedKeys_slowReader_noStaleReadsButOrphansHoldMemory', () => {
    const s = run(profiles('versioned-keys', true));
    const w = s.writes as Record<string, number>;
    // Database reads that started before a commit still answer the old value; no cache ever serves one.
    // A GET that hit just before a commit answers half a round trip later: that (≤ 0.5 ms) is all Redis can serve.
    const byLayer = s.stalenessByLayer as Record<string, { maxAgeMs: number }>;
    expect(byLayer.redis.maxAgeMs).toBeLessThanOrEqual(1);
    expect((s.staleness as Record<string, number>).staleFills).toBe(0);
    expect(w.orphans).toBeGreaterThan(100);
    expect(w.orphanPeakBytes).toBeGreaterThan(0);
  });

  it('versionedKeys_namespaceBump_orphansTheWholeKeyspace', () => {
    const s = run({ ...profiles('versioned-keys'), faults: [{ kind: 'namespace.bump', at: '30s', keyspace: 'users' }] });
    expect((s.writes as Record<string, number>).orphans).toBeGreaterThan(200); // every write plus the ~200 cached keys
  });
});

/** maxmemory-policy mapping: which keys each policy may evict, and when a write fails (OOM). */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/rng.ts';
import { Store } from '../../src/tiers/store.ts';
import { maxmemoryPolicies, redisEvictionPolicy, defaultRedisEviction, type MaxmemoryPolicy } from '../../src/tiers/redis-eviction.ts';

function store(name: MaxmemoryPolicy, capacity = 10) {
  let t = 0;
  const evicted: number[] = [];
  const p = redisEvictionPolicy(name, { capacity, maxKeys: 100, random: new RandomStreams(1).stream('p'), now: () => t }, defaultRedisEviction);
  const s = new Store(capacity, 100, p, { onEvict: (k) => evicted.push(k), onExpire: () => {}, onBytes: () => {} });
  return { s, evicted, tick: (to: number) => (t = to) };
}

describe('maxmemory-policy', () => {
  it('noeviction_fullStore_rejectsTheWrite_andKeepsEverything', () => {
    const { s, evicted } = store('noeviction');
    for (let k = 0; k < 10; k++) expect(s.set(k, 0, 1, undefined, 0)).toBe(true);
    expect(s.set(10, 0, 1, undefined, 0)).toBe(false);
    expect(evicted).toEqual([]);
    expect(s.entries).toBe(10);
    s.checkInvariants('noeviction');
  });

  for (const name of ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'] as const) {
    it(`${name}_evictsOnlyKeysWithATtl_andFailsWhenNoneHasOne`, () => {
      const { s, evicted, tick } = store(name);
      for (let k = 0; k < 10; k++) s.set(k, 0, 1, k % 2 === 0 ? 60e6 + k : undefined, 0);
      for (let n = 0; n < 5; n++) {
        tick(n * 2e6);
        expect(s.set(20 + n, 0, 1, undefined, n * 2e6)).toBe(true);
      }
      expect(evicted.sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8]);
      expect(s.set(30, 0, 1, undefined, 20e6)).toBe(false); // no key with a TTL left: OOM
      s.checkInvariants(name);
    });
  }

  it('volatileTtl_evictsTheKeyExpiringSoonest', () => {
    const { s, evicted } = store('volatile-ttl', 3);
    s.set(0, 0, 1, 300e6, 0);
    s.set(1, 0, 1, 100e6, 0);
    s.set(2, 0, 1, 200e6, 0);
    s.set(3, 0, 1, 400e6, 0);
    expect(evicted).toEqual([1]);
  });

  for (const name of ['allkeys-lru', 'allkeys-lfu', 'allkeys-random'] as const) {
    it(`${name}_evictsKeysWithoutTtl`, () => {
      const { s, evicted } = store(name);
      for (let k = 0; k < 15; k++) expect(s.set(k, 0, 1, undefined, k * 1e6)).toBe(true);
      expect(evicted.length).toBe(5);
      s.checkInvariants(name);
    });
  }

  it('everyPolicyName_isMapped', () => {
    for (const name of maxmemoryPolicies) expect(store(name).s.policy.size).toBe(0);
  });
});

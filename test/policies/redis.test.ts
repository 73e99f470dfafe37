/** The Redis approximations: sampled pool, 1-second LRU clock, logarithmic LFU counter, TTL order. */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { drive } from './harness.ts';
import { RedisLfu } from '../../src/policies/redis-lfu.ts';
import { RedisTtl } from '../../src/policies/redis-ttl.ts';

const s = 1e6;

describe('redis policies', () => {
  it('redisLru_withManySamples_behavesAsLruAtOneSecondResolution', () => {
    const seq = [1, 2, 3, 1, 4, 2, 5, 1].map((key, i) => ({ key, at: i * s }));
    const r = drive('redis-lru', 3, seq, { samples: 64 });
    expect(r.pattern).toBe('MMMHMMMM');
    expect(r.resident()).toEqual([1, 2, 5]);
  });

  it('redisLru_cannotTellApartAccessesWithinOneSecond', () => {
    // All in the same second: every idle time is 0, so the victim is whatever the pool
    // holds — across seeds, not always the true LRU entry (key 2 after 1 was re-read).
    const seq = [1, 2, 3, 1, 4].map((key, i) => ({ key, at: 0.5 * s + i }));
    const victims = new Set<string>();
    for (let seed = 0; seed < 20; seed++) victims.add(drive('redis-lru', 3, seq, { samples: 5 }, `seed${seed}`).resident().join(','));
    expect(victims.size).toBeGreaterThan(1);
  });

  it('redisLfu_counterStartsAt5_growsLogarithmically_decaysPerMinute', () => {
    let now = 0;
    const ctx = { capacity: 10, maxKeys: 4, random: seedrandom.alea('lfu'), now: () => now };
    const p = new RedisLfu(ctx);
    p.insert(1, 1);
    expect(p.decayed(1)).toBe(5);
    p.touch(1); // p = 1 / ((5 − 5)·10 + 1) = 1
    expect(p.decayed(1)).toBe(6);
    for (let i = 0; i < 1000; i++) p.touch(1); // each step has p = 1/((c − 5)·10 + 1): slow growth
    const c = p.decayed(1);
    expect(c).toBeGreaterThan(8);
    expect(c).toBeLessThan(30);
    now = 3 * 60 * s; // three minutes, decay time 1 → three steps down
    expect(p.decayed(1)).toBe(c - 3);
  });

  it('redisLfu_evictsTheLessFrequentKey', () => {
    const seq = [1, 1, 1, 1, 2, 3].map((key) => ({ key, at: 0 }));
    const r = drive('redis-lfu', 2, seq, { samples: 64 });
    expect(r.resident()).toEqual([1, 3]);
  });

  it('redisTtl_evictsTheKeyExpiringSoonest', () => {
    const ctx = { capacity: 3, maxKeys: 8, random: seedrandom.alea('ttl'), now: () => 0, options: { samples: 64 } };
    const p = new RedisTtl(ctx);
    for (const k of [1, 2, 3]) p.insert(k, 1);
    p.expire(1, 50 * s);
    p.expire(2, 10 * s);
    p.expire(3, 30 * s);
    expect(p.evict()).toBe(2);
    expect(p.evict()).toBe(3);
    p.finished();
  });

  it('random_isSeeded_sameSeedSameVictims', () => {
    const seq = Array.from({ length: 300 }, (_, i) => (i * 7919) % 50);
    expect(drive('random', 10, seq, {}, 'a').pattern).toBe(drive('random', 10, seq, {}, 'a').pattern);
    expect(drive('random', 10, seq, {}, 'a').pattern).not.toBe(drive('random', 10, seq, {}, 'b').pattern);
    expect(drive('redis-random', 10, seq, {}, 'a').pattern).toBe(drive('random', 10, seq, {}, 'a').pattern);
  });
});

/**
 * Property tests on random small traces (fast-check): for every policy, with sizes,
 * writes and deletes, capacity is never exceeded and the end-of-run invariants hold;
 * LRU agrees with a naive array LRU; a hit never changes occupancy.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { policies, policyNames } from '../../src/policies/index.ts';
import { ReplayCache } from '../../src/replay/cache.ts';
import { nextUseIndices } from '../../src/replay/future.ts';
import { naiveLru } from '../replay/naive.ts';

const request = fc.record({
  key: fc.integer({ min: 0, max: 30 }),
  size: fc.integer({ min: 1, max: 8 }),
  op: fc.constantFrom('read', 'read', 'read', 'write', 'delete'),
});
const trace = fc.array(request, { minLength: 1, maxLength: 200 });

function build(name: (typeof policyNames)[number], capacity: number, keys: number[]) {
  const k = Int32Array.from(keys);
  const policy = policies[name]({
    capacity,
    maxKeys: 32,
    random: seedrandom.alea('prop'),
    now: () => 0,
    options: { nextUse: nextUseIndices(k, k.length, 32) },
  });
  return new ReplayCache(policy, capacity, 32, false);
}

describe('policy properties', () => {
  for (const name of policyNames) {
    it(`${name}_neverExceedsCapacity_hitKeepsOccupancy_invariantsHold`, () => {
      fc.assert(
        fc.property(trace, fc.integer({ min: 1, max: 40 }), (reqs, capacity) => {
          const cache = build(name, capacity, reqs.map((r) => r.key));
          reqs.forEach((r, i) => {
            cache.policy.seek?.(i);
            if (r.op === 'read') {
              const before = cache.used;
              const wasIn = cache.has(r.key);
              const hit = cache.read(r.key, r.size, true, 0, 0);
              expect(hit).toBe(wasIn);
              if (hit) expect(cache.used).toBe(before);
            } else if (r.op === 'write') cache.write(r.key, r.size, true, 0, 0);
            else cache.delete(r.key, true);
            expect(cache.used).toBeLessThanOrEqual(capacity);
            expect(cache.policy.size).toBe(cache.entries);
          });
          cache.finished();
        }),
        { numRuns: 150 },
      );
    });
  }

  it('lru_agreesWithNaiveArrayLru', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (keys, capacity) => {
        const cache = build('lru', capacity, keys);
        const ours = keys.map((k) => cache.read(k, 1, true, 0, 0));
        expect(ours).toEqual(naiveLru(keys, capacity));
      }),
      { numRuns: 300 },
    );
  });
});

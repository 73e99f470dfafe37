/**
 * LRU and FIFO against independent naive array-scan implementations (naive.ts) on the
 * bundled traces — prefixes and capacities that keep the O(N·C) references fast.
 */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../src/replay/replay.ts';
import { naiveFifoMisses, naiveLruMisses } from './naive.ts';
import { CLOUD, OLTP, P3, keyIds } from './traces.ts';

const cases = [
  { name: 'OLTP', path: OLTP, limit: 100_000 },
  { name: 'P3', path: P3, limit: 100_000 },
  { name: 'cloudPhysicsIO', path: CLOUD, limit: undefined },
];

describe('LRU and FIFO equal naive references', () => {
  for (const { name, path, limit } of cases) {
    it(`${name}_lruAndFifo_matchArrayScan`, async () => {
      const keys = await keyIds(path, limit);
      const caps = [10, 100, 1000];
      const { rows } = await replayTrace({
        trace: path,
        limit,
        policies: ['lru', 'fifo'],
        capacities: caps.map((c) => ({ kind: 'items' as const, value: c, label: String(c) })),
        ignoreSize: true,
        ignoreOps: true,
      });
      for (const row of rows) {
        const ref = row.policy === 'lru' ? naiveLruMisses(keys, row.capacity) : naiveFifoMisses(keys, row.capacity);
        expect({ policy: row.policy, capacity: row.capacity, misses: row.misses }).toEqual({ policy: row.policy, capacity: row.capacity, misses: ref });
        expect(row.requests).toBe(keys.length);
      }
    });
  }
});

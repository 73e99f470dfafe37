/** Belady's MIN is a lower bound: never more misses than any policy (unit sizes, reads only). */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../src/replay/replay.ts';
import { policyNames } from '../../src/policies/index.ts';
import { CLOUD, OLTP } from './traces.ts';

const online = policyNames.filter((p) => p !== 'belady' && p !== 'redis-ttl');

describe('belady', () => {
  for (const [name, trace, limit] of [['OLTP', OLTP, 200_000], ['cloudPhysicsIO', CLOUD, undefined]] as const) {
    it(`belady_neverMissesMoreThanAnyPolicy_${name}`, async () => {
      const { rows } = await replayTrace({
        trace,
        limit,
        policies: ['belady', ...online],
        capacities: [50, 500, 5000].map((c) => ({ kind: 'items' as const, value: c, label: String(c) })),
        ignoreSize: true,
        ignoreOps: true,
      });
      for (const row of rows) {
        const opt = rows.find((r) => r.policy === 'belady' && r.capacity === row.capacity)!;
        expect(opt.misses, `${row.policy} at ${row.capacity}`).toBeLessThanOrEqual(row.misses);
      }
    });
  }
});

/**
 * Validation against the ARC paper (Megiddo & Modha, FAST 2003, table of hit ratios on
 * OLTP, capacities in 512-byte pages): LRU must reproduce it exactly; ARC matches it to
 * the printed two decimals at 2,000–15,000 pages and within 0.02 points at 1,000.
 */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../src/replay/replay.ts';
import { OLTP } from './traces.ts';

const PAPER = {
  lru: { 1000: 32.83, 2000: 42.47, 5000: 53.65, 10000: 60.7, 15000: 64.63 },
  arc: { 1000: 38.93, 2000: 46.08, 5000: 55.25, 10000: 61.87, 15000: 65.4 },
} as const;

describe('ARC paper, OLTP trace', () => {
  it('lruAndArc_reproduceThePublishedHitRatios', async () => {
    const caps = [1000, 2000, 5000, 10000, 15000] as const;
    const { rows } = await replayTrace({
      trace: OLTP,
      policies: ['lru', 'arc'],
      capacities: caps.map((c) => ({ kind: 'items' as const, value: c, label: String(c) })),
      ignoreSize: true,
    });
    for (const row of rows) {
      const hit = 100 * (1 - row.missRatio);
      const paper = PAPER[row.policy as 'lru' | 'arc'][row.capacity as (typeof caps)[number]];
      if (row.policy === 'arc' && row.capacity === 1000) expect(Math.abs(hit - paper)).toBeLessThan(0.02);
      else expect(hit.toFixed(2)).toBe(paper.toFixed(2));
    }
  });
});

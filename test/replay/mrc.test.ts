/**
 * The one-pass LRU curve (Mattson stack distances) equals separate LRU runs exactly;
 * SHARDS sampling stays close to the exact curve.
 */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../src/replay/replay.ts';
import { curveError, curveRows, missRatioCurve } from '../../src/replay/mrc.ts';
import { CLOUD, OLTP } from './traces.ts';

async function lruRuns(trace: string, caps: number[], warmup?: number) {
  const { rows } = await replayTrace({
    trace,
    policies: ['lru'],
    capacities: caps.map((c) => ({ kind: 'items' as const, value: c, label: String(c) })),
    ignoreSize: true,
    ignoreOps: true,
    warmup: warmup ? { requests: warmup } : undefined,
  });
  return rows;
}

describe('miss-ratio curves', () => {
  it('mattson_equalsLruAtEveryTestedCapacity_OLTP', async () => {
    const caps = [1, 2, 100, 1000, 5000, 15000, 50000, 186880, 500000];
    const curve = await missRatioCurve({ trace: OLTP });
    const runs = await lruRuns(OLTP, caps);
    expect(curveRows(curve, caps).map((r) => r.misses)).toEqual(runs.map((r) => r.misses));
  });

  it('mattson_equalsLru_withWarmup_andByteRatios_cloudPhysics', async () => {
    const caps = [7, 500, 4000, 20000];
    const curve = await missRatioCurve({ trace: CLOUD, warmupRequests: 10_000 });
    const runs = await lruRuns(CLOUD, caps, 10_000);
    const rows = curveRows(curve, caps);
    expect(rows.map((r) => r.misses)).toEqual(runs.map((r) => r.misses));
    expect(rows.map((r) => r.requests)).toEqual(runs.map((r) => r.requests));
    rows.forEach((r, i) => expect(r.byteMissRatio).toBeCloseTo(runs[i].byteMissRatio, 12));
  });

  it('shards_staysCloseToExactCurve', async () => {
    // Measured (seed 1): OLTP mean |error| 0.0009, max 0.011; cloudPhysicsIO mean 0.009, max 0.046.
    for (const trace of [OLTP, CLOUD]) {
      const exact = await missRatioCurve({ trace });
      const sampled = await missRatioCurve({ trace, sampleRate: 0.1 });
      const err = curveError(exact, sampled);
      expect(err.mean).toBeLessThan(0.015);
      expect(err.max).toBeLessThan(0.06);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  combineReplications,
  estimatesDiffer,
  isCiKey,
  meanCI95,
  tQuantile975,
  variantsDiffer,
} from '../../src/metrics/replications.ts';
import type { VariantResult } from '../../src/metrics/result.ts';
import { stampedeResult } from '../report/fixtures.ts';
import { oneKeyTtlScenario } from '../helpers/run.ts';

/** A small run whose figures are given, everything else minimal. */
function run(hitRatio: number, p99: number, qps: number[], counts = [1, 2, 3]): VariantResult {
  return {
    summary: {
      name: 'v',
      params: { 'strategy.stampede': 'mutex' },
      replications: 1,
      requests: { reads: 100, writes: 0 },
      layers: { redis: { hits: hitRatio * 100, misses: 100 - hitRatio * 100, hitRatio } },
      servedBy: { redis: hitRatio * 100, database: 100 - hitRatio * 100 },
      latencyMs: { mean: 1, p50: 1, p95: 2, p99, max: 9 },
      stampede: { expiries: 2, dbLoadsPerExpiry: { mean: 1, max: 1 } },
      staleness: { staleReads: 0, staleReadRatio: 0, meanAgeMs: 0, p99AgeMs: 0, maxAgeMs: 0 },
      writes: { lost: 0, maxFlushLagMs: 0 },
    },
    bucketSeconds: 1,
    series: [{ metric: 'database.qps', values: qps }],
    events: [{ tSeconds: 1, kind: 'expiry', label: 'k' }],
    latencyHistogram: { edgesMs: [1, 10, 100], counts },
    stalenessHistogram: { edgesMs: [10], counts: [0] },
    instances: [{ layer: 'redis', instance: 'r0', hits: hitRatio * 100, misses: 1, evictions: 2, peakBytes: 10 }],
  };
}

describe('Student t quantiles', () => {
  it('tQuantile975_tableValues_matchStandardTables', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile975(30)).toBeCloseTo(2.0423, 4);
  });

  it('tQuantile975_beyondTable_expansionWithin1e4OfTables', () => {
    // Reference values from R's qt(0.975, df).
    expect(Math.abs(tQuantile975(31) - 2.039513)).toBeLessThan(1e-4);
    expect(Math.abs(tQuantile975(40) - 2.021075)).toBeLessThan(1e-4);
    expect(Math.abs(tQuantile975(60) - 2.000298)).toBeLessThan(1e-4);
    expect(Math.abs(tQuantile975(120) - 1.97993)).toBeLessThan(1e-4);
    expect(Math.abs(tQuantile975(1e6) - 1.959966)).toBeLessThan(1e-5);
  });

  it('tQuantile975_invalidDf_throws', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(2.5)).toThrow(RangeError);
  });

  it('meanCI95_fourSamples_isTTimesStandardError', () => {
    // samples 1,2,3,4: mean 2.5, s = sqrt(5/3), half-width = t(3) * s / 2
    const { mean, ci95 } = meanCI95([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(ci95).toBeCloseTo((3.182446 * Math.sqrt(5 / 3)) / 2, 9);
    expect(meanCI95([7]).ci95).toBeUndefined();
  });
});

describe('combineReplications', () => {
  const combined = combineReplications([run(0.9, 10, [1, 2, 3]), run(0.8, 20, [3, 4, 5]), run(0.7, 30, [5, 6])]);

  it('combine_threeRuns_meansWithCiSiblings', () => {
    const redis = combined.summary.layers.redis;
    expect(redis.hitRatio).toBeCloseTo(0.8, 12);
    expect(redis.hitRatioCI95).toBeCloseTo(tQuantile975(2) * 0.1 / Math.sqrt(3), 12);
    expect(combined.summary.latencyMs.p99).toBe(20);
    expect(combined.summary.latencyMs.p99CI95).toBeCloseTo(tQuantile975(2) * 10 / Math.sqrt(3), 9);
    // identical figures: zero-width interval, still present
    expect(combined.summary.stampede.dbLoadsPerExpiry.mean).toBe(1);
    expect(combined.summary.stampede.dbLoadsPerExpiry.meanCI95).toBe(0);
  });

  it('combine_keepsIdentityFields_andCountsReplications', () => {
    expect(combined.summary.name).toBe('v');
    expect(combined.summary.params).toEqual({ 'strategy.stampede': 'mutex' });
    expect(combined.summary.replications).toBe(3);
    expect('replicationsCI95' in combined.summary).toBe(false);
  });

  it('combine_seriesAveragedPerBucket_shortRunsCountWhereTheyHaveData', () => {
    expect(combined.series).toEqual([{ metric: 'database.qps', values: [3, 4, 4] }]);
  });

  it('combine_histogramsAndInstancesAveraged_eventsFromFirstRun', () => {
    expect(combined.latencyHistogram).toEqual({ edgesMs: [1, 10, 100], counts: [1, 2, 3] });
    expect(combined.instances[0].hits).toBeCloseTo(80, 9);
    expect(combined.events).toEqual([{ tSeconds: 1, kind: 'expiry', label: 'k' }]);
  });

  it('combine_singleRun_addsNoCiFields', () => {
    const one = combineReplications([run(0.9, 10, [1])]);
    expect(JSON.stringify(one.summary)).not.toMatch(/CI95/);
    expect(one.summary.layers.redis.hitRatio).toBe(0.9);
  });

  it('combine_sparseHistograms_alignOnTheUnionOfEdges', () => {
    // Histograms list only non-empty buckets; a bucket one run lacks counts 0 there.
    const a = run(0.9, 10, [1]);
    a.latencyHistogram = { edgesMs: [1, 5], counts: [2, 4] };
    const b = run(0.8, 20, [1]);
    b.latencyHistogram = { edgesMs: [5, 10], counts: [2, 6] };
    expect(combineReplications([a, b]).latencyHistogram).toEqual({ edgesMs: [1, 5, 10], counts: [1, 3, 3] });
  });

  it('isCiKey_recognisesSiblingsOnly', () => {
    expect(isCiKey('redisCI95')).toBe(true);
    expect(isCiKey('CI95')).toBe(false);
    expect(isCiKey('redis')).toBe(false);
  });
});

describe('deciding whether variants differ', () => {
  it('estimatesDiffer_overlappingIntervals_notDifferent', () => {
    expect(estimatesDiffer({ mean: 1, ci95: 0.5 }, { mean: 1.9, ci95: 0.5 })).toBe(false);
    expect(estimatesDiffer({ mean: 1, ci95: 0.4 }, { mean: 1.9, ci95: 0.4 })).toBe(true);
    expect(estimatesDiffer({ mean: 1 }, { mean: 100 })).toBeUndefined();
  });

  it('variantsDiffer_stampedeFixture_loadsPerExpiryDifferHitRatiosDoNot', () => {
    const [none, mutex] = stampedeResult(5).summary.variants;
    expect(variantsDiffer(none, mutex, 'stampede.dbLoadsPerExpiry.mean')).toBe(true);
    expect(variantsDiffer(none, mutex, 'layers.cdn.hitRatio')).toBe(false);
    expect(variantsDiffer(none, mutex, 'layers.nope.hitRatio')).toBeUndefined();
  });
});

/**
 * Coverage of the replication interval on a scenario with a known answer: one key,
 * Poisson reads at λ, TTL T, instant fill, so the Redis hit ratio is λT/(1+λT).
 * 100 repetitions, each R = 5 seeded replications combined by combineReplications;
 * the 95% interval must cover the truth in a number of repetitions inside the central
 * 99.9% of Binomial(100, 0.95). Coverage alone would accept an interval that is far too
 * wide, so its mean half-width must also be near the theoretical t·σ/√R.
 */
describe('replication confidence intervals on the TTL hit ratio', () => {
  const rate = 2;
  const ttl = 1;
  const horizon = 1000;
  const R = 5;
  const repetitions = 100;
  const yaml = oneKeyTtlScenario(rate, ttl, horizon);

  /** Smallest k with P(X < k) ≥ tail, and largest with P(X > k) ≥ tail, for X ~ Bin(n, p). */
  function binomialRange(n: number, p: number, tail: number): [number, number] {
    const pmf = Array.from({ length: n + 1 }, (_, k) => {
      let logC = 0;
      for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
      return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
    });
    let lo = 0;
    for (let below = 0; below + pmf[lo] < tail; lo++) below += pmf[lo];
    let hi = n;
    for (let above = 0; above + pmf[hi] < tail; hi--) above += pmf[hi];
    return [lo, hi];
  }

  it('ci95_ttlHitRatio_coversTruthInAbout95Of100Repetitions', async () => {
    const { scenariosOf } = await import('../helpers/run.ts');
    const { simulate } = await import('../../src/model/simulate.ts');
    const [{ scenario }] = scenariosOf(yaml);
    const truth = (rate * ttl) / (1 + rate * ttl);
    let covered = 0;
    let halfWidths = 0;
    for (let rep = 0; rep < repetitions; rep++) {
      const runs = Array.from({ length: R }, (_, r) => simulate(scenario, { name: 'ttl', seed: 1000 + rep * R + r }).result);
      const redis = combineReplications(runs).summary.layers.redis as { hitRatio: number; hitRatioCI95?: number };
      const ci = redis.hitRatioCI95 ?? Number.NaN;
      if (Math.abs(redis.hitRatio - truth) <= ci) covered++;
      halfWidths += ci;
    }
    const [lo, hi] = binomialRange(repetitions, 0.95, 0.0005);
    expect(covered).toBeGreaterThanOrEqual(lo);
    expect(covered).toBeLessThanOrEqual(hi);
    // One run's estimator: sd = sqrt(λT / cycles) / (1+λT)² (delta method, Poisson hits per cycle).
    const cycles = horizon / (ttl + 1 / rate);
    const sdRun = Math.sqrt((rate * ttl) / cycles) / (1 + rate * ttl) ** 2;
    // E[s] < σ for small R (c4(5) ≈ 0.94), hence the asymmetric band.
    const expected = (tQuantile975(R - 1) * sdRun) / Math.sqrt(R);
    expect(halfWidths / repetitions).toBeGreaterThan(0.7 * expected);
    expect(halfWidths / repetitions).toBeLessThan(1.3 * expected);
  });
});

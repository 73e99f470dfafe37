/**
 * One key, Poisson reads at rate λ, TTL T, instant fill (all latencies 0): each
 * cycle is a fresh period T followed by an Exp(λ) wait for the miss that refills,
 * so the hit ratio is λT/(1+λT).
 *
 * Tolerance: over n cycles the hits per cycle are Poisson(λT), so by the delta
 * method the estimator H/(H+n) has standard deviation sqrt(λT / n) / (1+λT)^2.
 * We accept |estimate − truth| ≤ 3.29 sd (a 99.9% interval).
 */
import { describe, expect, it } from 'vitest';
import { oneKeyTtlScenario as scenario, summaryOf, Z999 } from '../helpers/run.ts';

describe('TTL cache-aside hit ratio', () => {
  it.each([
    { rate: 10, ttl: 1, expected: 0.9091 },
    { rate: 1, ttl: 1, expected: 0.5 },
  ])('ttlCacheAside_hitRatio_matchesLambdaTOver1PlusLambdaT (λ=$rate/s, T=$ttl s)', ({ rate, ttl, expected }) => {
    const horizon = 20_000;
    const s = summaryOf(scenario(rate, ttl, horizon));
    const lt = rate * ttl;
    const truth = lt / (1 + lt);
    expect(truth).toBeCloseTo(expected, 4);
    const cycles = horizon / (ttl + 1 / rate);
    const sd = Math.sqrt(lt / cycles) / (1 + lt) ** 2;
    const redis = s.layers.redis as { hitRatio: number; hits: number; misses: number };
    expect(Math.abs(redis.hitRatio - truth)).toBeLessThan(Z999 * sd);
    // Enough cycles happened for the interval to mean something.
    expect(redis.misses).toBeGreaterThan(cycles * 0.95);
  });
});

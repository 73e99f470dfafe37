/**
 * Distributions: sample means against exact means. With n draws the sample mean
 * has standard error sd/√n; we accept 3.29 SE (99.9%), with sd computed exactly.
 */
import { describe, expect, it } from 'vitest';
import { meanOf, sampler, Z99, type Dist } from '../../src/engine/dist/index.ts';
import { RandomStreams } from '../../src/engine/rng.ts';
import { scenariosOf, Z999 } from '../helpers/run.ts';

const n = 200_000;
const draw = (d: Dist) => {
  const s = sampler(d, new RandomStreams(3).stream('test'));
  return Array.from({ length: n }, () => s());
};
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('distributions', () => {
  it.each<[string, Dist, number]>([
    ['constant', { kind: 'constant', value: 5 }, 0],
    ['uniform', { kind: 'uniform', min: 2, max: 10 }, 8 / Math.sqrt(12)],
    ['exponential', { kind: 'exponential', mean: 50 }, 50],
    ['normal', { kind: 'normal', mean: 100, sd: 10 }, 10],
    ['pareto', { kind: 'pareto', scale: 1, shape: 3 }, Math.sqrt(3 / 4)],
  ])('%s_sampleMean_matchesExactMean', (_name, d, sd) => {
    const xs = draw(d);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mean - meanOf(d))).toBeLessThanOrEqual(Z999 * (sd / Math.sqrt(n)) + 1e-12);
  });

  it('lognormal_fromMedianAndP99_hasThosePercentiles', () => {
    expect(Z99).toBeCloseTo(2.326348, 6); // the standard normal's 99th percentile
    // median 40 ms, p99 250 ms, built from the scenario spelling as users write it
    const [{ scenario }] = scenariosOf(`
horizon: 1s
keyspaces: [{ name: k, keys: 1, rate: 1/s }]
hierarchy:
  database: { connections: 1, service: { dist: lognormal, median: 40ms, p99: 250ms } }
`);
    const xs = sorted(draw(scenario.database.service));
    // The sample p-quantile has sd ≈ sqrt(p(1-p)/n)/f(x_p): under 0.4% here, so 2% is > 5 sd.
    expect(Math.abs(xs[Math.floor(0.5 * n)] / 40_000 - 1)).toBeLessThan(0.02);
    expect(Math.abs(xs[Math.floor(0.99 * n)] / 250_000 - 1)).toBeLessThan(0.02);
  });

  it('empirical_interpolatesBetweenGivenPercentiles', () => {
    const d: Dist = { kind: 'empirical', points: [[0.5, 40], [0.99, 250]] };
    const xs = sorted(draw(d));
    expect(xs[0]).toBe(40); // flat below the lowest given percentile
    expect(Math.abs(xs[Math.floor(0.75 * n)] - (40 + (210 * 0.25) / 0.49))).toBeLessThan(1.5);
    expect(xs[n - 1]).toBeLessThanOrEqual(250 + (210 / 0.49) * 0.01 + 1e-9); // last slope continued to p100
  });
});

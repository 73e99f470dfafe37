/**
 * The database as a queue. With Poisson arrivals λ, exponential service μ and c
 * connections (no caches in front), it is M/M/c:
 *   M/M/1 mean response time 1/(μ−λ);
 *   M/M/c P(wait) from Erlang C and mean wait P(wait)/(cμ−λ).
 * Response times within one run are strongly autocorrelated, so the tolerance
 * comes from independent replications (seeds): |mean − truth| ≤ t(0.9995, R−1)·s/√R,
 * a 99.9% interval; we also require the interval to be tight enough to mean something.
 */
import { describe, expect, it } from 'vitest';
import { meanAndSe, runYaml, T999 } from '../helpers/run.ts';

function erlangC(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

const mmc = (lambda: number, mu: number, c: number, horizon: number) => `
horizon: ${horizon}s
keyspaces:
  - { name: q, keys: 1000, rate: ${lambda}/s }
hierarchy:
  database:
    connections: ${c}
    service: { dist: exponential, mean: ${1 / mu}s }
`;

function replicate(yaml: string, reps: number) {
  return Array.from({ length: reps }, (_, r) => runYaml(yaml, 1000 + r).baseline.summary);
}

describe('database queue', () => {
  it('mm1_meanResponse_matchesOneOverMuMinusLambda', () => {
    const lambda = 0.8;
    const mu = 1;
    const reps = replicate(mmc(lambda, mu, 1, 100_000), 10);
    const { mean, se } = meanAndSe(reps.map((s) => s.latencyMs.mean / 1000));
    const truth = 1 / (mu - lambda);
    expect(Math.abs(mean - truth)).toBeLessThan(T999[9] * se);
    expect((T999[9] * se) / truth).toBeLessThan(0.1);
  });

  it('mmc_waitProbabilityAndMeanWait_matchErlangC', () => {
    const [lambda, mu, c] = [8, 1, 10];
    const pWait = erlangC(lambda, mu, c);
    const meanWait = pWait / (c * mu - lambda);
    expect(pWait).toBeCloseTo(0.4092, 4);
    expect(meanWait).toBeCloseTo(0.2046, 4);
    const reps = replicate(mmc(lambda, mu, c, 20_000), 10);
    const db = reps.map((s) => s.layers.database as Record<string, number>);
    const p = meanAndSe(db.map((d) => d.queuedFraction));
    const w = meanAndSe(db.map((d) => d.meanQueueWaitMs / 1000));
    expect(Math.abs(p.mean - pWait)).toBeLessThan(T999[9] * p.se);
    expect(Math.abs(w.mean - meanWait)).toBeLessThan(T999[9] * w.se);
    expect((T999[9] * w.se) / meanWait).toBeLessThan(0.15);
  });
});

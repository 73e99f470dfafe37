/**
 * Popularity samplers are exact: observed key frequencies match the target
 * probabilities. Chi-square over the 50 hottest keys plus one bin for the rest:
 * 50 degrees of freedom, 99.9% critical value 86.66.
 */
import { describe, expect, it } from 'vitest';
import { keySampler, popularityProbabilities } from '../../src/workload/popularity.ts';
import { RandomStreams } from '../../src/engine/rng.ts';
import type { Popularity } from '../../src/scenario/normalize.ts';

const CHI2_50_999 = 86.66;

describe('popularity', () => {
  it.each<[string, Popularity]>([
    ['zipf 0.8', { kind: 'zipf', alpha: 0.8 }],
    ['zipf 1.2', { kind: 'zipf', alpha: 1.2 }],
    ['uniform', { kind: 'uniform' }],
    ['hot set 1% / 90%', { kind: 'hotSet', hotFraction: 0.01, hotShare: 0.9 }],
  ])('%s_frequenciesMatchProbabilities', (_name, p) => {
    const keys = 10_000;
    const n = 400_000;
    const sample = keySampler(p, keys, new RandomStreams(5).stream('keys'));
    const counts = new Float64Array(keys);
    for (let i = 0; i < n; i++) counts[sample()]++;
    const probs = popularityProbabilities(p, keys);
    let chi2 = 0;
    let restObserved = n;
    let restExpected = n;
    for (let k = 0; k < 50; k++) {
      const e = probs[k] * n;
      chi2 += (counts[k] - e) ** 2 / e;
      restObserved -= counts[k];
      restExpected -= e;
    }
    chi2 += (restObserved - restExpected) ** 2 / restExpected;
    expect(chi2).toBeLessThan(CHI2_50_999);
  });
});

/**
 * Key popularity: which key of a keyspace a request names. Samplers are exact
 * (inverse CDF over a precomputed table), so the Zipf tail is not skewed by an
 * approximation. Rank r (0-based) is key r: the hottest keys have the lowest ids.
 */
import type { Uniform } from '../engine/rng.ts';
import type { Popularity } from '../scenario/normalize.ts';

export type KeySampler = () => number;

export function keySampler(p: Popularity, keys: number, u: Uniform): KeySampler {
  switch (p.kind) {
    case 'uniform':
      return () => Math.floor(u() * keys);
    case 'zipf':
      return zipfSampler(p.alpha, keys, u);
    case 'hotSet': {
      const hot = Math.max(1, Math.min(keys, Math.round(p.hotFraction * keys)));
      const cold = keys - hot;
      const share = cold === 0 ? 1 : p.hotShare;
      // Two uniforms per draw, whatever the branch, so the stream stays aligned.
      return () => {
        const pick = u();
        const which = u();
        return pick < share ? Math.floor(which * hot) : hot + Math.floor(which * cold);
      };
    }
  }
}

/** P(rank r) ∝ (r+1)^-alpha, sampled by binary search over the cumulative table. */
export function zipfSampler(alpha: number, keys: number, u: Uniform): KeySampler {
  const cdf = zipfCdf(alpha, keys);
  const last = keys - 1;
  return () => {
    const x = u();
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function zipfCdf(alpha: number, keys: number): Float64Array {
  const cdf = new Float64Array(keys);
  let sum = 0;
  for (let r = 0; r < keys; r++) {
    sum += Math.pow(r + 1, -alpha);
    cdf[r] = sum;
  }
  for (let r = 0; r < keys; r++) cdf[r] /= sum;
  cdf[keys - 1] = 1;
  return cdf;
}

/** Probability of each rank (for closed-form checks such as Che's approximation). */
export function popularityProbabilities(p: Popularity, keys: number): Float64Array {
  const probs = new Float64Array(keys);
  if (p.kind === 'uniform') probs.fill(1 / keys);
  else if (p.kind === 'zipf') {
    const cdf = zipfCdf(p.alpha, keys);
    for (let r = 0; r < keys; r++) probs[r] = cdf[r] - (r > 0 ? cdf[r - 1] : 0);
  } else {
    const hot = Math.max(1, Math.min(keys, Math.round(p.hotFraction * keys)));
    const cold = keys - hot;
    const share = cold === 0 ? 1 : p.hotShare;
    for (let r = 0; r < keys; r++) probs[r] = r < hot ? share / hot : (1 - share) / cold;
  }
  return probs;
}

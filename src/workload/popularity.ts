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

/**
 * P(rank r) ∝ (r+1)^-alpha, sampled exactly with Walker's alias table: two array
 * reads per draw whatever the key count (a binary search over a large CDF costs
 * about 18 cache misses). Two uniforms per draw: a column and a coin.
 */
export function zipfSampler(alpha: number, keys: number, u: Uniform): KeySampler {
  const probs = new Float64Array(keys);
  const cdf = zipfCdf(alpha, keys);
  for (let r = 0; r < keys; r++) probs[r] = cdf[r] - (r > 0 ? cdf[r - 1] : 0);
  const { threshold, alias } = aliasTable(probs);
  // Threshold and alias side by side, so a draw touches one cache line, not two.
  const table = new Float64Array(2 * keys);
  for (let c = 0; c < keys; c++) {
    table[2 * c] = threshold[c];
    table[2 * c + 1] = alias[c];
  }
  return () => {
    const column = Math.floor(u() * keys);
    return u() < table[2 * column] ? column : table[2 * column + 1];
  };
}

/** Vose's construction of Walker's alias table for a discrete distribution. */
export function aliasTable(probs: Float64Array): { threshold: Float64Array; alias: Int32Array } {
  const n = probs.length;
  const threshold = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = Float64Array.from(probs, (p) => p * n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns];
    const l = large[--nl];
    threshold[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // What is left has probability 1 up to rounding.
  while (nl > 0) threshold[large[--nl]] = 1;
  while (ns > 0) threshold[small[--ns]] = 1;
  for (let i = 0; i < n; i++) if (threshold[i] === 1) alias[i] = i;
  return { threshold, alias };
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

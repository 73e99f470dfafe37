/**
 * Distributions of durations (microseconds) or sizes (bytes), in a normalized form
 * that the scenario loader produces from the user's spelling. `sampler` turns a
 * spec and a uniform stream into a function drawing one value per call; each draw
 * consumes a fixed number of uniforms, so streams stay aligned across variants.
 */
import type { Uniform } from '../rng.ts';

export type Dist =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'normal'; mean: number; sd: number }
  /** ln(X / unit) ~ Normal(mu, sigma), unit = 1 s for durations, 1 byte for sizes. */
  | { kind: 'lognormal'; mu: number; sigma: number; unit: number }
  | { kind: 'pareto'; scale: number; shape: number }
  /** Piecewise-linear quantile function through (percentile in [0,1], value) points. */
  | { kind: 'empirical'; points: ReadonlyArray<readonly [number, number]> };

export type Sampler = () => number;

/** z of the standard normal at 0.99, to fit a lognormal through a median and a p99. */
export const Z99 = 2.3263478740408408;

export function sampler(d: Dist, u: Uniform): Sampler {
  switch (d.kind) {
    case 'constant': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { min, max } = d;
      return () => min + (max - min) * u();
    }
    case 'exponential': {
      const mean = d.mean;
      return () => -mean * Math.log(1 - u());
    }
    case 'normal': {
      const { mean, sd } = d;
      const z = standardNormals(u);
      return () => Math.max(0, mean + sd * z());
    }
    case 'lognormal': {
      const { mu, sigma, unit } = d;
      const z = standardNormals(u);
      return () => unit * Math.exp(mu + sigma * z());
    }
    case 'pareto': {
      const { scale, shape } = d;
      return () => scale / Math.pow(1 - u(), 1 / shape);
    }
    case 'empirical': {
      const quantile = empiricalQuantile(d.points);
      return () => quantile(u());
    }
  }
}

/** Mean of a distribution (exact where closed-form, numeric for empirical). */
export function meanOf(d: Dist): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'normal':
      return d.mean; // ignoring the clamp at 0, negligible when mean >> sd
    case 'lognormal':
      return d.unit * Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'pareto':
      return d.shape > 1 ? (d.shape * d.scale) / (d.shape - 1) : Number.POSITIVE_INFINITY;
    case 'empirical': {
      const q = empiricalQuantile(d.points);
      const n = 10_000;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += q((i + 0.5) / n);
      return sum / n;
    }
  }
}

/**
 * Box–Muller, using both normals of each pair of uniforms: draws 2k and 2k+1 come
 * from uniforms 2k and 2k+1 of the stream, a fixed mapping, so runs stay
 * reproducible at half the cost of one logarithm and square root per draw.
 */
function standardNormals(u: Uniform): () => number {
  let spare = 0;
  let haveSpare = false;
  return () => {
    if (haveSpare) {
      haveSpare = false;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(1 - u())); // 1 - u in (0,1]
    const theta = 2 * Math.PI * u();
    spare = r * Math.sin(theta);
    haveSpare = true;
    return r * Math.cos(theta);
  };
}

/**
 * Below the lowest given percentile the value stays at the lowest given value
 * (unless p0 is given); above the highest, the last segment's slope continues to
 * p100 (flat when only one point is given).
 */
function empiricalQuantile(points: ReadonlyArray<readonly [number, number]>): (p: number) => number {
  const pts = [...points].sort((a, b) => a[0] - b[0]);
  if (pts[0][0] > 0) pts.unshift([0, pts[0][1]]);
  const last = pts[pts.length - 1];
  if (last[0] < 1) {
    const prev = pts[pts.length - 2];
    const slope = prev && last[0] > prev[0] ? (last[1] - prev[1]) / (last[0] - prev[0]) : 0;
    pts.push([1, last[1] + slope * (1 - last[0])]);
  }
  const ps = Float64Array.from(pts, (p) => p[0]);
  const vs = Float64Array.from(pts, (p) => p[1]);
  return (p: number) => {
    let lo = 0;
    let hi = ps.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ps[mid] <= p) lo = mid;
      else hi = mid;
    }
    const span = ps[hi] - ps[lo];
    return span > 0 ? vs[lo] + ((vs[hi] - vs[lo]) * (p - ps[lo])) / span : vs[lo];
  };
}

/**
 * Che's approximation (Che, Tung, Wang 2002; Fricker, Robert, Roberts 2012):
 * under the independent reference model with popularities p_i, an LRU cache of C
 * items behaves as if each key stays for a characteristic time T after its last
 * request, with Σ (1 − e^{−p_i T}) = C and hit ratio Σ p_i (1 − e^{−p_i T}).
 * FIFO and RANDOM share one approximation: Σ p_i T / (1 + p_i T) = C, hit ratio
 * Σ p_i · p_i T / (1 + p_i T). Both are computed here from the Zipf table and
 * must match the quoted figures before the simulation is compared.
 *
 * Tolerance: ±0.005 as the issue requires. With 1.5 M measured requests the
 * hit ratio's standard error is about √(h(1−h)/n) ≈ 0.0004 for independent
 * requests; hits are positively correlated through the cache state, which in
 * our runs inflates it by at most ~3×, so the 99.9% band is ≈ ±0.004 < 0.005.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/rng.ts';
import { Store } from '../../src/tiers/store.ts';
import { policies, type PolicyName } from '../../src/policies/index.ts';
import { popularityProbabilities, zipfSampler } from '../../src/workload/popularity.ts';

const N = 10_000;

/** Solves f(T) = C for increasing f by bisection on a log scale. */
function solve(f: (t: number) => number, c: number): number {
  let lo = 1e-9;
  let hi = 1e12;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    if (f(mid) < c) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

export function cheLru(p: Float64Array, c: number): number {
  const t = solve((t) => p.reduce((s, pi) => s + 1 - Math.exp(-pi * t), 0), c);
  return p.reduce((s, pi) => s + pi * (1 - Math.exp(-pi * t)), 0);
}

export function cheFifoRandom(p: Float64Array, c: number): number {
  const t = solve((t) => p.reduce((s, pi) => s + (pi * t) / (1 + pi * t), 0), c);
  return p.reduce((s, pi) => s + (pi * pi * t) / (1 + pi * t), 0);
}

/** Measured hit ratio of `policy` with C items on a Zipf(α) stream, after a warm-up. */
function simulateHitRatio(policy: PolicyName, alpha: number, c: number, seed: number, warmup = 300_000, measured = 1_500_000): number {
  const rng = new RandomStreams(seed);
  let t = 0;
  const p = policies[policy]({ capacity: c, maxKeys: N, random: rng.stream('policy'), now: () => t });
  const none = () => {};
  const store = new Store(c, N, p, { onEvict: none, onExpire: none, onBytes: none });
  const next = zipfSampler(alpha, N, rng.stream('keys'));
  let hits = 0;
  for (let n = 0; n < warmup + measured; n++) {
    t = n;
    const key = next();
    if (store.lookup(key, t) === 2) {
      if (n >= warmup) hits++;
    } else store.set(key, 0, 1, undefined, t);
  }
  store.checkInvariants(policy);
  return hits / measured;
}

const zipf = (alpha: number) => popularityProbabilities({ kind: 'zipf', alpha }, N);

describe("Che's approximation", () => {
  const lruCases: Array<[number, number, number]> = [
    [0.8, 100, 0.1566],
    [0.8, 1000, 0.4367],
    [1.0, 500, 0.5867],
    [1.2, 100, 0.6563],
  ];
  for (const [alpha, c, quoted] of lruCases) {
    it(`lru_zipf${alpha}_C${c}_matchesChe(${quoted})`, () => {
      const che = cheLru(zipf(alpha), c);
      expect(Math.abs(che - quoted)).toBeLessThan(0.00051); // our Che agrees with the figure
      const measured = simulateHitRatio('lru', alpha, c, 11);
      expect(Math.abs(measured - che)).toBeLessThan(0.005);
    });
  }

  for (const policy of ['fifo', 'random'] as const) {
    it(`${policy}_zipf0.8_C1000_matchesFifoRandomApproximation(0.3942)`, () => {
      const approx = cheFifoRandom(zipf(0.8), 1000);
      expect(Math.abs(approx - 0.3942)).toBeLessThan(0.00051);
      const measured = simulateHitRatio(policy, 0.8, 1000, 12);
      expect(Math.abs(measured - approx)).toBeLessThan(0.005);
    });
  }

  it('lru_beatsFifo_underZipf (the two approximations are told apart by the simulation)', () => {
    expect(cheLru(zipf(0.8), 1000) - cheFifoRandom(zipf(0.8), 1000)).toBeGreaterThan(0.03);
  });
});

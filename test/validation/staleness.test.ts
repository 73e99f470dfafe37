/**
 * Staleness of a TTL cache without invalidation (write-around), against its
 * closed form. Poisson reads λ and updates μ per key, TTL T, instant fill: a
 * cycle is a miss (fresh) plus the hits during T; a hit at age a is stale when a
 * write came since the fill (1 − e^{−μa}) and then its staleness is the time since
 * that first write. Per cycle, over E[reads] = 1 + λT:
 *   stale fraction = λ(T − (1 − e^{−μT})/μ) / (1 + λT)
 *   mean staleness over all reads = λ(T²/2 − T/μ + (1 − e^{−μT})/μ²) / (1 + λT)
 * λ=10/s, μ=0.1/s, T=10 s → 0.3642 and 1.308 s; λ=1/s, μ=1/s, T=1 s → 0.1839 and 0.0661 s.
 *
 * Tolerance: R replications with their own seeds are independent; the mean of R
 * is within t(0.9995, R−1)·s/√R of the expectation with 99.9% confidence.
 */
import { describe, expect, it } from 'vitest';
import { instant, run } from '../strategies/helpers.ts';

const R = 8;
const T9995_DF7 = 5.408; // Student t, two-sided 99.9%, 7 degrees of freedom

function staleness(keys: number, lambda: number, mu: number, ttl: string, write: string, seed: number) {
  const s = run(
    {
      horizon: '100s',
      warmup: '20s',
      keyspaces: [{ name: 'users', keys, rate: keys * lambda, ttl, writers: { rate: keys * mu } }],
      hierarchy: instant,
      strategy: { write },
    },
    seed,
  );
  const reads = s.requests.reads;
  return { fraction: s.staleness.staleReadRatio, meanAll: (s.staleness.staleReads * s.staleness.meanAgeMs) / 1000 / reads, s };
}

function meanAndHalfWidth(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  return [m, (T9995_DF7 * sd) / Math.sqrt(xs.length)];
}

describe('TTL staleness closed form', () => {
  const cases = [
    { keys: 100, lambda: 10, mu: 0.1, ttl: '10s', fraction: 0.3642, meanAll: 1.308 },
    { keys: 1000, lambda: 1, mu: 1, ttl: '1s', fraction: 0.1839, meanAll: 0.0661 },
  ];
  for (const c of cases) {
    it(`writeAround_lambda${c.lambda}_mu${c.mu}_ttl${c.ttl}_stale${c.fraction}_mean${c.meanAll}s`, () => {
      const runs = Array.from({ length: R }, (_, r) => staleness(c.keys, c.lambda, c.mu, c.ttl, 'write-around', 100 + r));
      const [f, fw] = meanAndHalfWidth(runs.map((x) => x.fraction));
      const [a, aw] = meanAndHalfWidth(runs.map((x) => x.meanAll));
      console.info(`staleness λ=${c.lambda} μ=${c.mu} T=${c.ttl}: fraction ${f.toFixed(4)} ± ${fw.toFixed(4)} (closed form ${c.fraction}), mean ${a.toFixed(4)} s ± ${aw.toFixed(4)} (${c.meanAll})`);
      expect(Math.abs(f - c.fraction)).toBeLessThan(fw);
      expect(Math.abs(a - c.meanAll)).toBeLessThan(aw);
      // Staleness never outlives the TTL: the stale entry expires.
      for (const x of runs) expect(x.s.staleness.maxAgeMs).toBeLessThanOrEqual(Number.parseFloat(c.ttl) * 1000);
    });
  }

  it('invalidate_zeroLatencies_noStaleReads', () => {
    const { s } = staleness(100, 10, 0.1, '10s', 'invalidate', 1);
    expect(s.requests.writes).toBeGreaterThan(500);
    expect(s.staleness.staleReads).toBe(0);
    expect(s.staleness.windows).toBe(0);
  });

  it('writeAround_staleWindows_lastAtMostTheTtl', () => {
    const { s } = staleness(100, 10, 0.1, '10s', 'write-around', 1);
    expect(s.staleness.windows).toBeGreaterThan(100);
    expect(s.staleness.windowMaxMs as number).toBeLessThanOrEqual(10_000);
  });
});

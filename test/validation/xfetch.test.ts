/**
 * XFetch (probabilistic early expiration) against its closed forms. One key read
 * by Poisson readers at rate λ, recompute time δ (the database query, no other
 * latency), β, no lock. A cycle opens at its first recompute and closes when a
 * recomputed value is stored. With intensity λ·e^{-s/(δβ)} of deciding to
 * recompute s before expiry, the first recompute comes on average δβ·Ein(λδβ)
 * early (Ein(x) = ∫₀ˣ (1−e^−u)/u du), and the figures follow:
 *   λ=100/s, δ=50 ms → 2.593 recomputes per cycle, 0.1093 s early;
 *   λ=1000/s, δ=50 ms → 2.718, 0.2245 s; λ=10/s, δ=1 s → 2.706, 2.880 s.
 * The TTL only sets the cycle length (reads far from expiry recompute with
 * probability e^{-T/δ}), so it is chosen per case to get enough cycles cheaply;
 * K independent keys run side by side for the same reason.
 *
 * Tolerance: cycles are independent, so the mean over n cycles is within
 * Z999·s/√n of the expectation with 99.9% confidence (s = the sample sd).
 */
import { describe, expect, it } from 'vitest';
import { run, Z999 } from '../strategies/helpers.ts';

const cases = [
  { lambda: 100, delta: '50ms', ttl: '3s', keys: 20, horizon: '200s', recomputes: 2.593, early: 0.1093 },
  { lambda: 1000, delta: '50ms', ttl: '3s', keys: 4, horizon: '300s', recomputes: 2.718, early: 0.2245 },
  { lambda: 10, delta: '1s', ttl: '60s', keys: 40, horizon: '1000s', recomputes: 2.706, early: 2.88 },
];

function xfetch(c: (typeof cases)[number], stampede: string) {
  return run({
    seed: 7,
    horizon: c.horizon,
    warmup: c.ttl === '60s' ? '130s' : '10s',
    keyspaces: [{ name: 'hot', keys: c.keys, rate: c.lambda * c.keys, ttl: c.ttl }],
    hierarchy: { redis: { capacity: '1GB', latency: 0 }, database: { connections: 100000, service: c.delta, latency: 0 } },
    strategy: { stampede, earlyExpiration: { beta: 1 } },
  });
}

describe('XFetch closed forms', () => {
  for (const c of cases) {
    it(`earlyExpiration_lambda${c.lambda}_delta${c.delta}_recomputes${c.recomputes}_early${c.early}s`, () => {
      const s = xfetch(c, 'early-expiration').stampede as Record<string, number>;
      const n = s.recomputeCycles;
      console.info(`XFetch λ=${c.lambda} δ=${c.delta}: ${s.recomputesPerCycle.toFixed(3)} recomputes (closed form ${c.recomputes}), ${s.earlinessSeconds.toFixed(4)} s early (${c.early}), n=${n}`);
      expect(n).toBeGreaterThan(300);
      // The spreads come from the run itself; bound them so an inflated sd cannot widen the test.
      // Recomputes per cycle are 1 plus a count of order λδ·e^{-…} (sd well under the mean);
      // the earliness of the first recompute is at most exponential-like (sd ≤ mean).
      expect(s.recomputesPerCycleSd).toBeLessThan(c.recomputes);
      expect(s.earlinessSecondsSd).toBeLessThan(1.5 * c.early);
      expect(Math.abs(s.recomputesPerCycle - c.recomputes)).toBeLessThan((Z999 * s.recomputesPerCycleSd) / Math.sqrt(n));
      expect(Math.abs(s.earlinessSeconds - c.early)).toBeLessThan((Z999 * s.earlinessSecondsSd) / Math.sqrt(n));
      // Almost every cycle starts before the expiry (P(no early decision) = e^{-λδβ}).
      expect(s.earlyCycles / n).toBeGreaterThan(0.95);
    });
  }

  it('withoutXFetch_sameCase_sends1PlusLambdaDeltaLoads', () => {
    const c = cases[0];
    const s = xfetch(c, 'none').stampede;
    // 1 + λδ = 6 loads per expiry; Poisson(λδ) per expiry has sd √5, n ≥ 300 expiries.
    expect(s.expiries).toBeGreaterThan(300);
    expect(Math.abs(s.dbLoadsPerExpiry.mean - 6)).toBeLessThan((Z999 * Math.sqrt(5)) / Math.sqrt(s.expiries));
  });
});

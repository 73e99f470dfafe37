/**
 * Probabilistic early expiration, XFetch (Vattani, Chierichetti, Lowenstein,
 * VLDB 2015): on a hit, a reader recomputes early when
 * `now − delta·beta·ln(rand()) ≥ expiry`, where delta is the recompute time
 * measured when the value was last loaded and stored with the entry, and beta
 * (default 1) trades earliness for fewer recomputes. The reader that decides to
 * recompute loads and answers with the new value; there is no lock, so several
 * readers may recompute in the same cycle.
 *
 * A cycle opens at its first recompute (early or at a real miss) and closes when
 * a recomputed value is stored. Closed forms for Poisson reads at λ, recompute
 * time δ, β: first recompute δβ·Ein(λδβ) before expiry on average, where
 * Ein(x) = ∫₀ˣ (1−e^−u)/u du; λ=100/s, δ=50 ms, β=1 → 0.1093 s and 2.593 recomputes.
 */
import type { Handler } from '../../engine/simulation.ts';
import type { StampedeStrategy, StrategyFactory } from '../types.ts';

export const earlyExpiration: StrategyFactory<StampedeStrategy> = (path, scenario, ctx) => {
  const beta = scenario.strategy.earlyExpiration.beta;
  const rand = ctx.rng.stream('strategy.early-expiration');
  const maxKeys = path.db.version.length;
  /** Measured recompute time (µs) of the value last stored, per key. */
  const delta = new Float64Array(maxKeys);
  const cycleOpenAt = new Float64Array(maxKeys).fill(-1);
  const cycleLoads = new Int32Array(maxKeys);
  const cycleEarly = new Float64Array(maxKeys);
  const stats = { cycles: 0, recomputes: 0, recomputesSq: 0, earlyRecomputes: 0, earliness: 0, earlinessSq: 0 };

  const recompute = (i: number, earliness: number): void => {
    const r = path.req(i);
    const now = path.sim.now;
    if (cycleOpenAt[r.key] < 0) {
      cycleOpenAt[r.key] = now;
      cycleLoads[r.key] = 0;
      cycleEarly[r.key] = earliness;
      // An early recompute opens a load episode the way an expiry does, so loads per expiry compare across strategies.
      if (earliness > 0) path.metrics.stampede.expired(r.key, now, path.metrics.counts(r.issuedAt));
    }
    cycleLoads[r.key]++;
    r.loadStart = now;
    path.dbRead(i, afterLoad);
  };
  const afterLoad: Handler = (i) => {
    const r = path.req(i);
    if (r.failed) return path.fail(i);
    delta[r.key] = path.sim.now - r.loadStart;
    if (path.redis) path.redisSet(i, afterFill);
    else afterFill(i);
  };
  const afterFill: Handler = (i) => {
    const key = path.req(i).key;
    const openedAt = cycleOpenAt[key];
    if (openedAt >= 0) {
      cycleOpenAt[key] = -1;
      if (openedAt >= scenario.warmup) {
        const n = cycleLoads[key];
        const e = cycleEarly[key] / 1e6;
        stats.cycles++;
        stats.recomputes += n;
        stats.recomputesSq += n * n;
        if (e > 0) stats.earlyRecomputes++;
        stats.earliness += e;
        stats.earlinessSq += e * e;
      }
    }
    path.afterFill(i);
  };

  return {
    onMiss: (i) => recompute(i, 0),
    onHit: (i) => {
      const r = path.req(i);
      const d = delta[r.key];
      if (d <= 0) return false;
      const now = path.sim.now;
      // ln(rand()) ≤ 0, so the left side is now plus a random head start; 1 − u keeps the argument in (0, 1].
      if (now - d * beta * Math.log(1 - rand()) < r.expiry) return false;
      recompute(i, r.expiry - now);
      return true;
    },
    report: () => ({
      stampede: {
        recomputeCycles: stats.cycles,
        recomputesPerCycle: stats.cycles > 0 ? stats.recomputes / stats.cycles : 0,
        recomputesPerCycleSd: sd(stats.recomputes, stats.recomputesSq, stats.cycles),
        earlyCycles: stats.earlyRecomputes,
        earlinessSeconds: stats.cycles > 0 ? stats.earliness / stats.cycles : 0,
        earlinessSecondsSd: sd(stats.earliness, stats.earlinessSq, stats.cycles),
      },
    }),
  };
};

/** Sample standard deviation from a sum and a sum of squares. */
function sd(sum: number, sumSq: number, n: number): number {
  if (n < 2) return 0;
  return Math.sqrt(Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)));
}

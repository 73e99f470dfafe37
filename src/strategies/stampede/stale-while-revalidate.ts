/**
 * Stale-while-revalidate for application caches (RFC 5861's idea, applied to
 * Redis): entries are stored for TTL + window; a hit past the TTL serves the old
 * value at once and starts one background refresh of the key, so readers never
 * wait for a recompute and the database sees one load per expiry. Only a key
 * unread for the whole window misses for real (and loads as with `none`).
 * The single refresh per key stands for a distributed lock whose round trip is
 * not charged.
 */
import { REDIS } from '../../metrics/layers.ts';
import { BackgroundRefresh } from '../refresh.ts';
import type { StampedeStrategy, StrategyFactory } from '../types.ts';

export const staleWhileRevalidate: StrategyFactory<StampedeStrategy> = (path, scenario) => {
  const window = scenario.strategy.staleWhileRevalidate.window;
  const refresh = new BackgroundRefresh(path);
  let staleServes = 0;
  return {
    onMiss: (i) => path.loadAndFill(i),
    fillTtl: (ttl) => ttl + window,
    onHit: (i) => {
      const r = path.req(i);
      const now = path.sim.now;
      if (now < r.expiry - window) return false;
      if (path.metrics.counts(r.issuedAt)) staleServes++;
      if (!refresh.isRunning(r.key)) {
        path.metrics.stampede.expired(r.key, now, path.metrics.counts(r.issuedAt));
        refresh.start(i);
      }
      path.answer(i, REDIS); // the in-process cache is not filled with a value past its TTL
      return true;
    },
    report: () => ({ stampede: { staleServes, backgroundRefreshes: refresh.started } }),
  };
};

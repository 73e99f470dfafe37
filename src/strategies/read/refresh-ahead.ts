/**
 * Refresh-ahead: cache-aside, plus a hit that finds less than `fraction` of the
 * TTL left starts one background reload of the key, so a hot key is refreshed
 * before it expires and readers never see the miss. The cost is loads for keys
 * that would not have been read again before expiring.
 */
import { BackgroundRefresh } from '../refresh.ts';
import type { ReadStrategy, StrategyFactory } from '../types.ts';

export const refreshAhead: StrategyFactory<ReadStrategy> = (path, scenario) => {
  const fraction = scenario.strategy.refreshAhead.fraction;
  const refresh = new BackgroundRefresh(path);
  return {
    onSharedMiss: (i) => path.stampede.onMiss(i),
    onSharedHit: (i) => {
      const ttl = path.keyspaceOf(i).ttl;
      const r = path.req(i);
      if (ttl !== undefined && r.expiry - path.sim.now < fraction * ttl) refresh.start(i);
      return false; // the client is answered from the cache as usual
    },
    report: () => ({ stampede: { refreshAheadLoads: refresh.started } }),
  };
};

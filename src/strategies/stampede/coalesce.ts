/**
 * Coalesce (single flight per app server, like Go's singleflight or Guava's
 * LoadingCache): one load per key per server at a time; other requests on that
 * server that miss meanwhile wait for it. With S servers an expiry sends at most
 * S loads to the database, without a lock round trip, but a slow load makes every
 * waiter on that server slow too.
 */
import { SingleFlight } from '../single-flight.ts';
import type { StampedeStrategy, StrategyFactory } from '../types.ts';

export const coalesce: StrategyFactory<StampedeStrategy> = (path, scenario) => {
  const flight = new SingleFlight(path, scenario.app?.servers ?? 1);
  return {
    onMiss: (i) => flight.onMiss(i),
    report: () => ({ stampede: { coalescedWaits: flight.waited } }),
  };
};

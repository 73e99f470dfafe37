/**
 * Read-through: the application only ever asks the cache; on a miss the cache
 * tier itself loads from the database, stores the value and answers everyone who
 * asked for the key meanwhile — one load per key for the whole cache at a time,
 * whatever the number of app servers. The stampede strategy's miss handling is
 * not used (the cache coalesces); its hit hooks (early expiration, stale serving)
 * still apply. The model charges the fill as a round trip, like cache-aside's SET.
 */
import { SingleFlight } from '../single-flight.ts';
import type { ReadStrategy, StrategyFactory } from '../types.ts';

export const readThrough: StrategyFactory<ReadStrategy> = (path) => {
  const flight = new SingleFlight(path, 1);
  return {
    onSharedMiss: (i) => flight.onMiss(i),
    report: () => ({ stampede: { coalescedWaits: flight.waited } }),
  };
};

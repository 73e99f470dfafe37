/**
 * Cache-aside (lazy loading), the classic `get_user`: the application checks the
 * cache; on a miss it queries the database and stores the result with SETEX, the
 * TTL set at fill and not refreshed on hits. How concurrent misses are handled is
 * the stampede strategy's business.
 */
import type { ReadStrategy, StrategyFactory } from '../types.ts';

export const cacheAside: StrategyFactory<ReadStrategy> = (path) => ({
  onSharedMiss: (i) => path.stampede.onMiss(i),
});

/**
 * No protection: every request that misses queries the database and fills the
 * cache. For one key with Poisson reads at rate λ and fill latency d, an expiry
 * sends 1 + λ·d loads to the database on average.
 */
import type { StampedeStrategy, StrategyFactory } from '../types.ts';

export const none: StrategyFactory<StampedeStrategy> = (path) => ({
  onMiss: (i) => path.loadAndFill(i),
});

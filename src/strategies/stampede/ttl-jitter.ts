/**
 * TTL jitter: every fill's TTL is multiplied by uniform(1−j, 1+j), so keys filled
 * at the same moment (a cold start, a deploy) do not all expire at the same
 * moment. As a stampede strategy it is `none` plus jitter (j = strategy.ttlJitter,
 * or 10% when that is 0); `strategy.ttlJitter` alone adds jitter to any strategy.
 * It spreads synchronized expiries; it does nothing for one hot key.
 */
import type { Uniform } from '../../engine/rng.ts';
import type { StampedeStrategy, StrategyFactory } from '../types.ts';

export const DEFAULT_JITTER = 0.1;

/** TTL × uniform(1−j, 1+j), one uniform per fill from its own stream. */
export function jitteredTtl(j: number, u: Uniform): (ttl: number) => number {
  return (ttl) => ttl * (1 - j + 2 * j * u());
}

export const ttlJitter: StrategyFactory<StampedeStrategy> = (path) => ({
  onMiss: (i) => path.loadAndFill(i),
});

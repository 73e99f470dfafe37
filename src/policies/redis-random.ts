/**
 * Redis `allkeys-random` (redis/src/evict.c, `performEvictions`: one key from
 * `dictGetFairRandomKey`). The fair random key is uniform over the keyspace, so this is
 * RANDOM under Redis's name; kept as its own entry so a scenario can say what it runs.
 */
import { RandomPolicy } from './random.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

export const redisRandom = (ctx: PolicyContext): EvictionPolicy => new RandomPolicy(ctx, 'redis-random');

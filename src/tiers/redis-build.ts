/**
 * The Redis tier's eviction and expiry as the scenario asks: with `maxmemoryPolicy`
 * the store evicts by Redis's sampled policies (redis-eviction.ts) and, with
 * `activeExpiry`, an active expiry cycle runs `hz` times a second; without it the
 * store uses the exact library policy named by `policy`, as before.
 */
import type { Simulation } from '../engine/simulation.ts';
import type { RandomStreams } from '../engine/rng.ts';
import type { EvictionPolicy, PolicyContext } from '../policies/types.ts';
import type { RedisSpec } from '../scenario/normalize.ts';
import { redisEvictionPolicy } from './redis-eviction.ts';
import { ActiveExpiry } from './redis-expiry.ts';
import type { Store } from './store.ts';

/** A policy factory for the Redis store, or undefined to use the library policy `spec.policy`. */
export function redisPolicyFactory(spec: RedisSpec): ((ctx: PolicyContext) => EvictionPolicy) | undefined {
  const name = spec.maxmemoryPolicy;
  if (name === undefined) return undefined;
  return (ctx) =>
    redisEvictionPolicy(name, ctx, {
      samples: spec.samples,
      lruClockResolution: spec.lruClockResolution,
      lfuLogFactor: spec.lfuLogFactor,
      lfuDecayTime: Math.max(0, Math.round(spec.lfuDecayTime / 60e6)),
    });
}

export function startActiveExpiry(spec: RedisSpec, sim: Simulation, store: Store, rng: RandomStreams, horizon: number): ActiveExpiry | undefined {
  if (spec.maxmemoryPolicy === undefined || !spec.activeExpiry || !store.volatileKeys) return undefined;
  const cycle = new ActiveExpiry(sim, store, rng.stream('redis.activeExpiry'), spec.hz, horizon);
  cycle.start();
  return cycle;
}

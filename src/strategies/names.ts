/**
 * Strategy names, kept apart from the implementations so the scenario schema can
 * list them without importing the request path. The registries in
 * `src/strategies/index.ts` are typed `Record<Name, …>`, so a name here without
 * an implementation fails type-checking.
 */
export const readStrategyNames = ['cache-aside', 'read-through', 'refresh-ahead'] as const;
export const writeStrategyNames = ['write-around', 'invalidate', 'write-through', 'write-behind', 'versioned-keys'] as const;
export const stampedeNames = ['none', 'mutex', 'early-expiration', 'coalesce', 'stale-while-revalidate', 'ttl-jitter'] as const;

export type ReadStrategyName = (typeof readStrategyNames)[number];
export type WriteStrategyName = (typeof writeStrategyNames)[number];
export type StampedeName = (typeof stampedeNames)[number];

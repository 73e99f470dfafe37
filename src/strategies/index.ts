/**
 * Strategy registries: one line per strategy. Typed by the name lists, so a name
 * without an implementation (or the reverse) fails type-checking.
 */
import type { ReadStrategyName, StampedeName, WriteStrategyName } from './names.ts';
import type { ReadStrategy, StampedeStrategy, StrategyFactory, WriteStrategy } from './types.ts';
import { cacheAside } from './read/cache-aside.ts';
import { readThrough } from './read/read-through.ts';
import { refreshAhead } from './read/refresh-ahead.ts';
import { none } from './stampede/none.ts';
import { mutex } from './stampede/mutex.ts';
import { earlyExpiration } from './stampede/early-expiration.ts';
import { coalesce } from './stampede/coalesce.ts';
import { staleWhileRevalidate } from './stampede/stale-while-revalidate.ts';
import { ttlJitter } from './stampede/ttl-jitter.ts';
import { writeAround } from './write/write-around.ts';
import { invalidate } from './write/invalidate.ts';
import { writeThrough } from './write/write-through.ts';
import { writeBehind } from './write/write-behind.ts';
import { versionedKeys } from './write/versioned-keys.ts';

export const readStrategies: Record<ReadStrategyName, StrategyFactory<ReadStrategy>> = {
  'cache-aside': cacheAside,
  'read-through': readThrough,
  'refresh-ahead': refreshAhead,
};

export const stampedeStrategies: Record<StampedeName, StrategyFactory<StampedeStrategy>> = {
  none,
  mutex,
  'early-expiration': earlyExpiration,
  coalesce,
  'stale-while-revalidate': staleWhileRevalidate,
  'ttl-jitter': ttlJitter,
};

export const writeStrategies: Record<WriteStrategyName, StrategyFactory<WriteStrategy>> = {
  'write-around': writeAround,
  invalidate,
  'write-through': writeThrough,
  'write-behind': writeBehind,
  'versioned-keys': versionedKeys,
};

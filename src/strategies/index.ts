/**
 * Strategy registries: one line per strategy. Typed by the name lists, so a name
 * without an implementation (or the reverse) fails type-checking.
 */
import type { ReadStrategyName, StampedeName, WriteStrategyName } from './names.ts';
import type { ReadStrategy, StampedeStrategy, StrategyFactory, WriteStrategy } from './types.ts';
import { cacheAside } from './read/cache-aside.ts';
import { none } from './stampede/none.ts';
import { mutex } from './stampede/mutex.ts';
import { writeAround } from './write/write-around.ts';
import { invalidate } from './write/invalidate.ts';

export const readStrategies: Record<ReadStrategyName, StrategyFactory<ReadStrategy>> = {
  'cache-aside': cacheAside,
};

export const stampedeStrategies: Record<StampedeName, StrategyFactory<StampedeStrategy>> = {
  none,
  mutex,
};

export const writeStrategies: Record<WriteStrategyName, StrategyFactory<WriteStrategy>> = {
  'write-around': writeAround,
  invalidate,
};

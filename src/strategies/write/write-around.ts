/**
 * Write-around: the write goes to the database only; caches keep what they hold
 * until their TTL. The TTL-only baseline: staleness is bounded by the TTL.
 */
import type { Handler } from '../../engine/simulation.ts';
import { DATABASE } from '../../metrics/layers.ts';
import type { StrategyFactory, WriteStrategy } from '../types.ts';

export const writeAround: StrategyFactory<WriteStrategy> = (path) => {
  const afterWrite: Handler = (i) => (path.req(i).failed ? path.fail(i) : path.answer(i, DATABASE));
  return { onWrite: (i) => path.dbWrite(i, afterWrite) };
};

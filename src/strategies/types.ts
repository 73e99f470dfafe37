/**
 * Strategy contracts. A strategy is a small object hooking one named stage of
 * the request path; it is created once per run with the path and the scenario,
 * binds its continuations then, and keeps per-request state in the request.
 */
import type { RequestPath } from '../model/request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';

/** What happens when the shared cache misses (cache-aside: the app loads; read-through: the cache loads). */
export interface ReadStrategy {
  onSharedMiss(i: number): void;
}

/** How concurrent misses of one key are kept from all hitting the database. */
export interface StampedeStrategy {
  onMiss(i: number): void;
}

/** What a write does to the database and the caches. */
export interface WriteStrategy {
  onWrite(i: number): void;
}

export type StrategyFactory<T> = (path: RequestPath, scenario: Scenario) => T;

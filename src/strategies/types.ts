/**
 * Strategy contracts. A strategy is a small object hooking one named stage of
 * the request path; it is created once per run with the path and the scenario,
 * binds its continuations then, and keeps per-request state in the request.
 */
import type { RequestPath } from '../model/request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';
import type { RandomStreams } from '../engine/rng.ts';

/** Figures a strategy adds to the summary, merged into `stampede` and `writes`. */
export interface StrategyReport {
  stampede?: Record<string, number>;
  writes?: Record<string, number>;
}

interface Reporting {
  /** Figures for the summary, read once at the end of the run. */
  report?(): StrategyReport;
}

/** What happens when the shared cache misses (cache-aside: the app loads; read-through: the cache loads). */
export interface ReadStrategy extends Reporting {
  onSharedMiss(i: number): void;
  /** A shared-cache hit; true when the strategy took the request over (refresh-ahead never does). */
  onSharedHit?(i: number): boolean;
}

/** How concurrent misses of one key are kept from all hitting the database. */
export interface StampedeStrategy extends Reporting {
  onMiss(i: number): void;
  /** A shared-cache hit; true when the strategy took the request over (early recompute, stale serve). */
  onHit?(i: number): boolean;
  /** Adjusts the TTL of a shared-cache fill (µs). */
  fillTtl?(ttl: number, i: number): number;
}

/** What a write does to the database and the caches. */
export interface WriteStrategy extends Reporting {
  onWrite(i: number): void;
  /** The shared cache lost its contents (restart, flush): write-behind counts the dirty writes lost. */
  onSharedCacheLost?(now: number): void;
  /** Cache versioning: a keyspace's namespace version changes (the `namespace.bump` event). */
  bumpNamespace?(keyspace: number): void;
}

/** Per-run context beyond the path: the seeded random streams (one named stream per component). */
export interface StrategyContext {
  rng: RandomStreams;
}

export type StrategyFactory<T> = (path: RequestPath, scenario: Scenario, ctx: StrategyContext) => T;

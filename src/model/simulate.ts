/**
 * `simulate(scenario)`: one run of one variant, in numbered phases —
 *   1. load and 2. normalize happen before (src/scenario): the input is a frozen `Scenario`;
 *   3. build: `buildModel` wires workload, tiers, strategies and metrics onto one Simulation;
 *   4. simulate: the event loop runs to the horizon;
 *   5. collect: invariants are checked and the collector becomes a plain `VariantResult`.
 * Reporting (6) takes `VariantResult`s and never sees the model.
 */
import { buildModel, type Model } from './build.ts';
import type { TraceWorkloads } from '../workload/trace-workload.ts';
import { summarize } from '../metrics/summarize.ts';
import type { VariantResult, TimelineEvent } from '../metrics/result.ts';
import type { Scenario } from '../scenario/normalize.ts';
import { addStalenessFigures } from '../metrics/staleness-summary.ts';
import { hierarchyExtras, hierarchyInstances } from '../tiers/hierarchy-report.ts';

export interface SimulateOptions {
  name?: string;
  params?: Record<string, unknown>;
  seed?: number;
  /** Traces that keyspaces replay, loaded by `loadScenarioTraces`. */
  traces?: TraceWorkloads;
  /** Called every simulated `progressEvery` µs with the fraction done (progress bars). */
  onProgress?: (fractionDone: number, eventsExecuted: number) => void;
}

export interface SimulateOutcome {
  result: VariantResult;
  events: number;
  requests: number;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulateOutcome {
  const model = buildModel(scenario, options.seed ?? scenario.seed, options.traces);
  runModel(model, options.onProgress);
  return collect(model, options);
}

export function runModel(model: Model, onProgress?: SimulateOptions['onProgress']): void {
  const { sim, scenario } = model;
  if (!onProgress) {
    sim.run(scenario.horizon);
    return;
  }
  const step = scenario.horizon / 100;
  for (let t = step; t < scenario.horizon + step / 2; t += step) {
    sim.run(Math.min(t, scenario.horizon));
    onProgress(Math.min(1, t / scenario.horizon), sim.executed);
  }
}

function collect(model: Model, options: SimulateOptions): SimulateOutcome {
  const { metrics, stores, path, scenario } = model;
  for (const { label, store } of stores) store.checkInvariants(label);
  metrics.stampede.finish();
  model.windows.finish(scenario.horizon);
  const events: TimelineEvent[] = metrics.stampede.largest
    .map((e) => ({ tSeconds: e.at / 1e6, kind: 'expiry', label: `${keyLabel(model, e.key)} expired: ${e.loads} loads` }))
    .concat(model.faultEvents)
    .sort((a, b) => a.tSeconds - b.tSeconds);
  // hierarchy: browser, one row per CDN PoP, one per app server
  const instances = hierarchyInstances(model.front, scenario.clients.regions.map((r) => r.name), path.app, metrics.layers[0]);
  const redisStats = metrics.layers[3];
  if (path.redis && redisStats)
    instances.push({ layer: 'redis', instance: 'redis-1', hits: redisStats.hits, misses: redisStats.misses, evictions: redisStats.evictions, peakBytes: redisStats.peakBytes });
  const result = summarize({
    name: options.name ?? 'baseline',
    params: options.params ?? {},
    metrics,
    layerExtras: mergeExtras(
      path.redis ? { redis: { commands: path.redis.commands, errors: path.redisErrors } } : {},
      mergeExtras(
        hierarchyExtras(model.front, path.redis, path.redisOom, model.activeExpiry),
        // Periodic in-process refresh: its load is the price of never missing in-process.
        model.appRefresh ? { app: { refreshes: model.appRefresh.ticks, refreshRedisReads: model.appRefresh.redisReads, refreshDbReads: model.appRefresh.dbReads } } : {},
      ),
    ),
    instances,
    events,
  });
  // strategies: staleness per layer and windows, strategy figures, orphans left by namespace bumps
  addStalenessFigures(result, metrics, model.windows);
  const extra = model.strategyReport();
  Object.assign(result.summary.stampede, extra.stampede);
  Object.assign(result.summary.writes, extra.writes);
  if (model.faults.orphans.count > 0) Object.assign(result.summary.writes, model.faults.orphans.report());
  const requests = metrics.requestsSeries.reduce((a, b) => a + b, 0);
  void scenario;
  return { result, events: model.sim.executed, requests };
}

function mergeExtras(a: Record<string, Record<string, number>>, b: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out = { ...a };
  for (const [layer, extra] of Object.entries(b)) out[layer] = { ...(out[layer] ?? {}), ...extra };
  return out;
}

/** "users:42" for global key id 42 + offset of keyspace users. */
function keyLabel(model: Model, key: number): string {
  for (const s of model.sources) if (key >= s.keyOffset && key < s.keyOffset + s.spec.keys) return `${s.spec.name}:${key - s.keyOffset}`;
  return String(key);
}

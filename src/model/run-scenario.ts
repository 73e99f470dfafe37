/**
 * Runs every variant of a loaded scenario, each `replications` times, and gathers
 * one `RunResult`. Variants share the workload's random streams (common random
 * numbers); replication r of every variant uses seed + r, so replication r of
 * two variants also shares its numbers.
 */
import { createHash } from 'node:crypto';
import { simulate } from './simulate.ts';
import { normalize, type Scenario } from '../scenario/normalize.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { policyNames } from '../policies/index.ts';
import { combineReplications } from '../metrics/replications.ts';
import type { RunResult, VariantResult } from '../metrics/result.ts';
import { toolVersion } from '../util/version.ts';

export interface RunOptions {
  seed?: number;
  replications?: number;
  /** Progress over all runs, in [0,1]; the number of events executed so far. */
  onProgress?: (fractionDone: number, events: number) => void;
}

export interface RunStats {
  events: number;
  requests: number;
}

export function normalizeVariants(loaded: LoadedScenario, seed?: number): Array<{ name: string; params: Record<string, unknown>; scenario: Scenario }> {
  return loaded.variants.map((v) => {
    const s = normalize(v.scenario, { file: loaded.path, name: loaded.name, variant: loaded.variants.length > 1 ? v.name : undefined, policyNames });
    return { name: v.name, params: v.params, scenario: seed === undefined ? s : Object.freeze({ ...s, seed }) };
  });
}

export function runScenario(loaded: LoadedScenario, options: RunOptions = {}): { result: RunResult; stats: RunStats } {
  const variants = normalizeVariants(loaded, options.seed);
  const replications = Math.max(1, options.replications ?? 1);
  const total = variants.length * replications;
  let done = 0;
  let events = 0;
  let requests = 0;
  const results: VariantResult[] = variants.map((v) => {
    const runs: VariantResult[] = [];
    for (let r = 0; r < replications; r++) {
      const outcome = simulate(v.scenario, {
        name: v.name,
        params: v.params,
        seed: v.scenario.seed + r,
        onProgress: options.onProgress && ((f, e) => options.onProgress?.((done + f) / total, events + e)),
      });
      events += outcome.events;
      requests += outcome.requests;
      done++;
      runs.push(outcome.result);
    }
    return replications > 1 ? combineReplications(runs) : runs[0];
  });
  const first = variants[0].scenario;
  const result: RunResult = {
    summary: {
      scenario: loaded.name,
      description: first.description,
      seed: first.seed,
      horizonSeconds: first.horizon / 1e6,
      scenarioHash: scenarioHash(variants.map((v) => v.scenario)),
      toolVersion,
      variants: results.map((v) => v.summary),
    },
    variants: results,
    scenarioSource: loaded.source,
    scenarioPath: loaded.path,
  };
  return { result, stats: { events, requests } };
}

/** SHA-256 of the normalized scenarios: equal hashes mean equal inputs, whatever the spelling. */
export function scenarioHash(scenarios: readonly Scenario[]): string {
  return createHash('sha256').update(JSON.stringify(scenarios)).digest('hex').slice(0, 16);
}

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
import { policyNames, policyNeeds } from '../policies/index.ts';

/** Policies a simulated tier can run: those that need the future (Belady) only work in replay. */
const offlinePolicyNames = policyNames.filter((n) => policyNeeds[n].future);
const onlinePolicyNames = policyNames.filter((n) => !policyNeeds[n].future);
import { combineReplications } from '../metrics/replications.ts';
import type { RunResult, VariantResult } from '../metrics/result.ts';
import { toolVersion } from '../util/version.ts';
import type { RunJob, RunJobResult } from './worker.ts';
import { traceFacts, type TraceWorkloads } from '../workload/trace-workload.ts';

export interface RunOptions {
  seed?: number;
  replications?: number;
  /** Traces the scenario's keyspaces replay (`loadScenarioTraces`); needed when a keyspace has `trace`. */
  traces?: TraceWorkloads;
  /** Runs in parallel on worker threads (results are identical for any value). */
  jobs?: number;
  /** Progress over all runs, in [0,1]; the number of events executed so far. */
  onProgress?: (fractionDone: number, events: number) => void;
}

export interface RunStats {
  events: number;
  requests: number;
}

export function normalizeVariants(
  loaded: LoadedScenario,
  seed?: number,
  traces?: TraceWorkloads,
): Array<{ name: string; params: Record<string, unknown>; scenario: Scenario }> {
  const facts = traces && traceFacts(traces);
  return loaded.variants.map((v) => {
    const s = normalize(v.scenario, {
      file: loaded.path,
      name: loaded.name,
      variant: loaded.variants.length > 1 ? v.name : undefined,
      policyNames: onlinePolicyNames,
      offlinePolicyNames,
      traces: facts,
    });
    return { name: v.name, params: v.params, scenario: seed === undefined ? s : Object.freeze({ ...s, seed }) };
  });
}

export function runScenario(loaded: LoadedScenario, options: RunOptions = {}): { result: RunResult; stats: RunStats } {
  const variants = normalizeVariants(loaded, options.seed, options.traces);
  const jobs = plan(variants, options.replications, options.traces);
  let events = 0;
  let requests = 0;
  const outcomes = jobs.map((job, k) => {
    const outcome = simulate(job.scenario, {
      name: job.name,
      params: job.params,
      seed: job.seed,
      traces: job.traces,
      onProgress: options.onProgress && ((f, e) => options.onProgress?.((k + f) / jobs.length, events + e)),
    });
    events += outcome.events;
    requests += outcome.requests;
    return outcome;
  });
  return { result: assemble(loaded, variants, outcomes, options.replications), stats: { events, requests } };
}

/** Like `runScenario`, with the runs spread over `jobs` worker threads; the result is the same. */
export async function runScenarioParallel(loaded: LoadedScenario, options: RunOptions = {}): Promise<{ result: RunResult; stats: RunStats }> {
  const threads = Math.max(1, options.jobs ?? 1);
  const variants = normalizeVariants(loaded, options.seed, options.traces);
  const jobs = plan(variants, options.replications, options.traces);
  if (threads === 1 || jobs.length === 1) return runScenario(loaded, options);
  const { Piscina } = await import('piscina');
  const pool = new Piscina<RunJob, RunJobResult>({
    filename: new URL('./worker-entry.js', import.meta.url).href,
    minThreads: Math.min(threads, jobs.length),
    maxThreads: Math.min(threads, jobs.length),
  });
  let done = 0;
  let events = 0;
  let requests = 0;
  try {
    const outcomes = await Promise.all(
      jobs.map(async (job) => {
        const outcome = await pool.run(job);
        events += outcome.events;
        requests += outcome.requests;
        options.onProgress?.(++done / jobs.length, events);
        return outcome;
      }),
    );
    return { result: assemble(loaded, variants, outcomes, options.replications), stats: { events, requests } };
  } finally {
    await pool.destroy();
  }
}

type NormalizedVariant = ReturnType<typeof normalizeVariants>[number];

/** Variants × replications, in a fixed order: variant-major, replication r with seed + r. */
function plan(variants: NormalizedVariant[], replications = 1, traces?: TraceWorkloads): RunJob[] {
  const reps = Math.max(1, replications);
  const used = (s: Scenario) => (traces ? new Map([...traces].filter(([k]) => s.keyspaces.some((ks) => ks.trace?.key === k))) : undefined);
  return variants.flatMap((v) =>
    Array.from({ length: reps }, (_, r) => ({ scenario: v.scenario, name: v.name, params: v.params, seed: v.scenario.seed + r, traces: used(v.scenario) })),
  );
}

function assemble(loaded: LoadedScenario, variants: NormalizedVariant[], outcomes: RunJobResult[], replications = 1): RunResult {
  const reps = Math.max(1, replications);
  const results: VariantResult[] = variants.map((_, i) => {
    const runs = outcomes.slice(i * reps, (i + 1) * reps).map((o) => o.result);
    return reps > 1 ? combineReplications(runs) : runs[0];
  });
  const first = variants[0].scenario;
  return {
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
}

/** SHA-256 of the normalized scenarios: equal hashes mean equal inputs, whatever the spelling. */
export function scenarioHash(scenarios: readonly Scenario[]): string {
  return createHash('sha256').update(JSON.stringify(scenarios)).digest('hex').slice(0, 16);
}

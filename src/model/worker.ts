/** One run in a worker thread: plain data in, plain data out (structured clone both ways). */
import { simulate } from './simulate.ts';
import type { Scenario } from '../scenario/normalize.ts';
import type { VariantResult } from '../metrics/result.ts';
import type { TraceWorkloads } from '../workload/trace-workload.ts';

export interface RunJob {
  scenario: Scenario;
  name: string;
  params: Record<string, unknown>;
  seed: number;
  traces?: TraceWorkloads;
}

export interface RunJobResult {
  result: VariantResult;
  events: number;
  requests: number;
}

export function runOne(job: RunJob): RunJobResult {
  return simulate(job.scenario, { name: job.name, params: job.params, seed: job.seed, traces: job.traces });
}

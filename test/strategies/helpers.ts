/**
 * Test helpers: a scenario from a plain object (validated and normalized exactly
 * as a file would be), one run's summary, or a built model to instrument.
 */
import { loadScenarioText } from '../../src/scenario/load.ts';
import { normalizeVariants } from '../../src/model/run-scenario.ts';
import { simulate } from '../../src/model/simulate.ts';
import { buildModel, type Model } from '../../src/model/build.ts';
import type { Scenario } from '../../src/scenario/normalize.ts';
import type { VariantResult, VariantSummary } from '../../src/metrics/result.ts';

export function scenarioOf(input: object, seed?: number): Scenario {
  return normalizeVariants(loadScenarioText(JSON.stringify(input), 'test.json'), seed)[0].scenario;
}

export function runResult(input: object, seed?: number): VariantResult {
  return simulate(scenarioOf(input, seed)).result;
}

export function run(input: object, seed?: number): VariantSummary {
  return runResult(input, seed).summary;
}

export function model(input: object, seed?: number): Model {
  return buildModel(scenarioOf(input, seed));
}

/** Zero-latency tiers: fills are instant, so closed forms without latency apply. */
export const instant = {
  redis: { capacity: '1GB', latency: 0 },
  database: { connections: 10000, service: 0, latency: 0 },
};

/** Two-sided 99.9% normal quantile: a correct model fails a check at most 1 time in 1000. */
export const Z999 = 3.2905;

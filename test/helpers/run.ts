/** Test helpers: run a scenario written inline, as a user would write it. */
import { loadScenarioText } from '../../src/scenario/load.ts';
import { normalizeVariants } from '../../src/model/run-scenario.ts';
import { simulate } from '../../src/model/simulate.ts';
import type { VariantResult, VariantSummary } from '../../src/metrics/result.ts';
import type { Scenario } from '../../src/scenario/normalize.ts';

export function scenariosOf(yaml: string): Array<{ name: string; scenario: Scenario }> {
  return normalizeVariants(loadScenarioText(yaml, 'inline.yaml'));
}

export function runYaml(yaml: string, seed?: number): Record<string, VariantResult> {
  const out: Record<string, VariantResult> = {};
  for (const v of scenariosOf(yaml)) out[v.name] = simulate(v.scenario, { name: v.name, seed: seed ?? v.scenario.seed }).result;
  return out;
}

/** The single variant's summary. */
export function summaryOf(yaml: string, seed?: number): VariantSummary {
  const results = Object.values(runYaml(yaml, seed));
  if (results.length !== 1) throw new Error(`expected one variant, got ${results.length}`);
  return results[0].summary;
}

/** Two-sided Student t quantiles at 99.9% confidence, by degrees of freedom (for replication CIs). */
export const T999: Record<number, number> = { 4: 8.61, 9: 4.781, 19: 3.883, 29: 3.659 };

/** Standard normal quantile for a two-sided 99.9% interval. */
export const Z999 = 3.2905;

export function meanAndSe(xs: number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/** One key read by Poisson clients at `rate`/s, cached in Redis for `ttl` s, every latency zero (instant fill). */
export const oneKeyTtlScenario = (rate: number, ttl: number, horizon: number): string => `
horizon: ${horizon}s
keyspaces:
  - { name: hot, keys: 1, rate: ${rate}/s, ttl: ${ttl}s }
hierarchy:
  redis: { capacity: 1MB, latency: 0ms }
  database: { connections: 100, service: 0ms }
`;

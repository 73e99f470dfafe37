/**
 * Whole-scenario throughput: simulated requests per second of wall time and peak
 * memory for the bundled scenarios (first variant), including model build.
 */
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { normalizeVariants } from '../../src/model/run-scenario.ts';
import { simulate } from '../../src/model/simulate.ts';
import { peakRssMB, type BenchCase } from '../types.ts';

function scenarioCase(name: string, file: string): BenchCase {
  return {
    name,
    async run() {
      const v = normalizeVariants(loadScenarioFile(file))[0];
      const t0 = performance.now();
      const outcome = simulate(v.scenario, { name: v.name });
      const seconds = (performance.now() - t0) / 1000;
      return {
        case: name,
        requestsPerSec: Math.round(outcome.requests / seconds),
        eventsPerSec: Math.round(outcome.events / seconds),
        requests: outcome.requests,
        peakRssMB: peakRssMB(),
      };
    },
  };
}

export const cases: BenchCase[] = [
  scenarioCase('cache-aside', 'scenarios/cache-aside.yaml'),
  scenarioCase('stampede', 'scenarios/stampede.yaml'),
];

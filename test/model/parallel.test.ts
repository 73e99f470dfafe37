import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { runScenario, runScenarioParallel } from '../../src/model/run-scenario.ts';

const yaml = `
seed: 4
horizon: 20s
keyspaces:
  - { name: users, keys: 2000, rate: 1k/s, popularity: { zipf: 0.9 }, ttl: 3s }
hierarchy:
  redis: { capacity: 200KB, latency: { dist: exponential, mean: 1ms } }
  database: { connections: 4, service: { dist: exponential, mean: 2ms } }
variants:
  strategy.stampede: [none, mutex]
`;

describe('parallel runs', () => {
  it('jobs2_givesExactlyTheSerialResult_withReplications', async () => {
    const loaded = loadScenarioText(yaml, 'p.yaml');
    const serial = runScenario(loaded, { replications: 2 });
    const parallel = await runScenarioParallel(loaded, { replications: 2, jobs: 2 });
    expect(JSON.stringify(parallel.result)).toBe(JSON.stringify(serial.result));
    expect(parallel.stats).toEqual(serial.stats);
    expect(serial.result.summary.variants[0].replications).toBe(2);
  });
});

/**
 * The simulator's Redis tier on real traffic: the OLTP trace of the ARC paper
 * (Megiddo & Modha, FAST 2003) replayed as a scenario workload, with every latency
 * zero so each miss is filled before the next request (demand paging). The paper
 * reports LRU hit ratios of 32.83% at 1,000 pages and 64.63% at 15,000 — given to
 * 0.01%, so the simulated ratio must round to the same figure (±0.005%).
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/model/run-scenario.ts';
import { loadScenarioTraces } from '../../src/workload/trace-workload.ts';

const trace = new URL('../../../shared/traces/OLTP.csv.gz', import.meta.url).pathname;

const yaml = `
horizon: 1000s
keyspaces:
  - { name: pages, trace: { file: ${trace} }, rate: 1000/s }
hierarchy:
  redis: { capacity: 576000B, keyOverhead: 64B, latency: 0ms }
  database: { connections: 1, service: 0ms }
variants:
  - { name: '1000', set: { hierarchy.redis.capacity: 576000B } }
  - { name: '15000', set: { hierarchy.redis.capacity: 8640000B } }
`;

describe('trace-driven workload', () => {
  it('oltpTrace_throughSimulatedRedisLru_matchesTheArcPapersHitRatios', async () => {
    const loaded = loadScenarioText(yaml, 'scenarios/inline.yaml');
    const traces = await loadScenarioTraces(loaded);
    const [t] = [...traces.values()];
    expect([t.requests, t.distinctKeys]).toEqual([914_145, 186_880]);
    const { result } = runScenario(loaded, { traces });
    const hitRatio = (name: string) => {
      const v = result.summary.variants.find((x) => x.name === name)!;
      expect(v.requests.reads).toBe(914_145);
      return (v.layers.redis as { hitRatio: number }).hitRatio;
    };
    expect(Math.abs(hitRatio('1000') - 0.3283)).toBeLessThan(0.00005);
    expect(Math.abs(hitRatio('15000') - 0.6463)).toBeLessThan(0.00005);
  });

  it('traceWithoutTimestamps_andNoRate_isAnInputError', async () => {
    const loaded = loadScenarioText(yaml.replace(', rate: 1000/s', ''), 'scenarios/inline.yaml');
    const traces = await loadScenarioTraces(loaded);
    expect(() => runScenario(loaded, { traces })).toThrow(/keyspaces\[0\]\.rate: the trace has no timestamps: give the keyspace a rate/);
  });

  it('missingTraceFile_isAnInputErrorNamingTheFile', async () => {
    const loaded = loadScenarioText(yaml.replace(trace, '/nonexistent/trace.csv'), 'scenarios/inline.yaml');
    await expect(loadScenarioTraces(loaded)).rejects.toThrow('scenarios/inline.yaml: keyspaces[0].trace.file: cannot read the trace /nonexistent/trace.csv');
  });
});

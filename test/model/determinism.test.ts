/**
 * Determinism: the same scenario and seed give byte-identical outputs; another
 * seed gives other numbers; and components draw from their own streams, so
 * adding a keyspace leaves another keyspace's requests exactly as they were.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/model/run-scenario.ts';
import { writeReports } from '../../src/report/index.ts';
import { scenariosOf } from '../helpers/run.ts';
import { buildModel } from '../../src/model/build.ts';

const yaml = `
name: det
seed: 11
horizon: 60s
keyspaces:
  - { name: users, keys: 5000, rate: 2k/s, popularity: { zipf: 0.9 }, writes: 2%, ttl: 20s, valueSize: { dist: lognormal, median: 1KB, p99: 8KB } }
hierarchy:
  app: { servers: 3, capacity: 500, ttl: 5s }
  redis: { capacity: 2MB, latency: { dist: exponential, mean: 1ms } }
  database: { connections: 8, service: { dist: exponential, mean: 3ms }, timeout: 100ms, latency: 0.5ms }
strategy: { write: invalidate }
variants:
  strategy.stampede: [none, mutex]
`;

async function outputs(text: string, seed?: number): Promise<{ json: string; csv: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cachesim-det-'));
  const { result } = runScenario(loadScenarioText(text, 'det.yaml'), { seed });
  await writeReports(result, dir, { formats: ['json', 'csv'] });
  return { json: readFileSync(join(dir, 'summary.json'), 'utf8'), csv: readFileSync(join(dir, 'timeseries.csv'), 'utf8') };
}

describe('determinism', () => {
  it('sameScenarioAndSeed_giveByteIdenticalSummaryAndCsv', async () => {
    const a = await outputs(yaml);
    const b = await outputs(yaml);
    expect(a.json).toBe(b.json);
    expect(a.csv).toBe(b.csv);
    expect(a.json.length).toBeGreaterThan(1000);
  });

  it('anotherSeed_changesTheResults', async () => {
    const a = await outputs(yaml);
    const c = await outputs(yaml, 12);
    expect(c.json).not.toBe(a.json);
    const hits = (json: string) => (JSON.parse(json) as { variants: Array<{ layers: { redis: { hits: number } } }> }).variants[0].layers.redis.hits;
    expect(hits(c.json)).not.toBe(hits(a.json));
  });

  it('addingAKeyspace_doesNotChangeAnotherKeyspacesRequests', () => {
    const withExtra = yaml.replace(
      '\nhierarchy:',
      '\n  - { name: search, keys: 800, rate: 500/s, popularity: { zipf: 1.1 }, ttl: 60s }\nhierarchy:',
    );
    const requestsOf = (text: string) => {
      const model = buildModel(scenariosOf(text)[0].scenario);
      const src = model.sources[0];
      return Array.from({ length: 2000 }, () => [src.nextGap(), src.nextKey(), src.nextOp()]);
    };
    expect(scenariosOf(withExtra)[0].scenario.keyspaces).toHaveLength(2);
    expect(requestsOf(withExtra)).toEqual(requestsOf(yaml));
  });

  it('variants_shareTheWorkloadStreams (common random numbers)', () => {
    const [none, mutex] = scenariosOf(yaml);
    const keysOf = (s: typeof none.scenario) => {
      const src = buildModel(s).sources[0];
      return Array.from({ length: 1000 }, () => src.nextKey());
    };
    expect(keysOf(mutex.scenario)).toEqual(keysOf(none.scenario));
  });

  it('scenarioHash_isTheSameWhateverTheSpelling', async () => {
    const { scenarioHash } = await import('../../src/model/run-scenario.ts');
    const hashOf = (service: string) => scenarioHash(scenariosOf(yaml.replace('service: { dist: exponential, mean: 3ms }', service)).map((v) => v.scenario));
    expect(hashOf('service: { dist: empirical, percentiles: { p50: 2ms, p99: 9ms } }')).toBe(
      hashOf('service: { dist: empirical, percentiles: { p99: 9000us, p50: 0.002s } }'),
    );
    expect(hashOf('service: 3ms')).not.toBe(hashOf('service: 4ms'));
  });
});

/** cdn.purge empties the edges (of one keyspace, or of all), so the next requests go to the origin. */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../helpers/run.ts';

const scenario = (purge: string) => `
seed: 2
horizon: 40s
clients: { count: 1000 }
keyspaces:
  - { name: assets, keys: 200, rate: 1k/s, cacheControl: 'public, max-age=3600', layers: [cdn] }
  - { name: api, keys: 200, rate: 1k/s, cacheControl: 'public, max-age=3600', layers: [cdn] }
hierarchy:
  cdn: { capacity: 100MB }
  database: { connections: 100, service: 1ms }
faults:
  - { kind: cdn.purge, at: 20s${purge} }
`;

const seriesOf = (yaml: string, metric: string) => runYaml(yaml).baseline.series.find((s) => s.metric === metric)!.values;

describe('cdn.purge', () => {
  it('cdnPurge_all_sendsTheNextRequestsOfEveryKeyToTheOrigin_andIsAnnotated', () => {
    const r = runYaml(scenario('')).baseline;
    expect(r.events).toContainEqual({ tSeconds: 20, kind: 'fault', label: 'cdn.purge' });
    const misses = seriesOf(scenario(''), 'cdn.misses');
    // Warm by 15 s: a miss only for an object never seen; after the purge every object misses once again.
    expect(misses[15] + misses[16] + misses[17] + misses[18] + misses[19]).toBeLessThan(5);
    expect(misses[20] + misses[21]).toBeGreaterThan(300);
  });

  it('cdnPurge_ofOneKeyspace_leavesTheOtherCached', () => {
    const all = seriesOf(scenario(''), 'cdn.misses');
    const one = seriesOf(scenario(', keyspace: assets'), 'cdn.misses');
    const after = (m: number[]) => m[20] + m[21] + m[22];
    expect(after(one)).toBeGreaterThan(150);
    expect(after(one)).toBeLessThan(0.75 * after(all));
  });

  it('cdnPurge_ofAnUnknownKeyspace_isAnInputError', () => {
    expect(() => runYaml(scenario(', keyspace: asets'))).toThrow(/faults\[0\]\.keyspace: unknown keyspace "asets" \(did you mean "assets"\?\)/);
  });
});

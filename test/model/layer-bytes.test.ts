/** A layer's memory is the sum over its instances: four app servers hold four caches. */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../helpers/run.ts';

describe('layer bytes', () => {
  it('appLayerBytes_sumEveryServersCache', () => {
    const r = runYaml(`
horizon: 60s
keyspaces:
  - { name: users, keys: 10000, rate: 2k/s }
hierarchy:
  app: { servers: 4, capacity: 500, ttl: 1h }
  database: { connections: 100, service: 1ms }
`).baseline;
    // Every server's cache fills to its 500 entries (in-process caches count entries): 4 × 500.
    expect(r.summary.layers.app.peakBytes).toBe(2000);
    const bytes = r.series.find((s) => s.metric === 'app.bytes')!.values;
    expect(bytes[bytes.length - 1]).toBe(2000);
    expect(r.series.find((s) => s.metric === 'app.capacityBytes')!.values[0]).toBe(2000);
  });
});

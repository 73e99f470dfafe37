/** A keyspace's own query time: its database reads take that long; other keyspaces keep the database's. */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../helpers/run.ts';

const yaml = (queryTime: string) => `
horizon: 100s
keyspaces:
  - { name: cheap, keys: 100000, rate: 50/s }
  - { name: feed, keys: 100000, rate: 50/s${queryTime} }
hierarchy:
  database: { connections: 1000, service: 5ms }
`;

describe('keyspace queryTime', () => {
  it('queryTime_setsThatKeyspacesReadServiceTime_only', () => {
    const plain = runYaml(yaml('')).baseline.summary;
    const slow = runYaml(yaml(', queryTime: 200ms')).baseline.summary;
    expect(plain.latencyMs.max).toBeCloseTo(5, 6);
    expect(slow.latencyMs.max).toBeCloseTo(200, 6);
    // Half the reads are the feed's: the mean moves from 5 ms to about (5 + 200) / 2 (the feed share is 0.5 ± 0.005 over 10,000 reads).
    expect(Math.abs(slow.latencyMs.mean - 102.5)).toBeLessThan(5); // 5 sd of the feed share's effect
    expect(slow.latencyMs.p95).toBeGreaterThan(190);
  });
});

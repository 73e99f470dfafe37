/**
 * Write-behind lost writes, exactly, on a seeded run. With zero latencies and an
 * instant flush every second, a Redis restart at 5.5 s loses exactly the writes
 * accepted since the flush at 5 s. The expected count is computed independently
 * from the keyspace's own named streams (arrival gaps and read/write draws), not
 * from the simulator's counters.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/rng.ts';
import { model, run } from '../strategies/helpers.ts';

const SEED = 11;
const RATE = 200;
const WRITES = 0.5;

function scenario(faults: object[]) {
  return {
    seed: SEED,
    horizon: '10s',
    keyspaces: [{ name: 'users', keys: 50, rate: RATE, writes: WRITES, ttl: '1h' }],
    hierarchy: { redis: { capacity: '1GB', latency: 0 }, database: { connections: 10, service: 0, latency: 0 } },
    strategy: { write: 'write-behind', writeBehind: { flushInterval: '1s', batchSize: 10 } },
    faults,
  };
}

/** Write times (µs) of keyspace `users`, regenerated from its streams. */
function writeTimes(until: number): number[] {
  const rng = new RandomStreams(SEED);
  const arrivals = rng.stream('keyspace.users.arrivals');
  const ops = rng.stream('keyspace.users.ops');
  const meanGap = 1e6 / RATE;
  const out: number[] = [];
  for (let t = -meanGap * Math.log(1 - arrivals()); t < until; t += -meanGap * Math.log(1 - arrivals())) if (ops() < WRITES) out.push(t);
  return out;
}

describe('write-behind lost writes', () => {
  it('writeBehind_crashBeforeFlush_losesDirtyWrites', () => {
    const s = run(scenario([{ kind: 'redis.restart', at: '5.5s' }]));
    const expected = writeTimes(5.5e6).filter((t) => t > 5e6).length;
    expect(expected).toBeGreaterThan(20);
    expect(s.writes.lost).toBe(expected);
    expect(s.writes.maxFlushLagMs).toBeGreaterThan(0);
    expect(s.writes.maxFlushLagMs).toBeLessThanOrEqual(1000); // instant flush: lag ≤ the interval
  });

  it('writeBehind_noCrash_losesNothingAndEveryWriteReachesTheDatabase', () => {
    const m = model(scenario([]));
    m.sim.run(m.scenario.horizon + 2e6); // two more flushes after the last write
    expect(m.metrics.lostWrites).toBe(0);
    const committed = m.path.db.version.reduce((a, b) => a + b, 0);
    expect(m.metrics.writes).toBe(writeTimes(10e6).length);
    expect(committed).toBe(m.metrics.writes);
  });
});

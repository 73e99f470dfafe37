/** Active expiry: 20-key rounds, repeated while more than 10% of a round had expired. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.ts';
import { RandomStreams } from '../../src/engine/rng.ts';
import { Store } from '../../src/tiers/store.ts';
import { policies } from '../../src/policies/index.ts';
import { ActiveExpiry } from '../../src/tiers/redis-expiry.ts';

function setup(keys: number) {
  const sim = new Simulation();
  const rng = new RandomStreams(1);
  let expirations = 0;
  const store = new Store(keys, keys, policies.lru({ capacity: keys, maxKeys: keys, random: rng.stream('p'), now: () => sim.now }), {
    onEvict: () => {},
    onExpire: () => expirations++,
    onBytes: () => {},
  }, true);
  const cycle = new ActiveExpiry(sim, store, rng.stream('expiry'), 10, 3600e6);
  return { sim, store, cycle, expirations: () => expirations };
}

describe('Redis active expiry', () => {
  it('cycle_allExpired_keepsSamplingUntilFewAreLeft', () => {
    const { store, cycle, expirations } = setup(1000);
    for (let k = 0; k < 1000; k++) store.set(k, 0, 1, 1e6, 0);
    const removed = cycle.cycle(2e6);
    expect(removed).toBe(expirations());
    expect(removed).toBeGreaterThan(500); // repeated rounds, not just one sample of 20
    store.checkInvariants('expiry');
  });

  it('cycle_noneExpired_samplesOneRoundOf20', () => {
    const { store, cycle } = setup(1000);
    for (let k = 0; k < 1000; k++) store.set(k, 0, 1, 100e6, 0);
    expect(cycle.cycle(2e6)).toBe(0);
    expect(cycle.sampled).toBe(20);
  });

  it('cycle_keysWithoutTtl_areNeverSampled', () => {
    const { store, cycle } = setup(100);
    for (let k = 0; k < 100; k++) store.set(k, 0, 1, k < 10 ? 1e6 : undefined, 0);
    expect(store.volatileKeys!.length).toBe(10);
    cycle.cycle(5e6);
    expect(store.entries).toBeGreaterThanOrEqual(90);
    expect(store.volatileKeys!.length).toBeLessThan(10);
  });

  it('timer_reclaimsMemoryOfKeysNobodyReadsAgain', () => {
    const { sim, store, cycle } = setup(2000);
    for (let k = 0; k < 2000; k++) store.set(k, 0, 1, 1e6 + k * 1000, 0);
    cycle.start();
    sim.run(60e6);
    expect(store.entries).toBeLessThan(100); // lazily, all 2,000 would still hold memory
    expect(cycle.cycles).toBeGreaterThan(500);
  });
});

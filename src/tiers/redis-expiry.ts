/**
 * Redis's active expiry cycle (expire.c `activeExpireCycle`, active-expire-effort 1):
 * `hz` times a second, sample 20 keys that carry a TTL and delete the expired ones;
 * repeat while more than 10% of a sample had expired. Redis also stops a cycle after
 * 25% of a tick's CPU time; a simulator has no CPU time, so a cycle stops after
 * `maxRounds` instead (enough to clear a mass expiry within a few ticks). Lazy expiry
 * (on access) is the store's `lookup`.
 */
import type { Simulation } from '../engine/simulation.ts';
import type { Uniform } from '../engine/rng.ts';
import type { Store } from './store.ts';

export const KEYS_PER_LOOP = 20;
export const ACCEPTABLE_STALE = 0.1;

export class ActiveExpiry {
  cycles = 0;
  sampled = 0;
  expired = 0;
  private readonly period: number;

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly random: Uniform,
    hz: number,
    private readonly horizon: number,
    private readonly maxRounds = 64,
  ) {
    this.period = 1e6 / hz;
    if (!store.volatileKeys) throw new Error('active expiry needs a store that tracks keys with a TTL');
  }

  start(): void {
    if (this.period < this.horizon) this.sim.schedule(this.period, this.tick);
  }

  /** One cycle now; returns the keys it expired. */
  cycle(now: number): number {
    const keys = this.store.volatileKeys!;
    let total = 0;
    this.cycles++;
    for (let round = 0; round < this.maxRounds && keys.length > 0; round++) {
      let expired = 0;
      const n = Math.min(KEYS_PER_LOOP, keys.length);
      for (let j = 0; j < n; j++) {
        const key = keys.pick(this.random);
        if (this.store.expireIfDue(key, now)) expired++;
      }
      this.sampled += n;
      total += expired;
      if (expired <= n * ACCEPTABLE_STALE) break;
    }
    this.expired += total;
    return total;
  }

  private readonly tick = (): void => {
    this.cycle(this.sim.now);
    if (this.sim.now + this.period < this.horizon) this.sim.schedule(this.period, this.tick);
  };
}

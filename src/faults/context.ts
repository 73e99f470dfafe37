/**
 * The handle fault actions get on the model: the fault state the tiers read, and
 * the few operations faults perform (empty a store, take a tier away, restart app
 * servers). Every change to cache contents re-checks open staleness windows.
 */
import type { Simulation } from '../engine/simulation.ts';
import type { RequestPath } from '../model/request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';
import { Orphans } from '../strategies/keys/orphans.ts';
import type { FaultState } from './state.ts';

export class FaultContext {
  /** Orphans made by a namespace bump when the write strategy does not version keys. */
  readonly orphans: Orphans;
  private redisOutages = 0;
  private dbOutages = 0;

  constructor(
    readonly sim: Simulation,
    readonly path: RequestPath,
    readonly state: FaultState,
    private readonly scenario: Scenario,
  ) {
    this.orphans = new Orphans(sim);
  }

  /** Runs `start` now and `end` after `duration` µs. */
  during(duration: number, start: () => void, end: () => void): void {
    start();
    this.sim.schedule(duration, end);
  }

  redisOutage(delta: number): void {
    this.redisOutages += delta;
    this.state.redisDown = this.redisOutages > 0;
  }

  dbOutage(delta: number): void {
    this.dbOutages += delta;
    this.state.dbDown = this.dbOutages > 0;
  }

  /** Redis loses everything (restart without persistence, FLUSHALL): entries, locks, dirty writes. */
  clearRedis(): void {
    const redis = this.path.redis;
    if (!redis) return;
    redis.store.clear();
    redis.clearLocks();
    this.path.write.onSharedCacheLost?.(this.sim.now);
    this.path.windows?.checkAll(this.sim.now);
  }

  /** App servers restart one by one, evenly over `duration`; each comes back with a cold in-process cache. */
  rollingRestart(duration: number): void {
    const app = this.path.app;
    if (!app) return;
    const n = app.stores.length;
    app.stores.forEach((store, s) =>
      this.sim.schedule((duration * s) / n, () => {
        store.clear();
        this.path.windows?.checkAll(this.sim.now);
      }),
    );
  }

  /** Every PoP drops its copies of the keyspace's keys (or of every key). */
  purgeCdn(keyspace: string | undefined): void {
    const cdn = this.path.front?.cdn;
    if (!cdn) return;
    const all = this.scenario.keyspaces;
    const index = keyspace === undefined ? -1 : all.findIndex((k) => k.name === keyspace);
    if (index < 0) return cdn.purge(0, cdn.maxKeys);
    const offset = this.path.keyspaceAt(index).keyOffset;
    cdn.purge(offset, offset + all[index].keys);
  }

  bumpNamespace(keyspace: string): void {
    const index = this.scenario.keyspaces.findIndex((k) => k.name === keyspace);
    if (this.path.write.bumpNamespace) return this.path.write.bumpNamespace(index);
    // Without versioned keys a bump still makes every cached entry of the keyspace unreachable.
    const ks = this.path.keyspaceAt(index);
    const now = this.sim.now;
    for (let k = ks.keyOffset; k < ks.keyOffset + this.scenario.keyspaces[index].keys; k++) {
      const redis = this.path.redis;
      if (redis && redis.store.has(k)) {
        if (redis.store.expiresAtOf(k) > now) this.orphans.add(ks.sizes[k - ks.keyOffset] + redis.keyOverhead, redis.store.expiresAtOf(k));
        redis.store.delete(k);
      }
      if (this.path.app) for (const s of this.path.app.stores) s.delete(k);
    }
    this.path.windows?.checkAll(now);
  }
}

/**
 * Single flight: the first request to miss a key in a scope loads it; the others
 * that miss while the load runs wait for it and get its value, so at most one
 * load per key per scope is in flight. The scope is the app server for
 * `coalesce` and the whole cache for `read-through`. Waiters are chained through
 * `Request.waitNext`, so waiting allocates nothing.
 */
import type { Handler } from '../engine/simulation.ts';
import type { RequestPath } from '../model/request-path.ts';
import { DATABASE } from '../metrics/layers.ts';

export class SingleFlight {
  /** Requests that waited for another's load instead of loading. */
  waited = 0;
  /** Loads started. */
  loads = 0;
  private readonly leader: Int32Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;

  constructor(
    private readonly path: RequestPath,
    /** Servers in the scope: 1 = one flight per key for everyone. */
    private readonly servers: number,
  ) {
    const slots = servers * path.db.version.length;
    this.leader = new Int32Array(slots).fill(-1);
    this.first = new Int32Array(slots).fill(-1);
    this.last = new Int32Array(slots).fill(-1);
  }

  private slot(i: number): number {
    const r = this.path.req(i);
    return this.servers === 1 ? r.key : r.server * this.path.db.version.length + r.key;
  }

  onMiss(i: number): void {
    const s = this.slot(i);
    const r = this.path.req(i);
    r.waitNext = -1;
    if (this.leader[s] >= 0) {
      this.waited++;
      if (this.last[s] >= 0) this.path.req(this.last[s]).waitNext = i;
      else this.first[s] = i;
      this.last[s] = i;
      return;
    }
    this.leader[s] = i;
    this.loads++;
    r.loadStart = this.path.sim.now;
    this.path.dbRead(i, this.afterLoad);
  }

  private readonly afterLoad: Handler = (i) => {
    if (this.path.req(i).failed || !this.path.redis) this.afterFill(i);
    else this.path.redisSet(i, this.afterFill);
  };

  /** Hands the leader's outcome to every waiter, then answers the leader. */
  private readonly afterFill: Handler = (i) => {
    const path = this.path;
    const s = this.slot(i);
    const leader = path.req(i);
    let w = this.first[s];
    this.leader[s] = this.first[s] = this.last[s] = -1;
    while (w >= 0) {
      const next = path.req(w).waitNext; // read before the answer releases the record
      if (leader.failed) path.fail(w);
      else {
        path.req(w).version = leader.version;
        path.fillApp(w);
        path.answer(w, DATABASE);
      }
      w = next;
    }
    if (leader.failed) path.fail(i);
    else path.afterFill(i);
  };
}

/**
 * A background refresh: a request of its own, not a client's, that loads a key
 * from the database and fills the shared cache (and the in-process cache of the
 * server that started it) while the client that triggered it has already been
 * answered. At most one runs per key at a time; refresh-ahead and
 * stale-while-revalidate share it.
 */
import type { Handler } from '../engine/simulation.ts';
import type { RequestPath } from '../model/request-path.ts';
import { OP_READ } from '../workload/keyspace-source.ts';

export class BackgroundRefresh {
  /** Refreshes started. */
  started = 0;
  private readonly running: Uint8Array;

  constructor(private readonly path: RequestPath) {
    this.running = new Uint8Array(path.db.version.length);
  }

  isRunning(key: number): boolean {
    return this.running[key] === 1;
  }

  /** Starts a refresh of request `i`'s key unless one is running; true when it started. */
  start(i: number): boolean {
    const path = this.path;
    const r = path.req(i);
    if (this.running[r.key] === 1) return false;
    this.running[r.key] = 1;
    this.started++;
    const j = path.pool.acquire();
    const b = path.req(j);
    b.key = r.key;
    b.keyspace = r.keyspace;
    b.server = r.server;
    b.op = OP_READ;
    b.issuedAt = path.sim.now;
    b.clientRtt = 0;
    b.loadStart = path.sim.now;
    path.dbRead(j, this.afterLoad);
    return true;
  }

  private readonly afterLoad: Handler = (j) => {
    const path = this.path;
    if (path.req(j).failed || !path.redis) return this.done(j);
    path.redisSet(j, this.afterFill);
  };

  private readonly afterFill: Handler = (j) => {
    this.path.fillApp(j);
    this.done(j);
  };

  private done(j: number): void {
    this.running[this.path.req(j).key] = 0;
    this.path.pool.release(j);
  }
}

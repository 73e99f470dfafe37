/**
 * Database calls of the request path: a query travels half the round trip, waits
 * for a connection in the pool's FIFO queue, is served, and its answer travels
 * back; a query not answered `timeout` after it reached the database fails (the
 * caller stops waiting; a write still commits). A read snapshots the key's version
 * when its service starts. Generation tokens packed into event arguments let
 * timers and late grants recognise a call that is no longer awaited.
 */
import type { Handler, Simulation } from '../engine/simulation.ts';
import type { Collector } from '../metrics/collector.ts';
import type { DatabaseTier } from '../tiers/database.ts';
import type { FaultState } from '../faults/state.ts';
import { OP_READ } from '../workload/keyspace-source.ts';
import { pack, sameGen, unpackIndex, type Request, type RequestPool } from './request.ts';

export class DatabaseCalls {
  constructor(
    private readonly sim: Simulation,
    private readonly metrics: Collector,
    private readonly pool: RequestPool,
    private readonly db: DatabaseTier,
    private readonly faults: FaultState,
    /** Commits a write (with its dependents) and returns the key's new version. */
    private readonly commit: (key: number) => number,
  ) {}

  private readonly resume: Handler = (i) => {
    this.pool.all[i].next(i);
  };

  /** Sends request i's query (`op`: OP_READ or OP_WRITE); `then` runs when it is answered or has failed. */
  call(i: number, op: number, then: Handler): void {
    const r = this.pool.all[i];
    r.next = then;
    r.failed = false;
    r.command = op;
    r.gen++;
    const rtt = this.db.rtt();
    r.half = rtt / 2;
    if (rtt > 0) this.sim.schedule(r.half, this.atDb, pack(i, r.gen));
    else this.atDb(pack(i, r.gen));
  }

  private readonly atDb: Handler = (arg) => {
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    const now = this.sim.now;
    if (this.faults.dbDown) return this.dbTimedOut(arg); // refused at once, counted as an error
    this.metrics.dbEnter(now);
    if (r.command === OP_READ) {
      this.metrics.stampede.load(r.key);
      if (this.metrics.counts(r.issuedAt)) this.metrics.db.reads++;
    } else if (this.metrics.counts(r.issuedAt)) this.metrics.db.writes++;
    r.dbArrivedAt = now;
    // A timeout needs a timer only if the query may still be unanswered when it strikes: when it has
    // to wait for a connection (set here), or when its service would run past it (set at the grant).
    // Most queries need none, which keeps a second of pending timers out of the event queue.
    const pool = this.db.pool;
    r.dbTimer = this.db.timeout !== undefined && pool.inUse >= pool.capacity;
    if (r.dbTimer) this.sim.schedule(this.db.timeout as number, this.dbTimedOut, arg);
    pool.request(this.dbGranted, arg);
  };

  /** Arms the timeout for a query that starts service now and takes `service` µs, if it would strike first. */
  private armTimeout(r: Request, arg: number, service: number): void {
    const timeout = this.db.timeout;
    if (timeout === undefined || r.dbTimer) return;
    const deadline = r.dbArrivedAt + timeout;
    if (this.sim.now + service < deadline) return;
    r.dbTimer = true;
    this.sim.at(deadline, this.dbTimedOut, arg); // scheduled before the completion, so a tie times out as before
  }

  private readonly dbGranted: Handler = (arg) => {
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg) || r.failed) {
      // The caller gave up while this query waited for a connection: the pool drops it.
      this.metrics.dbLeave();
      this.db.pool.release();
      return;
    }
    this.metrics.dbQueued(this.sim.now - r.dbArrivedAt, r.issuedAt);
    if (r.command === OP_READ) {
      r.version = this.db.version[r.key]; // snapshot at the start of the query
      const service = this.db.readServiceOf(r.keyspace);
      this.armTimeout(r, arg, service);
      this.sim.schedule(service, this.dbReadDone, arg);
      return;
    }
    // A write commits even if its caller stops waiting, so it keeps its key in a slot of its own.
    let slot = this.writeFree.pop();
    if (slot === undefined) slot = this.writeKey.push(0) - 1;
    this.writeKey[slot] = r.key;
    this.writeArg[slot] = arg;
    const service = this.db.writeService();
    this.armTimeout(r, arg, service);
    this.sim.schedule(service, this.dbWriteDone, slot);
  };

  private readonly writeKey: number[] = [];
  private readonly writeArg: number[] = [];
  private readonly writeFree: number[] = [];

  private readonly dbReadDone: Handler = (arg) => {
    this.metrics.dbLeave();
    this.db.pool.release();
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg) || r.failed) return;
    this.replyFromDb(i);
  };

  private readonly dbWriteDone: Handler = (slot) => {
    this.metrics.dbLeave();
    this.db.pool.release();
    const key = this.writeKey[slot];
    const arg = this.writeArg[slot];
    this.writeFree.push(slot);
    const version = this.commit(key);
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg) || r.failed) return;
    r.version = version;
    this.replyFromDb(i);
  };

  private replyFromDb(i: number): void {
    const r = this.pool.all[i];
    r.gen++; // the timeout timer for this call is now moot
    if (r.half > 0) this.sim.schedule(r.half, this.resume, i);
    else r.next(i);
  }

  private readonly dbTimedOut: Handler = (arg) => {
    const i = unpackIndex(arg);
    const r = this.pool.all[i];
    if (!sameGen(r, arg)) return;
    r.failed = true;
    r.gen++;
    if (this.metrics.counts(r.issuedAt)) this.metrics.db.errors++;
    if (r.half > 0) this.sim.schedule(r.half, this.resume, i);
    else r.next(i);
  };
}

/**
 * The database: the source of truth and the slow tier. It holds a version per
 * key (every write bumps it) with the time each version was superseded, serves
 * queries through a pool of `connections` (excess queries wait in FIFO order),
 * and a query not answered within `timeout` fails. With exponential service and
 * Poisson arrivals this is an M/M/c queue, checked against Erlang C.
 */
import { Resource } from '../engine/resource.ts';
import type { Sampler } from '../engine/dist/index.ts';

export class DatabaseTier {
  readonly pool: Resource;
  readonly version: Int32Array;
  /** writeTimes[key][v] = when version v of key was superseded (the write that made v+1). */
  private readonly writeTimes: Array<number[] | undefined>;

  constructor(
    connections: number,
    maxKeys: number,
    readonly readService: Sampler,
    readonly writeService: Sampler,
    readonly rtt: Sampler,
    readonly timeout: number | undefined,
    /** Read service time per keyspace index, where a keyspace has its own `queryTime`. */
    private readonly keyspaceReadService: ReadonlyArray<Sampler | undefined> = [],
  ) {
    this.pool = new Resource(connections);
    this.version = new Int32Array(maxKeys);
    this.writeTimes = new Array(maxKeys);
  }

  /** Service time of one read of a key of keyspace `ks`. */
  readServiceOf(ks: number): number {
    const own = this.keyspaceReadService[ks];
    return own ? own() : this.readService();
  }

  /** Commits a write: the key's version advances; returns the new version. */
  commitWrite(key: number, now: number): number {
    let times = this.writeTimes[key];
    if (!times) this.writeTimes[key] = times = [];
    times.push(now);
    return ++this.version[key];
  }

  /** When `version` of `key` stopped being current (Infinity while it is current). */
  supersededAt(key: number, version: number): number {
    const times = this.writeTimes[key];
    return times && version < times.length ? times[version] : Number.POSITIVE_INFINITY;
  }
}

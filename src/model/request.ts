/**
 * In-flight requests. A request is a small mutable record reused through a free
 * list, so the hot path allocates nothing; events refer to it by pool index.
 * Strategies keep their per-request state in these fields.
 */
import type { Handler } from '../engine/simulation.ts';

export class Request {
  key = 0;
  keyspace = 0;
  op = 0;
  server = 0;
  /** Time the client issued it (µs). */
  issuedAt = 0;
  clientRtt = 0;
  /** One-way latency of the round trip under way. */
  half = 0;
  /** Value version the request holds (read from a cache or the database, or written). */
  version = 0;
  /** Outcome of the last cache operation (HIT/MISS/MISS_EXPIRED, or 1/0 for a lock). */
  result = 0;
  /** Set when the last database call failed (timeout, outage). */
  failed = false;
  /** Bumped at every reuse and every database call, so stale timers can tell they are moot. */
  gen = 0;
  /** When the database call under way reached the database (for queue-wait figures). */
  dbArrivedAt = 0;
  /** Whether the database call under way has a timeout timer pending. */
  dbTimer = false;
  /** Pending cache command for the round trip under way. */
  command = 0;
  /** Continuation run when the round trip under way completes. */
  next: Handler = noop;
  // --- strategy state ---
  /** When the load under way started (µs): the measured recompute time XFetch stores with the entry. */
  loadStart = 0;
  /** Expiry (µs) of the entry the last shared-cache GET hit. */
  expiry = 0;
  /** Set when the last cache command failed (Redis unreachable). */
  cacheFailed = false;
  /** Next request waiting on the same single-flight load (-1 = none). */
  waitNext = -1;
  /** Strategy-specific tag (versioned keys: the namespace version the request addressed). */
  tag = 0;
  // --- hierarchy: browser/CDN front (src/tiers/http/front.ts) ---
  client = 0;
  region = 0;
  /** 0 = did not pass the front; otherwise FRONT_CLIENT / FRONT_BG_CDN / FRONT_BG_BROWSER. */
  front = 0;
  /** Whether this request passed through the CDN (its origin answer returns there). */
  viaCdn = false;
  edgeRtt = 0;
  /** Browser slot holding a stale copy this request may fall back to (−1 = none). */
  browserSlot = -1;
  /** The CDN held a stale copy when this request missed there. */
  cdnStale = false;
  /** Age (µs) of the response as it leaves the edge (the Age header the browser sees). */
  age = 0;
  /** Layer whose copy answered (set when an origin answer travels back through the front). */
  servedBy = 0;
  /** Next request waiting on the same CDN fetch (−1 = none). */
  frontNext = -1;
}

function noop(): void {}

const GEN_SPAN = 2 ** 26;

/** Packs (index, generation) into one event argument. */
export function pack(index: number, gen: number): number {
  return (gen % GEN_SPAN) * GEN_SPAN + index;
}
export function unpackIndex(arg: number): number {
  return arg % GEN_SPAN;
}
export function unpackGen(arg: number): number {
  return Math.floor(arg / GEN_SPAN);
}
export function sameGen(r: Request, arg: number): boolean {
  return r.gen % GEN_SPAN === unpackGen(arg);
}

export class RequestPool {
  readonly all: Request[] = [];
  private readonly free: number[] = [];

  acquire(): number {
    const i = this.free.length > 0 ? (this.free.pop() as number) : this.all.push(new Request()) - 1;
    const r = this.all[i];
    r.gen++;
    r.failed = false;
    r.next = noop;
    r.cacheFailed = false;
    r.waitNext = -1;
    r.loadStart = 0;
    r.front = 0;
    r.viaCdn = false;
    r.browserSlot = -1;
    r.cdnStale = false;
    r.age = 0;
    r.frontNext = -1;
    return i;
  }

  release(i: number): void {
    this.all[i].gen++;
    this.free.push(i);
  }

  get inFlight(): number {
    return this.all.length - this.free.length;
  }
}

/**
 * The HTTP front of the request path: browser cache → CDN edge → origin (the load
 * balancer and app servers of request-path.ts). `enter(i)` takes a client request
 * where `RequestPath.issue` starts it; when the front cannot answer, `toOrigin`
 * hands it to the app path, whose answer (or error) comes back through
 * `fromOrigin` / `originFailed`, travels edge → client, and is stored on the way
 * per the HTTP rules (rules.ts). Every leg is a scheduled half round trip, so
 * latency is the sum of the hops actually taken.
 *
 * Stale-while-revalidate answers at once and starts one background revalidation
 * per object (a separate pooled request with FRONT_BG_*, never counted as a client
 * request); coalescing parks later misses of an object on a list until the first
 * one's fetch returns; stale-if-error answers from a stale copy when the origin fails.
 */
import type { Handler, Simulation } from '../../engine/simulation.ts';
import type { Sampler } from '../../engine/dist/index.ts';
import type { Collector, LayerStats } from '../../metrics/collector.ts';
import { BROWSER, CDN } from '../../metrics/layers.ts';
import type { Request } from '../../model/request.ts';
import type { KeyspaceSpec } from '../../scenario/normalize.ts';
import { OP_READ } from '../../workload/keyspace-source.ts';
import type { ClientPopulation } from '../../workload/clients.ts';
import { HIT } from '../store.ts';
import type { BrowserCaches } from './browser-caches.ts';
import type { CdnEdges } from './cdn.ts';
import { BROWSER_CACHE, FRESH, SHARED_CACHE, STALE_REVALIDATE, freshness, staleOnError, storable } from './rules.ts';

export const FRONT_CLIENT = 1;
export const FRONT_BG_CDN = 2;
export const FRONT_BG_BROWSER = 3;

const BROWSER_BIT = 1 << BROWSER;
const CDN_BIT = 1 << CDN;

/** What the front needs from the request path. */
export interface FrontPath {
  readonly sim: Simulation;
  readonly metrics: Collector;
  readonly pool: { all: Request[]; acquire(): number; release(i: number): void };
  /** Sends the request to the origin: the app path, after `r.clientRtt / 2`. */
  toOrigin(i: number): void;
  /** Records the answer (latency = now − issue) and releases the request. */
  deliver(i: number, servedBy: number): void;
  deliverFail(i: number): void;
}

export interface FrontParts {
  path: FrontPath;
  keyspaces: readonly KeyspaceSpec[];
  keyOffsets: readonly number[];
  sizes: readonly Int32Array[];
  clients: ClientPopulation;
  browser: BrowserCaches | undefined;
  cdn: CdnEdges | undefined;
  /** Per region: client ↔ edge and edge ↔ origin round trips. */
  edgeRtt: Sampler[];
  originRtt: Sampler[];
  /** Extra round trip inside the origin (balancer ↔ app server). */
  appRtt: Sampler;
}

export class HttpFront {
  browserStale = 0;
  browserRevalidations = 0;
  browserStaleIfError = 0;
  private readonly p: FrontParts;

  /** The CDN edges, for faults that act on them (a purge). */
  get cdn(): CdnEdges | undefined {
    return this.p.cdn;
  }
  private readonly sim: Simulation;
  private readonly all: Request[];
  private readonly browserStats: LayerStats | undefined;
  private readonly cdnStats: LayerStats | undefined;

  constructor(parts: FrontParts) {
    this.p = parts;
    this.sim = parts.path.sim;
    this.all = parts.path.pool.all;
    this.browserStats = parts.browser ? parts.path.metrics.layers[BROWSER] : undefined;
    this.cdnStats = parts.cdn ? parts.path.metrics.layers[CDN] : undefined;
  }

  private size(r: Request): number {
    return this.p.sizes[r.keyspace][r.key - this.p.keyOffsets[r.keyspace]];
  }

  /** A client request starts: pick its client, then try the browser. */
  enter(i: number): void {
    const r = this.all[i];
    r.client = this.p.clients.next();
    r.region = this.p.clients.region;
    r.front = FRONT_CLIENT;
    const ks = this.p.keyspaces[r.keyspace];
    const cc = ks.cacheControl;
    const browser = this.p.browser;
    if (r.op !== OP_READ || cc === undefined) return this.toEdge(i); // writes and uncacheable go through
    if (browser && ks.layerMask & BROWSER_BIT && storable(cc, BROWSER_CACHE)) {
      const now = this.sim.now;
      const stats = this.browserStats as LayerStats;
      const slot = browser.find(r.client, r.key);
      const f = slot < 0 ? -1 : freshness(cc, BROWSER_CACHE, now - browser.bornAt[slot]);
      if (f === FRESH || f === STALE_REVALIDATE) {
        this.p.path.metrics.hit(stats, now, r.issuedAt);
        browser.touch(slot);
        r.version = browser.version[slot];
        if (f === STALE_REVALIDATE) {
          this.browserStale++;
          if (browser.revalidating[slot] === 0) this.revalidateBrowser(i, slot);
        }
        r.clientRtt = 0;
        return this.p.path.deliver(i, BROWSER);
      }
      this.p.path.metrics.miss(stats, now, r.issuedAt);
      r.browserSlot = slot;
    }
    this.toEdge(i);
  }

  private revalidateBrowser(i: number, slot: number): void {
    const r = this.all[i];
    (this.p.browser as BrowserCaches).revalidating[slot] = 1;
    this.browserRevalidations++;
    const j = this.background(r, FRONT_BG_BROWSER);
    this.all[j].browserSlot = slot;
    this.toEdge(j);
  }

  /** A pooled copy of `r` for a background fetch, never counted as a client request. */
  private background(r: Request, kind: number): number {
    const j = this.p.path.pool.acquire();
    const b = this.all[j];
    b.key = r.key;
    b.keyspace = r.keyspace;
    b.op = OP_READ;
    b.issuedAt = r.issuedAt;
    b.client = r.client;
    b.region = r.region;
    b.front = kind;
    b.viaCdn = kind === FRONT_BG_CDN; // a CDN revalidation starts at the edge and returns there
    b.edgeRtt = 0;
    return j;
  }

  private toEdge(i: number): void {
    const r = this.all[i];
    const ks = this.p.keyspaces[r.keyspace];
    if (this.p.cdn && r.op === OP_READ && ks.layerMask & CDN_BIT) {
      r.viaCdn = true;
      r.edgeRtt = this.p.edgeRtt[r.region]();
      this.sim.schedule(r.edgeRtt / 2, this.atEdge, i);
    } else this.fetchOrigin(i);
  }

  private readonly atEdge: Handler = (i) => {
    const r = this.all[i];
    const cdn = this.p.cdn as CdnEdges;
    const cc = this.p.keyspaces[r.keyspace].cacheControl;
    if (cc === undefined || !storable(cc, SHARED_CACHE)) {
      cdn.passes++;
      return this.fetchOrigin(i);
    }
    const now = this.sim.now;
    const store = cdn.stores[r.region];
    const stats = this.cdnStats as LayerStats;
    const counted = r.front === FRONT_CLIENT || r.front === FRONT_BG_BROWSER;
    if (store.lookup(r.key, now) === HIT) {
      const age = now - store.filledAtOf(r.key);
      const f = freshness(cc, SHARED_CACHE, age);
      if (f === FRESH || f === STALE_REVALIDATE) {
        if (counted) this.p.path.metrics.hit(stats, now, r.issuedAt);
        // Per-PoP rows count what the layer totals count: client lookups after the warm-up.
        if (counted && this.p.path.metrics.counts(r.issuedAt)) cdn.hits[r.region]++;
        if (f === STALE_REVALIDATE) {
          cdn.staleServed++;
          const s = cdn.slot(r.region, r.key);
          if (cdn.revalidating[s] === 0) {
            cdn.revalidating[s] = 1;
            cdn.revalidations++;
            this.fetchOrigin(this.background(r, FRONT_BG_CDN));
          }
        }
        r.version = store.versionOf(r.key);
        r.age = age;
        r.servedBy = CDN;
        return this.fromEdge(i);
      }
      r.cdnStale = true;
    }
    if (counted) this.p.path.metrics.miss(stats, now, r.issuedAt);
    if (counted && this.p.path.metrics.counts(r.issuedAt)) cdn.misses[r.region]++;
    if (cdn.coalesce) {
      const s = cdn.slot(r.region, r.key);
      const head = cdn.inflight[s];
      if (head >= 0) {
        // Park behind the fetch in flight: insert after the leader.
        cdn.coalesced++;
        r.frontNext = this.all[head].frontNext;
        this.all[head].frontNext = i;
        return;
      }
      cdn.inflight[s] = i;
    }
    this.fetchOrigin(i);
  };

  private fetchOrigin(i: number): void {
    const r = this.all[i];
    r.clientRtt = this.p.originRtt[r.region]() + this.p.appRtt();
    this.p.path.toOrigin(i);
  }

  /** The origin answered (`servedBy` is the app-side layer); the answer starts back. */
  fromOrigin(i: number, servedBy: number): void {
    const r = this.all[i];
    r.servedBy = servedBy;
    r.age = 0;
    this.sim.schedule(r.clientRtt / 2, this.originReturned, i);
  }

  /** The origin failed; the error starts back (a stale copy may still answer). */
  originFailed(i: number): void {
    const r = this.all[i];
    r.servedBy = -1;
    this.sim.schedule(r.clientRtt / 2, this.originReturned, i);
  }

  private readonly originReturned: Handler = (i) => {
    const r = this.all[i];
    const cdn = this.p.cdn;
    if (!r.viaCdn || !cdn) return this.arrived(i);
    const cc = this.p.keyspaces[r.keyspace].cacheControl;
    const now = this.sim.now;
    const store = cdn.stores[r.region];
    const ok = r.servedBy >= 0;
    if (ok && cc !== undefined && storable(cc, SHARED_CACHE)) {
      cdn.originBytes += this.size(r);
      store.set(r.key, r.version, this.size(r), undefined, now);
    } else if (!ok && r.cdnStale && cc !== undefined && store.has(r.key) && staleOnError(cc, SHARED_CACHE, now - store.filledAtOf(r.key))) {
      cdn.staleIfError++;
      r.version = store.versionOf(r.key);
      r.age = now - store.filledAtOf(r.key);
      r.servedBy = CDN;
    }
    if (r.front === FRONT_BG_CDN) {
      cdn.revalidating[cdn.slot(r.region, r.key)] = 0;
      return this.p.path.pool.release(i);
    }
    if (cdn.coalesce && cdn.inflight[cdn.slot(r.region, r.key)] === i) this.wakeWaiters(i);
    this.fromEdge(i);
  };

  /** The leader's answer goes to everyone parked behind it. */
  private wakeWaiters(i: number): void {
    const cdn = this.p.cdn as CdnEdges;
    const r = this.all[i];
    cdn.inflight[cdn.slot(r.region, r.key)] = -1;
    let w = r.frontNext;
    r.frontNext = -1;
    while (w >= 0) {
      const q = this.all[w];
      const nextW = q.frontNext;
      q.frontNext = -1;
      q.version = r.version;
      q.servedBy = r.servedBy;
      q.age = r.age;
      this.fromEdge(w);
      w = nextW;
    }
  }

  private fromEdge(i: number): void {
    const r = this.all[i];
    if (r.servedBy >= 0) (this.p.cdn as CdnEdges).egressBytes += this.size(r);
    this.sim.schedule(r.edgeRtt / 2, this.arrived, i);
  }

  /** Back at the client: store in the browser, answer (or fail). */
  private readonly arrived: Handler = (i) => {
    const r = this.all[i];
    const browser = this.p.browser;
    const ks = this.p.keyspaces[r.keyspace];
    const cc = ks.cacheControl;
    const now = this.sim.now;
    const cacheable = browser !== undefined && cc !== undefined && r.op === OP_READ && (ks.layerMask & BROWSER_BIT) !== 0 && storable(cc, BROWSER_CACHE);
    if (r.servedBy >= 0 && cacheable) browser.store(r.client, r.key, r.version, now - r.age, this.size(r));
    if (r.front === FRONT_BG_BROWSER) {
      if (browser && r.browserSlot >= 0 && browser.key[r.browserSlot] === r.key) browser.revalidating[r.browserSlot] = 0;
      return this.p.path.pool.release(i);
    }
    r.clientRtt = 0;
    if (r.servedBy >= 0) return this.p.path.deliver(i, r.servedBy);
    const slot = r.browserSlot;
    if (cacheable && slot >= 0 && browser.key[slot] === r.key && staleOnError(cc, BROWSER_CACHE, now - browser.bornAt[slot])) {
      this.browserStaleIfError++;
      r.version = browser.version[slot];
      return this.p.path.deliver(i, BROWSER);
    }
    this.p.path.deliverFail(i);
  };
}

/**
 * The load balancer in front of the app servers. `pick(key)` chooses the server for
 * a request; `done(server)` is called when that server's request finishes (only
 * least-connections uses it). Consistent hashing (Karger et al. 1997, as ketama
 * does it) puts `VNODES` points per server on a 32-bit ring and sends a key to the
 * first point clockwise of its hash, so each key lives on exactly one server and
 * adding a server moves only ~1/N of the keys.
 */
import type { Uniform } from '../engine/rng.ts';
import type { BalanceName } from '../scenario/normalize.ts';

const VNODES = 160;

/** 32-bit integer mix (Murmur3 finalizer): spreads dense ids over the ring. */
export function hash32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class LoadBalancer {
  /** Requests in flight per server. */
  readonly active: Int32Array;
  private next = 0;
  private ringPoint: Uint32Array = new Uint32Array(0);
  private ringServer: Int32Array = new Int32Array(0);

  constructor(
    readonly kind: BalanceName,
    readonly servers: number,
    private readonly random: Uniform,
  ) {
    this.active = new Int32Array(servers);
    if (kind === 'consistent-hash') this.buildRing();
  }

  pick(key: number): number {
    const n = this.servers;
    let s = 0;
    if (n > 1) {
      switch (this.kind) {
        case 'round-robin':
          s = this.next;
          this.next = s + 1 === n ? 0 : s + 1;
          break;
        case 'random':
          s = Math.floor(this.random() * n);
          break;
        case 'least-connections':
          s = this.leastLoaded();
          break;
        case 'consistent-hash':
          s = this.onRing(hash32(key ^ 0x9e3779b9));
          break;
      }
    }
    this.active[s]++;
    return s;
  }

  done(server: number): void {
    this.active[server]--;
  }

  /** Fewest in flight; ties go round-robin so equal servers share evenly. */
  private leastLoaded(): number {
    const n = this.servers;
    let best = this.next;
    for (let j = 1; j < n; j++) {
      const s = (this.next + j) % n;
      if (this.active[s] < this.active[best]) best = s;
    }
    this.next = best + 1 === n ? 0 : best + 1;
    return best;
  }

  private buildRing(): void {
    const points: Array<[number, number]> = [];
    for (let s = 0; s < this.servers; s++) for (let v = 0; v < VNODES; v++) points.push([hash32(s * 7919 + v * 104729 + 1), s]);
    points.sort((a, b) => a[0] - b[0]);
    this.ringPoint = Uint32Array.from(points, (p) => p[0]);
    this.ringServer = Int32Array.from(points, (p) => p[1]);
  }

  private onRing(h: number): number {
    const ring = this.ringPoint;
    let lo = 0;
    let hi = ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ring[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return this.ringServer[lo === ring.length ? 0 : lo];
  }
}

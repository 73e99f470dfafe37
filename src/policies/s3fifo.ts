/**
 * S3-FIFO (Yang, Zhang, Qiu, Yue, Rashmi, "FIFO queues are all you need for cache
 * eviction", SOSP 2023, Algorithm 1), in the formulation of the authors' libCacheSim
 * (`cache/eviction/S3FIFO.c`, which makes one eviction per call).
 *
 * Defaults: small FIFO S = 10% of capacity, main FIFO M = the rest, ghost FIFO G holds
 * as many keys (or bytes) as M; a per-entry frequency counts hits, capped at 3.
 *  - hit: freq = min(freq + 1, 3)
 *  - miss: a key found in G goes to the head of M, otherwise to the head of S (freq 0)
 *  - evict: from M when M is over its share or S is empty, else from S:
 *      S tail with freq > 1 moves to M (as a new entry, freq 0, like libCacheSim's
 *      reinsert) and the scan continues; the first with freq ≤ 1 is evicted, its key
 *      remembered in G (oldest ghosts dropped beyond G's size).
 *      M tail with freq > 0 is reinserted at M's head with freq − 1; one with 0 is evicted.
 * Options: `smallRatio` (0.1).
 */
import { ListPolicy } from './internal/list-policy.ts';
import { growUint8 } from './internal/arrays.ts';
import { NIL } from './internal/lists.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const S = 0;
const M = 1;
const G = 2;

export class S3Fifo extends ListPolicy implements EvictionPolicy {
  readonly name = 's3fifo';
  private freq: Uint8Array;
  private readonly mainCap: number;
  private readonly ghostCap: number;

  constructor(ctx: PolicyContext) {
    super(ctx, 3, [S, M]);
    const smallRatio = Number(ctx.options?.smallRatio ?? 0.1);
    this.mainCap = ctx.capacity - Math.floor(ctx.capacity * smallRatio);
    this.ghostCap = this.mainCap;
    this.freq = new Uint8Array(ctx.maxKeys);
  }

  insert(key: number, size: number): void {
    this.freq[key] = 0;
    if (this.lists.listOf(key) === G) {
      this.lists.unlink(key);
      this.lists.pushHead(M, key, size);
    } else {
      this.lists.pushHead(S, key, size);
    }
  }

  touch(key: number): void {
    if (this.freq[key] < 3) this.freq[key] += 1;
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }

  evict(): number {
    const lists = this.lists;
    if (lists.bytes[M] > this.mainCap || lists.count[S] === 0) return this.evictMain();
    while (lists.count[S] > 0) {
      const t = lists.popTail(S);
      const size = lists.sizeOf[t];
      if (this.freq[t] > 1) {
        this.freq[t] = 0;
        lists.pushHead(M, t, size);
      } else {
        lists.pushHead(G, t, size);
        while (lists.bytes[G] > this.ghostCap) lists.popTail(G);
        return t;
      }
    }
    return this.evictMain();
  }

  private evictMain(): number {
    const lists = this.lists;
    for (let t = lists.tail[M]; t !== NIL; t = lists.tail[M]) {
      if (this.freq[t] === 0) return lists.popTail(M);
      this.freq[t] -= 1;
      lists.moveToHead(M, t);
    }
    return NIL;
  }

  protected override growExtra(maxKeys: number): void {
    this.freq = growUint8(this.freq, maxKeys);
  }
}

export const s3fifo = (ctx: PolicyContext): EvictionPolicy => new S3Fifo(ctx);

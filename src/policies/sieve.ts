/**
 * SIEVE (Zhang, Yang, Yue, Vigfusson, Rashmi, "SIEVE is Simpler than LRU: an Efficient
 * Turn-Key Eviction Algorithm for Web Caches", NSDI 2024, Algorithm 1). No parameters.
 *
 * A FIFO queue (new entries at the head) with one "visited" bit per entry and a hand
 * that persists between evictions. A hit only sets the bit. To evict, the hand starts
 * where it last stopped (initially the tail), clears set bits while moving toward the
 * head (wrapping to the tail), and evicts the first unvisited entry; it then rests on
 * that entry's neighbour toward the head. Unlike CLOCK, survivors are never moved, so
 * new entries stay near the head and are quickly examined.
 */
import { ListPolicy } from './internal/list-policy.ts';
import { growUint8 } from './internal/arrays.ts';
import { NIL } from './internal/lists.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const Q = 0;

export class Sieve extends ListPolicy implements EvictionPolicy {
  readonly name = 'sieve';
  private visited: Uint8Array;
  private hand = NIL;

  constructor(ctx: PolicyContext) {
    super(ctx, 1, [Q]);
    this.visited = new Uint8Array(ctx.maxKeys);
  }

  insert(key: number, size: number): void {
    this.visited[key] = 0;
    this.lists.pushHead(Q, key, size);
  }

  touch(key: number): void {
    this.visited[key] = 1;
  }

  remove(key: number): void {
    if (this.hand === key) this.hand = this.lists.prev[key];
    this.lists.unlink(key);
  }

  evict(): number {
    const lists = this.lists;
    if (lists.count[Q] === 0) return NIL;
    let k = this.hand !== NIL ? this.hand : lists.tail[Q];
    while (this.visited[k] === 1) {
      this.visited[k] = 0;
      k = lists.prev[k];
      if (k === NIL) k = lists.tail[Q];
    }
    this.hand = lists.prev[k];
    lists.unlink(k);
    return k;
  }

  protected override growExtra(maxKeys: number): void {
    this.visited = growUint8(this.visited, maxKeys);
  }
}

export const sieve = (ctx: PolicyContext): EvictionPolicy => new Sieve(ctx);

/**
 * CLOCK — one reference bit per entry (Corbató, "A paging experiment with the Multics
 * system", 1968). A hit sets the bit; the hand sweeps from the oldest entry, clearing
 * set bits (a second chance) until it finds a clear one, which it evicts. New entries
 * start with the bit clear, just behind the hand. No parameters.
 *
 * The circular buffer is modelled as a queue: the hand is the tail, and "clear the bit
 * and advance" moves the tail entry to the head, which is the same cyclic order.
 */
import { ListPolicy } from './internal/list-policy.ts';
import { growUint8 } from './internal/arrays.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const Q = 0;

export class Clock extends ListPolicy implements EvictionPolicy {
  readonly name = 'clock';
  private ref: Uint8Array;

  constructor(ctx: PolicyContext) {
    super(ctx, 1, [Q]);
    this.ref = new Uint8Array(ctx.maxKeys);
  }

  insert(key: number, size: number): void {
    this.ref[key] = 0;
    this.lists.pushHead(Q, key, size);
  }

  touch(key: number): void {
    this.ref[key] = 1;
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }

  evict(): number {
    const lists = this.lists;
    let k = lists.tail[Q];
    while (k !== -1 && this.ref[k] === 1) {
      this.ref[k] = 0;
      lists.moveToHead(Q, k);
      k = lists.tail[Q];
    }
    return lists.popTail(Q);
  }

  protected override growExtra(maxKeys: number): void {
    this.ref = growUint8(this.ref, maxKeys);
  }
}

export const clock = (ctx: PolicyContext): EvictionPolicy => new Clock(ctx);

/**
 * 2Q, the full version (Johnson & Shasha, "2Q: A Low Overhead High Performance Buffer
 * Management Replacement Algorithm", VLDB 1994, Fig. "Full Version").
 *
 * Defaults from the paper's recommendation: Kin = 25% of capacity (A1in, a FIFO of
 * first-time entries), Kout = 50% of capacity (A1out, a FIFO of ghost keys recently
 * evicted from A1in); Am is an LRU of keys re-referenced while in A1out.
 *  - hit in Am: move to Am's MRU end; hit in A1in: nothing (correlated references)
 *  - miss: a key in A1out enters Am; any other key enters A1in
 *  - reclaim: if A1in holds more than Kin, its oldest entry is evicted and its key
 *    remembered in A1out (trimmed to Kout); otherwise Am's LRU entry is evicted.
 * Options: `kin` (0.25), `kout` (0.5), as fractions of capacity.
 */
import { ListPolicy } from './internal/list-policy.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const A1IN = 0;
const AM = 1;
const A1OUT = 2;

export class TwoQ extends ListPolicy implements EvictionPolicy {
  readonly name = 'two-q';
  private readonly kin: number;
  private readonly kout: number;

  constructor(ctx: PolicyContext) {
    super(ctx, 3, [A1IN, AM]);
    this.kin = ctx.capacity * Number(ctx.options?.kin ?? 0.25);
    this.kout = ctx.capacity * Number(ctx.options?.kout ?? 0.5);
  }

  insert(key: number, size: number): void {
    if (this.lists.listOf(key) === A1OUT) {
      this.lists.unlink(key);
      this.lists.pushHead(AM, key, size);
    } else {
      this.lists.pushHead(A1IN, key, size);
    }
  }

  touch(key: number): void {
    if (this.lists.listOf(key) === AM) this.lists.moveToHead(AM, key);
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }

  evict(): number {
    const lists = this.lists;
    if (lists.bytes[A1IN] > this.kin || lists.count[AM] === 0) {
      const victim = lists.popTail(A1IN);
      if (victim !== -1) {
        lists.pushHead(A1OUT, victim, lists.sizeOf[victim]);
        while (lists.bytes[A1OUT] > this.kout) lists.popTail(A1OUT);
      }
      return victim;
    }
    return lists.popTail(AM);
  }
}

export const twoQ = (ctx: PolicyContext): EvictionPolicy => new TwoQ(ctx);

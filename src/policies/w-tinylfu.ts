/**
 * W-TinyLFU (Einziger, Friedman, Manes, "TinyLFU: A Highly Efficient Cache Admission
 * Policy", ACM ToS 2017, §5; as in Caffeine's simulator `WindowTinyLfuPolicy`).
 *
 * Defaults: a window LRU of 1% of capacity (at least one item), a main segmented LRU
 * of the rest split 20% probation / 80% protected, and the frequency sketch of
 * internal/sketch.ts (count-min, doorkeeper, halving every 10 × items accesses).
 *  - every access (hit or miss) is recorded in the sketch
 *  - new entries enter the window; the window's LRU entry, pushed out, joins probation
 *    as the candidate; when the cache is full the candidate competes with probation's
 *    LRU entry (the victim) and the one with the lower estimated frequency is evicted
 *    (ties evict the candidate)
 *  - a probation hit promotes to protected; protected overflow demotes its LRU entry
 *    back to probation's MRU end; window and protected hits move to their MRU end.
 * With `miss(x)` from the store the sketch records x before the contest, as Caffeine does.
 * Options: `windowRatio` (0.01), `protectedRatio` (0.8), `expectedItems` (sketch size;
 * defaults to the capacity, which is right when counting items).
 */
import { ListPolicy } from './internal/list-policy.ts';
import { FrequencySketch } from './internal/sketch.ts';
import { NIL } from './internal/lists.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const WINDOW = 0;
const PROBATION = 1;
const PROTECTED = 2;

export class WTinyLfu extends ListPolicy implements EvictionPolicy {
  readonly name = 'w-tinylfu';
  private readonly sketch: FrequencySketch;
  private readonly windowCap: number;
  private readonly protectedCap: number;
  private pendingKey = NIL;
  private pendingSize = 0;
  private candidate = NIL;

  constructor(ctx: PolicyContext) {
    super(ctx, 3, [WINDOW, PROBATION, PROTECTED]);
    const o = ctx.options ?? {};
    this.windowCap = Math.max(1, Math.floor(ctx.capacity * Number(o.windowRatio ?? 0.01)));
    this.protectedCap = (ctx.capacity - this.windowCap) * Number(o.protectedRatio ?? 0.8);
    const items = Number(o.expectedItems ?? ctx.capacity);
    this.sketch = new FrequencySketch(Math.min(Math.max(16, items), 1 << 24));
  }

  miss(key: number, size: number): void {
    this.sketch.record(key);
    this.pendingKey = key;
    this.pendingSize = size;
  }

  evict(): number {
    const lists = this.lists;
    // Make room in the window for the incoming entry: its LRU entries become candidates.
    while (lists.count[WINDOW] > 0 && lists.bytes[WINDOW] + this.pendingSize > this.windowCap) {
      this.candidate = lists.tail[WINDOW];
      lists.moveToHead(PROBATION, this.candidate);
    }
    const victim = lists.tail[PROBATION];
    if (this.candidate !== NIL && lists.listOf(this.candidate) === PROBATION) {
      const c = this.candidate;
      const loser = victim === c || this.sketch.frequency(c) <= this.sketch.frequency(victim) ? c : victim;
      if (loser === c) this.candidate = NIL;
      lists.unlink(loser);
      return loser;
    }
    for (const l of [PROBATION, PROTECTED, WINDOW]) {
      if (lists.count[l] > 0) return lists.popTail(l);
    }
    return NIL;
  }

  insert(key: number, size: number): void {
    if (this.pendingKey !== key) this.sketch.record(key);
    const lists = this.lists;
    lists.pushHead(WINDOW, key, size);
    while (lists.count[WINDOW] > 1 && lists.bytes[WINDOW] > this.windowCap) {
      lists.moveToHead(PROBATION, lists.tail[WINDOW]);
    }
    this.pendingKey = NIL;
    this.pendingSize = 0;
    this.candidate = NIL;
  }

  touch(key: number): void {
    this.sketch.record(key);
    const lists = this.lists;
    const l = lists.listOf(key);
    if (l === PROBATION) {
      lists.moveToHead(PROTECTED, key);
      while (lists.bytes[PROTECTED] > this.protectedCap && lists.count[PROTECTED] > 1) {
        lists.moveToHead(PROBATION, lists.tail[PROTECTED]);
      }
    } else {
      lists.moveToHead(l, key);
    }
  }

  remove(key: number): void {
    if (this.candidate === key) this.candidate = NIL;
    this.lists.unlink(key);
  }
}

export const wTinyLfu = (ctx: PolicyContext): EvictionPolicy => new WTinyLfu(ctx);

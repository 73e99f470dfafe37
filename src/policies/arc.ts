/**
 * ARC — Adaptive Replacement Cache (Megiddo & Modha, "ARC: A Self-Tuning, Low Overhead
 * Replacement Cache", FAST 2003, Fig. 4). No parameters: p (the target size of T1)
 * starts at 0 and adapts.
 *
 * T1 holds keys seen once recently, T2 keys seen at least twice; B1 and B2 are their
 * ghosts (keys only). With unit sizes this is the paper's algorithm exactly; with sizes,
 * list lengths are byte totals and each adaptation step is scaled by the request size.
 *
 * Mapping onto the store protocol (miss → evict* → insert): `miss(x)` runs the
 * paper's case II/III adaptation or case IV's ghost trimming and remembers x, so that
 * `evict()` can run REPLACE(x, p), whose test `x ∈ B2` depends on the incoming key.
 * A store that never calls `miss` gets the same steps at `insert` time, with REPLACE
 * run as if x ∉ B2.
 */
import { ListPolicy } from './internal/list-policy.ts';
import { NIL } from './internal/lists.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const T1 = 0;
const T2 = 1;
const B1 = 2;
const B2 = 3;

export class Arc extends ListPolicy implements EvictionPolicy {
  readonly name = 'arc';
  /** Target size of T1. */
  p = 0;
  private pendingKey = NIL;
  private pendingInB2 = false;
  /** Case IV(A) with B1 empty: the paper deletes T1's LRU without remembering it. */
  private dropT1WithoutGhost = false;

  constructor(ctx: PolicyContext) {
    super(ctx, 4, [T1, T2]);
  }

  miss(key: number, size: number): void {
    const { bytes } = this.lists;
    const c = this.ctx.capacity;
    const where = this.lists.listOf(key);
    this.pendingKey = key;
    this.pendingInB2 = where === B2;
    this.dropT1WithoutGhost = false;
    if (where === B1) {
      this.p = Math.min(c, this.p + Math.max(bytes[B2] / bytes[B1], 1) * size);
    } else if (where === B2) {
      this.p = Math.max(0, this.p - Math.max(bytes[B1] / bytes[B2], 1) * size);
    } else if (bytes[T1] + bytes[B1] + size > c) {
      // Case IV(A): L1 is full. Drop B1's oldest ghosts; with none, T1's LRU goes for good.
      while (bytes[T1] + bytes[B1] + size > c && this.lists.count[B1] > 0) this.lists.popTail(B1);
      if (bytes[T1] + size > c) this.dropT1WithoutGhost = true;
    } else {
      // Case IV(B): L1 has room; keep the whole directory within 2c.
      const total = () => bytes[T1] + bytes[T2] + bytes[B1] + bytes[B2];
      while (total() + size > 2 * c && this.lists.count[B2] > 0) this.lists.popTail(B2);
    }
  }

  evict(): number {
    const lists = this.lists;
    if (this.dropT1WithoutGhost && lists.count[T1] > 0) return lists.popTail(T1);
    // REPLACE(x, p)
    const t1 = lists.bytes[T1];
    const fromT1 = lists.count[T1] > 0 && ((this.pendingInB2 && t1 === this.p) || t1 > this.p || lists.count[T2] === 0);
    const victim = lists.popTail(fromT1 ? T1 : T2);
    if (victim !== NIL) lists.pushHead(fromT1 ? B1 : B2, victim, lists.sizeOf[victim]);
    return victim;
  }

  insert(key: number, size: number): void {
    if (this.pendingKey !== key) this.miss(key, size);
    const where = this.lists.listOf(key);
    if (where === B1 || where === B2) {
      this.lists.unlink(key);
      this.lists.pushHead(T2, key, size);
    } else {
      this.lists.pushHead(T1, key, size);
    }
    this.pendingKey = NIL;
    this.pendingInB2 = false;
    this.dropT1WithoutGhost = false;
  }

  touch(key: number): void {
    this.lists.moveToHead(T2, key);
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }
}

export const arc = (ctx: PolicyContext): EvictionPolicy => new Arc(ctx);

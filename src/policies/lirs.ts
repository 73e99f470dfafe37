/**
 * LIRS — Low Inter-reference Recency Set (Jiang & Zhang, "LIRS: An Efficient Low
 * Inter-reference Recency Set Replacement Policy", SIGMETRICS 2002, §4).
 *
 * Defaults: HIR-resident share Lhirs = 1% of capacity (at least one item's worth),
 * LIR share = the rest; non-resident HIR entries kept in the stack are bounded by 2×
 * capacity (Caffeine simulator's `lirs.non-resident-multiplier`), dropping the oldest.
 *
 * Stack S orders keys by recency (LIR, resident HIR and non-resident HIR entries); queue
 * Q holds resident HIR entries, the victims. S's bottom is always LIR ("pruning").
 *  - hit on LIR: move to S's top (prune if it was the bottom)
 *  - hit on resident HIR in S: it becomes LIR; S's bottom LIR becomes HIR at Q's end
 *  - hit on resident HIR not in S: to S's top and Q's end, stays HIR
 *  - miss: evict Q's front (kept in S as non-resident if it is there); the new key
 *    becomes LIR if it was non-resident in S (demoting S's bottom LIR), else resident
 *    HIR at S's top and Q's end. While the LIR set is not yet full, new keys are LIR.
 * Options: `hirRatio` (0.01), `nonResidentMultiplier` (2).
 */
import { KeyLists, NIL } from './internal/lists.ts';
import { growUint8 } from './internal/arrays.ts';
import { checkOccupancy } from './internal/invariants.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const NONE = 0;
const LIR = 1;
const HIR = 2; // resident HIR
const NONRES = 3; // non-resident HIR (only in S)

const S = 0; // in `stack`
const Q = 0; // in `queues`: resident HIR, head = newest, tail = next victim
const NR = 1; // in `queues`: non-resident HIR in S, for bounding them

export class Lirs implements EvictionPolicy {
  readonly name = 'lirs';
  private readonly stack: KeyLists;
  private readonly queues: KeyLists;
  private status: Uint8Array;
  private lirCount = 0;
  private lirBytes = 0;
  private readonly lirCap: number;
  private readonly maxNonResident: number;

  constructor(private readonly ctx: PolicyContext) {
    this.stack = new KeyLists(1, ctx.maxKeys);
    this.queues = new KeyLists(2, ctx.maxKeys);
    this.status = new Uint8Array(ctx.maxKeys);
    const hir = Math.max(1, ctx.capacity * Number(ctx.options?.hirRatio ?? 0.01));
    this.lirCap = Math.max(0, ctx.capacity - hir);
    this.maxNonResident = ctx.capacity * Number(ctx.options?.nonResidentMultiplier ?? 2);
  }

  get size(): number {
    return this.lirCount + this.queues.count[Q];
  }

  touch(key: number): void {
    // LIR entries are always in S, resident HIR entries always in Q: each list holds the size.
    if (this.status[key] === LIR) {
      const wasBottom = this.stack.tail[S] === key;
      this.stack.moveToHead(S, key);
      if (wasBottom) this.prune();
    } else if (this.stack.listOf(key) === S) {
      const size = this.queues.sizeOf[key];
      this.queues.unlink(key);
      this.stack.unlink(key);
      this.stack.pushHead(S, key, size);
      this.makeLir(key, size);
    } else {
      this.stack.pushHead(S, key, this.queues.sizeOf[key]);
      this.queues.moveToHead(Q, key);
    }
  }

  insert(key: number, size: number): void {
    const inStack = this.stack.listOf(key) === S;
    if (inStack) {
      // A non-resident HIR entry: its new inter-reference recency beats the bottom LIR's.
      this.queues.unlink(key);
      this.stack.unlink(key);
      this.stack.pushHead(S, key, size);
      this.makeLir(key, size);
    } else if (this.lirBytes + size <= this.lirCap) {
      this.stack.pushHead(S, key, size);
      this.status[key] = LIR;
      this.lirCount += 1;
      this.lirBytes += size;
    } else {
      this.stack.pushHead(S, key, size);
      this.status[key] = HIR;
      this.queues.pushHead(Q, key, size);
    }
  }

  evict(): number {
    let victim = this.queues.popTail(Q);
    if (victim === NIL) {
      // Only LIR entries are resident: give up the least recent one (after pruning, the
      // bottom of S; before the first LIR entry arrives it may hold only HIR ones).
      this.prune();
      victim = this.stack.tail[S];
      if (victim === NIL) return NIL;
      this.stack.unlink(victim);
      this.lirCount -= 1;
      this.lirBytes -= this.stack.sizeOf[victim];
      this.status[victim] = NONE;
      this.prune();
      return victim;
    }
    if (this.stack.listOf(victim) === S) {
      this.status[victim] = NONRES;
      this.queues.pushHead(NR, victim, this.queues.sizeOf[victim]);
      while (this.queues.bytes[NR] > this.maxNonResident) this.forget(this.queues.tail[NR]);
    } else {
      this.status[victim] = NONE;
    }
    return victim;
  }

  remove(key: number): void {
    if (this.status[key] === LIR) {
      this.lirCount -= 1;
      this.lirBytes -= this.stack.sizeOf[key];
    }
    this.forget(key);
    this.prune();
  }

  /** Turns `key` (already at S's top) into LIR and demotes bottom LIRs that no longer fit. */
  private makeLir(key: number, size: number): void {
    this.status[key] = LIR;
    this.lirCount += 1;
    this.lirBytes += size;
    while (this.lirBytes > this.lirCap && this.lirCount > 1) {
      this.prune(); // the bottom must be LIR (HIR entries can sit below before any LIR arrives)
      const bottom = this.stack.tail[S];
      if (bottom === key) break;
      const bsize = this.stack.sizeOf[bottom];
      this.stack.unlink(bottom);
      this.status[bottom] = HIR;
      this.lirCount -= 1;
      this.lirBytes -= bsize;
      this.queues.pushHead(Q, bottom, bsize);
      this.prune();
    }
  }

  /** Removes HIR entries from S's bottom until an LIR entry is there. */
  private prune(): void {
    for (let b = this.stack.tail[S]; b !== NIL && this.status[b] !== LIR; b = this.stack.tail[S]) {
      this.stack.unlink(b);
      if (this.status[b] === NONRES) {
        this.queues.unlink(b);
        this.status[b] = NONE;
      }
    }
  }

  private forget(key: number): void {
    this.stack.unlink(key);
    this.queues.unlink(key);
    this.status[key] = NONE;
  }

  grow(maxKeys: number): void {
    this.stack.grow(maxKeys);
    this.queues.grow(maxKeys);
    this.status = growUint8(this.status, maxKeys);
  }

  finished(): void {
    let entries = this.queues.count[Q];
    let bytes = this.queues.recount(Q)[1];
    for (let k = this.stack.head[S]; k !== NIL; k = this.stack.next[k]) {
      if (this.status[k] === LIR) {
        entries += 1;
        bytes += this.stack.sizeOf[k];
      }
    }
    const tracked = { entries: this.size, bytes: this.lirBytes + this.queues.bytes[Q] };
    checkOccupancy(this.name, this.ctx.capacity, tracked, { entries, bytes });
  }
}

export const lirs = (ctx: PolicyContext): EvictionPolicy => new Lirs(ctx);

/**
 * Belady's MIN — offline optimal replacement for unit sizes (Belady, "A study of
 * replacement algorithms for a virtual-storage computer", IBM Systems Journal 1966).
 * Evicts the resident entry whose next request is furthest in the future (never
 * requested again counts as infinitely far). With variable sizes or deletes it is a
 * strong heuristic, not a proven optimum.
 *
 * Needs the future: `options.nextUse` is an Int32Array giving, for request i of the
 * trace, the index of the next request for the same key (-1 if none), and the store
 * calls `seek(i)` before serving request i. Trace replay provides both.
 */
import { HeapPolicy } from './internal/heap-policy.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

export class Belady extends HeapPolicy implements EvictionPolicy {
  readonly name = 'belady';
  private readonly nextUse: Int32Array;
  private index = 0;

  constructor(ctx: PolicyContext) {
    super(ctx);
    const nextUse = ctx.options?.nextUse;
    if (!(nextUse instanceof Int32Array)) {
      throw new Error('belady needs options.nextUse (next-request indices); it runs only in trace replay');
    }
    this.nextUse = nextUse;
  }

  seek(requestIndex: number): void {
    this.index = requestIndex;
  }

  /** The heap is a min-heap, so the priority is minus the distance to the next use. */
  private priority(): number {
    const next = this.nextUse[this.index];
    return next < 0 ? -Infinity : -next;
  }

  insert(key: number, size: number): void {
    this.add(key, size, this.priority(), key);
  }

  touch(key: number): void {
    this.heap.set(key, this.priority(), key);
  }
}

export const belady = (ctx: PolicyContext): EvictionPolicy => new Belady(ctx);

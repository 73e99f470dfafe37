/**
 * Shared skeleton of the policies that evict the minimum of a priority (LFU, Belady):
 * the heap, per-key sizes, growth and the end-of-run invariant.
 */
import { KeyHeap } from './heap.ts';
import { growFloat64 } from './arrays.ts';
import { checkOccupancy } from './invariants.ts';
import type { PolicyContext } from '../types.ts';

export abstract class HeapPolicy {
  abstract readonly name: string;
  protected readonly heap: KeyHeap;
  protected sizeOf: Float64Array;
  protected bytes = 0;

  constructor(protected readonly ctx: PolicyContext) {
    this.heap = new KeyHeap(ctx.maxKeys);
    this.sizeOf = new Float64Array(ctx.maxKeys);
  }

  get size(): number {
    return this.heap.length;
  }

  protected add(key: number, size: number, primary: number, secondary: number): void {
    this.sizeOf[key] = size;
    this.bytes += size;
    this.heap.set(key, primary, secondary);
  }

  remove(key: number): void {
    if (!this.heap.has(key)) return;
    this.bytes -= this.sizeOf[key];
    this.heap.remove(key);
  }

  evict(): number {
    const victim = this.heap.pop();
    if (victim >= 0) this.bytes -= this.sizeOf[victim];
    return victim;
  }

  grow(maxKeys: number): void {
    this.heap.grow(maxKeys);
    this.sizeOf = growFloat64(this.sizeOf, maxKeys);
  }

  finished(): void {
    let bytes = 0;
    for (const k of this.heap.keys()) bytes += this.sizeOf[k];
    checkOccupancy(this.name, this.ctx.capacity, { entries: this.size, bytes: this.bytes }, { entries: this.heap.keys().length, bytes });
  }
}

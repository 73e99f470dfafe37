/**
 * An indexed binary min-heap of key ids on typed arrays, ordered by (primary, secondary)
 * priorities that the caller stores per key. `pos[key]` locates a key in the heap, so
 * a key's priority can change in O(log n) (LFU's count, Belady's next use, a TTL).
 */
import { growFloat64, growInt32 } from './arrays.ts';

export class KeyHeap {
  private heap: Int32Array;
  private pos: Int32Array;
  primary: Float64Array;
  secondary: Float64Array;
  length = 0;

  constructor(maxKeys: number) {
    this.heap = new Int32Array(Math.max(16, maxKeys));
    this.pos = new Int32Array(maxKeys).fill(-1);
    this.primary = new Float64Array(maxKeys);
    this.secondary = new Float64Array(maxKeys);
  }

  grow(maxKeys: number): void {
    this.heap = growInt32(this.heap, maxKeys);
    this.pos = growInt32(this.pos, maxKeys, -1);
    this.primary = growFloat64(this.primary, maxKeys);
    this.secondary = growFloat64(this.secondary, maxKeys);
  }

  has(key: number): boolean {
    return this.pos[key] >= 0;
  }

  /** Adds `key` with the given priorities, or repositions it if present. */
  set(key: number, primary: number, secondary: number): void {
    this.primary[key] = primary;
    this.secondary[key] = secondary;
    const i = this.pos[key];
    if (i < 0) {
      this.heap[this.length] = key;
      this.pos[key] = this.length;
      this.length += 1;
      this.up(this.length - 1);
    } else {
      this.up(i);
      this.down(this.pos[key]);
    }
  }

  /** The key with the smallest priority, or -1. */
  peek(): number {
    return this.length > 0 ? this.heap[0] : -1;
  }

  pop(): number {
    if (this.length === 0) return -1;
    const top = this.heap[0];
    this.remove(top);
    return top;
  }

  remove(key: number): void {
    const i = this.pos[key];
    if (i < 0) return;
    this.pos[key] = -1;
    this.length -= 1;
    if (i === this.length) return;
    const last = this.heap[this.length];
    this.heap[i] = last;
    this.pos[last] = i;
    this.up(i);
    this.down(this.pos[last]);
  }

  /** Every key currently in the heap (for invariant checks). */
  keys(): Int32Array {
    return this.heap.subarray(0, this.length);
  }

  private less(a: number, b: number): boolean {
    const pa = this.primary[a];
    const pb = this.primary[b];
    return pa < pb || (pa === pb && this.secondary[a] < this.secondary[b]);
  }

  private up(i: number): void {
    const h = this.heap;
    const key = h[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(key, h[parent])) break;
      h[i] = h[parent];
      this.pos[h[i]] = i;
      i = parent;
    }
    h[i] = key;
    this.pos[key] = i;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = this.length;
    const key = h[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(h[child + 1], h[child])) child += 1;
      if (!this.less(h[child], key)) break;
      h[i] = h[child];
      this.pos[h[i]] = i;
      i = child;
    }
    h[i] = key;
    this.pos[key] = i;
  }
}

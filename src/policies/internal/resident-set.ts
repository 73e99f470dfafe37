/**
 * The resident keys as a dense array, for uniform random choice in O(1): removal swaps
 * the last key into the hole. Used by the random and the Redis sampling policies.
 */
import { growFloat64, growInt32 } from './arrays.ts';

export class ResidentSet {
  private dense: Int32Array;
  private index: Int32Array;
  sizeOf: Float64Array;
  length = 0;
  bytes = 0;

  constructor(maxKeys: number) {
    this.dense = new Int32Array(Math.max(16, maxKeys));
    this.index = new Int32Array(maxKeys).fill(-1);
    this.sizeOf = new Float64Array(maxKeys);
  }

  grow(maxKeys: number): void {
    this.dense = growInt32(this.dense, maxKeys);
    this.index = growInt32(this.index, maxKeys, -1);
    this.sizeOf = growFloat64(this.sizeOf, maxKeys);
  }

  has(key: number): boolean {
    return this.index[key] >= 0;
  }

  add(key: number, size: number): void {
    this.index[key] = this.length;
    this.dense[this.length++] = key;
    this.sizeOf[key] = size;
    this.bytes += size;
  }

  delete(key: number): void {
    const i = this.index[key];
    if (i < 0) return;
    const last = this.dense[--this.length];
    this.dense[i] = last;
    this.index[last] = i;
    this.index[key] = -1;
    this.bytes -= this.sizeOf[key];
  }

  /** A uniformly chosen resident key (-1 when empty), from `random()` in [0, 1). */
  pick(random: () => number): number {
    if (this.length === 0) return -1;
    return this.dense[Math.floor(random() * this.length)];
  }

  /** Recounted [entries, summed sizes], for invariant checks. */
  recount(): { entries: number; bytes: number } {
    let bytes = 0;
    for (let i = 0; i < this.length; i++) {
      const k = this.dense[i];
      if (this.index[k] !== i) throw new Error(`resident set: key ${k} index mismatch`);
      bytes += this.sizeOf[k];
    }
    return { entries: this.length, bytes };
  }
}

/**
 * Doubly-linked lists over typed arrays, indexed by key id, for eviction policies.
 *
 * Several disjoint lists (ARC's T1/T2/B1/B2, S3-FIFO's small/main/ghost, …) share one
 * pair of `prev`/`next` arrays: a key is in at most one list at a time, and
 * `where[key]` says which (0 = none, l + 1 = list l). Each list keeps its entry count
 * and the sum of its entries' sizes. The head is the newest / most recently used
 * end, the tail the oldest / least recently used; -1 marks "no key".
 *
 * Objects per entry would cost a pointer chase and GC pressure per request; index
 * arrays keep the replay hot path in a few cache lines.
 */
import { growFloat64, growInt32, growUint8 } from './arrays.ts';

export const NIL = -1;

export class KeyLists {
  prev: Int32Array;
  next: Int32Array;
  /** 0 when the key is in no list, else list index + 1. */
  where: Uint8Array;
  /** Size of each listed key (1 per item when counting items). */
  sizeOf: Float64Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly count: Float64Array;
  readonly bytes: Float64Array;

  constructor(nLists: number, maxKeys: number) {
    this.prev = new Int32Array(maxKeys).fill(NIL);
    this.next = new Int32Array(maxKeys).fill(NIL);
    this.where = new Uint8Array(maxKeys);
    this.sizeOf = new Float64Array(maxKeys);
    this.head = new Int32Array(nLists).fill(NIL);
    this.tail = new Int32Array(nLists).fill(NIL);
    this.count = new Float64Array(nLists);
    this.bytes = new Float64Array(nLists);
  }

  grow(maxKeys: number): void {
    this.prev = growInt32(this.prev, maxKeys, NIL);
    this.next = growInt32(this.next, maxKeys, NIL);
    this.where = growUint8(this.where, maxKeys);
    this.sizeOf = growFloat64(this.sizeOf, maxKeys);
  }

  /** The list `key` is in, or -1. */
  listOf(key: number): number {
    return this.where[key] - 1;
  }

  pushHead(l: number, key: number, size: number): void {
    const h = this.head[l];
    this.prev[key] = NIL;
    this.next[key] = h;
    if (h !== NIL) this.prev[h] = key;
    else this.tail[l] = key;
    this.head[l] = key;
    this.where[key] = l + 1;
    this.sizeOf[key] = size;
    this.count[l] += 1;
    this.bytes[l] += size;
  }

  pushTail(l: number, key: number, size: number): void {
    const t = this.tail[l];
    this.next[key] = NIL;
    this.prev[key] = t;
    if (t !== NIL) this.next[t] = key;
    else this.head[l] = key;
    this.tail[l] = key;
    this.where[key] = l + 1;
    this.sizeOf[key] = size;
    this.count[l] += 1;
    this.bytes[l] += size;
  }

  /** Removes `key` from whatever list holds it (no-op if none). */
  unlink(key: number): void {
    const l = this.where[key] - 1;
    if (l < 0) return;
    const p = this.prev[key];
    const n = this.next[key];
    if (p !== NIL) this.next[p] = n;
    else this.head[l] = n;
    if (n !== NIL) this.prev[n] = p;
    else this.tail[l] = p;
    this.where[key] = 0;
    this.count[l] -= 1;
    this.bytes[l] -= this.sizeOf[key];
  }

  /** Moves `key` (already in some list) to the head of list `l`, keeping its size. */
  moveToHead(l: number, key: number): void {
    if (this.head[l] === key) return;
    const size = this.sizeOf[key];
    this.unlink(key);
    this.pushHead(l, key, size);
  }

  moveToTail(l: number, key: number): void {
    if (this.tail[l] === key) return;
    const size = this.sizeOf[key];
    this.unlink(key);
    this.pushTail(l, key, size);
  }

  /** Unlinks and returns the tail of list `l`, or -1 if it is empty. */
  popTail(l: number): number {
    const t = this.tail[l];
    if (t !== NIL) this.unlink(t);
    return t;
  }

  /** Walks list `l` and returns [entries, summed sizes], for invariant checks. */
  recount(l: number): [number, number] {
    let n = 0;
    let bytes = 0;
    for (let k = this.head[l]; k !== NIL; k = this.next[k]) {
      if (this.where[k] !== l + 1) throw new Error(`list ${l}: key ${k} is marked as list ${this.where[k] - 1}`);
      n += 1;
      bytes += this.sizeOf[k];
    }
    return [n, bytes];
  }
}

/**
 * LRU stack distances in one pass (Mattson, Gecsei, Slutz, Traiger, "Evaluation
 * techniques for storage hierarchies", IBM Systems Journal 1970), counted with a
 * Fenwick tree over access positions (the O(N log M) method of Bennett & Kruskal 1975
 * and of SHARDS' exact mode).
 *
 * Each key keeps one marker, at the position of its last access. A re-access of a key
 * last seen at position p has stack distance 1 + (markers after p): the number of
 * distinct keys touched since, plus itself. LRU with capacity c (objects) hits exactly
 * when the distance is ≤ c, so one histogram of distances gives every capacity's miss
 * ratio. Positions are renumbered compactly whenever they run out, so the tree stays
 * O(distinct keys) however long the trace.
 */
import { growInt32 } from '../policies/internal/arrays.ts';

export class StackDistances {
  private tree: Int32Array;
  private posKey: Int32Array;
  private lastPos: Int32Array;
  /** Next free position (1-based). */
  private next = 1;
  /** Keys seen so far = markers in the tree. */
  distinct = 0;

  constructor(maxKeys: number) {
    const size = Math.max(1 << 16, 4 * maxKeys);
    this.tree = new Int32Array(size + 1);
    this.posKey = new Int32Array(size + 1).fill(-1);
    this.lastPos = new Int32Array(maxKeys);
  }

  /** Records an access; returns its stack distance (≥ 1), or 0 for a first access. */
  access(key: number): number {
    if (key >= this.lastPos.length) this.lastPos = growInt32(this.lastPos, Math.max(2 * this.lastPos.length, key + 1));
    if (this.next >= this.tree.length) this.compact();
    const tree = this.tree;
    const n = tree.length;
    const p = this.lastPos[key];
    let distance = 0;
    if (p > 0) {
      let before = 0; // markers at positions ≤ p
      for (let i = p; i > 0; i -= i & -i) before += tree[i];
      distance = this.distinct - before + 1;
      for (let i = p; i < n; i += i & -i) tree[i] -= 1;
      this.posKey[p] = -1;
    } else {
      this.distinct += 1;
    }
    const q = this.next++;
    for (let i = q; i < n; i += i & -i) tree[i] += 1;
    this.posKey[q] = key;
    this.lastPos[key] = q;
    return distance;
  }

  /** Renumbers the live markers 1..distinct (in order) and rebuilds the tree, growing it if crowded. */
  private compact(): void {
    const old = this.posKey;
    const size = Math.max(this.tree.length - 1, 4 * this.distinct);
    const posKey = new Int32Array(size + 1).fill(-1);
    let q = 1;
    for (let p = 1; p < old.length; p++) {
      const key = old[p];
      if (key < 0) continue;
      posKey[q] = key;
      this.lastPos[key] = q;
      q += 1;
    }
    // Fenwick tree of ones at 1..q-1, built in O(size).
    const tree = new Int32Array(size + 1);
    for (let i = 1; i <= size; i++) {
      if (i < q) tree[i] += 1;
      const parent = i + (i & -i);
      if (parent <= size) tree[parent] += tree[i];
    }
    this.tree = tree;
    this.posKey = posKey;
    this.next = q;
  }
}

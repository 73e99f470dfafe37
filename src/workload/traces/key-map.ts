/**
 * Maps trace keys to dense integer ids (0, 1, 2, … in order of first appearance).
 *
 * Most production traces use numeric keys (block numbers, hashed object ids). Small
 * ones (below 2^24, e.g. block numbers) index a direct table: block traces touch runs of
 * neighbouring blocks, and a direct table keeps those lookups in the same cache lines,
 * where any hash would scatter them (measured on P6: ~40 ns instead of ~230 ns per
 * request). Larger numbers go through an open-addressing hash table on typed arrays. Other keys (strings, numbers with leading zeros or too many digits for a
 * double) go through a `Map<string, number>`. The two never collide: a key reaches the
 * numeric table only in its canonical decimal spelling.
 */
const DIRECT_LIMIT = 1 << 24;

export class KeyMap {
  /** direct[key] = id + 1 for numeric keys below DIRECT_LIMIT (0 = not seen). */
  private direct = new Int32Array(1 << 16);
  private slotsKey: Float64Array;
  private slotsId: Int32Array;
  private mask: number;
  private used = 0;
  private readonly strings = new Map<string, number>();
  /** Number of distinct keys seen. */
  size = 0;

  constructor(initialSlots = 1 << 16) {
    this.slotsKey = new Float64Array(initialSlots);
    this.slotsId = new Int32Array(initialSlots).fill(-1);
    this.mask = initialSlots - 1;
  }

  /** The id of a numeric key (a non-negative integer below 2^53). */
  idOfNumber(key: number): number {
    if (key < DIRECT_LIMIT) {
      if (key >= this.direct.length) this.growDirect(key);
      const d = this.direct[key];
      if (d !== 0) return d - 1;
      const id = this.size++;
      this.direct[key] = id + 1;
      return id;
    }
    let i = hash(key) & this.mask;
    const keys = this.slotsKey;
    const ids = this.slotsId;
    for (;;) {
      const id = ids[i];
      if (id < 0) break;
      if (keys[i] === key) return id;
      i = (i + 1) & this.mask;
    }
    const id = this.size++;
    keys[i] = key;
    ids[i] = id;
    if (++this.used * 2 > this.mask) this.rehash();
    return id;
  }

  idOfString(key: string): number {
    let id = this.strings.get(key);
    if (id === undefined) {
      id = this.size++;
      this.strings.set(key, id);
    }
    return id;
  }

  private growDirect(key: number): void {
    let n = this.direct.length;
    while (n <= key) n = Math.min(DIRECT_LIMIT, Math.ceil(n * 1.5));
    const d = new Int32Array(n);
    d.set(this.direct);
    this.direct = d;
  }

  private rehash(): void {
    const oldKeys = this.slotsKey;
    const oldIds = this.slotsId;
    const n = oldIds.length * 2;
    this.slotsKey = new Float64Array(n);
    this.slotsId = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    for (let j = 0; j < oldIds.length; j++) {
      if (oldIds[j] < 0) continue;
      let i = hash(oldKeys[j]) & this.mask;
      while (this.slotsId[i] >= 0) i = (i + 1) & this.mask;
      this.slotsKey[i] = oldKeys[j];
      this.slotsId[i] = oldIds[j];
    }
  }
}

function hash(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2f), 0x9e3779b1);
  return h ^ (h >>> 15);
}

/**
 * TinyLFU's frequency estimate (Einziger, Friedman, Manes, "TinyLFU: A Highly
 * Efficient Cache Admission Policy", ACM ToS 2017, §3): a count-min sketch of four rows
 * of 4-bit counters (saturating at 15) behind a "doorkeeper" Bloom filter that absorbs
 * each key's first occurrence. After `sampleSize` recorded accesses (10 × the cache's
 * item count) every counter is halved and the doorkeeper cleared ("reset"), so old
 * popularity fades. Hashes are fixed integer mixers, so estimates are deterministic.
 */

const SEEDS = [0x9e3779b1, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];

function mix(key: number, seed: number): number {
  let h = Math.imul(key ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function pow2AtLeast(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}

export class FrequencySketch {
  private readonly counters: Uint8Array;
  private readonly mask: number;
  private readonly door: Uint32Array;
  private readonly doorMask: number;
  private additions = 0;
  readonly sampleSize: number;

  constructor(expectedItems: number) {
    const width = pow2AtLeast(expectedItems);
    this.mask = width - 1;
    this.counters = new Uint8Array(4 * width);
    const doorBits = pow2AtLeast(8 * expectedItems);
    this.doorMask = doorBits - 1;
    this.door = new Uint32Array(doorBits >>> 5);
    this.sampleSize = 10 * Math.max(1, expectedItems);
  }

  /** Records one access of `key`. */
  record(key: number): void {
    if (this.doorkeeperAdd(key)) {
      const w = this.mask + 1;
      for (let i = 0; i < 4; i++) {
        const j = i * w + (mix(key, SEEDS[i]) & this.mask);
        if (this.counters[j] < 15) this.counters[j] += 1;
      }
    }
    if (++this.additions >= this.sampleSize) this.reset();
  }

  /** Estimated recent access count of `key`. */
  frequency(key: number): number {
    const w = this.mask + 1;
    let min = 15;
    for (let i = 0; i < 4; i++) {
      const c = this.counters[i * w + (mix(key, SEEDS[i]) & this.mask)];
      if (c < min) min = c;
    }
    return min + (this.doorkeeperHas(key) ? 1 : 0);
  }

  private reset(): void {
    for (let j = 0; j < this.counters.length; j++) this.counters[j] >>>= 1;
    this.door.fill(0);
    this.additions = Math.floor(this.additions / 2);
  }

  /** Two-hash Bloom filter; returns whether the key was already (probably) present. */
  private doorkeeperAdd(key: number): boolean {
    const a = mix(key, 0x165667b1) & this.doorMask;
    const b = mix(key, 0xd3a2646c) & this.doorMask;
    const present = (this.door[a >>> 5] & (1 << (a & 31))) !== 0 && (this.door[b >>> 5] & (1 << (b & 31))) !== 0;
    this.door[a >>> 5] |= 1 << (a & 31);
    this.door[b >>> 5] |= 1 << (b & 31);
    return present;
  }

  private doorkeeperHas(key: number): boolean {
    const a = mix(key, 0x165667b1) & this.doorMask;
    const b = mix(key, 0xd3a2646c) & this.doorMask;
    return (this.door[a >>> 5] & (1 << (a & 31))) !== 0 && (this.door[b >>> 5] & (1 << (b & 31))) !== 0;
  }
}

/**
 * A streaming log-linear histogram (HdrHistogram's layout): values below
 * 2^SUB are counted exactly per unit; above, each power of two is split into
 * 2^(SUB-1) equal sub-buckets, so a reported percentile is within 2^-(SUB-1) of
 * the true value relative to it (SUB=7: 1.6%, reported at bucket midpoints: 0.8%).
 * Memory is fixed by the value range, independent of the number of values.
 */
export class LogHistogram {
  counts: Float64Array;
  count = 0;
  sum = 0;
  max = 0;
  private readonly sub: number;
  private readonly half: number;
  private readonly halfBits: number;

  constructor(subBits = 7, maxExponent = 42) {
    this.sub = 1 << subBits;
    this.half = this.sub >> 1;
    this.halfBits = subBits - 1;
    this.counts = new Float64Array(this.sub + (maxExponent - subBits + 1) * this.half);
  }

  record(value: number, weight = 1): void {
    const v = value > 0 ? value : 0;
    this.counts[this.indexOf(v)] += weight;
    this.count += weight;
    this.sum += v * weight;
    if (v > this.max) this.max = v;
  }

  indexOf(v: number): number {
    if (v < this.sub) return Math.floor(v);
    if (v < 4294967296) {
      // Integer fast path: the exponent from the leading-zero count instead of a logarithm.
      const iv = v >>> 0;
      const e = 31 - Math.clz32(iv) - this.halfBits; // iv >>> e in [half, sub)
      const i = this.sub + (e - 1) * this.half + ((iv >>> e) - this.half);
      return i < this.counts.length ? i : this.counts.length - 1;
    }
    const e = Math.floor(Math.log2(v)) - Math.log2(this.half); // v / 2^e in [half, sub)
    let m = Math.floor(v / 2 ** e);
    if (m >= this.sub) m = this.sub - 1; // guard against log2 rounding
    const i = this.sub + (e - 1) * this.half + (m - this.half);
    return i < this.counts.length ? i : this.counts.length - 1;
  }

  /** [lower, upper) edges of bucket i. */
  bounds(i: number): [number, number] {
    if (i < this.sub) return [i, i + 1];
    const e = Math.floor((i - this.sub) / this.half) + 1;
    const m = this.half + ((i - this.sub) % this.half);
    return [m * 2 ** e, (m + 1) * 2 ** e];
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** Value at quantile q in [0,1]: the midpoint of the bucket holding it, capped at the maximum seen. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= target) {
        const [lo, hi] = this.bounds(i);
        return Math.min(this.max, i < this.sub ? lo : (lo + hi) / 2);
      }
    }
    return this.max;
  }

  merge(other: LogHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }
}

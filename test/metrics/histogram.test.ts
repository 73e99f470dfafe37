import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/metrics/histogram.ts';
import { RandomStreams } from '../../src/engine/rng.ts';

describe('LogHistogram', () => {
  it('quantiles_areWithin1PercentOfExact_overSixDecades', () => {
    const u = new RandomStreams(1).stream('h');
    const h = new LogHistogram();
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = Math.exp(u() * 14); // 1 µs .. 1.2 s
      xs.push(v);
      h.record(v);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1];
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThan(0.01);
    }
    expect(h.max).toBe(xs[xs.length - 1]);
    expect(h.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 6);
  });

  it('bucketBounds_containTheirValues_acrossTheFastAndSlowPaths', () => {
    const h = new LogHistogram();
    for (const v of [0, 1, 63.5, 127, 128, 129.9, 1000, 65_535, 2 ** 31 + 5, 2 ** 33 + 1]) {
      const [lo, hi] = h.bounds(h.indexOf(v));
      expect(v).toBeGreaterThanOrEqual(Math.floor(lo));
      expect(v).toBeLessThan(hi);
    }
  });

  it('memory_isFixed_whateverTheCount', () => {
    const h = new LogHistogram();
    const size = h.counts.length;
    for (let i = 0; i < 100_000; i++) h.record(i * 37);
    expect(h.counts.length).toBe(size);
    expect(h.count).toBe(100_000);
  });
});

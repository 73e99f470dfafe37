import { describe, expect, it } from 'vitest';
import { parseCount, parseDuration, parsePercent, parseRate, parseSize, formatDuration } from '../../src/scenario/units.ts';

describe('units', () => {
  it.each([
    ['50us', 50], ['50µs', 50], ['50ms', 50_000], ['1.5s', 1_500_000], ['2m', 120e6], ['2min', 120e6], ['1h', 3600e6], ['1d', 86_400e6], [0.25, 250_000], ['0ms', 0],
  ])('duration %s → %d µs', (text, us) => expect(parseDuration(text)).toBe(us));

  it.each([
    ['512B', 512], ['1KB', 1000], ['2GB', 2e9], ['512MiB', 512 * 1024 ** 2], ['1.5KiB', 1536], ['64mb', 64e6], [100, 100],
  ])('size %s → %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each([
    ['5k/s', 5000], ['300/min', 5], ['1.5/s', 1.5], ['20/h', 20 / 3600], ['1000', 1000], [250, 250], ['2.5k / s', 2500],
  ])('rate %s → %d per second', (text, rate) => expect(parseRate(text)).toBeCloseTo(rate, 9));

  it.each([['100k', 100_000], ['1.5M', 1_500_000], ['10000', 10_000], ['1e6', 1e6]])('count %s → %d', (t, n) => expect(parseCount(t)).toBe(n));

  it.each([['10%', 0.1], ['0.5%', 0.005], [0.3, 0.3], ['100%', 1]])('percent %s → %d', (t, f) => expect(parsePercent(t)).toBeCloseTo(f, 12));

  it.each([
    [parseDuration, 'lots'], [parseDuration, '5 parsecs'], [parseDuration, -1], [parseSize, '2 GBs'], [parseSize, 'big'],
    [parseRate, 'fast'], [parseRate, '5k/fortnight'], [parsePercent, '150%'], [parsePercent, 2], [parseCount, 'many'],
  ] as const)('rejects %o %s', (parse, text) => expect(parse(text)).toBeUndefined());

  it('formatsDurationsForPeople', () => {
    expect([formatDuration(50), formatDuration(1500), formatDuration(2.5e6), formatDuration(300e6), formatDuration(3600e6)]).toEqual([
      '50us', '1.5ms', '2.5s', '5m', '1h',
    ]);
  });
});

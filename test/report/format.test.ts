import { describe, expect, it } from 'vitest';
import { formatChange, formatEstimate, formatNumber } from '../../src/report/format.ts';

describe('table number formatting', () => {
  it('formatEstimate_ciRoundedToOneDigit_meanToSamePlace', () => {
    expect(formatEstimate({ mean: 0.9123, ci95: 0.0042 }, 'ratio')).toBe('0.912 ± 0.004');
    expect(formatEstimate({ mean: 943.4, ci95: 11.2 }, 'rate')).toBe('943 ± 11');
    expect(formatEstimate({ mean: 12345.6, ci95: 250 }, 'count')).toBe('12,346 ± 250');
    expect(formatEstimate({ mean: 1, ci95: 0 }, 'rate')).toBe('1 ± 0');
  });

  it('formatEstimate_noCi_plainFigure', () => {
    expect(formatEstimate({ mean: 0.9123 }, 'ratio')).toBe('0.912');
    expect(formatEstimate({ mean: 0.00153 }, 'ratio')).toBe('0.00153');
    expect(formatEstimate({ mean: 1234567 }, 'count')).toBe('1,234,567');
    expect(formatEstimate({ mean: 4.187 }, 'ms')).toBe('4.19');
  });

  it('formatNumber_nonFinite_dash_andNoNegativeZero', () => {
    expect(formatNumber(Number.NaN, 'ratio')).toBe('—');
    expect(formatNumber(-0.0001, 'count')).toBe('0.0');
  });

  it('formatChange_absoluteAndRelative_withSigns', () => {
    expect(formatChange(0.924, 0.912, 'ratio')).toBe('+0.012 (+1.3%)');
    expect(formatChange(1, 252, 'rate')).toBe('-251 (-99.6%)');
    expect(formatChange(5, 0, 'count')).toBe('+5 (n/a)');
    expect(formatChange(3, 3, 'count')).toBe('0 (0.0%)');
  });
});

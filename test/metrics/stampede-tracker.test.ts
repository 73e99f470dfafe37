import { describe, expect, it } from 'vitest';
import { StampedeTracker } from '../../src/metrics/stampede.ts';

describe('StampedeTracker', () => {
  it('countsLoadsBetweenExpiryAndFill_perKeyspaceToo', () => {
    const t = new StampedeTracker(10);
    t.setKeyspaces([0, 1], ['hot', 'profiles']);
    // key 0 (hot) expires; 3 loads start before the fill; a load after the fill does not count
    t.expired(0, 100, true);
    t.load(0);
    t.load(0);
    t.load(0);
    t.filled(0);
    t.load(0);
    // keys 4 and 7 (profiles) expire with one load each
    for (const k of [4, 7]) {
      t.expired(k, 200, true);
      t.load(k);
      t.filled(k);
    }
    // an expiry during warm-up is not counted
    t.expired(5, 50, false);
    t.load(5);
    t.finish();
    expect(t.summary()).toEqual({ expiries: 3, mean: 5 / 3, max: 3 });
    expect(t.byKeyspace()).toEqual({ hot: { expiries: 1, mean: 3, max: 3 }, profiles: { expiries: 2, mean: 1, max: 1 } });
    expect(t.largest).toEqual([{ loads: 3, at: 100, key: 0 }]);
  });
});

/** Staleness-age CDF per variant: how old the superseded value was at each stale read. */
import { cdfRows, cdfSpec } from './cdf.ts';
import type { ChartDef } from './common.ts';

export const stalenessCdf: ChartDef = {
  title: 'Age of stale reads (CDF)',
  caption:
    'Look at how far right the lines reach: that is how long after a write users could still see the old value; compare it with the freshness your product promises.',
  build(result) {
    const rows = cdfRows(result, (v) => v.stalenessHistogram);
    return rows.length === 0 ? undefined : cdfSpec(result, rows, stalenessCdf.title, 'staleness age (ms, log scale)');
  },
};

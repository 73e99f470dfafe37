/** Staleness-age CDF per variant: how old the superseded value was at each stale read. */
import { cdfChart } from './cdf.ts';

export const stalenessCdf = cdfChart({
  title: 'Age of stale reads (CDF)',
  caption:
    'Look at how far right the lines reach: that is how long after a write users could still see the old value; compare it with the freshness your product promises.',
  xTitle: 'staleness age (ms, log scale)',
  pick: (v) => v.stalenessHistogram,
});

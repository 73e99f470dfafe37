/** Staleness-age CDF per variant: how old the superseded value was at each stale read. */
import { cdfChart } from './cdf.ts';

export const stalenessCdf = cdfChart({
  title: 'Age of stale reads (share above x)',
  caption:
    'How long after a write users could still read the old value: where a line reaches the bottom is the worst age seen; compare the p99 crossing with the freshness your product promises.',
  xTitle: 'staleness age (ms, log scale)',
  pick: (v) => v.stalenessHistogram,
});

/** Latency CDF per variant, from the latency histogram. */
import { cdfChart } from './cdf.ts';

export const latencyCdf = cdfChart({
  title: 'Latency distribution (share above x)',
  caption:
    'Read where each line crosses the p95 and p99 rules: further left is faster. A line that stays high far to the right is a tail of slow requests — database queueing or lock retries.',
  xTitle: 'latency (ms, log scale)',
  pick: (v) => v.latencyHistogram,
});

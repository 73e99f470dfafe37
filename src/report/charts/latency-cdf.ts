/** Latency CDF per variant, from the latency histogram. */
import { cdfChart } from './cdf.ts';

export const latencyCdf = cdfChart({
  title: 'Latency distribution (CDF)',
  caption:
    'Read across at 95% and 99%: the variant whose line reaches the top further left serves its slowest requests faster; a long flat tail is requests waiting on the database.',
  xTitle: 'latency (ms, log scale)',
  pick: (v) => v.latencyHistogram,
});

/** Latency CDF per variant, from the latency histogram. */
import { cdfRows, cdfSpec } from './cdf.ts';
import type { ChartDef } from './common.ts';

export const latencyCdf: ChartDef = {
  title: 'Latency distribution (CDF)',
  caption:
    'Read across at 95% and 99%: the variant whose line reaches the top further left serves its slowest requests faster; a long flat tail is requests waiting on the database.',
  build(result) {
    const rows = cdfRows(result, (v) => v.latencyHistogram);
    return rows.length === 0 ? undefined : cdfSpec(result, rows, latencyCdf.title, 'latency (ms, log scale)');
  },
};

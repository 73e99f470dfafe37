/** Latency percentiles per variant: p50/p95/p99 bars side by side, 95% error bars with replications. */
import type { TopLevelSpec } from 'vega-lite';
import { barRows, barsLayer } from './bars.ts';
import { CONFIG, SCHEMA, type ChartDef } from './common.ts';
import { formatNumber } from '../format.ts';

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

export const latencyPercentiles: ChartDef = {
  title: 'Latency percentiles',
  caption:
    'Compare the p99 bars: protection against stampedes trades a little median latency for a much shorter tail; bars whose error bars overlap are not different.',
  build(result) {
    const rows = PERCENTILES.flatMap((p) => barRows(result, `latencyMs.${p}`, p, (x) => formatNumber(x, 'ms')));
    if (rows.length === 0 || rows.every((r) => r.value === 0)) return undefined;
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: latencyPercentiles.title,
      config: CONFIG,
      ...barsLayer(result, rows, { yTitle: 'latency (ms)', groups: [...PERCENTILES], width: 480 }),
    };
    return spec;
  },
};

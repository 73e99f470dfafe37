/** Stale-read ratio per variant, with 95% error bars when there are replications. */
import type { TopLevelSpec } from 'vega-lite';
import { barRows, barsLayer } from './bars.ts';
import { CONFIG, SCHEMA, type ChartDef } from './common.ts';

export const staleRatio: ChartDef = {
  title: 'Stale-read ratio',
  caption:
    'The share of reads that returned a value older than the database held at that moment: lower is fresher; overlapping error bars mean no real difference.',
  build(result) {
    const rows = barRows(result, 'staleness.staleReadRatio', 'stale reads', (x) => `${(x * 100).toFixed(2)}%`);
    if (rows.length === 0 || result.variants.every((v) => v.summary.staleness.staleReads === 0)) return undefined;
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: staleRatio.title,
      config: CONFIG,
      ...barsLayer(result, rows, { yTitle: 'stale-read ratio', yFormat: '.2%', groups: ['stale reads'], width: 320 }),
    };
    return spec;
  },
};

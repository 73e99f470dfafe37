/**
 * Writes: lost writes and the worst flush lag per variant, side by side. Drawn only
 * when some variant lost writes or had a flush lag (write-behind); write-through runs
 * would be two rows of zeros.
 */
import type { TopLevelSpec } from 'vega-lite';
import { barRows, barsLayer } from './bars.ts';
import { CONFIG, SCHEMA, type ChartDef } from './common.ts';
import { formatNumber } from '../format.ts';

export const writes: ChartDef = {
  title: 'Writes: lost and delayed',
  caption:
    'Lost writes are acknowledged writes a cache crash discarded before the flush; flush lag is how long the database trailed the cache. Both should be zero unless you chose write-behind.',
  build(result) {
    const anyWrites = result.variants.some(
      (v) => v.summary.requests.writes > 0 && (v.summary.writes.lost > 0 || v.summary.writes.maxFlushLagMs > 0),
    );
    if (!anyWrites) return undefined;
    const lost = barRows(result, 'writes.lost', 'lost writes', (x) => formatNumber(x, 'count'));
    const lag = barRows(result, 'writes.maxFlushLagMs', 'max flush lag', (x) => formatNumber(x, 'ms'));
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: writes.title,
      config: CONFIG,
      hconcat: [
        barsLayer(result, lost, { yTitle: 'lost writes', groups: ['lost writes'], width: 260 }),
        barsLayer(result, lag, { yTitle: 'max flush lag (ms)', groups: ['max flush lag'], width: 260 }),
      ],
    };
    return spec;
  },
};

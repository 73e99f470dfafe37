/**
 * Database queries per second over time, one line per variant, with expiries and
 * faults marked: the chart that shows a stampede. The y axis starts at zero so a
 * spike's height reads as a multiple of the steady load.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, LINE_LEGEND, HEIGHT, SCHEMA, WIDTH, seriesRows, timeAxis, variantColor, type ChartDef } from './common.ts';
import { eventLayers } from './events.ts';

export const databaseQps: ChartDef = {
  title: 'Database queries per second',
  caption:
    'Look for spikes at the dashed expiry lines: a stampede shows as a tall peak in one variant that the protected variants flatten.',
  build(result) {
    const rows = seriesRows(result, 'database.qps');
    if (rows.length === 0) return undefined;
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: databaseQps.title,
      config: CONFIG,
      width: WIDTH,
      height: HEIGHT,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'line', strokeWidth: 1.5, interpolate: 'step-after' },
          encoding: {
            x: timeAxis,
            y: { field: 'value', type: 'quantitative', title: 'database queries / s' },
            color: { ...variantColor(result), legend: LINE_LEGEND },
          },
        },
        ...eventLayers(result),
      ],
    };
    return spec;
  },
};

/**
 * Hit ratio per layer over time: one panel per cache layer (request order), one line
 * per variant. Buckets without requests have no ratio and leave a gap.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, LINE_LEGEND, SCHEMA, WIDTH, layersWithSeries, seriesRows, timeAxis, variantColor, type ChartDef } from './common.ts';

export const hitRatio: ChartDef = {
  title: 'Hit ratio per layer over time',
  caption:
    'Look for dips: a cold start, a flush or an outage shows as a drop and a climb back; a layer whose line sits near zero is not earning its memory.',
  build(result) {
    const layers = layersWithSeries(result, 'hitRatio');
    const rows = layers.flatMap((layer) => seriesRows(result, `${layer}.hitRatio`, { layer }));
    if (rows.length === 0) return undefined;
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: hitRatio.title,
      config: CONFIG,
      data: { values: rows },
      facet: { row: { field: 'layer', type: 'nominal', sort: layers, title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontSize: 12 } } },
      spec: {
        width: WIDTH,
        height: 110,
        mark: { type: 'line', strokeWidth: 1.5, interpolate: 'step-after' },
        encoding: {
          x: timeAxis,
          y: { field: 'value', type: 'quantitative', title: 'hit ratio', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } },
          color: { ...variantColor(result), legend: LINE_LEGEND },
        },
      },
    };
    return spec;
  },
};

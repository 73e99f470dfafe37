/**
 * Where requests were served: one stacked bar per variant, a segment per layer, as a
 * share of all requests. Counts are normalized so variants with different request
 * totals still compare. No error bars: on a stacked bar they would mislead (each
 * segment's interval is in the headline tables and summary.json).
 */
import type { TopLevelSpec } from 'vega-lite';
import { isCiKey } from '../../metrics/replications.ts';
import { CONFIG, LAYER_COLORS, SCHEMA, WIDTH, orderLayers, variantColor, type ChartDef } from './common.ts';

export const servedBy: ChartDef = {
  title: 'Where requests were served',
  caption:
    'Read each bar left to right along the request path: the further right the bulk sits, the deeper requests travel; the database segment is the load your caches did not absorb.',
  build(result) {
    const layers = orderLayers(
      result.variants.flatMap((v) => Object.keys(v.summary.servedBy).filter((k) => !isCiKey(k))),
    );
    const rows = result.variants.flatMap((v) => {
      const counts = layers.map((l) => v.summary.servedBy[l] ?? 0);
      const total = counts.reduce((a, b) => a + b, 0);
      if (total <= 0) return [];
      // Stack offsets computed here, so labels can sit at each segment's middle.
      let start = 0;
      return layers.map((layer, i) => {
        const share = counts[i] / total;
        const row = { variant: v.summary.name, layer, share, start, end: start + share, mid: start + share / 2 };
        start += share;
        return row;
      });
    });
    if (rows.length === 0) return undefined;
    const variants = variantColor(result).sort;
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: servedBy.title,
      config: CONFIG,
      width: WIDTH,
      height: { step: 36 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'variant', type: 'nominal', sort: variants, title: null },
            x: { field: 'start', type: 'quantitative', title: 'share of requests', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
            x2: { field: 'end' },
            color: {
              field: 'layer',
              type: 'nominal',
              title: 'served by',
              sort: layers,
              scale: { domain: layers, range: layers.map((l) => LAYER_COLORS[l] ?? '#bab0ac') },
            },
          },
        },
        {
          // Percent labels inside segments wide enough to hold them.
          transform: [{ filter: 'datum.share >= 0.06' }],
          mark: { type: 'text', color: 'white', fontSize: 10 },
          encoding: {
            y: { field: 'variant', type: 'nominal', sort: variants },
            x: { field: 'mid', type: 'quantitative' },
            text: { field: 'share', type: 'quantitative', format: '.0%' },
          },
        },
      ],
    };
    return spec;
  },
};

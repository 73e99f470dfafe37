/**
 * A cumulative distribution from a fixed-edge histogram, one line per variant, on a
 * log axis (latencies and ages span orders of magnitude). Each point is
 * P(value ≤ edge); shared by the latency and staleness-age charts.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Histogram, RunResult, VariantResult } from '../../metrics/result.ts';
import { CONFIG, HEIGHT, LINE_LEGEND, SCHEMA, WIDTH, variantColor, type ChartDef } from './common.ts';

export interface CdfRow {
  variant: string;
  edgeMs: number;
  cumulative: number;
}

export function cdfRows(result: RunResult, pick: (v: VariantResult) => Histogram): CdfRow[] {
  return result.variants.flatMap((v) => {
    const h = pick(v);
    const total = h.counts.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return [];
    let running = 0;
    // A log axis cannot show 0: edges at or below zero are dropped (their mass still counts).
    return h.edgesMs.flatMap((edgeMs, i) => {
      running += h.counts[i] ?? 0;
      return edgeMs > 0 ? [{ variant: v.summary.name, edgeMs, cumulative: running / total }] : [];
    });
  });
}

export function cdfSpec(result: RunResult, rows: CdfRow[], title: string, xTitle: string): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title,
    config: CONFIG,
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    mark: { type: 'line', point: { size: 18 }, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'edgeMs', type: 'quantitative', title: xTitle, scale: { type: 'log', nice: false }, axis: { format: '~s' } },
      y: { field: 'cumulative', type: 'quantitative', title: 'fraction ≤ x', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { ...variantColor(result), legend: LINE_LEGEND },
    },
  };
}

/** A CDF chart over one of a variant's histograms; skipped when every histogram is empty. */
export function cdfChart(o: { title: string; caption: string; xTitle: string; pick: (v: VariantResult) => Histogram }): ChartDef {
  return {
    title: o.title,
    caption: o.caption,
    build(result) {
      const rows = cdfRows(result, o.pick);
      return rows.length === 0 ? undefined : cdfSpec(result, rows, o.title, o.xTitle);
    },
  };
}

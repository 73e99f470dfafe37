/**
 * A distribution from a fixed-edge histogram, one line per variant, drawn as the
 * complementary CDF — the share of values above x — on log-log axes. A plain CDF
 * squeezes everything past p95 into the top few pixels; on a log share axis p99 and
 * p99.9 are as far apart as p90 and p99, so tails can be compared. Shared by the
 * latency and staleness-age charts.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Histogram, RunResult, VariantResult } from '../../metrics/result.ts';
import { CONFIG, HEIGHT, LINE_LEGEND, SCHEMA, WIDTH, chartNumber, variantColor, type ChartDef } from './common.ts';

export interface CdfRow {
  variant: string;
  edgeMs: number;
  /** P(value > edgeMs). */
  above: number;
}

export function cdfRows(result: RunResult, pick: (v: VariantResult) => Histogram): CdfRow[] {
  return result.variants.flatMap((v) => {
    const h = pick(v);
    const total = h.counts.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return [];
    let running = 0;
    // Log axes cannot show 0: edges at or below zero, and the last bucket's share of 0, are
    // not drawn (their mass still counts in every other point).
    return h.edgesMs.flatMap((edgeMs, i) => {
      running += h.counts[i] ?? 0;
      const above = (total - running) / total;
      return edgeMs > 0 && above > 1e-12 ? [{ variant: v.summary.name, edgeMs, above: chartNumber(above) }] : [];
    });
  });
}

/** Past this many points per variant, point marks would merge into a thick smear. */
const MAX_POINTS_PER_VARIANT = 40;

/** Reference lines where the headline percentiles are read off. */
const PERCENTILE_RULES = [
  { p: 0.05, text: 'p95' },
  { p: 0.01, text: 'p99' },
  { p: 0.001, text: 'p99.9' },
];

function decadesFrom(floor: number): number[] {
  const out: number[] = [];
  for (let d = 1; d >= floor * 0.999; d /= 10) out.push(chartNumber(d));
  return out;
}

export function cdfSpec(result: RunResult, rows: CdfRow[], title: string, xTitle: string): TopLevelSpec {
  const perVariant = rows.length / new Set(rows.map((r) => r.variant)).size;
  // Plain numbers on the log axis: d3's SI format would print 0.1 ms as "100m".
  const x = { field: 'edgeMs', type: 'quantitative' as const, title: xTitle, scale: { type: 'log' as const, nice: false }, axis: { format: '~g' } };
  const floor = Math.min(0.001, ...rows.map((r) => r.above));
  const y = {
    type: 'quantitative' as const,
    title: 'share above x (log scale)',
    scale: { type: 'log' as const, domain: [floor, 1] },
    // Decades only: the default log ticks grid every 1–9 × 10^k and drown the lines.
    axis: { format: '~%', values: decadesFrom(floor) },
  };
  return {
    $schema: SCHEMA,
    title,
    config: CONFIG,
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: PERCENTILE_RULES },
        mark: { type: 'rule', color: '#bbb', strokeDash: [2, 2] },
        encoding: { y: { ...y, field: 'p' } },
      },
      {
        data: { values: PERCENTILE_RULES },
        mark: { type: 'text', align: 'right', baseline: 'bottom', x: WIDTH - 4, dy: -1, fontSize: 10, color: '#888' },
        encoding: { y: { ...y, field: 'p' }, text: { field: 'text' } },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.5, ...(perVariant <= MAX_POINTS_PER_VARIANT ? { point: { size: 18 } } : {}) },
        encoding: { x, y: { ...y, field: 'above' }, color: { ...variantColor(result), legend: LINE_LEGEND } },
      },
    ],
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

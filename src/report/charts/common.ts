/**
 * What every chart shares: the chart contract, sizes and colours, and helpers that
 * turn RunResult series into Vega-Lite rows. Data is always inlined in the spec so a
 * `.vl.json` file opens on its own in the Vega editor.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { RunResult, VariantResult } from '../../metrics/result.ts';

/** A chart: a title, a caption telling the reader what to look for, and a builder. */
export interface ChartDef {
  title: string;
  caption: string;
  /** The spec, or undefined when the run has no data for this chart (it is skipped). */
  build(result: RunResult): TopLevelSpec | undefined;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 640;
export const HEIGHT = 240;

/** Fixed colours per layer, so a layer looks the same in every chart and every report. */
export const LAYER_COLORS: Record<string, string> = {
  browser: '#4c78a8',
  cdn: '#72b7b2',
  app: '#54a24b',
  redis: '#e45756',
  database: '#b279a2',
};
export const LAYER_ORDER = ['browser', 'cdn', 'app', 'redis', 'database'];

/** Layer names in request order, unknown ones alphabetically after. */
export function orderLayers(names: Iterable<string>): string[] {
  const set = new Set(names);
  return [
    ...LAYER_ORDER.filter((n) => set.has(n)),
    ...[...set].filter((n) => !LAYER_ORDER.includes(n)).sort(),
  ];
}

/** Variant colour scale with the variants' own order, shared by every chart. */
export function variantColor(result: RunResult) {
  const names = result.variants.map((v) => v.summary.name);
  return { field: 'variant', type: 'nominal' as const, title: 'variant', scale: { domain: names }, sort: names };
}

/** Legend for line charts: without it, layered rules and bands turn the symbols into faint circles. */
export const LINE_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 2, symbolOpacity: 1 };

/** Common look: white background (PNG has no transparency surprises), readable fonts. */
export const CONFIG = {
  background: 'white',
  font: 'sans-serif',
  padding: 8,
  title: { fontSize: 14, anchor: 'start' as const, offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' as const },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' as const },
  view: { stroke: '#ddd' },
};

export interface TimeRow {
  variant: string;
  tSeconds: number;
  value: number;
  [extra: string]: string | number;
}

/**
 * Chart data need not carry 17 digits: 6 significant digits are far below a pixel and
 * keep the inlined data (and report.html) small. The CSV files keep exact values.
 */
export function chartNumber(x: number): number {
  return Number(x.toPrecision(6));
}

/**
 * Rows {variant, tSeconds, value} of one metric for every variant that has it.
 * Non-finite values (a hit ratio in a bucket with no requests) are dropped, not drawn as 0.
 */
export function seriesRows(result: RunResult, metric: string, extra: Record<string, string> = {}): TimeRow[] {
  return result.variants.flatMap((v) => {
    const s = v.series.find((x) => x.metric === metric);
    if (!s) return [];
    return s.values.flatMap((value, i) =>
      Number.isFinite(value)
        ? [{ ...extra, variant: v.summary.name, tSeconds: chartNumber(i * v.bucketSeconds), value: chartNumber(value) }]
        : [],
    );
  });
}

/** Layers that have a series named `<layer>.<suffix>` in any variant, in request order. */
export function layersWithSeries(result: RunResult, suffix: string): string[] {
  const names = result.variants.flatMap((v) =>
    v.series.filter((s) => s.metric.endsWith(`.${suffix}`)).map((s) => s.metric.slice(0, -suffix.length - 1)),
  );
  return orderLayers(names);
}

export const timeAxis = { field: 'tSeconds', type: 'quantitative' as const, title: 'time (s)' };

export type VariantGetter = (v: VariantResult) => { mean: number; ci95?: number } | undefined;

/** One layer of a layered chart (vega-lite's own type, through its unstable type export). */
export type Layer = LayerSpec<Field> | UnitSpec<Field>;

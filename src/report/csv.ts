/**
 * The CSV files, written with csv-stringify. Long ("tidy") layout throughout, so a
 * spreadsheet pivot or `pandas.read_csv` needs no reshaping; column names are listed
 * in docs/reports.md.
 */
import { stringify } from 'csv-stringify/sync';
import type { Histogram, RunResult, VariantResult } from '../metrics/result.ts';
import type { Reporter } from './types.ts';

type Cell = string | number;

function toCsv(header: string[], rows: Cell[][]): string {
  // Numbers as JavaScript prints them (shortest round-trip form): exact and deterministic.
  return stringify([header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c)))]);
}

/** bucket × variant × metric: one row per value of every series. */
export function timeseriesCsv(result: RunResult): string {
  const rows = result.variants.flatMap((v) =>
    v.series.flatMap((s) => s.values.map((value, i): Cell[] => [i, i * v.bucketSeconds, v.summary.name, s.metric, value])),
  );
  rows.sort((a, b) => (a[0] as number) - (b[0] as number)); // stable: variants, then metrics keep their order
  return toCsv(['bucket', 'startSeconds', 'variant', 'metric', 'value'], rows);
}

/** variant × layer × instance: one row per PoP / app server / Redis node. */
export function layersCsv(result: RunResult): string {
  const rows = result.variants.flatMap((v) =>
    v.instances.map((i): Cell[] => {
      const lookups = i.hits + i.misses;
      return [v.summary.name, i.layer, i.instance, i.hits, i.misses, lookups > 0 ? i.hits / lookups : '', i.evictions, i.peakBytes];
    }),
  );
  return toCsv(['variant', 'layer', 'instance', 'hits', 'misses', 'hitRatio', 'evictions', 'peakBytes'], rows);
}

const HISTOGRAM_COLUMNS = ['lowerMs', 'upperMs', 'count', 'fraction', 'cumulativeFraction'];

/** One histogram's buckets: (lowerMs, upperMs] with count, fraction and cumulative fraction. */
function histogramRows(h: Histogram): Cell[][] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  let running = 0;
  return h.edgesMs.map((upper, i): Cell[] => {
    const count = h.counts[i] ?? 0;
    running += count;
    return [i === 0 ? 0 : h.edgesMs[i - 1], upper, count, total > 0 ? count / total : 0, total > 0 ? running / total : 0];
  });
}

/** variant × histogram bucket. */
export function histogramCsv(result: RunResult, pick: (v: VariantResult) => Histogram): string {
  const rows = result.variants.flatMap((v) => histogramRows(pick(v)).map((r) => [v.summary.name, ...r]));
  return toCsv(['variant', ...HISTOGRAM_COLUMNS], rows);
}

/** variant × group (a layer, say) × histogram bucket, for results that carry several histograms. */
export function groupedHistogramCsv(result: RunResult, group: string, pick: (v: VariantResult) => Record<string, Histogram> | undefined): string {
  const rows = result.variants.flatMap((v) =>
    Object.entries(pick(v) ?? {}).flatMap(([name, h]) => histogramRows(h).map((r) => [v.summary.name, name, ...r])),
  );
  return toCsv(['variant', group, ...HISTOGRAM_COLUMNS], rows);
}

export const CSV_FILES = ['timeseries.csv', 'layers.csv', 'latency.csv', 'staleness.csv', 'staleness-by-layer.csv', 'staleness-windows.csv'] as const;

export const csvReporter: Reporter = async (ctx) => [
  ctx.write('timeseries.csv', timeseriesCsv(ctx.result)),
  ctx.write('layers.csv', layersCsv(ctx.result)),
  ctx.write('latency.csv', histogramCsv(ctx.result, (v) => v.latencyHistogram)),
  ctx.write('staleness.csv', histogramCsv(ctx.result, (v) => v.stalenessHistogram)),
  ctx.write('staleness-by-layer.csv', groupedHistogramCsv(ctx.result, 'layer', (v) => v.stalenessByLayerHistograms)),
  ctx.write('staleness-windows.csv', histogramCsv(ctx.result, (v) => v.stalenessWindowHistogram ?? { edgesMs: [], counts: [] })),
];

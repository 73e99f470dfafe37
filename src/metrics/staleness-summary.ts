/**
 * Adds the staleness detail of the strategies to a summarized variant: per layer (stale
 * reads, ratio, mean/p99/max age, and the age CDF as a histogram) and the
 * staleness windows (count, keys, length distribution). Flat `windows…` fields
 * go into `staleness` (whose values are numbers); per-layer figures into
 * `stalenessByLayer`, keyed by layer name, for layers that served reads.
 */
import type { Collector } from './collector.ts';
import { layerNames } from './layers.ts';
import type { Histogram, VariantResult } from './result.ts';
import type { StalenessWindows } from './staleness-windows.ts';
import { toHistogram as histogramOf } from './summarize.ts';

const ms = (us: number): number => us / 1000;

export function addStalenessFigures(result: VariantResult, m: Collector, windows: StalenessWindows): void {
  const byLayer: Record<string, Record<string, number>> = {};
  const histograms: Record<string, Histogram> = {};
  const split = m.stalenessByLayer;
  layerNames.forEach((name, l) => {
    const reads = m.servedBy[l];
    if (reads === 0 && split.staleReads[l] === 0) return;
    const ages = split.ages[l];
    byLayer[name] = {
      reads,
      staleReads: split.staleReads[l],
      staleReadRatio: reads > 0 ? split.staleReads[l] / reads : 0,
      meanAgeMs: ms(ages.mean),
      p99AgeMs: ms(ages.quantile(0.99)),
      maxAgeMs: ms(ages.max),
    };
    if (ages.count > 0) histograms[name] = histogramOf(ages);
  });
  const w = windows.lengths;
  Object.assign(result.summary.staleness, {
    windows: windows.count,
    staleFills: windows.staleFills,
    windowKeys: windows.keys,
    windowMeanMs: ms(w.mean),
    windowP50Ms: ms(w.quantile(0.5)),
    windowP99Ms: ms(w.quantile(0.99)),
    windowMaxMs: ms(w.max),
  });
  result.summary.stalenessByLayer = byLayer;
  result.stalenessByLayerHistograms = histograms;
  result.stalenessWindowHistogram = histogramOf(w);
}

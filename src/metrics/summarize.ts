/**
 * Turns a finished run's collector into the plain `VariantResult` reporters use.
 * Ratios over nothing are 0 (a layer with no lookups has hit ratio 0, not NaN),
 * so JSON output never carries NaN.
 */
import type { Collector, LayerStats } from './collector.ts';
import type { LogHistogram } from './histogram.ts';
import { layerNames, DATABASE } from './layers.ts';
import type { CacheLayerSummary, Histogram, Series, TimelineEvent, VariantResult, VariantSummary } from './result.ts';

export interface SummarizeInput {
  name: string;
  params: Record<string, unknown>;
  metrics: Collector;
  /** Extra per-layer counters (e.g. Redis commands), merged into `layers`. */
  layerExtras: Record<string, Record<string, number>>;
  instances: VariantResult['instances'];
  events: TimelineEvent[];
}

const ms = (us: number): number => us / 1000;
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

export function summarize(input: SummarizeInput): VariantResult {
  const m = input.metrics;
  const bucketSeconds = m.bucketUs / 1e6;
  const layers: VariantSummary['layers'] = {};
  const series: Series[] = [];

  m.layers.forEach((l, index) => {
    if (!l || index === DATABASE) return;
    const s: CacheLayerSummary = {
      hits: l.hits,
      misses: l.misses,
      hitRatio: ratio(l.hits, l.hits + l.misses),
      evictions: l.evictions,
      expirations: l.expirations,
      peakBytes: l.peakBytes,
      ...(input.layerExtras[l.name] ?? {}),
    };
    layers[l.name] = s;
    series.push(...layerSeries(l));
  });

  const db = m.db;
  // Peaks, like counters, leave out the warm-up buckets.
  const firstCounted = Math.min(db.queriesSeries.length - 1, Math.ceil(m.warmupUs / m.bucketUs));
  const peakQueries = db.queriesSeries.subarray(firstCounted).reduce((a, b) => Math.max(a, b), 0);
  layers.database = {
    reads: db.reads,
    writes: db.writes,
    peakQps: peakQueries / bucketSeconds,
    peakConcurrency: db.concurrencySeries.subarray(firstCounted).reduce((a, b) => Math.max(a, b), 0),
    errors: db.errors,
    queuedFraction: ratio(db.queued, db.started),
    meanQueueWaitMs: ms(ratio(db.queueWaitUs, db.started)),
  };
  series.push(
    { metric: 'database.qps', values: Array.from(db.queriesSeries, (q) => q / bucketSeconds) },
    { metric: 'database.concurrency', values: Array.from(db.concurrencySeries) },
    { metric: 'requests.rate', values: Array.from(m.requestsSeries, (q) => q / bucketSeconds) },
    { metric: 'latency.p99Ms', values: Array.from(m.requestsSeries, (_, b) => ms(m.latencyByGroup[Math.floor(b / m.latencyGroup)].quantile(0.99))) },
  );

  const servedTotal = m.servedBy.reduce((a, b) => a + b, 0);
  const servedBy: Record<string, number> = {};
  m.layers.forEach((l, index) => {
    if (l || index === DATABASE) servedBy[layerNames[index]] = ratio(m.servedBy[index], servedTotal);
  });

  const st = m.stampede.summary();
  const summary: VariantSummary = {
    name: input.name,
    params: input.params,
    replications: 1,
    requests: { reads: m.reads, writes: m.writes, errors: m.errors },
    layers,
    servedBy,
    latencyMs: latencySummary(m.latency),
    // hierarchy: p50/p99 of the reads each layer served (only layers that served any)
    latencyByLayerMs: Object.fromEntries(
      m.latencyByLayer.flatMap((h, index) => (h.count > 0 ? [[layerNames[index], { count: h.count, ...latencySummary(h) }]] : [])),
    ),
    stampede: {
      expiries: st.expiries,
      dbLoadsPerExpiry: { mean: st.mean, max: st.max },
      // The mean mixes every key's expiries; a hot key's stampede shows in its own keyspace's figures.
      byKeyspace: m.stampede.byKeyspace(),
    },
    staleness: {
      staleReads: m.staleReads,
      staleReadRatio: ratio(m.staleReads, m.reads - m.errors),
      meanAgeMs: ms(m.stalenessAge.mean),
      p99AgeMs: ms(m.stalenessAge.quantile(0.99)),
      maxAgeMs: ms(m.stalenessAge.max),
    },
    writes: { lost: m.lostWrites, maxFlushLagMs: ms(m.maxFlushLag) },
  };
  return {
    summary,
    bucketSeconds,
    series,
    events: input.events,
    latencyHistogram: toHistogram(m.latency),
    stalenessHistogram: toHistogram(m.stalenessAge),
    instances: input.instances,
  };
}

function layerSeries(l: LayerStats): Series[] {
  const bytes: number[] = [];
  let last = 0;
  for (const v of l.bytesSeries) {
    if (!Number.isNaN(v)) last = v;
    bytes.push(last);
  }
  return [
    { metric: `${l.name}.hits`, values: Array.from(l.hitsSeries) },
    { metric: `${l.name}.misses`, values: Array.from(l.missesSeries) },
    { metric: `${l.name}.hitRatio`, values: Array.from(l.hitsSeries, (h, i) => ratio(h, h + l.missesSeries[i])) },
    { metric: `${l.name}.bytes`, values: bytes },
    { metric: `${l.name}.capacityBytes`, values: bytes.map(() => l.capacityBytes) },
  ];
}

export function latencySummary(h: LogHistogram): VariantSummary['latencyMs'] {
  return {
    mean: ms(h.mean),
    p50: ms(h.quantile(0.5)),
    p95: ms(h.quantile(0.95)),
    p99: ms(h.quantile(0.99)),
    max: ms(h.max),
  };
}

/** Non-empty buckets only, as upper edges in ms. */
export function toHistogram(h: LogHistogram): Histogram {
  const edgesMs: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < h.counts.length; i++) {
    if (h.counts[i] === 0) continue;
    edgesMs.push(ms(h.bounds(i)[1]));
    counts.push(h.counts[i]);
  }
  return { edgesMs, counts };
}

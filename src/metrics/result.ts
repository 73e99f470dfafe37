/**
 * Plain data produced by the collect phase and consumed by reporters.
 * Reporters know these types, never tiers. Field names of `VariantSummary` are the
 * `summary.json` contract (DESIGN §7): add fields freely, never rename.
 *
 * Confidence intervals: with replications > 1, a numeric figure `x` may be
 * accompanied by a sibling `xCI95` holding the 95% half-width (Student t over
 * replications); `x` itself is always the mean over replications.
 */

export interface CacheLayerSummary {
  hits: number;
  misses: number;
  hitRatio: number;
  evictions?: number;
  peakBytes?: number;
  expirations?: number;
  [extra: string]: number | undefined;
}

export interface DatabaseSummary {
  reads: number;
  writes: number;
  peakQps: number;
  peakConcurrency: number;
  errors: number;
  [extra: string]: number | undefined;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  [extra: string]: number | undefined;
}

export interface VariantSummary {
  name: string;
  params: Record<string, unknown>;
  replications: number;
  requests: { reads: number; writes: number; errors?: number; [extra: string]: number | undefined };
  layers: Record<string, CacheLayerSummary | DatabaseSummary>;
  servedBy: Record<string, number>;
  latencyMs: LatencySummary;
  stampede: {
    expiries: number;
    dbLoadsPerExpiry: { mean: number; max: number; [extra: string]: number | undefined };
    [extra: string]: unknown;
  };
  staleness: {
    staleReads: number;
    staleReadRatio: number;
    meanAgeMs: number;
    p99AgeMs: number;
    maxAgeMs: number;
    [extra: string]: number | undefined;
  };
  writes: { lost: number; maxFlushLagMs: number; [extra: string]: number | undefined };
  /** Issue 6: end-to-end latency of the reads each layer served (layers that served none are absent). */
  latencyByLayerMs?: Record<string, LatencySummary & { count: number }>;
  [extra: string]: unknown;
}

export interface Summary {
  scenario: string;
  description?: string;
  seed: number;
  horizonSeconds: number;
  scenarioHash: string;
  toolVersion: string;
  variants: VariantSummary[];
}

/** A time-bucketed series: `values[i]` covers [i*bucketSeconds, (i+1)*bucketSeconds). */
export interface Series {
  /** e.g. "database.qps", "redis.hitRatio", "redis.bytes", "app.hits". */
  metric: string;
  values: number[];
}

/** A marked moment on the time axis: a fault, a hot-key expiry, a deploy. */
export interface TimelineEvent {
  tSeconds: number;
  kind: string;
  label: string;
  durationSeconds?: number;
}

/** Histogram with fixed bucket upper edges (ms); counts[i] counts values <= edgesMs[i] and > edgesMs[i-1]. */
export interface Histogram {
  edgesMs: number[];
  counts: number[];
}

/** Everything one variant's run (or the mean of its replications) produced. */
export interface VariantResult {
  summary: VariantSummary;
  bucketSeconds: number;
  series: Series[];
  events: TimelineEvent[];
  latencyHistogram: Histogram;
  stalenessHistogram: Histogram;
  /** Staleness age CDF per serving layer; layers without stale reads are absent. */
  stalenessByLayerHistograms?: Record<string, Histogram>;
  /** Distribution of staleness-window lengths over all keys. */
  stalenessWindowHistogram?: Histogram;
  /** Per layer instance (one row per PoP / app server / Redis node). */
  instances: Array<{ layer: string; instance: string; hits: number; misses: number; evictions: number; peakBytes: number }>;
}

export interface RunResult {
  summary: Summary;
  variants: VariantResult[];
  /** The scenario text as the user wrote it, for the report's appendix. */
  scenarioSource: string;
  scenarioPath: string;
}

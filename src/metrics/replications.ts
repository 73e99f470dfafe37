/**
 * Combining replications of one variant, and deciding whether two variants differ.
 *
 * Each replication is one independent observation (its own seed), so a figure's
 * 95% confidence interval is the Student t interval over replications:
 * mean ± t(0.975, R−1) · s / √R. The combined result keeps `x` = the mean and adds a
 * sibling `xCI95` = the half-width next to every numeric summary figure (the form
 * documented in result.ts). With R = 1 no CI fields are added: one run says nothing
 * about its own spread.
 *
 * Consumers that iterate a record of numbers (e.g. `servedBy`) must skip keys ending
 * in `CI95`; `isCiKey` says which.
 */
import type { Histogram, Series, VariantResult, VariantSummary } from './result.ts';

export const CI_SUFFIX = 'CI95';

export function isCiKey(key: string): boolean {
  return key.endsWith(CI_SUFFIX) && key.length > CI_SUFFIX.length;
}

/** Two-sided 97.5% quantiles of Student's t for df = 1..30 (standard tables, 6 digits). */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
  2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
  2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/**
 * t(0.975, df). Beyond the table, the Cornish–Fisher expansion around the normal
 * quantile, which is accurate to better than 1e-5 for df > 30.
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T975.length) return T975[df - 1];
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/** Mean and 95% half-width (undefined for fewer than two samples). */
export function meanCI95(samples: readonly number[]): { mean: number; ci95?: number } {
  const n = samples.length;
  if (n === 0) throw new RangeError('no samples');
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean };
  const variance = samples.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, ci95: (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n) };
}

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys of several objects in first-seen order, so output order follows the first run. */
function unionKeys(objs: readonly Obj[]): string[] {
  const seen = new Set<string>();
  for (const o of objs) for (const k of Object.keys(o)) seen.add(k);
  return [...seen];
}

/** Means (and CI siblings) of every numeric leaf; non-numeric leaves come from the first run. */
function combineObjects(objs: readonly Obj[], skip: ReadonlySet<string> = new Set()): Obj {
  const out: Obj = {};
  for (const key of unionKeys(objs)) {
    if (skip.has(key)) continue;
    if (isCiKey(key)) continue; // inputs are single runs; stale CI fields would be wrong
    const values = objs.map((o) => o[key]).filter((v) => v !== undefined);
    if (values.every((v) => typeof v === 'number')) {
      const { mean, ci95 } = meanCI95(values as number[]);
      out[key] = mean;
      if (ci95 !== undefined) out[key + CI_SUFFIX] = ci95;
    } else if (values.every(isPlainObject)) {
      out[key] = combineObjects(values as Obj[]);
    } else {
      out[key] = values[0];
    }
  }
  return out;
}

function meanPerIndex(arrays: readonly number[][]): number[] {
  const length = Math.max(...arrays.map((a) => a.length));
  return Array.from({ length }, (_, i) => {
    const present = arrays.filter((a) => i < a.length).map((a) => a[i]);
    return present.reduce((s, x) => s + x, 0) / present.length;
  });
}

function combineSeries(runs: readonly VariantResult[]): Series[] {
  const metrics = [...new Set(runs.flatMap((r) => r.series.map((s) => s.metric)))];
  return metrics.map((metric) => ({
    metric,
    values: meanPerIndex(runs.flatMap((r) => r.series.filter((s) => s.metric === metric).map((s) => s.values))),
  }));
}

/**
 * Mean count per bucket: the CDF is the pooled one, the counts stay "per run".
 * Histograms list only their non-empty buckets, so replications are aligned on
 * the union of their bucket edges (an edge a run lacks counts 0 there).
 */
function combineHistograms(hists: readonly Histogram[]): Histogram {
  const edges = [...new Set(hists.flatMap((h) => h.edgesMs))].sort((a, b) => a - b);
  const index = new Map(edges.map((e, i) => [e, i]));
  const counts = new Array<number>(edges.length).fill(0);
  for (const h of hists) h.edgesMs.forEach((e, i) => (counts[index.get(e) as number] += h.counts[i] / hists.length));
  return { edgesMs: edges, counts };
}

function combineInstances(runs: readonly VariantResult[]): VariantResult['instances'] {
  const ids = [...new Set(runs.flatMap((r) => r.instances.map((i) => `${i.layer}\u0000${i.instance}`)))];
  return ids.map((id) => {
    const [layer, instance] = id.split('\u0000');
    const rows = runs.flatMap((r) => r.instances.filter((i) => i.layer === layer && i.instance === instance));
    const mean = (f: (x: (typeof rows)[number]) => number) => rows.reduce((s, x) => s + f(x), 0) / rows.length;
    return {
      layer,
      instance,
      hits: mean((x) => x.hits),
      misses: mean((x) => x.misses),
      evictions: mean((x) => x.evictions),
      peakBytes: mean((x) => x.peakBytes),
    };
  });
}

/**
 * Combines R replications of one variant into one result: summary figures become
 * means with `…CI95` half-widths (R ≥ 2), series and histogram counts are averaged
 * per bucket, per-instance rows averaged. Timeline events are those of the first
 * replication: faults are scheduled identically in every replication, and averaged
 * series would blur expiries that fall at different moments anyway.
 */
export function combineReplications(runs: readonly VariantResult[]): VariantResult {
  if (runs.length === 0) throw new RangeError('combineReplications needs at least one run');
  const [first] = runs;
  if (runs.some((r) => r.bucketSeconds !== first.bucketSeconds)) {
    throw new Error('replications have different bucket widths');
  }
  // Identity fields are not figures: no mean, no interval.
  const identity = { name: first.summary.name, params: first.summary.params, replications: runs.length };
  const combined = combineObjects(runs.map((r) => r.summary as unknown as Obj), new Set(Object.keys(identity)));
  const summary = { ...identity, ...combined } as unknown as VariantSummary;
  return {
    summary,
    bucketSeconds: first.bucketSeconds,
    series: combineSeries(runs),
    events: first.events.map((e) => ({ ...e })),
    latencyHistogram: combineHistograms(runs.map((r) => r.latencyHistogram)),
    stalenessHistogram: combineHistograms(runs.map((r) => r.stalenessHistogram)),
    instances: combineInstances(runs),
  };
}

/** A figure as mean and optional 95% half-width. */
export interface Estimate {
  mean: number;
  ci95?: number;
}

/** Reads figure `path` (dotted, e.g. "layers.redis.hitRatio") and its CI sibling. */
export function estimateOf(summary: VariantSummary, path: string): Estimate | undefined {
  const parts = path.split('.');
  const leaf = parts.pop() as string;
  let node: unknown = summary;
  for (const p of parts) node = isPlainObject(node) ? node[p] : undefined;
  if (!isPlainObject(node) || typeof node[leaf] !== 'number') return undefined;
  const ci = node[leaf + CI_SUFFIX];
  return typeof ci === 'number' ? { mean: node[leaf] as number, ci95: ci } : { mean: node[leaf] as number };
}

/**
 * Whether two estimates are called different: only when both have intervals and the
 * intervals do not overlap (a conservative test; overlapping intervals → not
 * different). Undefined when either lacks an interval: a single run cannot tell.
 */
export function estimatesDiffer(a: Estimate, b: Estimate): boolean | undefined {
  if (a.ci95 === undefined || b.ci95 === undefined) return undefined;
  return a.mean + a.ci95 < b.mean - b.ci95 || b.mean + b.ci95 < a.mean - a.ci95;
}

/** `estimatesDiffer` for figure `path` of two variants; undefined if either lacks the figure or an interval. */
export function variantsDiffer(a: VariantSummary, b: VariantSummary, path: string): boolean | undefined {
  const ea = estimateOf(a, path);
  const eb = estimateOf(b, path);
  return ea && eb ? estimatesDiffer(ea, eb) : undefined;
}

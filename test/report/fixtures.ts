/**
 * Hand-made RunResults shaped like a stampede scenario: 2000 req/s through a CDN and
 * Redis to a database for 600 s in 1 s buckets; a hot key expires every 120 s; Redis
 * is down from 300 s to 315 s. Variant `none` sends ~250 extra loads to the database at
 * each expiry, `mutex` one. Values are pure functions of (variant, replication), so
 * every test sees the same numbers.
 */
import type { Histogram, RunResult, Series, TimelineEvent, VariantResult } from '../../src/metrics/result.ts';
import { combineReplications } from '../../src/metrics/replications.ts';

const HORIZON = 600;
const RATE = 2000;
const EXPIRIES = [120, 240, 360, 480];
const OUTAGE = { start: 300, end: 315 };

/** mulberry32: a tiny deterministic PRNG for "measurement noise". */
function noise(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureOptions {
  /** Adds browser and app layers. */
  allLayers?: boolean;
  /** Write-behind numbers: lost writes and flush lag (otherwise both 0). */
  writeBehind?: boolean;
}

function histogram(edgesMs: number[], fractions: number[], total: number): Histogram {
  return { edgesMs, counts: fractions.map((f) => Math.round(f * total)) };
}

function variant(name: 'none' | 'mutex', rep: number, o: FixtureOptions): VariantResult {
  const rnd = noise((name === 'none' ? 1000 : 2000) + rep);
  const jitter = (x: number, rel = 0.03) => x * (1 + (rnd() - 0.5) * 2 * rel);
  const cdnRatio = jitter(0.55, 0.01);
  const redisRatio = jitter(0.92, 0.005);
  const base = RATE * (1 - cdnRatio) * (1 - redisRatio);
  const loadsPerExpiry = name === 'none' ? Math.round(jitter(251, 0.05)) : 1;
  const qps: number[] = [];
  const redisHit: number[] = [];
  const redisBytes: number[] = [];
  for (let t = 0; t < HORIZON; t++) {
    const down = t >= OUTAGE.start && t < OUTAGE.end;
    const sinceRestart = t >= OUTAGE.end ? t - OUTAGE.end : t;
    const warm = Math.min(1, sinceRestart / 30);
    const ratio = down ? 0 : redisRatio * warm;
    redisHit.push(ratio);
    redisBytes.push(down ? 0 : Math.round(8e8 * Math.min(1, sinceRestart / 60)));
    const spike = EXPIRIES.includes(t) ? loadsPerExpiry : 0;
    qps.push(Math.round(jitter(RATE * (1 - cdnRatio) * (1 - ratio), 0.05) + spike));
  }
  const series: Series[] = [
    { metric: 'requests.rate', values: qps.map(() => Math.round(jitter(RATE, 0.02))) },
    { metric: 'database.qps', values: qps },
    { metric: 'database.concurrency', values: qps.map((q) => Math.ceil(q * 0.012)) },
    { metric: 'cdn.hitRatio', values: qps.map(() => jitter(cdnRatio, 0.02)) },
    { metric: 'cdn.bytes', values: qps.map((_, t) => Math.round(4e10 * Math.min(1, t / 200))) },
    { metric: 'cdn.capacityBytes', values: qps.map(() => 5e10) },
    { metric: 'redis.hitRatio', values: redisHit },
    { metric: 'redis.bytes', values: redisBytes },
    { metric: 'redis.capacityBytes', values: qps.map(() => 1e9) },
    { metric: 'latency.p99Ms', values: qps.map((_, t) => (EXPIRIES.includes(t) ? (name === 'none' ? 260 : 60) : jitter(40))) },
  ];
  const events: TimelineEvent[] = [
    ...EXPIRIES.map((t) => ({ tSeconds: t, kind: 'expiry', label: 'expiry user:1' })),
    { tSeconds: OUTAGE.start, kind: 'fault', label: 'redis outage', durationSeconds: OUTAGE.end - OUTAGE.start },
  ];
  const reads = RATE * HORIZON - 12000;
  const cdnHits = Math.round(reads * cdnRatio);
  const redisHits = Math.round((reads - cdnHits) * redisRatio * 0.95);
  const dbReads = reads - cdnHits - redisHits;
  const staleReads = Math.round(jitter(name === 'none' ? 1800 : 1750, 0.04));
  const latencyFractions =
    name === 'none'
      ? [0.12, 0.25, 0.2, 0.15, 0.12, 0.08, 0.04, 0.025, 0.01, 0.004, 0.001]
      : [0.12, 0.25, 0.2, 0.15, 0.12, 0.085, 0.045, 0.025, 0.004, 0.001, 0];
  const layers: VariantResult['summary']['layers'] = {
    cdn: { hits: cdnHits, misses: reads - cdnHits, hitRatio: cdnHits / reads },
    redis: {
      hits: redisHits,
      misses: reads - cdnHits - redisHits,
      hitRatio: redisHits / (reads - cdnHits),
      evictions: Math.round(jitter(3400)),
      peakBytes: 8e8,
    },
    database: { reads: dbReads, writes: 12000, peakQps: Math.max(...qps), peakConcurrency: Math.ceil(Math.max(...qps) * 0.012), errors: 0 },
  };
  const servedBy: Record<string, number> = { cdn: cdnHits, redis: redisHits, database: dbReads };
  if (o.allLayers) {
    layers.browser = { hits: 0, misses: reads, hitRatio: 0 };
    layers.app = { hits: 0, misses: reads - cdnHits, hitRatio: 0 };
    series.push({ metric: 'app.hitRatio', values: qps.map(() => 0) });
  }
  return {
    summary: {
      name,
      params: { 'strategy.stampede': name },
      replications: 1,
      requests: { reads, writes: 12000 },
      layers,
      servedBy,
      latencyMs: {
        mean: jitter(name === 'none' ? 12.1 : 12.5),
        p50: jitter(4.2),
        p95: jitter(name === 'none' ? 38 : 40),
        p99: jitter(name === 'none' ? 120 : 95),
        max: jitter(name === 'none' ? 950 : 420),
      },
      stampede: { expiries: EXPIRIES.length, dbLoadsPerExpiry: { mean: loadsPerExpiry, max: name === 'none' ? loadsPerExpiry + 19 : 1 } },
      staleness: { staleReads, staleReadRatio: staleReads / reads, meanAgeMs: jitter(8200), p99AgeMs: jitter(58000), maxAgeMs: 119000 },
      writes: o.writeBehind ? { lost: Math.round(jitter(name === 'none' ? 37 : 41, 0.2)), maxFlushLagMs: jitter(1000, 0.1) } : { lost: 0, maxFlushLagMs: 0 },
    },
    bucketSeconds: 1,
    series,
    events,
    latencyHistogram: histogram([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000], latencyFractions, reads),
    stalenessHistogram: histogram([10, 100, 1000, 10000, 60000, 120000], [0.05, 0.15, 0.3, 0.3, 0.15, 0.05], staleReads),
    instances: [
      { layer: 'cdn', instance: 'pop-1', hits: Math.round(cdnHits / 2), misses: 0, evictions: 0, peakBytes: 2e10 },
      { layer: 'cdn', instance: 'pop-2', hits: cdnHits - Math.round(cdnHits / 2), misses: 0, evictions: 0, peakBytes: 2e10 },
      { layer: 'redis', instance: 'redis-0', hits: redisHits, misses: reads - cdnHits - redisHits, evictions: 3400, peakBytes: 8e8 },
    ],
  };
}

/** A run of the two variants; with `replications` > 1 each is combined (means and CIs). */
export function stampedeResult(replications = 1, o: FixtureOptions = {}): RunResult {
  const names = ['none', 'mutex'] as const;
  const variants = names.map((n) => {
    const runs = Array.from({ length: replications }, (_, r) => variant(n, r, o));
    return replications === 1 ? runs[0] : combineReplications(runs);
  });
  return {
    summary: {
      scenario: 'stampede',
      description: 'A hot key expires every 120 s under 2000 req/s; does a mutex stop the stampede?',
      seed: 42,
      horizonSeconds: HORIZON,
      scenarioHash: 'sha256:3f2a9c0d5e7b1a44',
      toolVersion: '0.1.0',
      variants: variants.map((v) => v.summary),
    },
    variants,
    scenarioSource: 'name: stampede\nseed: 42\nhorizon: 600s\n# <script>alert(1)</script> must be escaped\nvariants:\n  - strategy.stampede: none\n  - strategy.stampede: mutex\n',
    scenarioPath: 'scenarios/stampede.yaml',
  };
}

/** Replay rows for the miss-ratio curve: three policies × four capacities. */
export function replayRows(): Array<{ policy: string; capacity: number; requests: number; misses: number; missRatio: number; byteMissRatio: number }> {
  const policies: Array<[string, number]> = [['lru', 1], ['fifo', 1.12], ['sieve', 0.9]];
  return policies.flatMap(([policy, k]) =>
    [100, 1000, 5000, 10000].map((capacity) => {
      const missRatio = Math.min(1, k * 0.9 * Math.pow(capacity / 100, -0.35));
      return { policy, capacity, requests: 100000, misses: Math.round(missRatio * 100000), missRatio, byteMissRatio: Math.min(1, missRatio * 1.1) };
    }),
  );
}

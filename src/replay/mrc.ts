/**
 * Miss-ratio curves for LRU in one pass: the exact curve from stack distances
 * (stack-distance.ts), or with `sampleRate` < 1 the spatially hashed sampling of
 * SHARDS (Waldspurger, Park, Garthwaite, Ahmad, "Efficient MRC Construction with
 * SHARDS", FAST 2015, fixed-rate variant with the SHARDS_adj correction): only keys
 * whose hash falls below rate × 2^32 are tracked, their distances are scaled by
 * 1/rate, and the count of sampled requests is corrected to its expectation (the
 * difference counts as hits at the smallest distance).
 *
 * Capacities are in objects (every object weighs 1); byte miss ratios are the bytes of
 * the requests that miss at that object capacity over all bytes requested.
 */
import { growFloat64 } from '../policies/internal/arrays.ts';
import { openTrace, type OpenTraceOptions, type TraceSummary } from '../workload/traces/index.ts';
import { StackDistances } from './stack-distance.ts';
import type { ReplayRow } from './replay.ts';

export interface MrcOptions extends OpenTraceOptions {
  trace: string;
  /** SHARDS sampling rate in (0, 1]; 1 = exact. */
  sampleRate?: number;
  /** Requests at the start that update the stack but are not counted. */
  warmupRequests?: number;
  seed?: number;
}

export interface MissRatioCurve {
  /** Requests counted (all, or after warm-up), before sampling. */
  requests: number;
  /** Distinct objects in the trace. */
  objects: number;
  sampleRate: number;
  /** Misses at capacity c objects, for c = 0..objects (scaled back when sampling). */
  missesAt: Float64Array;
  /** Missed bytes at capacity c. */
  missedBytesAt: Float64Array;
  bytesRequested: number;
  trace: TraceSummary;
}

/** fmix32 from MurmurHash3: a well-mixed 32-bit hash of a key id, seeded. */
function hash32(key: number, seed: number): number {
  let h = (key ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export async function missRatioCurve(opts: MrcOptions): Promise<MissRatioCurve> {
  const rate = opts.sampleRate ?? 1;
  const threshold = rate * 4294967296;
  const seed = (opts.seed ?? 1) * 0x9e3779b1;
  const warm = opts.warmupRequests ?? 0;
  const stack = new StackDistances(1 << 16);
  let hist: Float64Array = new Float64Array(1 << 16);
  let bytesHist: Float64Array = new Float64Array(1 << 16);
  let cold = 0;
  let coldBytes = 0;
  let counted = 0;
  let bytesRequested = 0;
  const trace = await openTrace(opts.trace, opts).read((b) => {
    const keys = b.keys;
    const sizes = b.sizes;
    for (let i = 0; i < b.length; i++) {
      const key = keys[i];
      const isCounted = b.firstIndex + i >= warm;
      if (isCounted) {
        counted += 1;
        bytesRequested += sizes[i];
      }
      if (rate < 1 && hash32(key, seed) >= threshold) continue;
      const d = stack.access(key);
      if (!isCounted) continue;
      if (d === 0) {
        cold += 1;
        coldBytes += sizes[i];
      } else {
        if (d >= hist.length) {
          hist = growFloat64(hist, 2 * d);
          bytesHist = growFloat64(bytesHist, 2 * d);
        }
        hist[d] += 1;
        bytesHist[d] += sizes[i];
      }
    }
  });
  const objects = trace.distinctKeys;
  // SHARDS_adj: sampled counts scale by 1/rate, and the gap between the expected sample
  // size (rate × requests) and the actual one is booked at the smallest distance, i.e.
  // as hits at every capacity — so misses scale by 1/rate and requests stay `counted`.
  const scale = rate < 1 ? 1 / rate : 1;
  const missesAt = new Float64Array(objects + 1);
  const missedBytesAt = new Float64Array(objects + 1);
  // Suffix sums: misses at capacity c = cold + distances > c (sampled distances scale by 1/rate).
  const sampledObjects = stack.distinct;
  let m = cold;
  let mb = coldBytes;
  let d = Math.min(hist.length - 1, Math.max(sampledObjects, 1));
  for (let c = objects; c >= 0; c--) {
    const limit = rate < 1 ? c * rate : c;
    while (d > limit && d > 0) {
      m += hist[d];
      mb += bytesHist[d];
      d -= 1;
    }
    missesAt[c] = m * scale;
    missedBytesAt[c] = mb * scale;
  }
  return { requests: counted, objects, sampleRate: rate, missesAt, missedBytesAt, bytesRequested, trace };
}

/** Rows of the curve at the given capacities (objects), in `replay --format json` form. */
export function curveRows(curve: MissRatioCurve, capacities: readonly number[]): ReplayRow[] {
  return capacities.map((c) => {
    const cap = Math.min(Math.max(0, Math.round(c)), curve.objects);
    const misses = curve.missesAt[cap];
    return {
      policy: 'lru',
      capacity: Math.round(c),
      requests: curve.requests,
      misses: curve.sampleRate < 1 ? Math.round(misses) : misses,
      missRatio: curve.requests > 0 ? Math.min(1, misses / curve.requests) : 0,
      byteMissRatio: curve.bytesRequested > 0 ? Math.min(1, curve.missedBytesAt[cap] / curve.bytesRequested) : 0,
      capacityLabel: curve.sampleRate < 1 ? `${Math.round(c)} (SHARDS ${curve.sampleRate})` : String(Math.round(c)),
      unit: 'items',
      writes: 0,
      deletes: 0,
      evictions: 0,
      expirations: 0,
    };
  });
}

/** `points` capacities evenly spaced from objects/points to all objects. */
export function evenCapacities(objects: number, points: number): number[] {
  if (points >= objects) return Array.from({ length: objects }, (_, i) => i + 1);
  return Array.from({ length: points }, (_, i) => Math.max(1, Math.round(((i + 1) * objects) / points)));
}

/** Mean and maximum absolute miss-ratio difference between two curves at `points` even capacities. */
export function curveError(exact: MissRatioCurve, approx: MissRatioCurve, points = 100): { mean: number; max: number } {
  const caps = evenCapacities(exact.objects, points);
  const a = curveRows(exact, caps);
  const b = curveRows(approx, caps);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < caps.length; i++) {
    const e = Math.abs(a[i].missRatio - b[i].missRatio);
    sum += e;
    if (e > max) max = e;
  }
  return { mean: sum / caps.length, max };
}

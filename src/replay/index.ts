/**
 * Trace replay's entry point for the CLI and the report: policy × capacity rows, or
 * with capacity `auto` the whole LRU curve from one pass (exact, or SHARDS-sampled).
 */
import { inputError } from '../scenario/errors.ts';
import type { CapacitySpec } from './capacity.ts';
import { curveRows, evenCapacities, missRatioCurve } from './mrc.ts';
import { replayTrace, type ReplayOptions, type ReplayRow } from './replay.ts';
import type { TraceSummary } from '../workload/traces/index.ts';

export type { ReplayRow, ReplayOptions } from './replay.ts';
export { parseCapacityList } from './capacity.ts';
export { formatRows, replayFormats, type ReplayFormat } from './format.ts';

export interface ReplayRequest extends Omit<ReplayOptions, 'capacities'> {
  capacities: readonly CapacitySpec[];
  /** With `auto`: SHARDS sampling rate in (0, 1] (1 = exact). */
  sampleRate?: number;
  /** With `auto`: how many evenly spaced capacities to report ('all' = every one). */
  points?: number | 'all';
}

/** Runs a replay and returns `[{ policy, capacity, requests, misses, missRatio, byteMissRatio, … }]`. */
export async function replayRows(req: ReplayRequest): Promise<{ rows: ReplayRow[]; trace: TraceSummary }> {
  const auto = req.capacities.some((c) => c.kind === 'auto');
  if (!auto) {
    if (req.sampleRate !== undefined && req.sampleRate < 1) throw inputError('', '--sample', 'sampling applies to --capacity auto (the one-pass LRU curve)');
    const capacities = req.capacities.filter((c): c is Exclude<CapacitySpec, { kind: 'auto' }> => c.kind !== 'auto');
    return replayTrace({ ...req, capacities });
  }
  if (req.policies.length !== 1 || req.policies[0] !== 'lru') {
    throw inputError('', '--capacity', 'auto (the one-pass miss-ratio curve) is exact for LRU only: use --policy lru');
  }
  if (req.warmup?.us) throw inputError('', '--warmup', 'with --capacity auto, give the warm-up as a number of requests');
  const curve = await missRatioCurve({ ...req, sampleRate: req.sampleRate, warmupRequests: req.warmup?.requests });
  const points = req.points === 'all' ? curve.objects : (req.points ?? 100);
  return { rows: curveRows(curve, evenCapacities(curve.objects, points)), trace: curve.trace };
}

/**
 * Trace replay: every policy × capacity combination over one read of the trace.
 *
 * Phases:
 *  1. resolve: parse capacities; percentages need the trace's distinct objects/bytes
 *     and Belady needs next-use indices, so either triggers one extra scan first
 *  2. build: one ReplayCache per combination, policies from the registry, each with
 *     its own seeded random stream (seed + policy + capacity)
 *  3. stream: each batch of requests is run through every cache in turn (so each
 *     cache's loop stays monomorphic and its arrays stay hot)
 *  4. finish: end-of-run invariants of every cache and policy, then one row each
 */
import seedrandom from 'seedrandom';
import { inputError } from '../scenario/errors.ts';
import { policies, policyNeeds, type PolicyName } from '../policies/index.ts';
import { grownLength } from '../policies/internal/arrays.ts';
import { openTrace, OP_DELETE, OP_READ, type OpenTraceOptions, type TraceBatch, type TraceSummary } from '../workload/traces/index.ts';
import { ReplayCache } from './cache.ts';
import { resolveCapacity, type CapacitySpec, type ResolvedCapacity } from './capacity.ts';
import { nextUseIndices, scanTrace } from './future.ts';

export interface ReplayOptions extends OpenTraceOptions {
  trace: string;
  policies: readonly PolicyName[];
  capacities: readonly Exclude<CapacitySpec, { kind: 'auto' }>[];
  /** Every object has size 1. */
  ignoreSize?: boolean;
  /** Treat every row as a read (libCacheSim's default), whatever its operation. */
  ignoreOps?: boolean;
  /** Requests at the start excluded from the counts: a number of requests, or µs of trace time. */
  warmup?: { requests?: number; us?: number };
  seed?: number;
  /** Per-policy options, e.g. { 'redis-lru': { samples: 10 } }. */
  policyOptions?: Partial<Record<PolicyName, Record<string, unknown>>>;
}

/** One line of `cachesim replay --format json` (DESIGN §7); extra fields may be added. */
export interface ReplayRow {
  policy: string;
  capacity: number;
  requests: number;
  misses: number;
  missRatio: number;
  byteMissRatio: number;
  capacityLabel: string;
  unit: 'items' | 'bytes';
  writes: number;
  deletes: number;
  evictions: number;
  expirations: number;
}

export interface ReplayResult {
  rows: ReplayRow[];
  trace: TraceSummary;
}

interface Run {
  policy: PolicyName;
  capacity: ResolvedCapacity;
  cache: ReplayCache;
  /** Needs per-request time, seek or operations: the general loop. */
  general: boolean;
}

export async function replayTrace(opts: ReplayOptions): Promise<ReplayResult> {
  const file = opts.trace;
  const reader = openTrace(file, opts);
  const wantsFuture = opts.policies.some((p) => policyNeeds[p].future);
  const needsStats = opts.capacities.some((c) => c.kind === 'percent');

  // 1. resolve
  let nextUse: Int32Array | undefined;
  let distinct = { objects: 0, bytes: 0 };
  let maxKeys = 1 << 16;
  if (wantsFuture || needsStats) {
    const scan = await scanTrace(openTrace(file, opts), wantsFuture);
    distinct = { objects: scan.summary.distinctKeys, bytes: scan.summary.distinctBytes };
    maxKeys = Math.max(1, scan.summary.distinctKeys);
    if (scan.keys) nextUse = nextUseIndices(scan.keys, scan.keys.length, maxKeys);
  }
  const fields = await reader.probe();
  const useSizes = !opts.ignoreSize && fields.size;
  for (const p of opts.policies) {
    if (policyNeeds[p].time && !fields.time) throw inputError(file, '', `policy ${p} orders by time, but this trace has no time column`);
    if (policyNeeds[p].ttl && !fields.ttl) throw inputError(file, '', `policy ${p} orders by TTL, but this trace has no ttl column`);
  }
  const capacities = opts.capacities.map((c) => resolveCapacity(c, useSizes, distinct));

  // 2. build
  const clock = { now: 0 };
  const seed = opts.seed ?? 1;
  const withTtl = fields.ttl;
  const withOps = fields.op && !opts.ignoreOps;
  const runs: Run[] = [];
  for (const policy of opts.policies) {
    for (const capacity of capacities) {
      const options = { ...(opts.policyOptions?.[policy] ?? {}), nextUse, expectedItems: expectedItems(capacity, distinct) };
      const instance = policies[policy]({
        capacity: capacity.value,
        maxKeys,
        random: seedrandom.alea(`${seed}:replay:${policy}:${capacity.value}`),
        now: () => clock.now,
        options,
      });
      const cache = new ReplayCache(instance, capacity.value, maxKeys, withTtl, capacity.unit === 'items' || !useSizes);
      const general = withTtl || withOps || policyNeeds[policy].time === true || typeof instance.seek === 'function';
      runs.push({ policy, capacity, cache, general });
    }
  }

  // 3. stream
  const warm = { requests: opts.warmup?.requests ?? 0, us: opts.warmup?.us ?? 0, startUs: NaN };
  let keyBound = maxKeys;
  const trace = await reader.read((batch) => {
    if (Number.isNaN(warm.startUs)) warm.startUs = batch.times[0];
    const maxId = maxKeyIn(batch);
    if (maxId >= keyBound) {
      keyBound = grownLength(keyBound, maxId + 1);
      for (const r of runs) r.cache.grow(keyBound);
    }
    const warmTime = warm.us > 0 ? warm.startUs + warm.us : -Infinity;
    const allCounted = batch.firstIndex >= warm.requests && batch.times[0] >= warmTime;
    for (const r of runs) {
      if (!r.general && allCounted) runReads(r.cache, batch);
      else runGeneral(r.cache, batch, clock, warm.requests, warmTime, withOps);
    }
  });

  // 4. finish
  const rows = runs.map(({ policy, capacity, cache }) => {
    cache.finished();
    const c = cache.counts;
    return {
      policy,
      capacity: capacity.value,
      requests: c.requests,
      misses: c.misses,
      missRatio: c.requests > 0 ? c.misses / c.requests : 0,
      byteMissRatio: c.bytesRequested > 0 ? c.bytesMissed / c.bytesRequested : 0,
      capacityLabel: capacity.label,
      unit: capacity.unit,
      writes: c.writes,
      deletes: c.deletes,
      evictions: c.evictions,
      expirations: c.expirations,
    };
  });
  return { rows, trace };
}

function expectedItems(capacity: ResolvedCapacity, distinct: { objects: number; bytes: number }): number {
  if (capacity.unit === 'items') return capacity.value;
  const mean = distinct.objects > 0 ? distinct.bytes / distinct.objects : 1;
  return Math.max(16, Math.round(capacity.value / mean));
}

function maxKeyIn(b: TraceBatch): number {
  let m = -1;
  const keys = b.keys;
  for (let i = 0; i < b.length; i++) if (keys[i] > m) m = keys[i];
  return m;
}

/** The hot path: reads only, all counted, no clock, no future. */
function runReads(cache: ReplayCache, b: TraceBatch): void {
  const keys = b.keys;
  const sizes = b.sizes;
  for (let i = 0, n = b.length; i < n; i++) cache.read(keys[i], sizes[i], true, 0, 0);
}

function runGeneral(
  cache: ReplayCache,
  b: TraceBatch,
  clock: { now: number },
  warmRequests: number,
  warmTime: number,
  withOps: boolean,
): void {
  const policy = cache.policy;
  const seek = typeof policy.seek === 'function';
  for (let i = 0, n = b.length; i < n; i++) {
    const index = b.firstIndex + i;
    const now = b.times[i];
    clock.now = now;
    cache.expireUntil(now);
    if (seek) policy.seek!(index);
    const counted = index >= warmRequests && now >= warmTime;
    const op = withOps ? b.ops[i] : OP_READ;
    if (op === OP_READ) cache.read(b.keys[i], b.sizes[i], counted, now, b.ttls[i]);
    else if (op === OP_DELETE) cache.delete(b.keys[i], counted);
    else cache.write(b.keys[i], b.sizes[i], counted, now, b.ttls[i]);
  }
}

/**
 * A trace as a scenario's workload: a keyspace's requests come from a recorded
 * trace instead of a generator. Each trace is read once, before any run, into
 * flat arrays (times, key ids, operations) plus each key's size at its first
 * appearance; the event loop then replays it in time order. Reading is
 * asynchronous (gunzip streams), so it belongs to the load phase: runs, variants
 * and worker threads all receive the same arrays.
 */
import { openTrace, OP_READ as TRACE_READ, type TraceBatch } from './traces/index.ts';
import { InputError, inputError } from '../scenario/errors.ts';
import { traceReading, type TraceFacts } from '../scenario/normalize.ts';
import type { LoadedScenario } from '../scenario/load.ts';

export interface TraceWorkload {
  key: string;
  file: string;
  requests: number;
  distinctKeys: number;
  /** Request times in µs, relative to the first request (all 0 when the trace has none). */
  times: Float64Array;
  keys: Int32Array;
  /** 0 read, 1 write (a delete counts as a write: it changes the source of truth). */
  ops: Uint8Array;
  /** Bytes per key id, from its first appearance. */
  sizes: Int32Array;
  hasTime: boolean;
}

export type TraceWorkloads = ReadonlyMap<string, TraceWorkload>;

/** Reads every trace that the scenario's variants replay (each distinct reading once). */
export async function loadScenarioTraces(loaded: LoadedScenario): Promise<TraceWorkloads> {
  const out = new Map<string, TraceWorkload>();
  for (const v of loaded.variants)
    for (const [i, k] of v.scenario.keyspaces.entries()) {
      if (!k.trace) continue;
      const reading = traceReading(k.trace, loaded.path);
      if (out.has(reading.key)) continue;
      out.set(reading.key, await loadTraceWorkload(reading, loaded.path, `keyspaces[${i}].trace.file`));
    }
  return out;
}

export function traceFacts(traces: TraceWorkloads): TraceFacts {
  return new Map([...traces].map(([key, t]) => [key, { keys: t.distinctKeys, requests: t.requests, hasTime: t.hasTime }]));
}

async function loadTraceWorkload(r: ReturnType<typeof traceReading>, scenarioFile: string, place: string): Promise<TraceWorkload> {
  let n = 0;
  let times = new Float64Array(1 << 16);
  let keys = new Int32Array(1 << 16);
  let ops = new Uint8Array(1 << 16);
  let sizes = new Int32Array(1 << 12);
  let distinct = 0;
  let first = Number.NaN;
  let hasTime = false;
  const onBatch = (b: TraceBatch): void => {
    if (n + b.length > times.length) {
      const cap = Math.max(times.length * 2, n + b.length);
      times = grow(times, cap);
      keys = grow(keys, cap);
      ops = grow(ops, cap);
    }
    for (let i = 0; i < b.length; i++) {
      const key = b.keys[i];
      if (key >= distinct) {
        if (key >= sizes.length) sizes = grow(sizes, Math.max(sizes.length * 2, key + 1));
        sizes[key] = Math.max(1, Math.round(b.sizes[i]));
        distinct = key + 1;
      }
      if (Number.isNaN(first)) first = b.times[i];
      const t = b.times[i] - first;
      if (t !== 0) hasTime = true;
      times[n] = t;
      keys[n] = key;
      ops[n] = b.ops[i] === TRACE_READ ? 0 : 1;
      n++;
    }
  };
  try {
    await openTrace(r.file, { format: r.format, params: r.params, timeScale: r.timeScale, limit: r.limit }).read(onBatch);
  } catch (e) {
    // A problem in a row names the trace file and line; a problem with the file itself names the scenario setting.
    if (e instanceof InputError && e.problems.every((p) => p.place !== '')) throw e;
    const reason = e instanceof InputError ? e.problems.map((p) => p.message).join('; ') : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    throw inputError(scenarioFile, place, `cannot read the trace ${r.file}: ${reason}`);
  }
  if (n === 0) throw inputError(scenarioFile, place, `the trace ${r.file} holds no requests`);
  for (let i = 1; i < n; i++)
    if (times[i] < times[i - 1]) throw inputError(r.file, `request ${i + 1}`, 'expected requests in time order (times must not decrease)');
  return { key: r.key, file: r.file, requests: n, distinctKeys: distinct, times: times.slice(0, n), keys: keys.slice(0, n), ops: ops.slice(0, n), sizes: sizes.slice(0, distinct), hasTime };
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

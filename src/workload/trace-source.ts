/**
 * A keyspace's request stream replayed from a loaded trace: the trace's keys,
 * operations and sizes, at the trace's own times — or, when the keyspace gives
 * a `rate` (or the trace has no times), in trace order at Poisson gaps of that
 * rate from the keyspace's own arrivals stream. It ends with the trace.
 */
import type { RandomStreams, Uniform } from '../engine/rng.ts';
import type { KeyspaceSpec } from '../scenario/normalize.ts';
import type { TraceWorkload } from './trace-workload.ts';
import type { RequestSource } from './keyspace-source.ts';

export class TraceSource implements RequestSource {
  private cursor = 0;
  private readonly arrivals: Uniform;
  private readonly meanGap: number;

  constructor(
    readonly spec: KeyspaceSpec,
    readonly keyOffset: number,
    private readonly trace: TraceWorkload,
    rng: RandomStreams,
  ) {
    this.arrivals = rng.stream(`keyspace.${spec.name}.arrivals`);
    this.meanGap = spec.rate > 0 ? 1e6 / spec.rate : 0; // normalize requires a rate when the trace has no times
  }

  /** µs until the request at the cursor (Infinity once the trace is done). */
  nextGap(): number {
    const c = this.cursor;
    if (c >= this.trace.requests) return Number.POSITIVE_INFINITY;
    if (this.meanGap > 0) return -this.meanGap * Math.log(1 - this.arrivals());
    return c === 0 ? this.trace.times[0] : this.trace.times[c] - this.trace.times[c - 1];
  }

  nextKey(): number {
    return this.trace.keys[this.cursor];
  }

  /** The operation at the cursor; reading it moves on to the next request. */
  nextOp(): number {
    return this.trace.ops[this.cursor++];
  }

  valueSizes(): Int32Array {
    return this.trace.sizes;
  }
}

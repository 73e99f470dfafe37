/**
 * One keyspace's open-loop request stream: arrivals at the keyspace's rate
 * (Poisson or evenly spaced), a key from its popularity, read or write from its
 * mix. Each keyspace draws from its own named streams, so adding a keyspace never
 * changes another's requests (the streams are `keyspace.<name>.arrivals`, `.keys`, `.ops`).
 */
import type { RandomStreams, Uniform } from '../engine/rng.ts';
import type { KeyspaceSpec } from '../scenario/normalize.ts';
import { keySampler, type KeySampler } from './popularity.ts';
import { sampler } from '../engine/dist/index.ts';

export const OP_READ = 0;
export const OP_WRITE = 1;

/** What the arrival loop needs of a keyspace's requests, generated or replayed. */
export interface RequestSource {
  readonly spec: KeyspaceSpec;
  /** Global id of this keyspace's key 0. */
  readonly keyOffset: number;
  /** µs until the next request (Infinity when there are no more). */
  nextGap(): number;
  nextKey(): number;
  nextOp(): number;
  valueSizes(rng: RandomStreams): Int32Array;
}

export class KeyspaceSource implements RequestSource {
  readonly nextKey: KeySampler;
  private readonly arrivals: Uniform;
  private readonly ops: Uniform;
  private readonly meanGap: number;

  constructor(
    readonly spec: KeyspaceSpec,
    /** Global id of this keyspace's key 0. */
    readonly keyOffset: number,
    rng: RandomStreams,
  ) {
    const base = `keyspace.${spec.name}`;
    this.arrivals = rng.stream(`${base}.arrivals`);
    this.ops = rng.stream(`${base}.ops`);
    this.nextKey = keySampler(spec.popularity, spec.keys, rng.stream(`${base}.keys`));
    this.meanGap = spec.rate > 0 ? 1e6 / spec.rate : Number.POSITIVE_INFINITY;
  }

  /** Microseconds until the next request. */
  nextGap(): number {
    if (this.spec.arrival === 'constant') return this.meanGap;
    return -this.meanGap * Math.log(1 - this.arrivals());
  }

  nextOp(): number {
    return this.ops() < this.spec.writeFraction ? OP_WRITE : OP_READ;
  }

  /**
   * Value size per key, fixed for the run (a key's value does not change size from
   * one read to the next); drawn from `keyspace.<name>.sizes` in key order.
   */
  valueSizes(rng: RandomStreams): Int32Array {
    const draw = sampler(this.spec.valueSize, rng.stream(`keyspace.${this.spec.name}.sizes`));
    const sizes = new Int32Array(this.spec.keys);
    for (let k = 0; k < sizes.length; k++) sizes[k] = Math.max(1, Math.round(draw()));
    return sizes;
  }
}

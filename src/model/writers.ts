/**
 * Background writers: a keyspace's `writers:` update its keys at their
 * own rate (Poisson) and popularity, on top of the clients' `writes` fraction.
 * They draw from their own streams (`keyspace.<name>.writers.arrivals`, `.keys`),
 * so adding writers never shifts the readers' numbers.
 */
import type { Simulation } from '../engine/simulation.ts';
import type { RandomStreams } from '../engine/rng.ts';
import type { KeyspaceSpec } from '../scenario/normalize.ts';
import { keySampler } from '../workload/popularity.ts';
import { OP_WRITE } from '../workload/keyspace-source.ts';
import type { RequestPath } from './request-path.ts';

export function startWriters(sim: Simulation, path: RequestPath, rng: RandomStreams, spec: KeyspaceSpec, index: number, keyOffset: number, horizon: number): void {
  const w = spec.writers;
  if (!w || w.rate <= 0) return;
  const base = `keyspace.${spec.name}.writers`;
  const arrivals = rng.stream(`${base}.arrivals`);
  const nextKey = keySampler(w.popularity, spec.keys, rng.stream(`${base}.keys`));
  const meanGap = 1e6 / w.rate;
  const gap = (): number => -meanGap * Math.log(1 - arrivals());
  const write = (): void => {
    path.issue(index, keyOffset + nextKey(), OP_WRITE);
    const g = gap();
    if (sim.now + g < horizon) sim.schedule(g, write);
  };
  const first = gap();
  if (first < horizon) sim.schedule(first, write);
}

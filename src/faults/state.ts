/**
 * What the active faults do to the tiers right now, read by the request path on
 * every call: whether Redis or the database is reachable, how much slower the
 * database serves, and the extra round-trip time on each link. Fault events only
 * flip these fields, so the hot path pays a field read, not a lookup.
 */
import type { Sampler } from '../engine/dist/index.ts';

export const LINK_CLIENT = 0;
export const LINK_REDIS = 1;
export const LINK_DATABASE = 2;
export const linkNames = ['client', 'redis', 'database'] as const;

export class FaultState {
  redisDown = false;
  dbDown = false;
  /** Database service-time multiplier (slowdowns multiply when they overlap). */
  dbFactor = 1;
  /** Extra round-trip µs per link, indexed by LINK_*. */
  readonly extraRtt = new Float64Array(linkNames.length);

  /** A round-trip sampler that adds the link's current extra latency. */
  link(base: Sampler, link: number): Sampler {
    const extra = this.extraRtt;
    return () => base() + extra[link];
  }

  /** A service-time sampler scaled by the current slowdown. */
  dbService(base: Sampler): Sampler {
    return () => base() * this.dbFactor;
  }
}

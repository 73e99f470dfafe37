/**
 * What each fault kind does, one entry per kind in a typed table (a kind in the
 * schema without an action fails type-checking). An action runs at the fault's
 * start and schedules its own end; overlapping faults of one kind stack
 * (slowdown factors multiply, latency additions add, outages last until the
 * last one ends).
 */
import type { FaultKind, FaultSpec } from './schema.ts';
import type { FaultContext } from './context.ts';
import { LINK_CLIENT, LINK_DATABASE, LINK_REDIS } from './state.ts';

type Action<K extends FaultKind> = (f: Extract<FaultSpec, { kind: K }>, ctx: FaultContext) => void;

export const faultActions: { [K in FaultKind]: Action<K> } = {
  'redis.restart': (f, ctx) => {
    ctx.clearRedis();
    if (f.duration > 0) ctx.during(f.duration, () => ctx.redisOutage(+1), () => ctx.redisOutage(-1));
  },
  'redis.outage': (f, ctx) => ctx.during(f.duration, () => ctx.redisOutage(+1), () => ctx.redisOutage(-1)),
  'redis.flush': (_f, ctx) => ctx.clearRedis(),
  'database.slowdown': (f, ctx) =>
    ctx.during(
      f.duration,
      () => (ctx.state.dbFactor *= f.factor),
      () => (ctx.state.dbFactor /= f.factor),
    ),
  'database.outage': (f, ctx) => ctx.during(f.duration, () => ctx.dbOutage(+1), () => ctx.dbOutage(-1)),
  'app.deploy': (f, ctx) => ctx.rollingRestart(f.duration),
  'cdn.purge': (f, ctx) => ctx.purgeCdn(f.keyspace),
  'latency.spike': (f, ctx) => {
    const link = f.link === 'client' ? LINK_CLIENT : f.link === 'redis' ? LINK_REDIS : LINK_DATABASE;
    ctx.during(
      f.duration,
      () => (ctx.state.extraRtt[link] += f.add),
      () => (ctx.state.extraRtt[link] -= f.add),
    );
  },
  'namespace.bump': (f, ctx) => ctx.bumpNamespace(f.keyspace),
};

/**
 * The `faults:` part of the scenario schema: timed events that act on tiers.
 * Each has a time `at`; those that last have a `duration`. Kept here, next to
 * the fault implementations, and imported by the one scenario schema.
 */
import { z } from 'zod';
import { duration } from '../scenario/fields.ts';

const at = () => duration().meta({ description: 'simulated time the fault starts' });
const lasting = () => duration().meta({ description: 'how long it lasts' });

export const faultSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('redis.restart'), at: at(), duration: duration().default(0).meta({ description: 'downtime while it restarts (commands fail)' }) })
    .strict()
    .meta({ description: 'Redis restarts with persistence off: every entry, lock and dirty write is gone' }),
  z
    .object({ kind: z.literal('redis.outage'), at: at(), duration: lasting() })
    .strict()
    .meta({ description: 'Redis unreachable: commands fail after hierarchy.redis.connectTimeout' }),
  z.object({ kind: z.literal('redis.flush'), at: at() }).strict().meta({ description: 'FLUSHALL' }),
  z
    .object({ kind: z.literal('database.slowdown'), at: at(), duration: lasting(), factor: z.number().positive().meta({ description: 'service time multiplier' }) })
    .strict(),
  z.object({ kind: z.literal('database.outage'), at: at(), duration: lasting() }).strict().meta({ description: 'queries fail at once' }),
  z
    .object({ kind: z.literal('app.deploy'), at: at(), duration: duration().default(0).meta({ description: 'rolling restart spread over this long' }) })
    .strict()
    .meta({ description: 'app servers restart one by one; their in-process caches start cold' }),
  z
    .object({ kind: z.literal('cdn.purge'), at: at(), keyspace: z.string().min(1).optional() })
    .strict()
    .meta({ description: 'every CDN PoP drops its copies (of one keyspace, or of all)' }),
  z
    .object({
      kind: z.literal('latency.spike'),
      at: at(),
      duration: lasting(),
      link: z.enum(['client', 'redis', 'database']),
      add: duration().meta({ description: 'extra round-trip time on the link' }),
    })
    .strict(),
  z
    .object({ kind: z.literal('namespace.bump'), at: at(), keyspace: z.string().min(1) })
    .strict()
    .meta({ description: 'cache versioning: the keyspace namespace version changes, old entries become orphans' }),
]);

export type FaultSpec = z.output<typeof faultSchema>;
export type FaultKind = FaultSpec['kind'];

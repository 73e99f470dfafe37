/**
 * The eviction-policy registry: one line per policy. `policies` is typed by
 * `PolicyName`, so a name without an implementation fails type-checking; tiers create
 * policies with `policies[name](ctx)` and drive them through the protocol in types.ts.
 */
import { arc } from './arc.ts';
import { belady } from './belady.ts';
import { clock } from './clock.ts';
import { fifo } from './fifo.ts';
import { lfu } from './lfu.ts';
import { lirs } from './lirs.ts';
import { lru } from './lru.ts';
import { random } from './random.ts';
import { redisLfu } from './redis-lfu.ts';
import { redisLru } from './redis-lru.ts';
import { redisRandom } from './redis-random.ts';
import { redisTtl } from './redis-ttl.ts';
import { s3fifo } from './s3fifo.ts';
import { sieve } from './sieve.ts';
import { slru } from './slru.ts';
import { twoQ } from './two-q.ts';
import { wTinyLfu } from './w-tinylfu.ts';
import type { PolicyFactory } from './types.ts';

export type { EvictionPolicy, PolicyContext, PolicyFactory } from './types.ts';

export const policyNames = [
  'lru',
  'fifo',
  'lfu',
  'random',
  'clock',
  'sieve',
  's3fifo',
  'arc',
  'two-q',
  'slru',
  'lirs',
  'w-tinylfu',
  'redis-lru',
  'redis-lfu',
  'redis-random',
  'redis-ttl',
  'belady',
] as const;

export type PolicyName = (typeof policyNames)[number];

export const policies: Record<PolicyName, PolicyFactory> = {
  lru,
  fifo,
  lfu,
  random,
  clock,
  sieve,
  s3fifo,
  arc,
  'two-q': twoQ,
  slru,
  lirs,
  'w-tinylfu': wTinyLfu,
  'redis-lru': redisLru,
  'redis-lfu': redisLfu,
  'redis-random': redisRandom,
  'redis-ttl': redisTtl,
  belady,
};

/** What a policy needs from its input beyond keys and sizes (Caffeine's "features"). */
export interface PolicyNeeds {
  /** Needs the whole future of the request stream (offline; trace replay only). */
  future?: boolean;
  /** Orders by a clock, so the input must carry timestamps. */
  time?: boolean;
  /** Orders by TTL, so the input must carry TTLs. */
  ttl?: boolean;
}

export const policyNeeds: Record<PolicyName, PolicyNeeds> = {
  lru: {},
  fifo: {},
  lfu: {},
  random: {},
  clock: {},
  sieve: {},
  s3fifo: {},
  arc: {},
  'two-q': {},
  slru: {},
  lirs: {},
  'w-tinylfu': {},
  'redis-lru': { time: true },
  'redis-lfu': { time: true },
  'redis-random': {},
  'redis-ttl': { ttl: true },
  belady: { future: true },
};

export function isPolicyName(name: string): name is PolicyName {
  return (policyNames as readonly string[]).includes(name);
}

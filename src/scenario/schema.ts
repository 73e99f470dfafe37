/**
 * The one scenario schema: the source of the TypeScript input types, of
 * validation, and of the published JSON Schema (`cachesim schema`).
 * Objects are strict, so a misspelt key is an error with a suggestion.
 */
import { z } from 'zod';
import { count, duration, percent, positiveInt, rate, size } from './fields.ts';
import { readStrategyNames, stampedeNames, writeStrategyNames } from '../strategies/names.ts';
import { faultSchema } from '../faults/schema.ts';

export const distKinds = ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto', 'empirical'] as const;

/** A distribution of durations or sizes; a bare value means a constant. */
function distribution(value: () => z.ZodType<number, unknown>) {
  return z.union([
    value(),
    z.discriminatedUnion('dist', [
      z.object({ dist: z.literal('constant'), value: value() }).strict(),
      z.object({ dist: z.literal('uniform'), min: value(), max: value() }).strict(),
      z.object({ dist: z.literal('exponential'), mean: value() }).strict(),
      z.object({ dist: z.literal('normal'), mean: value(), sd: value() }).strict(),
      z
        .object({
          dist: z.literal('lognormal'),
          median: value().optional(),
          p99: value().optional(),
          mu: z.number().optional().meta({ description: 'mean of ln(value in seconds, or bytes)' }),
          sigma: z.number().positive().optional(),
        })
        .strict(),
      z.object({ dist: z.literal('pareto'), scale: value(), shape: z.number().positive() }).strict(),
      z
        .object({
          dist: z.literal('empirical'),
          percentiles: z
            .record(z.string().regex(/^p(100|[0-9]{1,2}(\.[0-9]+)?)$/), value())
            .meta({ description: 'percentile → value, e.g. { p50: 40ms, p99: 250ms }' }),
        })
        .strict(),
    ]),
  ]);
}

export const durationDist = () => distribution(duration);
export const sizeDist = () => distribution(size);

const popularity = z.union([
  z.literal('uniform'),
  z.object({ zipf: z.number().min(0).meta({ description: 'Zipf exponent α: P(rank r) ∝ r^-α' }) }).strict(),
  z
    .object({
      hotSet: z
        .object({ keys: percent().meta({ description: 'fraction of keys that are hot' }), share: percent() })
        .strict(),
    })
    .strict(),
]);

const keyspace = z
  .object({
    name: z.string().min(1),
    keys: count().optional().meta({ description: 'number of keys (taken from the trace when `trace` is given)' }),
    rate: rate().optional().meta({ description: 'requests per second to this keyspace' }),
    share: z.number().positive().optional().meta({ description: 'weight of workload.rate given to this keyspace' }),
    arrival: z.enum(['poisson', 'constant']).default('poisson'),
    popularity: popularity.default('uniform'),
    writes: percent().default(0).meta({ description: 'fraction of requests that are writes' }),
    valueSize: sizeDist().default(1000),
    queryTime: durationDist().optional().meta({ description: 'database service time of a read of this keyspace (default hierarchy.database.service): an expensive computed result' }),
    ttl: duration().optional().meta({ description: 'TTL set on the shared cache (SETEX); absent = no expiry' }),
    // --- trace-driven workload ---
    trace: z
      .object({
        file: z.string().min(1).meta({ description: 'trace file, relative to this scenario file (gzip read transparently)' }),
        format: z.enum(['csv', 'libcachesim-csv', 'twitter']).default('csv'),
        params: z.string().optional().meta({ description: 'column parameters for libcachesim-csv' }),
        timeUnit: z.enum(['s', 'ms', 'us']).default('s').meta({ description: 'unit of the trace time column' }),
        speed: z.number().positive().default(1).meta({ description: 'replay speed: 2 plays the trace twice as fast' }),
        limit: count().optional().meta({ description: 'replay only the first N requests' }),
      })
      .strict()
      .optional()
      .meta({ description: 'replay this keyspace\'s requests from a recorded trace (keys, sizes, reads/writes, times) instead of generating them' }),
    // --- strategies: writers and dependents ---
    writers: z
      .object({ rate: rate(), popularity: popularity.default('uniform') })
      .strict()
      .optional()
      .meta({ description: 'background writers updating this keyspace at their own rate and popularity (on top of `writes`)' }),
    dependents: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'keyspaces derived from this one (aggregates): a write to key k also changes key k mod n of each' }),
    // --- hierarchy: HTTP caching and layer routing ---
    cacheControl: z.string().optional().meta({ description: 'Cache-Control the origin sends, e.g. "public, max-age=60, stale-while-revalidate=30"; absent = browser and CDN do not store' }),
    layers: z
      .array(z.enum(['browser', 'cdn', 'app', 'redis']))
      .optional()
      .meta({ description: 'layers that may cache this keyspace; absent = every layer in the hierarchy' }),
    appRefresh: duration().optional().meta({ description: 'every app server re-reads every key of this keyspace from Redis (or the database) this often and refills its in-process cache' }),
  })
  .strict();

// --- hierarchy: clients, regions, browser, CDN ---
const region = z
  .object({
    name: z.string().min(1),
    weight: z.number().positive().default(1).meta({ description: 'share of clients (and of requests) in this region' }),
    edgeLatency: durationDist().default(0).meta({ description: 'client ↔ CDN edge round trip' }),
    originLatency: durationDist().default(0).meta({ description: 'edge (or client, when the CDN is skipped) ↔ origin round trip' }),
  })
  .strict();

const clients = z
  .object({
    count: count().default(1000).meta({ description: 'distinct clients, each with its own browser cache for the whole run' }),
    regions: z.array(region).min(1).prefault([{ name: 'default' }]),
  })
  .strict();

const browser = z
  .object({
    entries: positiveInt().default(16).meta({ description: 'responses each client\'s browser cache holds (LRU)' }),
  })
  .strict();

const cdn = z
  .object({
    capacity: size().meta({ description: 'bytes per PoP (one PoP per region)' }),
    policy: z.string().default('lru'),
    coalesce: z.boolean().default(true).meta({ description: 'one origin fetch per object at a time; other misses wait for it' }),
    pricePerGB: z.number().min(0).optional().meta({ description: 'egress price per GB served from the edge' }),
  })
  .strict();

const app = z
  .object({
    servers: positiveInt().default(1),
    balance: z.enum(['round-robin', 'random', 'least-connections', 'consistent-hash']).default('round-robin'),
    capacity: count().meta({ description: 'entries per server (in-process caches count items)' }),
    ttl: duration().optional(),
    policy: z.string().default('lru'),
    latency: durationDist().default(0).meta({ description: 'client ↔ app server round trip' }),
  })
  .strict();

const redis = z
  .object({
    capacity: size(),
    keyOverhead: size().default(50).meta({ description: 'bytes Redis spends per key beyond the value' }),
    policy: z.string().default('lru'),
    latency: durationDist().prefault('1ms').meta({ description: 'app ↔ Redis round trip' }),
    connectTimeout: duration().prefault('100ms').meta({ description: 'a command to an unreachable Redis fails after this long' }),
    // --- hierarchy: Redis as Redis evicts and expires ---
    maxmemoryPolicy: z
      .enum(['noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'])
      .optional()
      .meta({ description: 'Redis eviction (sampled, with the 16-entry pool); overrides `policy`' }),
    samples: z.number().int().min(1).max(64).default(5).meta({ description: 'maxmemory-samples' }),
    lruClockResolution: duration().prefault('1s').meta({ description: 'resolution of the per-key LRU clock (Redis: 1 s)' }),
    lfuLogFactor: z.number().min(0).default(10),
    lfuDecayTime: duration().prefault('1m').meta({ description: 'lfu-decay-time (whole minutes)' }),
    activeExpiry: z.boolean().default(true).meta({ description: 'active expiry cycle: 20 keys with a TTL per round, repeated while more than 10% had expired' }),
    hz: positiveInt().default(10).meta({ description: 'active expiry cycles per second' }),
  })
  .strict();

const database = z
  .object({
    connections: positiveInt(),
    service: durationDist().meta({ description: 'query service time' }),
    writeService: durationDist().optional(),
    timeout: duration().optional().meta({ description: 'a query not answered by then fails' }),
    latency: durationDist().default(0).meta({ description: 'app ↔ database round trip' }),
  })
  .strict();

const strategy = z
  .object({
    read: z.enum(readStrategyNames).default('cache-aside'),
    write: z.enum(writeStrategyNames).default('write-around'),
    stampede: z.enum(stampedeNames).default('none'),
    mutex: z
      .object({ lockTtl: duration().prefault('5s'), retry: duration().prefault('50ms') })
      .strict()
      .prefault({}),
    // --- strategies: parameters ---
    ttlJitter: percent().default(0).meta({ description: 'TTL × uniform(1−j, 1+j) at every fill; composes with any stampede strategy' }),
    earlyExpiration: z
      .object({ beta: z.number().positive().default(1).meta({ description: 'XFetch β: > 1 recomputes earlier' }) })
      .strict()
      .prefault({}),
    staleWhileRevalidate: z
      .object({ window: duration().prefault('10s').meta({ description: 'how long after expiry a stale value may be served' }) })
      .strict()
      .prefault({}),
    refreshAhead: z
      .object({ fraction: percent().default(0.2).meta({ description: 'reload when a hit finds less than this fraction of the TTL left' }) })
      .strict()
      .prefault({}),
    writeBehind: z
      .object({ flushInterval: duration().prefault('1s'), batchSize: positiveInt().default(100) })
      .strict()
      .prefault({}),
  })
  .strict();

const variantList = z.array(
  z.object({ name: z.string().min(1), set: z.record(z.string(), z.unknown()) }).strict(),
);
const variantGrid = z.record(z.string(), z.array(z.unknown()).min(1));

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    seed: z.number().int().min(0).default(1),
    horizon: duration(),
    warmup: duration().default(0).meta({ description: 'requests issued before this are not counted' }),
    bucket: duration().prefault('1s').meta({ description: 'width of time-series buckets' }),
    workload: z.object({ rate: rate().optional() }).strict().prefault({}),
    keyspaces: z.array(keyspace).min(1),
    hierarchy: z
      .object({ browser: browser.optional(), cdn: cdn.optional(), app: app.optional(), redis: redis.optional(), database })
      .strict(),
    clients: clients.prefault({}),
    strategy: strategy.prefault({}),
    faults: z.array(faultSchema).default([]).meta({ description: 'timed events acting on tiers' }),
    variants: z.union([variantList, variantGrid]).optional(),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type DurationDistInput = z.output<ReturnType<typeof durationDist>>;

/**
 * The one scenario schema: the source of the TypeScript input types, of
 * validation, and of the published JSON Schema (`cachesim schema`).
 * Objects are strict, so a misspelt key is an error with a suggestion.
 */
import { z } from 'zod';
import { count, duration, percent, positiveInt, rate, size } from './fields.ts';
import { readStrategyNames, stampedeNames, writeStrategyNames } from '../strategies/names.ts';

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
    keys: count(),
    rate: rate().optional().meta({ description: 'requests per second to this keyspace' }),
    share: z.number().positive().optional().meta({ description: 'weight of workload.rate given to this keyspace' }),
    arrival: z.enum(['poisson', 'constant']).default('poisson'),
    popularity: popularity.default('uniform'),
    writes: percent().default(0).meta({ description: 'fraction of requests that are writes' }),
    valueSize: sizeDist().default(1000),
    ttl: duration().optional().meta({ description: 'TTL set on the shared cache (SETEX); absent = no expiry' }),
  })
  .strict();

const app = z
  .object({
    servers: positiveInt().default(1),
    balance: z.enum(['round-robin', 'random']).default('round-robin'),
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
      .object({ app: app.optional(), redis: redis.optional(), database })
      .strict(),
    strategy: strategy.prefault({}),
    variants: z.union([variantList, variantGrid]).optional(),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type DurationDistInput = z.output<ReturnType<typeof durationDist>>;

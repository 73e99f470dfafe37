/**
 * Phase 2, normalize: turn a validated scenario input into the frozen, fully
 * resolved `Scenario` the model is built from: distributions in their normalized
 * form, every keyspace with an absolute rate, defaults filled in, names checked
 * against the registries. Problems found here are reported like schema errors.
 */
import { dirname, resolve } from 'node:path';
import type { Dist } from '../engine/dist/index.ts';
import { Z99 } from '../engine/dist/index.ts';
import type { ParsedScenario } from './schema.ts';
import { InputError, type InputProblem } from './errors.ts';
import { messages, suggest } from './messages.ts';
import type { ReadStrategyName, StampedeName, WriteStrategyName } from '../strategies/names.ts';
import type { FaultSpec } from '../faults/schema.ts';
import { parseCacheControl, type CacheControl } from '../tiers/http/rules.ts';

export type Popularity =
  | { kind: 'uniform' }
  | { kind: 'zipf'; alpha: number }
  | { kind: 'hotSet'; hotFraction: number; hotShare: number };

/** A keyspace replayed from a trace. The requests themselves are loaded separately. */
export interface TraceSpec {
  /** Identifies the loaded trace (file and reading options), see `traceKey`. */
  key: string;
  /** Absolute path. */
  file: string;
  format: 'csv' | 'libcachesim-csv' | 'twitter';
  params: string | undefined;
  /** µs of simulated time per unit of the trace's time column (unit ÷ speed). */
  timeScale: number;
  limit: number | undefined;
  /** Distinct keys and requests of the trace as loaded. */
  keys: number;
  requests: number;
}

/** What the load phase learned of each trace, by `traceKey`. */
export type TraceFacts = ReadonlyMap<string, { keys: number; requests: number; hasTime: boolean }>;

export interface KeyspaceSpec {
  name: string;
  keys: number;
  rate: number;
  arrival: 'poisson' | 'constant';
  popularity: Popularity;
  writeFraction: number;
  valueSize: Dist;
  /** µs; undefined = no expiry. */
  ttl: number | undefined;
  /** Database read service time for this keyspace; undefined = the database's. */
  queryTime: Dist | undefined;
  /** Requests come from this trace instead of the generator; undefined = generated. */
  trace: TraceSpec | undefined;
  /** Background writers: their own rate and popularity; undefined = none. */
  writers: { rate: number; popularity: Popularity } | undefined;
  /** Indices of keyspaces derived from this one (key k changes key k mod n of each). */
  dependents: number[];
  // --- hierarchy ---
  /** Parsed Cache-Control the origin sends; undefined = browser and CDN do not store. */
  cacheControl: CacheControl | undefined;
  /** Bit (1 << layer index, src/metrics/layers.ts) set for each layer that may cache this keyspace. */
  layerMask: number;
  /** µs between in-process refreshes of this keyspace; undefined = none. */
  appRefresh: number | undefined;
}

// --- hierarchy ---
export interface RegionSpec {
  name: string;
  weight: number;
  edgeLatency: Dist;
  originLatency: Dist;
}
export interface ClientsSpec {
  count: number;
  regions: RegionSpec[];
}
export interface BrowserSpec {
  entries: number;
}
export interface CdnSpec {
  capacity: number;
  policy: string;
  coalesce: boolean;
  pricePerGB: number | undefined;
}
export type BalanceName = 'round-robin' | 'random' | 'least-connections' | 'consistent-hash';
export type MaxmemoryPolicyName = NonNullable<ParsedScenario['hierarchy']['redis']>['maxmemoryPolicy'];

export interface AppSpec {
  servers: number;
  balance: BalanceName;
  capacity: number;
  ttl: number | undefined;
  policy: string;
  latency: Dist;
}

export interface RedisSpec {
  capacity: number;
  keyOverhead: number;
  policy: string;
  latency: Dist;
  connectTimeout: number;
  // --- hierarchy ---
  /** Redis's sampled eviction; absent = the exact `policy`. */
  maxmemoryPolicy?: Exclude<MaxmemoryPolicyName, undefined>;
  samples: number;
  /** µs. */
  lruClockResolution: number;
  lfuLogFactor: number;
  /** µs (Redis counts it in whole minutes). */
  lfuDecayTime: number;
  activeExpiry: boolean;
  hz: number;
}

export interface DatabaseSpec {
  connections: number;
  service: Dist;
  writeService: Dist;
  timeout: number | undefined;
  latency: Dist;
}

export interface Scenario {
  name: string;
  description: string;
  seed: number;
  horizon: number;
  warmup: number;
  bucket: number;
  keyspaces: KeyspaceSpec[];
  // --- hierarchy ---
  clients: ClientsSpec;
  browser: BrowserSpec | undefined;
  cdn: CdnSpec | undefined;
  app: AppSpec | undefined;
  redis: RedisSpec | undefined;
  database: DatabaseSpec;
  strategy: {
    read: ReadStrategyName;
    write: WriteStrategyName;
    stampede: StampedeName;
    mutex: { lockTtl: number; retry: number };
    ttlJitter: number;
    earlyExpiration: { beta: number };
    staleWhileRevalidate: { window: number };
    refreshAhead: { fraction: number };
    writeBehind: { flushInterval: number; batchSize: number };
  };
  /** Timed events, in the order given (times in µs). */
  faults: FaultSpec[];
}

type DistInput = ParsedScenario['hierarchy']['database']['service'];

export function normalize(
  parsed: ParsedScenario,
  ctx: {
    file: string;
    name: string;
    variant?: string;
    policyNames: readonly string[];
    offlinePolicyNames?: readonly string[];
    /** Facts about the traces keyspaces replay (from `loadScenarioTraces`); required when a keyspace has `trace`. */
    traces?: TraceFacts;
  },
): Scenario {
  const problems: InputProblem[] = [];
  const where = (place: string, message: string) =>
    problems.push({ file: ctx.file, place, message: ctx.variant ? `${message} (in variant "${ctx.variant}")` : message });

  const dist = (d: DistInput, place: string, unitScale: number): Dist => toDist(d, place, unitScale, where);
  const totalRate = parsed.workload.rate;
  const shareSum = parsed.keyspaces.reduce((s, k) => s + (k.rate === undefined ? (k.share ?? 0) : 0), 0);

  const keyspaces = parsed.keyspaces.map((k, i): KeyspaceSpec => {
    let rate = k.rate;
    const trace = k.trace && traceSpec(k.trace, ctx.file, ctx.traces, `keyspaces[${i}].trace`, where);
    const keys = trace ? trace.keys : k.keys;
    if (keys === undefined) where(`keyspaces[${i}].keys`, messages.required('a count like 1000 or 100k'));
    if (k.rate !== undefined && k.share !== undefined)
      where(`keyspaces[${i}].share`, 'give a keyspace a rate or a share of workload.rate, not both');
    if (trace && rate === undefined && !ctx.traces?.get(trace.key)?.hasTime)
      where(`keyspaces[${i}].rate`, 'the trace has no timestamps: give the keyspace a rate to replay it at');
    if (trace) rate ??= 0; // timestamps pace the trace; a rate, if given, paces it instead
    else if (rate === undefined) {
      if (totalRate === undefined || k.share === undefined) where(`keyspaces[${i}].rate`, messages.ratesMissing());
      else rate = (totalRate * k.share) / shareSum;
    }
    const names = parsed.keyspaces.map((x) => x.name);
    if (names.indexOf(k.name) !== i) where(`keyspaces[${i}].name`, `keyspace name "${k.name}" is used twice`);
    if (keys !== undefined && keys < 1) where(`keyspaces[${i}].keys`, 'expected at least 1 key');
    return {
      name: k.name,
      keys: keys ?? 0,
      rate: rate ?? 0,
      arrival: k.arrival,
      popularity: popularityOf(k.popularity),
      writeFraction: k.writes,
      valueSize: dist(k.valueSize, `keyspaces[${i}].valueSize`, 1),
      ttl: k.ttl,
      queryTime: k.queryTime === undefined ? undefined : dist(k.queryTime, `keyspaces[${i}].queryTime`, 1e6),
      trace,
      writers: k.writers && { rate: k.writers.rate, popularity: popularityOf(k.writers.popularity) },
      dependents: (k.dependents ?? []).map((d, j) => {
        const index = names.indexOf(d);
        if (index < 0 || index === i) where(`keyspaces[${i}].dependents[${j}]`, messages.unknownName('keyspace', d, names, suggest(d, names)));
        return index;
      }),
      ...hierarchyKeyspace(k, `keyspaces[${i}]`, where),
    };
  });

  const checkPolicy = (name: string, place: string) => {
    if (ctx.offlinePolicyNames?.includes(name)) where(place, messages.offlinePolicy(name));
    else if (!ctx.policyNames.includes(name)) where(place, messages.unknownName('policy', name, ctx.policyNames, suggest(name, ctx.policyNames)));
  };
  const h = parsed.hierarchy;
  if (h.app) checkPolicy(h.app.policy, 'hierarchy.app.policy');
  if (h.redis) checkPolicy(h.redis.policy, 'hierarchy.redis.policy');
  if (parsed.warmup >= parsed.horizon) where('warmup', messages.warmupTooLong());
  const keyspaceNames = parsed.keyspaces.map((x) => x.name);
  parsed.faults.forEach((f, i) => {
    if (f.at >= parsed.horizon) where(`faults[${i}].at`, 'expected a time before the horizon');
    if (f.kind === 'cdn.purge' && parsed.hierarchy.cdn === undefined)
      where(`faults[${i}].kind`, 'a cdn.purge needs a CDN: add hierarchy.cdn, or remove the fault');
    if ((f.kind === 'namespace.bump' || f.kind === 'cdn.purge') && f.keyspace !== undefined && !keyspaceNames.includes(f.keyspace))
      where(`faults[${i}].keyspace`, messages.unknownName('keyspace', f.keyspace, keyspaceNames, suggest(f.keyspace, keyspaceNames)));
  });

  const scenario: Scenario = {
    name: ctx.name,
    description: parsed.description ?? '',
    seed: parsed.seed,
    horizon: parsed.horizon,
    warmup: parsed.warmup,
    bucket: parsed.bucket,
    keyspaces,
    app: h.app && { ...h.app, ttl: h.app.ttl, latency: dist(h.app.latency, 'hierarchy.app.latency', 1e6) },
    redis: h.redis && { ...h.redis, latency: dist(h.redis.latency, 'hierarchy.redis.latency', 1e6) },
    database: {
      connections: h.database.connections,
      service: dist(h.database.service, 'hierarchy.database.service', 1e6),
      writeService: dist(h.database.writeService ?? h.database.service, 'hierarchy.database.writeService', 1e6),
      timeout: h.database.timeout,
      latency: dist(h.database.latency, 'hierarchy.database.latency', 1e6),
    },
    strategy: parsed.strategy as Scenario['strategy'],
    faults: parsed.faults,
    ...hierarchyParts(parsed, dist, checkPolicy),
  };
  if (problems.length > 0) throw new InputError(problems);
  return deepFreeze(scenario);
}

// --- hierarchy ---
const LAYER_BITS: Record<string, number> = { browser: 1, cdn: 2, app: 4, redis: 8 };

function hierarchyKeyspace(
  k: ParsedScenario['keyspaces'][number],
  place: string,
  where: (p: string, m: string) => void,
): Pick<KeyspaceSpec, 'cacheControl' | 'layerMask' | 'appRefresh'> {
  let cacheControl: CacheControl | undefined;
  if (k.cacheControl !== undefined) {
    try {
      cacheControl = parseCacheControl(k.cacheControl);
    } catch (e) {
      where(`${place}.cacheControl`, (e as Error).message);
    }
  }
  const layerMask = k.layers ? k.layers.reduce((m, l) => m | LAYER_BITS[l], 0) : 0xf;
  return { cacheControl, layerMask, appRefresh: k.appRefresh };
}

function hierarchyParts(
  parsed: ParsedScenario,
  dist: (d: DistInput, place: string, unitScale: number) => Dist,
  checkPolicy: (name: string, place: string) => void,
): Pick<Scenario, 'clients' | 'browser' | 'cdn'> {
  const h = parsed.hierarchy;
  if (h.cdn) checkPolicy(h.cdn.policy, 'hierarchy.cdn.policy');
  return {
    clients: {
      count: parsed.clients.count,
      regions: parsed.clients.regions.map((r, i) => ({
        name: r.name,
        weight: r.weight,
        edgeLatency: dist(r.edgeLatency, `clients.regions[${i}].edgeLatency`, 1e6),
        originLatency: dist(r.originLatency, `clients.regions[${i}].originLatency`, 1e6),
      })),
    },
    browser: h.browser && { entries: h.browser.entries },
    cdn: h.cdn && { capacity: h.cdn.capacity, policy: h.cdn.policy, coalesce: h.cdn.coalesce, pricePerGB: h.cdn.pricePerGB },
  };
}

function popularityOf(p: ParsedScenario['keyspaces'][number]['popularity']): Popularity {
  if (p === 'uniform') return { kind: 'uniform' };
  if ('zipf' in p) return { kind: 'zipf', alpha: p.zipf };
  return { kind: 'hotSet', hotFraction: p.hotSet.keys, hotShare: p.hotSet.share };
}

/** `unitScale`: base units per "natural" unit of a lognormal's mu (1e6 µs per second; 1 byte). */
function toDist(d: DistInput, place: string, unitScale: number, where: (p: string, m: string) => void): Dist {
  if (typeof d === 'number') return { kind: 'constant', value: d };
  switch (d.dist) {
    case 'constant':
      return { kind: 'constant', value: d.value };
    case 'uniform':
      if (d.max < d.min) where(`${place}.max`, 'expected max ≥ min');
      return { kind: 'uniform', min: d.min, max: d.max };
    case 'exponential':
      return { kind: 'exponential', mean: d.mean };
    case 'normal':
      return { kind: 'normal', mean: d.mean, sd: d.sd };
    case 'pareto':
      return { kind: 'pareto', scale: d.scale, shape: d.shape };
    case 'lognormal': {
      if (d.median !== undefined && d.p99 !== undefined) {
        if (d.p99 <= d.median) where(`${place}.p99`, 'expected p99 greater than median');
        const mu = Math.log(d.median / unitScale);
        return { kind: 'lognormal', mu, sigma: Math.max(1e-9, (Math.log(d.p99 / unitScale) - mu) / Z99), unit: unitScale };
      }
      if (d.median !== undefined && d.sigma !== undefined)
        return { kind: 'lognormal', mu: Math.log(d.median / unitScale), sigma: d.sigma, unit: unitScale };
      if (d.mu !== undefined && d.sigma !== undefined) return { kind: 'lognormal', mu: d.mu, sigma: d.sigma, unit: unitScale };
      where(place, 'a lognormal needs median and p99, median and sigma, or mu and sigma');
      return { kind: 'constant', value: 0 };
    }
    case 'empirical': {
      // Sorted, so the same distribution written in another order normalizes (and hashes) the same.
      const points = Object.entries(d.percentiles)
        .map(([k, v]) => [Number(k.slice(1)) / 100, v] as const)
        .sort((a, b) => a[0] - b[0]);
      if (points.length === 0) where(`${place}.percentiles`, 'expected at least one percentile, like p50: 40ms');
      for (let i = 1; i < points.length; i++)
        if (points[i][1] < points[i - 1][1]) where(`${place}.percentiles`, 'expected values that do not decrease with the percentile');
      return { kind: 'empirical', points };
    }
  }
}

export type TraceInput = NonNullable<ParsedScenario['keyspaces'][number]['trace']>;
const TIME_UNITS = { s: 1e6, ms: 1e3, us: 1 } as const;

/** Where a scenario's trace file is: relative to the scenario file. */
export function traceFilePath(scenarioFile: string, traceFile: string): string {
  return resolve(dirname(scenarioFile), traceFile);
}

/** How a trace is read: the file and the options that change what is read. */
export function traceReading(t: TraceInput, scenarioFile: string) {
  const file = traceFilePath(scenarioFile, t.file);
  const timeScale = TIME_UNITS[t.timeUnit] / t.speed;
  return { key: JSON.stringify([file, t.format, t.params ?? '', timeScale, t.limit ?? 0]), file, format: t.format, params: t.params, timeScale, limit: t.limit };
}

function traceSpec(t: TraceInput, scenarioFile: string, facts: TraceFacts | undefined, place: string, where: (p: string, m: string) => void): TraceSpec | undefined {
  const reading = traceReading(t, scenarioFile);
  const known = facts?.get(reading.key);
  if (!known) {
    where(`${place}.file`, `the trace ${JSON.stringify(t.file)} was not loaded (load scenarios with traces through loadScenarioTraces)`);
    return undefined;
  }
  return { ...reading, keys: known.keys, requests: known.requests };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

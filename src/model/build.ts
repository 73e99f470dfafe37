/**
 * Phase 3, build: wire one `Scenario` into a runnable model — random streams,
 * keyspace sources, tiers, strategies and metrics — on one `Simulation`.
 * Components are created from registries by name; every random stream is named
 * after its component so variants share the workload's numbers.
 */
import { Simulation } from '../engine/simulation.ts';
import { RandomStreams } from '../engine/rng.ts';
import { sampler } from '../engine/dist/index.ts';
import { Collector, type LayerStats } from '../metrics/collector.ts';
import { Store } from '../tiers/store.ts';
import { AppCaches } from '../tiers/app-caches.ts';
import { RedisTier } from '../tiers/redis.ts';
import { DatabaseTier } from '../tiers/database.ts';
import { KeyspaceSource, type RequestSource } from '../workload/keyspace-source.ts';
import { TraceSource } from '../workload/trace-source.ts';
import type { TraceWorkload, TraceWorkloads } from '../workload/trace-workload.ts';
import { policies, type PolicyName } from '../policies/index.ts';
import { RequestPath, type KeyspaceRuntime } from './request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';
// --- strategies: strategies, faults, staleness windows, writers ---
import { installStrategies } from '../strategies/install.ts';
import type { StrategyReport } from '../strategies/types.ts';
import { FaultState, LINK_CLIENT, LINK_DATABASE, LINK_REDIS } from '../faults/state.ts';
import { scheduleFaults } from '../faults/index.ts';
import type { FaultContext } from '../faults/context.ts';
import { StalenessWindows } from '../metrics/staleness-windows.ts';
import type { TimelineEvent } from '../metrics/result.ts';
import { startWriters } from './writers.ts';
// --- hierarchy: hierarchy (balancer, Redis eviction/expiry, HTTP front) ---
import { LoadBalancer } from '../tiers/load-balancer.ts';
import { redisPolicyFactory, startActiveExpiry } from '../tiers/redis-build.ts';
import type { ActiveExpiry } from '../tiers/redis-expiry.ts';
import { buildFront, type FrontBuild } from '../tiers/http/build-front.ts';
import type { PolicyFactory } from '../policies/types.ts';
import { startAppRefresh, type AppRefresh } from '../tiers/app-refresh.ts';

export interface Model {
  scenario: Scenario;
  sim: Simulation;
  metrics: Collector;
  path: RequestPath;
  sources: RequestSource[];
  stores: Array<{ label: string; store: Store }>;
  // --- strategies ---
  strategyReport: () => StrategyReport;
  windows: StalenessWindows;
  faults: FaultContext;
  faultEvents: TimelineEvent[];
  // --- hierarchy ---
  balancer: LoadBalancer;
  front: FrontBuild | undefined;
  activeExpiry: ActiveExpiry | undefined;
  appRefresh: AppRefresh | undefined;
}

export function buildModel(scenario: Scenario, seed = scenario.seed, traces: TraceWorkloads = new Map()): Model {
  const sim = new Simulation(4096);
  const rng = new RandomStreams(seed);
  let maxKeys = 0;
  const sources = scenario.keyspaces.map((ks): RequestSource => {
    const src = ks.trace ? new TraceSource(ks, maxKeys, traceOf(traces, ks.trace.key), rng) : new KeyspaceSource(ks, maxKeys, rng);
    maxKeys += ks.keys;
    return src;
  });
  const keyspaces: KeyspaceRuntime[] = sources.map((s) => ({
    keyOffset: s.keyOffset,
    ttl: s.spec.ttl,
    sizes: s.valueSizes(rng),
    dependents: s.spec.dependents.length > 0 ? s.spec.dependents.map((d) => ({ keyOffset: sources[d].keyOffset, keys: sources[d].spec.keys })) : undefined,
    layerMask: s.spec.layerMask,
  }));
  const metrics = new Collector({ bucketUs: scenario.bucket, horizonUs: scenario.horizon, warmupUs: scenario.warmup, maxKeys });
  metrics.stampede.setKeyspaces(sources.map((s) => s.keyOffset), sources.map((s) => s.spec.name));
  const stores: Model['stores'] = [];
  const now = () => sim.now;
  const faults = new FaultState();
  let windows: StalenessWindows | undefined;

  const makeStore = (label: string, capacity: number, policy: string, stats: LayerStats, make?: PolicyFactory, trackVolatile = false): Store => {
    const p = (make ?? policies[policy as PolicyName])({ capacity, maxKeys, random: rng.stream(`${label}.policy`), now });
    // A layer's bytes are the sum over its instances (app servers, PoPs): each store reports its change.
    let held = 0;
    const store = new Store(capacity, maxKeys, p, {
      onEvict: (key) => {
        if (sim.now >= scenario.warmup) stats.evictions++;
        windows?.removed(key, sim.now);
      },
      onExpire: () => {
        if (sim.now >= scenario.warmup) stats.expirations++;
      },
      onBytes: (bytes) => {
        metrics.bytes(stats, sim.now, stats.bytes + bytes - held);
        held = bytes;
      },
    }, trackVolatile);
    stores.push({ label, store });
    return store;
  };

  let app: AppCaches | undefined;
  if (scenario.app) {
    const a = scenario.app;
    const stats = metrics.addLayer('app', a.capacity * a.servers);
    app = new AppCaches(
      Array.from({ length: a.servers }, (_, s) => makeStore(`app.${s}`, a.capacity, a.policy, stats)),
      a.ttl,
    );
  }
  let redis: RedisTier | undefined;
  if (scenario.redis) {
    const r = scenario.redis;
    const stats = metrics.addLayer('redis', r.capacity);
    const redisStore = makeStore('redis', r.capacity, r.policy, stats, redisPolicyFactory(r), r.maxmemoryPolicy !== undefined && r.activeExpiry);
    redis = new RedisTier(redisStore, r.keyOverhead, faults.link(sampler(r.latency, rng.stream('redis.latency')), LINK_REDIS), maxKeys);
  }
  const d = scenario.database;
  const db = new DatabaseTier(
    d.connections,
    maxKeys,
    faults.dbService(sampler(d.service, rng.stream('database.service'))),
    faults.dbService(sampler(d.writeService, rng.stream('database.writeService'))),
    faults.link(sampler(d.latency, rng.stream('database.latency')), LINK_DATABASE),
    d.timeout,
    // A keyspace with its own query time draws it from its own stream, leaving `database.service` as it was.
    scenario.keyspaces.map((ks) => ks.queryTime && faults.dbService(sampler(ks.queryTime, rng.stream(`database.service.${ks.name}`)))),
  );

  const servers = scenario.app?.servers ?? 1;
  // The `lb` stream and round-robin order are as before the balancer module existed.
  const balancer = new LoadBalancer(scenario.app?.balance ?? 'round-robin', servers, rng.stream('lb'));
  const pickServer = (key: number): number => balancer.pick(key);

  const path = new RequestPath({
    sim,
    metrics,
    keyspaces,
    app,
    redis,
    db,
    clientRtt: faults.link(sampler(scenario.app?.latency ?? { kind: 'constant', value: 0 }, rng.stream('client.latency')), LINK_CLIENT),
    pickServer,
    lockTtl: scenario.strategy.mutex.lockTtl,
    lockRetry: scenario.strategy.mutex.retry,
    faults,
    redisConnectTimeout: scenario.redis?.connectTimeout,
  });
  // --- hierarchy: the HTTP front enters at `issue`; least-connections hears when a server is done ---
  if (balancer.kind === 'least-connections') path.serverDone = (server) => balancer.done(server);
  const front = buildFront(scenario, rng, metrics, {
    sim,
    metrics,
    pool: path.pool,
    toOrigin: (i) => path.toOrigin(i),
    deliver: (i, layer) => {
      path.pool.all[i].front = 0;
      path.answer(i, layer);
    },
    deliverFail: (i) => {
      path.pool.all[i].front = 0;
      path.fail(i);
    },
  }, keyspaces.map((k) => k.keyOffset), keyspaces.map((k) => k.sizes), maxKeys, makeStore);
  path.front = front?.front;
  const activeExpiry = scenario.redis && redis ? startActiveExpiry(scenario.redis, sim, redis.store, rng, scenario.horizon) : undefined;
  windows = path.windows = new StalenessWindows(stores.map((s) => s.store), db.version, maxKeys, scenario.warmup);
  const strategyReport = installStrategies(path, scenario, { rng });
  const scheduled = scheduleFaults(sim, path, faults, scenario);
  const appRefresh = startAppRefresh(scenario, path, rng); // keyspaces[].appRefresh (src/tiers/app-refresh.ts)

  sources.forEach((src, k) => startArrivals(sim, path, src, k, scenario.horizon));
  sources.forEach((src, k) => startWriters(sim, path, rng, src.spec, k, src.keyOffset, scenario.horizon));
  return { scenario, sim, metrics, path, sources, stores, strategyReport, windows, faults: scheduled.context, faultEvents: scheduled.events, balancer, front, activeExpiry, appRefresh };
}

function traceOf(traces: TraceWorkloads, key: string): TraceWorkload {
  const t = traces.get(key);
  if (!t) throw new Error(`trace ${key} was not loaded before the run`);
  return t;
}

/** Each keyspace schedules its own next arrival, one event per request. */
function startArrivals(sim: Simulation, path: RequestPath, src: RequestSource, index: number, horizon: number): void {
  const offset = src.keyOffset;
  const arrive = (): void => {
    path.issue(index, offset + src.nextKey(), src.nextOp());
    const gap = src.nextGap();
    if (sim.now + gap < horizon) sim.schedule(gap, arrive);
  };
  const first = src.nextGap();
  if (first < horizon) sim.schedule(first, arrive);
}

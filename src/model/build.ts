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
import { KeyspaceSource } from '../workload/keyspace-source.ts';
import { policies, type PolicyName } from '../policies/index.ts';
import { readStrategies, stampedeStrategies, writeStrategies } from '../strategies/index.ts';
import { RequestPath, type KeyspaceRuntime } from './request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';

export interface Model {
  scenario: Scenario;
  sim: Simulation;
  metrics: Collector;
  path: RequestPath;
  sources: KeyspaceSource[];
  stores: Array<{ label: string; store: Store }>;
}

export function buildModel(scenario: Scenario, seed = scenario.seed): Model {
  const sim = new Simulation(4096);
  const rng = new RandomStreams(seed);
  let maxKeys = 0;
  const sources = scenario.keyspaces.map((ks) => {
    const src = new KeyspaceSource(ks, maxKeys, rng);
    maxKeys += ks.keys;
    return src;
  });
  const keyspaces: KeyspaceRuntime[] = sources.map((s) => ({ keyOffset: s.keyOffset, ttl: s.spec.ttl, sizes: s.valueSizes(rng) }));
  const metrics = new Collector({ bucketUs: scenario.bucket, horizonUs: scenario.horizon, warmupUs: scenario.warmup, maxKeys });
  const stores: Model['stores'] = [];
  const now = () => sim.now;

  const makeStore = (label: string, capacity: number, policy: string, stats: LayerStats): Store => {
    const p = policies[policy as PolicyName]({ capacity, maxKeys, random: rng.stream(`${label}.policy`), now });
    const store = new Store(capacity, maxKeys, p, {
      onEvict: () => {
        if (sim.now >= scenario.warmup) stats.evictions++;
      },
      onExpire: () => {
        if (sim.now >= scenario.warmup) stats.expirations++;
      },
      onBytes: (bytes) => metrics.bytes(stats, sim.now, bytes),
    });
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
    redis = new RedisTier(makeStore('redis', r.capacity, r.policy, stats), r.keyOverhead, sampler(r.latency, rng.stream('redis.latency')), maxKeys);
  }
  const d = scenario.database;
  const db = new DatabaseTier(
    d.connections,
    maxKeys,
    sampler(d.service, rng.stream('database.service')),
    sampler(d.writeService, rng.stream('database.writeService')),
    sampler(d.latency, rng.stream('database.latency')),
    d.timeout,
  );

  const servers = scenario.app?.servers ?? 1;
  const lb = rng.stream('lb');
  let nextServer = 0;
  const pickServer =
    servers === 1
      ? () => 0
      : scenario.app?.balance === 'random'
        ? () => Math.floor(lb() * servers)
        : () => {
            const s = nextServer;
            nextServer = s + 1 === servers ? 0 : s + 1;
            return s;
          };

  const path = new RequestPath({
    sim,
    metrics,
    keyspaces,
    app,
    redis,
    db,
    clientRtt: sampler(scenario.app?.latency ?? { kind: 'constant', value: 0 }, rng.stream('client.latency')),
    pickServer,
    lockTtl: scenario.strategy.mutex.lockTtl,
    lockRetry: scenario.strategy.mutex.retry,
  });
  path.read = readStrategies[scenario.strategy.read](path, scenario);
  path.stampede = stampedeStrategies[scenario.strategy.stampede](path, scenario);
  path.write = writeStrategies[scenario.strategy.write](path, scenario);

  sources.forEach((src, k) => startArrivals(sim, path, src, k, scenario.horizon));
  return { scenario, sim, metrics, path, sources, stores };
}

/** Each keyspace schedules its own next arrival, one event per request. */
function startArrivals(sim: Simulation, path: RequestPath, src: KeyspaceSource, index: number, horizon: number): void {
  const offset = src.keyOffset;
  const arrive = (): void => {
    path.issue(index, offset + src.nextKey(), src.nextOp());
    const gap = src.nextGap();
    if (sim.now + gap < horizon) sim.schedule(gap, arrive);
  };
  const first = src.nextGap();
  if (first < horizon) sim.schedule(first, arrive);
}

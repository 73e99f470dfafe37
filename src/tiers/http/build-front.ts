/**
 * Assembles the HTTP front (clients, browser caches, CDN PoPs) for a scenario, or
 * nothing when the scenario has neither a browser nor a CDN. Streams are new names
 * (`clients`, `region.<name>.edge`, `region.<name>.origin`, `cdn.<pop>.policy`,
 * `front.appLatency`), so scenarios without a front draw exactly the numbers they drew before.
 */
import type { RandomStreams } from '../../engine/rng.ts';
import { sampler } from '../../engine/dist/index.ts';
import type { Collector, LayerStats } from '../../metrics/collector.ts';
import type { Scenario } from '../../scenario/normalize.ts';
import { ClientPopulation } from '../../workload/clients.ts';
import type { Store } from '../store.ts';
import { BrowserCaches } from './browser-caches.ts';
import { CdnEdges } from './cdn.ts';
import { HttpFront, type FrontPath } from './front.ts';

export interface FrontBuild {
  front: HttpFront;
  browser: BrowserCaches | undefined;
  cdn: CdnEdges | undefined;
  clients: ClientPopulation;
}

export function buildFront(
  scenario: Scenario,
  rng: RandomStreams,
  metrics: Collector,
  path: FrontPath,
  keyOffsets: readonly number[],
  sizes: readonly Int32Array[],
  maxKeys: number,
  makeStore: (label: string, capacity: number, policy: string, stats: LayerStats) => Store,
): FrontBuild | undefined {
  if (!scenario.browser && !scenario.cdn) return undefined;
  const regions = scenario.clients.regions;
  const clients = new ClientPopulation(scenario.clients, rng.stream('clients'));
  let browser: BrowserCaches | undefined;
  if (scenario.browser) {
    const stats = metrics.addLayer('browser', 0);
    browser = new BrowserCaches(
      clients.count,
      scenario.browser.entries,
      (bytes) => metrics.bytes(stats, path.sim.now, bytes),
      () => {
        if (path.sim.now >= scenario.warmup) stats.evictions++;
      },
    );
  }
  let cdn: CdnEdges | undefined;
  if (scenario.cdn) {
    const c = scenario.cdn;
    const stats = metrics.addLayer('cdn', c.capacity * regions.length);
    const stores = regions.map((r) => makeStore(`cdn.${r.name}`, c.capacity, c.policy, stats));
    cdn = new CdnEdges(stores, maxKeys, c.coalesce, c.pricePerGB);
  }
  const front = new HttpFront({
    path,
    keyspaces: scenario.keyspaces,
    keyOffsets,
    sizes,
    clients,
    browser,
    cdn,
    edgeRtt: regions.map((r) => sampler(r.edgeLatency, rng.stream(`region.${r.name}.edge`))),
    originRtt: regions.map((r) => sampler(r.originLatency, rng.stream(`region.${r.name}.origin`))),
    appRtt: sampler(scenario.app?.latency ?? { kind: 'constant', value: 0 }, rng.stream('front.appLatency')),
  });
  return { front, browser, cdn, clients };
}

/**
 * Load balancing. Consistent hashing sends each key to one server, so N in-process
 * caches of C/N behave like one cache of C on the same stream (the partitions are
 * unequal, ±~10% with 160 virtual nodes, so "equal" is within 1 pp here against a
 * 15 pp gap to round-robin). Round-robin spreads each key's requests evenly: for a
 * key with n requests each server's share is binomial(n, 1/N); checked at 4σ.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/rng.ts';
import { Store, HIT } from '../../src/tiers/store.ts';
import { policies } from '../../src/policies/index.ts';
import { LoadBalancer } from '../../src/tiers/load-balancer.ts';
import { zipfSampler } from '../../src/workload/popularity.ts';
import type { BalanceName } from '../../src/scenario/normalize.ts';

const N_KEYS = 20_000;
const SERVERS = 8;
const TOTAL = 2000;
const none = () => {};

function run(balance: BalanceName | 'single', requests = 600_000, warmup = 200_000) {
  const rng = new RandomStreams(21);
  const servers = balance === 'single' ? 1 : SERVERS;
  const capacity = TOTAL / servers;
  const stores = Array.from({ length: servers }, (_, s) =>
    new Store(capacity, N_KEYS, policies.lru({ capacity, maxKeys: N_KEYS, random: rng.stream(`p${s}`), now: () => 0 }), { onEvict: none, onExpire: none, onBytes: none }),
  );
  const lb = new LoadBalancer(balance === 'single' ? 'round-robin' : balance, servers, rng.stream('lb'));
  const next = zipfSampler(0.9, N_KEYS, rng.stream('keys'));
  const owner = new Int32Array(N_KEYS).fill(-1);
  let hits = 0;
  let sameOwner = true;
  const hotPerServer = new Float64Array(servers);
  for (let n = 0; n < requests; n++) {
    const key = next();
    const s = lb.pick(key);
    lb.done(s);
    if (owner[key] < 0) owner[key] = s;
    else if (owner[key] !== s) sameOwner = false;
    if (key === 0 && n >= warmup) hotPerServer[s]++;
    if (stores[s].lookup(key, 0) === HIT) {
      if (n >= warmup) hits++;
    } else stores[s].set(key, 0, 1, undefined, 0);
  }
  return { hitRatio: hits / (requests - warmup), sameOwner, hotPerServer };
}

describe('load balancing', () => {
  it('consistentHash_eachKeyOnOneServer_hitRatioEqualsOneCacheOfTotalCapacity', () => {
    const single = run('single');
    const hashed = run('consistent-hash');
    const rr = run('round-robin');
    expect(hashed.sameOwner).toBe(true);
    expect(Math.abs(hashed.hitRatio - single.hitRatio)).toBeLessThan(0.01);
    expect(single.hitRatio - rr.hitRatio).toBeGreaterThan(0.1); // ten copies of the hot set
  });

  it('roundRobin_eachOfNServersSeesOneNthOfAKeysRequests', () => {
    const { hotPerServer, sameOwner } = run('round-robin');
    expect(sameOwner).toBe(false);
    const n = hotPerServer.reduce((a, b) => a + b, 0);
    const sd = Math.sqrt((n * (1 / SERVERS) * (1 - 1 / SERVERS)));
    for (const c of hotPerServer) expect(Math.abs(c - n / SERVERS)).toBeLessThan(4 * sd);
  });

  it('roundRobin_requestCountsPerServerDifferByAtMostOne', () => {
    const lb = new LoadBalancer('round-robin', 3, () => 0);
    const counts = [0, 0, 0];
    for (let n = 0; n < 100; n++) counts[lb.pick(n)]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('leastConnections_picksTheServerWithFewestInFlight', () => {
    const lb = new LoadBalancer('least-connections', 3, () => 0);
    const a = lb.pick(1);
    const b = lb.pick(2);
    const c = lb.pick(3);
    expect(new Set([a, b, c]).size).toBe(3);
    lb.done(b);
    expect(lb.pick(4)).toBe(b);
  });
});

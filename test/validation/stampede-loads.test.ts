/**
 * Database loads per expiry of one hot key. Without protection, the first read
 * after expiry starts a load of duration d, and every read arriving during it
 * misses too: 1 + λd loads on average (Poisson arrivals). With the mutex lock,
 * exactly one load per expiry.
 *
 * Tolerance: the extra loads per episode are Poisson(λd), so the mean over n
 * episodes has standard error sqrt(λd / n); we accept 3.29 SE (99.9%).
 */
import { describe, expect, it } from 'vitest';
import { runYaml, Z999 } from '../helpers/run.ts';

const scenario = (rate: number, ttl: number, fill: number, horizon: number) => `
horizon: ${horizon}s
keyspaces:
  - { name: hot, keys: 1, rate: ${rate}/s, ttl: ${ttl}s }
hierarchy:
  redis: { capacity: 1MB, latency: 0ms }
  database: { connections: 10000, service: ${fill}ms }
variants:
  strategy.stampede: [none, mutex]
`;

describe('database loads per hot-key expiry', () => {
  it.each([
    { rate: 100, ttl: 10, fillMs: 200, horizon: 20_000, expected: 21.0 },
    { rate: 1000, ttl: 60, fillMs: 50, horizon: 6_000, expected: 51.0 },
  ])('none_sends1PlusLambdaDLoads_mutexSendsOne (λ=$rate/s, d=$fillMs ms)', ({ rate, ttl, fillMs, horizon, expected }) => {
    const lambdaD = (rate * fillMs) / 1000;
    expect(1 + lambdaD).toBeCloseTo(expected, 6);
    const results = runYaml(scenario(rate, ttl, fillMs, horizon));
    const none = results.none.summary.stampede;
    const episodes = none.expiries;
    expect(episodes).toBeGreaterThan((horizon / (ttl + fillMs / 1000)) * 0.95);
    const se = Math.sqrt(lambdaD / episodes);
    expect(Math.abs(none.dbLoadsPerExpiry.mean - expected)).toBeLessThan(Z999 * se);

    const mutex = results.mutex.summary.stampede;
    expect(mutex.expiries).toBeGreaterThan(episodes * 0.9);
    expect(mutex.dbLoadsPerExpiry.mean).toBe(1);
    expect(mutex.dbLoadsPerExpiry.max).toBe(1);
    // Losers retried through Redis: commands exceed one GET per request.
    const redis = results.mutex.summary.layers.redis as Record<string, number>;
    expect(redis.commands).toBeGreaterThan(results.mutex.summary.requests.reads);
  });
});

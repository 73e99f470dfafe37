/**
 * Drives one policy through the replay store (the same protocol the tiers use) on a
 * short hand-written sequence, so tests can state the expected hit/miss pattern and
 * the resident set after each step.
 */
import seedrandom from 'seedrandom';
import { policies, type PolicyName } from '../../src/policies/index.ts';
import type { EvictionPolicy } from '../../src/policies/types.ts';
import { ReplayCache } from '../../src/replay/cache.ts';
import { nextUseIndices } from '../../src/replay/future.ts';

export interface Step {
  key: number;
  size?: number;
  /** Simulated time in µs (for the Redis policies). */
  at?: number;
}

export interface Run {
  /** 'H' or 'M' per request. */
  pattern: string;
  cache: ReplayCache;
  policy: EvictionPolicy;
  resident(): number[];
}

export function drive(
  name: PolicyName,
  capacity: number,
  seq: ReadonlyArray<number | Step>,
  options: Record<string, unknown> = {},
  seed = 'test',
): Run {
  const steps = seq.map((s) => (typeof s === 'number' ? { key: s } : s));
  const maxKeys = Math.max(16, ...steps.map((s) => s.key + 1));
  const clock = { now: 0 };
  const keys = Int32Array.from(steps.map((s) => s.key));
  const policy = policies[name]({
    capacity,
    maxKeys,
    random: seedrandom.alea(seed),
    now: () => clock.now,
    options: { ...options, nextUse: nextUseIndices(keys, keys.length, maxKeys) },
  });
  const cache = new ReplayCache(policy, capacity, maxKeys, false);
  let pattern = '';
  steps.forEach((s, i) => {
    clock.now = s.at ?? 0;
    policy.seek?.(i);
    pattern += cache.read(s.key, s.size ?? 1, true, clock.now, 0) ? 'H' : 'M';
  });
  cache.finished();
  const resident = (): number[] => {
    const out: number[] = [];
    for (let k = 0; k < maxKeys; k++) if (cache.has(k)) out.push(k);
    return out;
  };
  return { pattern, cache, policy, resident };
}

/**
 * Golden miss counts for every policy (redis-ttl needs TTLs, which no bundled trace
 * has) at 0.1%, 1% and 10% of each bundled trace. Derived from this implementation
 * after the step-by-step tests (test/policies/steps.test.ts), the naive references
 * and the ARC-paper check passed; regenerate only for a deliberate behaviour change.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { replayTrace } from '../../src/replay/replay.ts';
import { policyNames } from '../../src/policies/index.ts';
import { GOLDEN_CASES } from './golden-cases.ts';

const golden = JSON.parse(readFileSync(new URL('./golden-misses.json', import.meta.url), 'utf8')) as Record<string, Record<string, Record<string, number>>>;

describe('golden miss counts', () => {
  for (const c of GOLDEN_CASES) {
    it(`goldenMisses_${c.name.replace(/ /g, '_')}`, async () => {
      const { rows } = await replayTrace({ ...c.options, policies: c.policies ?? policyNames.filter((p) => p !== 'redis-ttl') });
      const got: Record<string, Record<string, number>> = {};
      for (const r of rows) (got[r.policy] ??= {})[r.capacityLabel] = r.misses;
      expect(got).toEqual(golden[c.name]);
    });
  }
});

/** The registry: every name has a factory and a file that opens by citing its source. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { policies, policyNames, policyNeeds } from '../../src/policies/index.ts';

describe('policy registry', () => {
  it('everyName_buildsAPolicyNamedAfterIt_withNeedsDeclared', () => {
    for (const name of policyNames) {
      const p = policies[name]({ capacity: 10, maxKeys: 16, random: seedrandom.alea('r'), now: () => 0, options: { nextUse: new Int32Array(1) } });
      expect(p.name).toBe(name);
      expect(p.size).toBe(0);
      expect(policyNeeds[name]).toBeDefined();
      expect(typeof p.finished).toBe('function');
    }
  });

  it('everyPolicyFile_opensWithACommentCitingItsSource', () => {
    for (const name of policyNames) {
      const text = readFileSync(new URL(`../../src/policies/${name}.ts`, import.meta.url), 'utf8');
      expect(text.startsWith('/**'), name).toBe(true);
      const header = text.slice(0, text.indexOf('*/'));
      expect(header, name).toMatch(/(19|20)\d\d|redis\/src/);
    }
  });

  it('belady_outsideReplay_failsWithAClearMessage', () => {
    expect(() => policies.belady({ capacity: 1, maxKeys: 1, random: seedrandom.alea('b'), now: () => 0 })).toThrow(/nextUse/);
  });
});

/** Bad scenario input → the exact message a user sees (file, place, expectation, line). */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { normalizeVariants } from '../../src/model/run-scenario.ts';
import { InputError } from '../../src/scenario/errors.ts';
import { stampedeNames } from '../../src/strategies/names.ts';
import { policyNames } from '../../src/policies/index.ts';

const END = '    service: 5ms\n';

const valid = `horizon: 10m
keyspaces:
  - name: users
    keys: 100k
    rate: 5k/s
    ttl: 1h
hierarchy:
  redis:
    capacity: 2GB
  database:
    connections: 10
    service: 5ms
`;

function problemsOf(text: string): string[] {
  try {
    normalizeVariants(loadScenarioText(text, 'scenarios/x.yaml'));
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  return [];
}

describe('scenario errors', () => {
  it('validScenario_hasNoProblems', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each([
    ['capacity: 2GB', 'capacity: lots', 'scenarios/x.yaml: hierarchy.redis.capacity: expected a size like 512B, 2GB or 512MiB, got "lots" (line 9)'],
    ['capacity: 2GB', 'capacty: 2GB', 'scenarios/x.yaml: hierarchy.redis.capacity: required: expected a size like 512B, 2GB or 512MiB (line 9)'],
    ['capacity: 2GB', 'capacity: 2GB\n    capacty: 1', 'scenarios/x.yaml: hierarchy.redis.capacty: unknown key "capacty" (did you mean "capacity"?) (line 10)'],
    ['ttl: 1h', 'ttl: soon', 'scenarios/x.yaml: keyspaces[0].ttl: expected a duration like 50ms, 30s or 1h, got "soon" (line 6)'],
    ['rate: 5k/s', 'rate: quick', 'scenarios/x.yaml: keyspaces[0].rate: expected a rate like 5k/s or 300/min, got "quick" (line 5)'],
    ['connections: 10', 'connections: ten', 'scenarios/x.yaml: hierarchy.database.connections: expected a number, got "ten" (line 11)'],
    ['connections: 10', 'connections: 2.5', 'scenarios/x.yaml: hierarchy.database.connections: expected a whole number, got 2.5 (line 11)'],
    ['service: 5ms', 'service: { dist: gaussian, mean: 5ms }', 'scenarios/x.yaml: hierarchy.database.service.dist: expected one of constant, uniform, exponential, normal, lognormal, pareto, empirical, got "gaussian" (line 12)'],
    ['service: 5ms', 'service: { dist: lognormal, median: 5ms }', 'scenarios/x.yaml: hierarchy.database.service: a lognormal needs median and p99, median and sigma, or mu and sigma'],
    [END, `${END}strategy: { stampede: mutx }\n`, `scenarios/x.yaml: strategy.stampede: expected one of ${stampedeNames.join(', ')}, got "mutx" (line 13)`],
    ['    capacity: 2GB', '    capacity: 2GB\n    policy: lur', `scenarios/x.yaml: hierarchy.redis.policy: unknown policy "lur" (did you mean "lru"?); known: ${policyNames.filter((n) => n !== 'belady').join(', ')}`],
    ['    capacity: 2GB', '    capacity: 2GB\n    policy: belady', 'scenarios/x.yaml: hierarchy.redis.policy: policy "belady" needs to know every future request, which only a recorded trace has; use it with cachesim replay'],
    [END, `${END}horizn: 5m\n`, 'scenarios/x.yaml: horizn: unknown key "horizn" (did you mean "horizon"?) (line 13)'],
    [END, `${END}variants:\n  strategy.stampde: [none, mutex]\n`, 'scenarios/x.yaml: variants: variant sets "strategy.stampde", which is not a scenario setting (did you mean "stampede"?) (line 14)'],
    ['rate: 5k/s', 'rate: 5k/s\n    share: 2', 'scenarios/x.yaml: keyspaces[0].share: give a keyspace a rate or a share of workload.rate, not both'],
    [END, `${END}warmup: 1h\n`, 'scenarios/x.yaml: warmup: warmup must be shorter than horizon'],
  ])('%s → %s', (from, to, message) => {
    const text = valid.replace(from, to);
    expect(text).not.toBe(valid);
    expect(problemsOf(text)).toContain(message);
  });

  it('everyProblemIsReported_notJustTheFirst', () => {
    const text = valid.replace('capacity: 2GB', 'capacity: lots').replace('ttl: 1h', 'ttl: soon').replace('connections: 10', 'connections: ten');
    expect(problemsOf(text)).toHaveLength(3);
  });

  it('yamlSyntaxError_namesTheLine', () => {
    const [line] = problemsOf(valid.replace('    ttl: 1h', '    ttl: [1h'));
    expect(line).toMatch(/^scenarios\/x\.yaml: line \d+: not valid YAML: /);
  });

  it('variantValues_areValidatedAsScenarios', () => {
    const text = `${valid}variants:\n  - name: fast\n    set: { keyspaces.users.ttl: never }\n`;
    expect(problemsOf(text)).toContain(
      'scenarios/x.yaml: keyspaces[0].ttl: expected a duration like 50ms, 30s or 1h, got "never" (in variant "fast", line 6)',
    );
  });
});

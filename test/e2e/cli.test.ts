/** The command line as users run it: exit codes, messages, files written (or not). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/cachesim.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'cachesim-cli-'));

const small = `name: small
seed: 3
horizon: 30s
keyspaces:
  - { name: users, keys: 1000, rate: 500/s, popularity: { zipf: 1 }, ttl: 5s }
hierarchy:
  redis: { capacity: 1MB }
  database: { connections: 4, service: 2ms }
variants:
  strategy.stampede: [none, mutex]
`;

describe('cachesim CLI', () => {
  it('run_writesSummaryMarkdownAndCsv_andPrintsTheMainFile', () => {
    const dir = tmp();
    const file = join(dir, 'small.yaml');
    writeFileSync(file, small);
    const out = join(dir, 'out');
    const r = cli('run', file, '--out', out, '--format', 'json,md,csv', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(join(out, 'summary.json'));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.scenario).toBe('small');
    expect(summary.variants.map((v: { name: string }) => v.name)).toEqual(['none', 'mutex']);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('| none |');
    expect(readFileSync(join(out, 'timeseries.csv'), 'utf8').split('\n')[0]).toMatch(/bucket/);
  });

  it('variantsFlag_runsOnlyTheNamedVariants_withTheSameNumbers_andRejectsUnknownNames', () => {
    const dir = tmp();
    const file = join(dir, 'small.yaml');
    writeFileSync(file, small);
    const all = join(dir, 'all');
    const one = join(dir, 'one');
    expect(cli('run', file, '--out', all, '--format', 'json', '--quiet').status).toBe(0);
    expect(cli('run', file, '--out', one, '--format', 'json', '--quiet', '--variants', 'mutex').status).toBe(0);
    const a = JSON.parse(readFileSync(join(all, 'summary.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(one, 'summary.json'), 'utf8'));
    expect(b.variants.map((v: { name: string }) => v.name)).toEqual(['mutex']);
    expect(b.variants[0]).toEqual(a.variants[1]);
    const bad = cli('run', file, '--out', join(dir, 'bad'), '--variants', 'mutx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--variants: unknown variant "mutx" (did you mean "mutex"?)');
  });

  it('twoProcesses_andJobs2_writeByteIdenticalFiles_htmlAndPngIncluded', () => {
    const dir = tmp();
    const file = join(dir, 'small.yaml');
    writeFileSync(file, small);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect(cli('run', file, '--out', a, '--quiet').status).toBe(0);
    expect(cli('run', file, '--out', b, '--quiet', '--jobs', '2').status).toBe(0);
    const files = ['summary.json', 'summary.md', 'timeseries.csv', 'report.html', 'charts/database-qps.png', 'charts/database-qps.svg'];
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('seedFlag_overridesTheScenarioSeed', () => {
    const dir = tmp();
    const file = join(dir, 'small.yaml');
    writeFileSync(file, small);
    const run = (seed: string) => {
      const out = join(dir, `o${seed}`);
      expect(cli('run', file, '--out', out, '--format', 'json', '--quiet', '--seed', seed).status).toBe(0);
      return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    };
    const a = run('5');
    expect(a.seed).toBe(5);
    expect(run('6').variants[0].layers.redis.hits).not.toBe(a.variants[0].layers.redis.hits);
  });

  it('validate_brokenFile_exits2_printsEveryProblem_noStackTrace_writesNothing', () => {
    const dir = tmp();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, small.replace('capacity: 1MB', 'capacity: lots').replace('ttl: 5s', 'ttl: soon'));
    const v = cli('validate', file);
    expect(v.status).toBe(2);
    expect(v.stderr).toContain(`${file}: hierarchy.redis.capacity: expected a size like 512B, 2GB or 512MiB, got "lots"`);
    expect(v.stderr).toContain(`${file}: keyspaces[0].ttl: expected a duration like 50ms, 30s or 1h, got "soon"`);
    expect(v.stderr).not.toMatch(/\s+at .*\.ts:\d+/);
    const out = join(dir, 'out');
    const r = cli('run', file, '--out', out);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('usageErrors_exit2', () => {
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('run').status).toBe(2);
    const r = cli('run', join(root, 'scenarios/stampede.yaml'), '--format', 'pdf', '--out', join(tmp(), 'x'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format: expected a list of');
    expect(cli('run', '/nonexistent/file.yaml').stderr).toContain('/nonexistent/file.yaml: cannot read the file: ENOENT');
  });

  it('schema_printsTheCommittedJsonSchema', () => {
    const r = cli('schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'scenario.schema.json'), 'utf8'));
  });

  it('list_namesPoliciesStrategiesAndDistributions', () => {
    const r = cli('list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/eviction policies: .*lru/);
    expect(r.stdout).toMatch(/stampede protection: .*mutex/);
    expect(r.stdout).toMatch(/distributions: .*lognormal/);
  });

  it('help_existsForEveryCommand_withExamples', () => {
    for (const cmd of ['run', 'compare', 'validate', 'schema']) {
      const r = cli(cmd, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('cachesim');
    }
    expect(cli('run', '--help').stdout).toContain('Examples:');
  });
});

/** [DB peak QPS, DB loads per expiry, Redis hit ratio] per variant, as quoted in README.md. */
const readmeFigures: Record<string, Record<string, [number, number, number]>> = {
  'cache-aside.yaml': { 'ttl-1h': [314, 45.8, 0.976], 'ttl-5m': [632, 1, 0.891], 'ttl-1h-mutex': [304, 1, 0.976] },
  'stampede.yaml': { none: [530, 44.6, 0.99], mutex: [270, 1, 0.99], 'stale-while-revalidate': [270, 1, 0.991], 'ttl-jitter': [650, 48.6, 0.99] },
};

describe('bundled scenarios', () => {
  const scenarios = readdirSync(join(root, 'scenarios')).filter((f) => /\.(ya?ml|json)$/.test(f));

  it('allValidate', () => {
    const r = cli('validate', ...scenarios.map((s) => join('scenarios', s)));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(scenarios)('%s_runsEndToEnd', (name) => {
    const out = join(tmp(), 'out');
    const r = cli('run', join('scenarios', name), '--out', out, '--format', 'json,md,csv', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.variants.length).toBeGreaterThan(0);
    for (const v of summary.variants) expect(v.requests.reads + v.requests.writes).toBeGreaterThan(0);
    // The figures the README quotes for these runs (seeded, so exact): change both together.
    for (const [variant, figures] of Object.entries(readmeFigures[name] ?? {})) {
      const v = summary.variants.find((x: { name: string }) => x.name === variant);
      expect([
        Math.round(v.layers.database.peakQps),
        Number(v.stampede.dbLoadsPerExpiry.mean.toFixed(1)),
        Number(v.layers.redis.hitRatio.toFixed(3)),
      ]).toEqual(figures);
    }
  });
});

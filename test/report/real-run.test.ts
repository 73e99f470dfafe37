/**
 * The report on a real simulation of scenarios/stampede.yaml (shortened to 2 minutes
 * and coarser buckets to keep the test fast): every chart with data renders without
 * warnings, the qps chart carries the expiries, and the unprotected variant's database
 * spike at an expiry is far above the mutex variant's — what the report must show.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/model/run-scenario.ts';
import type { RunResult } from '../../src/metrics/result.ts';
import { writeReports } from '../../src/report/index.ts';

let dir: string;
let result: RunResult;
let written: string[];

beforeAll(async () => {
  const original = loadScenarioFile('scenarios/stampede.yaml');
  const shorter = original.source.replace(/^horizon: .*$/m, 'horizon: 2m').replace(/^bucket: .*$/m, 'bucket: 500ms');
  result = runScenario(loadScenarioText(shorter, 'scenarios/stampede.yaml')).result;
  dir = mkdtempSync(join(tmpdir(), 'cachesim-real-'));
  written = await writeReports(result, dir, { formats: ['json', 'md', 'html', 'svg'], baseline: 'none' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const qps = (name: string) =>
  result.variants.find((v) => v.summary.name === name)!.series.find((s) => s.metric === 'database.qps')!.values;

describe('report of a real stampede run', () => {
  it('realRun_expirySpike_noneFarAboveMutex', () => {
    const none = result.variants.find((v) => v.summary.name === 'none')!;
    const expiries = none.events.filter((e) => e.kind === 'expiry');
    expect(expiries.length).toBeGreaterThan(0);
    const bucket = none.bucketSeconds;
    // Past warm-up, the worst bucket at an expiry: tens of loads for none, one for mutex.
    const late = expiries.filter((e) => e.tSeconds > 40);
    expect(late.length).toBeGreaterThan(0);
    const peak = (values: number[]) => Math.max(...late.map((e) => values[Math.floor(e.tSeconds / bucket)] ?? 0));
    expect(peak(qps('none'))).toBeGreaterThan(2 * peak(qps('mutex')));
  });

  it('realRun_reportFiles_chartsRenderedAndHeadlineHasEveryVariant', () => {
    const names = written.map((p) => p.slice(dir.length + 1));
    for (const f of ['summary.json', 'summary.md', 'report.html', 'charts/database-qps.svg', 'charts/served-by.svg', 'charts/hit-ratio.svg', 'charts/latency-percentiles.svg']) {
      expect(names).toContain(f);
    }
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const headline = /<table class="headline">[\s\S]*?<\/table>/.exec(html)![0];
    const variants = result.summary.variants.map((v) => v.name);
    expect(variants).toEqual(expect.arrayContaining(['none', 'mutex']));
    expect(headline.match(/<tr><th scope="row">[^<]+<\/th>/g)).toEqual(variants.map((v) => `<tr><th scope="row">${v}</th>`));
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(result.summary);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    // One load per expiry with the mutex, read from the headline table by its column name.
    const rows = md.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    const column = rows[0].indexOf('DB loads / expiry');
    expect(column).toBeGreaterThan(0);
    expect(rows.find((r) => r[0] === 'mutex')?.[column]).toBe('1');
  });
});

describe('summary.md of a small seeded simulation', () => {
  // Pins the whole pipeline, not only formatting: a change to the model that moves these
  // numbers must be looked at, then accepted with `vitest -u`.
  const yaml = `
name: small
description: 100 keys, 200 reads/s, 5 s TTL, with and without a mutex.
seed: 7
horizon: 60s
bucket: 1s
keyspaces:
  - { name: items, keys: 100, rate: 200/s, popularity: { zipf: 1 }, ttl: 5s, valueSize: 1KB }
hierarchy:
  redis: { capacity: 1MB, latency: 1ms }
  database: { connections: 10, service: 10ms }
strategy:
  read: cache-aside
  mutex: { lockTtl: 1s, retry: 20ms }
variants:
  strategy.stampede: [none, mutex]
`;

  it('summaryMd_smallSeededScenario_matchesGolden', async () => {
    const small = runScenario(loadScenarioText(yaml, 'small.yaml')).result;
    const out = mkdtempSync(join(tmpdir(), 'cachesim-small-'));
    try {
      await writeReports(small, out, { formats: ['md'], baseline: 'none' });
      const md = readFileSync(join(out, 'summary.md'), 'utf8').replace(/`[0-9a-f]{16}`/, '`<hash>`').replace(/cachesim \d+\.\d+\.\d+/, 'cachesim <version>');
      expect(md).toMatchInlineSnapshot(`
        "# small — cachesim report

        100 keys, 200 reads/s, 5 s TTL, with and without a mutex.

        seed 7 · horizon 60 s · 1 replication(s) per variant · scenario hash \`<hash>\` · cachesim <version>

        ## Headline

        | variant | redis hit ratio | DB peak QPS | DB loads / expiry | p99 latency (ms) | stale-read ratio | lost writes |
        | :--- | ---: | ---: | ---: | ---: | ---: | ---: |
        | none | 0.914 | 60 | 1.02 | 12.0 | 0.000 | 0 |
        | mutex | 0.914 | 59 | 1 | 14.0 | 0.000 | 0 |

        _One replication per variant: no confidence intervals._

        ## Compared with baseline \`none\`

        | figure | none (baseline) | mutex | vs none |
        | :--- | ---: | ---: | ---: |
        | redis hit ratio | 0.914 | 0.914 | -0.000072 (0.0%) |
        | DB peak QPS | 60 | 59 | -1 (-1.7%) |
        | DB loads / expiry | 1.02 | 1 | -0.0234 (-2.3%) |
        | p99 latency (ms) | 12.0 | 14.0 | +2.05 (+17.1%) |
        | stale-read ratio | 0.000 | 0.000 | 0 (n/a) |
        | lost writes | 0 | 0 | 0 (n/a) |

        _Changes are absolute (relative to the baseline in parentheses)._
        _One replication per variant: differences are not tested; run with --replications to get intervals._
        "
      `);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

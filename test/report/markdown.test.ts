/** summary.md golden: the fixture's two variants, one replication, baseline "none", all formats linked. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReports, type ReportFormat } from '../../src/report/index.ts';
import { stampedeResult } from './fixtures.ts';

async function summaryMd(replications: number, formats: ReportFormat[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cachesim-md-'));
  try {
    await writeReports(stampedeResult(replications), dir, { formats, baseline: 'none' });
    return readFileSync(join(dir, 'summary.md'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('summary.md', () => {
  it('summaryMd_stampedeFixture_matchesGolden', async () => {
    expect(await summaryMd(1, ['md', 'png', 'json', 'csv', 'html'])).toMatchInlineSnapshot(`
      "# stampede — cachesim report

      A hot key expires every 120 s under 2000 req/s; does a mutex stop the stampede?

      seed 42 · horizon 600 s · 1 replication(s) per variant · scenario hash \`sha256:3f2a9c0d5e7b1a44\` · cachesim 0.1.0

      ## Headline

      | variant | cdn hit ratio | redis hit ratio | DB peak QPS | DB loads / expiry | p99 latency (ms) | stale-read ratio | lost writes |
      | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
      | none | 0.553 | 0.877 | 934 | 256 | 122 | 0.00151 | 0 |
      | mutex | 0.555 | 0.872 | 928 | 1 | 96.1 | 0.00152 | 0 |

      _One replication per variant: no confidence intervals._

      ## Compared with baseline \`none\`

      | figure | none (baseline) | mutex | vs none |
      | :--- | ---: | ---: | ---: |
      | cdn hit ratio | 0.553 | 0.555 | +0.0021 (+0.4%) |
      | redis hit ratio | 0.877 | 0.872 | -0.00534 (-0.6%) |
      | DB peak QPS | 934 | 928 | -6 (-0.6%) |
      | DB loads / expiry | 256 | 1 | -255 (-99.6%) |
      | p99 latency (ms) | 122 | 96.1 | -26.3 (-21.5%) |
      | stale-read ratio | 0.00151 | 0.00152 | +0.00001 (+0.7%) |
      | lost writes | 0 | 0 | 0 (n/a) |

      _Changes are absolute (relative to the baseline in parentheses)._
      _One replication per variant: differences are not tested; run with --replications to get intervals._

      ## Charts

      ### Database queries per second

      Look for spikes at the dashed expiry lines: a stampede shows as a tall peak in one variant that the protected variants flatten.

      ![Database queries per second](charts/database-qps.png)

      ### Where requests were served

      Read each bar left to right along the request path: the further right the bulk sits, the deeper requests travel; the database segment is the load your caches did not absorb.

      ![Where requests were served](charts/served-by.png)

      ### Hit ratio per layer over time

      Look for dips: a cold start, a flush or an outage shows as a drop and a climb back; a layer whose line sits near zero is not earning its memory.

      ![Hit ratio per layer over time](charts/hit-ratio.png)

      ### Latency percentiles

      Compare the p99 bars: protection against stampedes trades a little median latency for a much shorter tail; bars whose error bars overlap are not different.

      ![Latency percentiles](charts/latency-percentiles.png)

      ### Latency distribution (share above x)

      Read where each line crosses the p95 and p99 rules: further left is faster. A line that stays high far to the right is a tail of slow requests — database queueing or lock retries.

      ![Latency distribution (share above x)](charts/latency-cdf.png)

      ### Stale-read ratio

      The share of reads that returned a value older than the database held at that moment: lower is fresher; overlapping error bars mean no real difference.

      ![Stale-read ratio](charts/stale-ratio.png)

      ### Age of stale reads (share above x)

      How long after a write users could still read the old value: where a line reaches the bottom is the worst age seen; compare the p99 crossing with the freshness your product promises.

      ![Age of stale reads (share above x)](charts/staleness-cdf.png)

      ### Memory held per layer

      Look at the gap to the dashed capacity line: a line pinned to it means the layer is full and evicting; a sudden drop to zero is a restart or flush.

      ![Memory held per layer](charts/memory.png)

      ## Files

      - [report.html](report.html): the full report, self-contained
      - [summary.json](summary.json): every summary figure (the machine-readable contract)
      - [timeseries.csv](timeseries.csv): every time series: bucket × variant × metric
      - [layers.csv](layers.csv): hits, misses, evictions and peak bytes per layer instance
      - [latency.csv](latency.csv): latency histogram per variant
      - [staleness.csv](staleness.csv): staleness-age histogram per variant
      - [staleness-by-layer.csv](staleness-by-layer.csv): staleness-age histogram per variant and layer that served the stale read
      - [staleness-windows.csv](staleness-windows.csv): histogram of staleness-window lengths per variant
      "
    `);
  });

  it('summaryMd_replications_showIntervalsAndOverlapMarker', async () => {
    const md = await summaryMd(3, ['md']);
    expect(md).toMatch(/\| none \| \d\.\d+ ± \d\.\d+ \|/);
    expect(md).toContain('≈: the 95% confidence intervals overlap');
    expect(md).not.toContain('## Charts'); // no image format chosen: nothing to link
  });
});

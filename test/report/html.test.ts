/**
 * report.html as text: self-contained (no external reference of any kind), one
 * headline row per variant, every chart inline with its caption, the scenario source
 * escaped inside a closed <details>, relative links to the data files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charts, writeReports } from '../../src/report/index.ts';
import { inlineSvg } from '../../src/report/html/inline-svg.ts';
import { stampedeResult } from './fixtures.ts';

let dir: string;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cachesim-html-'));
  await writeReports(stampedeResult(3, { writeBehind: true }), dir, { formats: ['html', 'json', 'csv'], baseline: 'none' });
  html = readFileSync(join(dir, 'report.html'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const attrValues = (s: string, attr: string) => [...s.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('report.html', () => {
  it('html_noExternalReferences_inSrcOrHref', () => {
    const refs = [...attrValues(html, 'src'), ...attrValues(html, 'href'), ...attrValues(html, 'xlink:href')];
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r, r).not.toMatch(/^(https?:)?\/\//);
    expect(html).not.toMatch(/<link\b|<script\b[^>]*\bsrc=|@import|url\((?!#)/);
    // Stronger than the contract: not even an xmlns URL survives the inlining.
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('html_headlineTable_oneRowPerVariant_withIntervals', () => {
    const table = /<table class="headline">([\s\S]*?)<\/table>/.exec(html)![1];
    const rows = [...table.matchAll(/<tbody>[\s\S]*?<\/tbody>/g)][0][0].match(/<tr>/g);
    expect(rows).toHaveLength(2);
    expect(table).toContain('<th scope="row">none</th>');
    expect(table).toContain('<th scope="row">mutex</th>');
    expect(table).toMatch(/\d ± \d/);
    for (const col of ['cdn hit ratio', 'redis hit ratio', 'DB peak QPS', 'DB loads / expiry', 'p99 latency (ms)', 'stale-read ratio', 'lost writes']) {
      expect(table).toContain(`>${col}<`);
    }
  });

  it('html_baseline_addsComparisonWithChangeColumn', () => {
    expect(html).toContain('Compared with baseline “none”');
    expect(html).toContain('<th scope="col">vs none</th>');
    expect(html).toMatch(/-\d+ \(-99\.\d%\)/); // loads per expiry, mutex vs none
  });

  it('html_everyChartInlineWithCaption', () => {
    for (const name of ['database-qps', 'served-by', 'hit-ratio', 'latency-percentiles', 'memory', 'writes'] as const) {
      const fig = new RegExp(`<figure id="chart-${name}">\\n<svg role="img"[\\s\\S]*?</svg>\\n<figcaption>([\\s\\S]*?)</figcaption>`).exec(html);
      expect(fig, name).not.toBeNull();
      expect(fig![1]).toContain(charts[name].caption.slice(0, 30));
    }
  });

  it('html_scenarioSourceEscapedInClosedDetails', () => {
    expect(html).toMatch(/<details>\n<summary>scenarios\/stampede\.yaml<\/summary>\n<pre><code>name: stampede/);
    expect(html).toContain('# &lt;script&gt;alert(1)&lt;/script&gt; must be escaped');
    expect(html.match(/<script>/g)).toHaveLength(1); // only the print helper
  });

  it('html_linksToDataFilesThatExist', () => {
    const links = attrValues(html, 'href').filter((h) => !h.startsWith('#'));
    expect(links).toEqual(['summary.json', 'timeseries.csv', 'layers.csv', 'latency.csv', 'staleness.csv', 'staleness-by-layer.csv', 'staleness-windows.csv']);
    for (const l of links) expect(() => readFileSync(join(dir, l))).not.toThrow();
  });

  it('html_printStyles_keepChartsWhole', () => {
    expect(html).toMatch(/@media print \{[\s\S]*figure, table \{ break-inside: avoid; \}/);
  });

  it('inlineSvg_prefixesIdsAndReferences_soChartsCannotCollide', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use xlink:href="#clip1"/></g></svg>';
    const out = inlineSvg(svg, 'memory', 'Memory & more');
    expect(out).toBe('<svg role="img" aria-label="Memory &amp; more" width="10"><defs><clipPath id="memory-clip1"><rect/></clipPath></defs><g clip-path="url(#memory-clip1)"><use xlink:href="#memory-clip1"/></g></svg>');
  });
});

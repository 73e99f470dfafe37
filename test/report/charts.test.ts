/**
 * Every chart in the table, on fixtures with and without replications: the spec
 * compiles, renders with no vega/vega-lite warning, renders identically twice, and
 * makes a PNG of the SVG's size × PNG_SCALE that is not blank. Charts without data
 * are skipped.
 */
import { describe, expect, it } from 'vitest';
import { chartNames, charts, missRatioCurveChart } from '../../src/report/index.ts';
import { buildCharts } from '../../src/report/index.ts';
import { PNG_SCALE, renderChart, renderSvg } from '../../src/report/render.ts';
import type { RunResult } from '../../src/metrics/result.ts';
import { replayRows, stampedeResult } from './fixtures.ts';
import { pngStats } from './png.ts';

function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg[^>]*\swidth="(\d+)"\s+height="(\d+)"/.exec(svg);
  if (!m) throw new Error('no size on the svg element');
  return { width: Number(m[1]), height: Number(m[2]) };
}

const rich = stampedeResult(3, { allLayers: true, writeBehind: true });

describe('charts', () => {
  it.each(chartNames)('%s_richFixture_rendersWithoutWarningsToAValidPng', async (name) => {
    const spec = charts[name].build(rich);
    expect(spec, `${name} should have data in the rich fixture`).toBeDefined();
    const { svg, png, warnings } = await renderChart(spec!);
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg/);
    const size = svgSize(svg);
    const stats = pngStats(png);
    expect(stats.width).toBe(size.width * PNG_SCALE);
    expect(stats.height).toBe(size.height * PNG_SCALE);
    expect(stats.distinctColours).toBeGreaterThan(4);
    expect(svg).toContain(charts[name].title);
  });

  it('png_textIsDrawn_changingOnlyTheTitleChangesThePixels', async () => {
    // resvg silently drops text it has no font for; then the title would not matter.
    const spec = charts['served-by'].build(rich)!;
    const a = await renderChart({ ...spec, title: 'AAAA' });
    const b = await renderChart({ ...spec, title: 'WWWW WWWW' });
    expect(svgSize(a.svg)).toEqual(svgSize(b.svg));
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
  });

  it('buildCharts_sameInput_byteIdenticalSvg', async () => {
    const a = await buildCharts(stampedeResult(1));
    const b = await buildCharts(stampedeResult(1));
    expect(a.map((c) => c.svg)).toEqual(b.map((c) => c.svg));
    const pngA = (await renderChart(a[0].spec)).png;
    const pngB = (await renderChart(b[0].spec)).png;
    expect(Buffer.from(pngA).equals(Buffer.from(pngB))).toBe(true);
  });

  it('buildCharts_singleRunWithoutWrites_skipsWritesChartAndDrawsNoErrorBars', async () => {
    const built = await buildCharts(stampedeResult(1));
    expect(built.map((c) => c.name)).not.toContain('writes');
    expect(built.map((c) => c.name)).toContain('database-qps');
    const bars = built.find((c) => c.name === 'latency-percentiles')!;
    expect(JSON.stringify(bars.spec)).not.toContain('errorbar');
    const withReps = (await buildCharts(stampedeResult(3))).find((c) => c.name === 'latency-percentiles')!;
    expect(JSON.stringify(withReps.spec)).toContain('errorbar');
  });

  it('charts_runWithoutData_allSkipped', () => {
    const empty: RunResult = structuredClone(stampedeResult(1));
    for (const v of empty.variants) {
      v.series = [];
      v.latencyHistogram.counts = v.latencyHistogram.counts.map(() => 0);
      v.stalenessHistogram.counts = v.stalenessHistogram.counts.map(() => 0);
      v.summary.servedBy = {};
      v.summary.latencyMs = { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
      v.summary.staleness.staleReads = 0;
    }
    expect(chartNames.filter((n) => charts[n].build(empty) !== undefined)).toEqual([]);
  });

  it('databaseQps_stampedeFixture_marksEveryExpiryAndTheFault', () => {
    const spec = JSON.stringify(charts['database-qps'].build(stampedeResult(1)));
    expect(spec.match(/"label":"expiry user:1"/g)?.length).toBe(4 * 2); // rule + label layers
    expect(spec).toContain('"label":"redis outage"');
    expect(spec).toContain('"endSeconds":315');
  });

  it('databaseQps_svg_peakOfNoneFarAboveMutex', async () => {
    // The spike must be visible: at t=120 "none" carries ~250 extra queries, "mutex" one.
    const r = stampedeResult(1);
    const at = (name: string) => r.variants.find((v) => v.summary.name === name)!.series.find((s) => s.metric === 'database.qps')!.values[120];
    expect(at('none') - at('mutex')).toBeGreaterThan(200);
    const { warnings } = await renderSvg(charts['database-qps'].build(r)!);
    expect(warnings).toEqual([]);
  });

  it('missRatioCurve_replayRows_rendersLogAxisOnePerPolicy', async () => {
    const spec = missRatioCurveChart(replayRows())!;
    expect(JSON.stringify(spec)).toContain('"type":"log"');
    const { svg, png, warnings } = await renderChart(spec);
    expect(warnings).toEqual([]);
    for (const p of ['lru', 'fifo', 'sieve']) expect(svg).toContain(`>${p}<`);
    expect(pngStats(png).width).toBe(svgSize(svg).width * PNG_SCALE);
    expect(missRatioCurveChart([])).toBeUndefined();
    const inBytes = replayRows().map((r) => ({ ...r, unit: 'bytes' as const }));
    expect(JSON.stringify(missRatioCurveChart(inBytes))).toContain('"title":"capacity (bytes, log scale)"');
  });

  it('writeMissRatioCurve_withBytes_writesBothCurvesAsSpecSvgPng', async () => {
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeMissRatioCurve } = await import('../../src/report/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'cachesim-mrc-'));
    try {
      const paths = await writeMissRatioCurve(replayRows(), dir, { bytes: true });
      expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(
        ['miss-ratio-curve', 'byte-miss-ratio-curve'].flatMap((n) => ['vl.json', 'svg', 'png'].map((e) => `charts/${n}.${e}`)),
      );
      expect(readdirSync(join(dir, 'charts')).sort()).toHaveLength(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('chart spec files', () => {
  it('stringifySpec_roundTrips_withOneDataRowPerLine', async () => {
    const { stringifySpec } = await import('../../src/report/chart-files.ts');
    const spec = charts['database-qps'].build(stampedeResult(1))!;
    const text = stringifySpec(spec);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(text).toMatch(/\n +\{"variant":"none","tSeconds":0,"value":\d+\},\n/);
    expect(stringifySpec({ data: { values: [] } })).toBe('{\n  "data": {\n    "values": []\n  }\n}');
  });
});

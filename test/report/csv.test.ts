import { describe, expect, it } from 'vitest';
import { groupedHistogramCsv, histogramCsv, layersCsv, timeseriesCsv } from '../../src/report/csv.ts';
import { stampedeResult } from './fixtures.ts';

const lines = (csv: string) => csv.trimEnd().split('\n');

describe('CSV files', () => {
  const r = stampedeResult(1);

  it('timeseries_oneRowPerBucketVariantMetric_orderedByBucket', () => {
    const rows = lines(timeseriesCsv(r));
    expect(rows[0]).toBe('bucket,startSeconds,variant,metric,value');
    const expected = r.variants.reduce((n, v) => n + v.series.reduce((m, s) => m + s.values.length, 0), 0);
    expect(rows.length - 1).toBe(expected);
    expect(rows[1]).toMatch(/^0,0,none,requests\.rate,\d+$/);
    const buckets = rows.slice(1).map((l) => Number(l.split(',')[0]));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    const spike = rows.find((l) => l.startsWith('120,120,none,database.qps,'))!;
    expect(Number(spike.split(',')[4])).toBe(r.variants[0].series.find((s) => s.metric === 'database.qps')!.values[120]);
  });

  it('layers_oneRowPerVariantAndInstance_withHitRatio', () => {
    const rows = lines(layersCsv(r));
    expect(rows[0]).toBe('variant,layer,instance,hits,misses,hitRatio,evictions,peakBytes');
    expect(rows).toHaveLength(1 + 2 * 3);
    expect(rows[1]).toMatch(/^none,cdn,pop-1,\d+,0,1,0,20000000000$/);
  });

  it('histogram_cumulativeFractionEndsAtOne_andEdgesChain', () => {
    const rows = lines(histogramCsv(r, (v) => v.latencyHistogram));
    expect(rows[0]).toBe('variant,lowerMs,upperMs,count,fraction,cumulativeFraction');
    const none = rows.slice(1).filter((l) => l.startsWith('none,')).map((l) => l.split(','));
    expect(none[0].slice(1, 3)).toEqual(['0', '1']);
    expect(none[1].slice(1, 3)).toEqual(['1', '2']);
    expect(Number(none.at(-1)![5])).toBeCloseTo(1, 12);
  });

  it('csv_quotesFieldsThatNeedIt', () => {
    const odd = stampedeResult(1);
    odd.variants[0].summary.name = 'ttl, jittered "10%"';
    expect(lines(layersCsv(odd))[1].startsWith('"ttl, jittered ""10%""",cdn')).toBe(true);
  });

  it('groupedHistogram_oneBlockPerVariantAndLayer_eachEndingAtOne', () => {
    const withLayers = stampedeResult(1);
    withLayers.variants[0].stalenessByLayerHistograms = {
      app: { edgesMs: [1, 2], counts: [3, 1] },
      redis: { edgesMs: [10], counts: [2] },
    };
    const rows = lines(groupedHistogramCsv(withLayers, 'layer', (v) => v.stalenessByLayerHistograms));
    expect(rows).toEqual([
      'variant,layer,lowerMs,upperMs,count,fraction,cumulativeFraction',
      'none,app,0,1,3,0.75,0.75',
      'none,app,1,2,1,0.25,1',
      'none,redis,0,10,2,1,1',
    ]);
  });
});

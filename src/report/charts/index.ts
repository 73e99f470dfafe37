/**
 * The chart table: one entry per chart, each in its own file. `ChartName` is the key
 * union, so a name without an implementation fails type-checking. Order here is the
 * order in report.html and summary.md. The miss-ratio curve is not here: it is built
 * from replay rows, not a RunResult (see miss-ratio-curve.ts).
 */
import type { ChartDef } from './common.ts';
import { databaseQps } from './database-qps.ts';
import { servedBy } from './served-by.ts';
import { hitRatio } from './hit-ratio.ts';
import { latencyPercentiles } from './latency-percentiles.ts';
import { latencyCdf } from './latency-cdf.ts';
import { staleRatio } from './stale-ratio.ts';
import { stalenessCdf } from './staleness-cdf.ts';
import { memory } from './memory.ts';
import { writes } from './writes.ts';

export const charts = {
  'database-qps': databaseQps,
  'served-by': servedBy,
  'hit-ratio': hitRatio,
  'latency-percentiles': latencyPercentiles,
  'latency-cdf': latencyCdf,
  'stale-ratio': staleRatio,
  'staleness-cdf': stalenessCdf,
  memory,
  writes,
} satisfies Record<string, ChartDef>;

export type ChartName = keyof typeof charts;
export const chartNames = Object.keys(charts) as ChartName[];

/**
 * Miss-ratio curve from trace replay: miss ratio against cache capacity, one line per
 * policy. Not part of a simulation report (it needs replay rows, not a RunResult);
 * `cachesim replay` builds it with `missRatioCurveChart`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, HEIGHT, LINE_LEGEND, SCHEMA, WIDTH } from './common.ts';

/** What the chart reads of a `cachesim replay` row (replay's `ReplayRow` has more). */
export interface MissRatioPoint {
  policy: string;
  capacity: number;
  missRatio: number;
  byteMissRatio: number;
  /** What `capacity` counts, when the replay says (named on the axis). */
  unit?: 'items' | 'bytes';
}

export const MISS_RATIO_CURVE_CAPTION =
  'Lower is better; where the curves flatten, more memory buys little. The gap between lines at your capacity is what changing the policy is worth.';

/** The chart spec, or undefined for no rows. A log capacity axis when capacities span more than 10×. */
export function missRatioCurveChart(rows: readonly MissRatioPoint[], opts: { byteMissRatio?: boolean } = {}): TopLevelSpec | undefined {
  const data = rows.filter((r) => r.capacity > 0 && Number.isFinite(r.missRatio));
  if (data.length === 0) return undefined;
  const caps = data.map((r) => r.capacity);
  const logX = Math.max(...caps) / Math.min(...caps) > 10;
  const policies = [...new Set(data.map((r) => r.policy))];
  const field = opts.byteMissRatio ? 'byteMissRatio' : 'missRatio';
  const units = [...new Set(data.map((r) => r.unit).filter((u) => u !== undefined))];
  const notes = [...(units.length === 1 ? [units[0]] : []), ...(logX ? ['log scale'] : [])];
  const xTitle = notes.length > 0 ? `capacity (${notes.join(', ')})` : 'capacity';
  return {
    $schema: SCHEMA,
    title: opts.byteMissRatio ? 'Byte miss ratio by cache capacity' : 'Miss ratio by cache capacity',
    config: CONFIG,
    width: WIDTH,
    height: HEIGHT,
    data: { values: data.map((r) => ({ ...r })) },
    mark: { type: 'line', point: { size: 30 }, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'capacity', type: 'quantitative', title: xTitle, scale: logX ? { type: 'log' } : {}, axis: { format: '~s' } },
      y: { field, type: 'quantitative', title: opts.byteMissRatio ? 'byte miss ratio' : 'miss ratio', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'policy', type: 'nominal', title: 'policy', sort: policies, legend: LINE_LEGEND },
    },
  };
}

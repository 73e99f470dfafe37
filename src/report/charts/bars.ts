/**
 * Bars per variant with 95% error bars and value labels — the shape shared by the
 * latency-percentile, stale-ratio and writes charts. Error bars appear only for
 * figures that have a CI (replications > 1); a single run draws plain bars.
 */
import type { RunResult } from '../../metrics/result.ts';
import { estimateOf } from '../../metrics/replications.ts';
import { HEIGHT, variantColor } from './common.ts';

export interface BarRow {
  variant: string;
  /** Grouping on the x axis (e.g. "p99"); bars of one group sit side by side. */
  group: string;
  value: number;
  lo?: number;
  hi?: number;
  /** Text shown above the bar. */
  label: string;
}

/** Rows for figure `path` of every variant that has it, e.g. path "latencyMs.p99". */
export function barRows(result: RunResult, path: string, group: string, label: (x: number) => string): BarRow[] {
  return result.variants.flatMap((v) => {
    const e = estimateOf(v.summary, path);
    if (!e || !Number.isFinite(e.mean)) return [];
    const row: BarRow = { variant: v.summary.name, group, value: e.mean, label: label(e.mean) };
    if (e.ci95 !== undefined) {
      row.lo = Math.max(0, e.mean - e.ci95);
      row.hi = e.mean + e.ci95;
    }
    return [row];
  });
}

export interface BarOptions {
  yTitle: string;
  yFormat?: string;
  /** Group order on the x axis; a single group hides the x axis title. */
  groups: string[];
  width: number;
  height?: number;
}

/** A layer spec (no top-level fields) drawing grouped bars, error bars and labels. */
export function barsLayer(result: RunResult, rows: BarRow[], o: BarOptions) {
  const color = variantColor(result);
  const single = o.groups.length === 1;
  // One group: variants label the x axis. Several: groups on x, variants side by side within each.
  const encoding = single
    ? { x: { field: 'variant', type: 'nominal' as const, sort: color.sort, title: null, axis: { labelAngle: 0 } } }
    : {
        x: { field: 'group', type: 'nominal' as const, sort: o.groups, title: null, axis: { labelAngle: 0 } },
        xOffset: { field: 'variant', type: 'nominal' as const, sort: color.sort, scale: { paddingInner: 0.1 } },
      };
  const y = { type: 'quantitative' as const, title: o.yTitle, ...(o.yFormat ? { axis: { format: o.yFormat } } : {}) };
  return {
    width: o.width,
    height: o.height ?? HEIGHT,
    data: { values: rows },
    encoding,
    layer: [
      { mark: { type: 'bar' as const }, encoding: { y: { ...y, field: 'value' }, color } },
      // Only with intervals: an error-bar layer over no data makes vega warn of infinite extents.
      ...(rows.some((r) => r.lo !== undefined)
        ? [
            {
              transform: [{ filter: 'isValid(datum.lo)' }],
              mark: { type: 'errorbar' as const, ticks: true, color: '#333' },
              encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
            },
          ]
        : []),
      {
        mark: { type: 'text' as const, dy: -6, baseline: 'bottom' as const, fontSize: 10, color: '#333' },
        encoding: { y: { ...y, field: 'top' }, text: { field: 'label' } },
        transform: [{ calculate: 'isValid(datum.hi) ? datum.hi : datum.value', as: 'top' }],
      },
    ],
  };
}

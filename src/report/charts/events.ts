/**
 * Timeline events (hot-key expiries, faults) as layers over a time chart: a vertical
 * rule at each moment, a shaded band for events with a duration, and a short label.
 * Labels are drawn only while they stay legible; beyond that, rules alone.
 */
import type { RunResult, TimelineEvent } from '../../metrics/result.ts';
import { timeAxis, type Layer } from './common.ts';

/** Past this many events, labels would overlap into a smear. */
export const MAX_LABELLED_EVENTS = 12;

const KIND_COLOR: Record<string, string> = { expiry: '#7f7f7f', fault: '#d62728' };
const OTHER_COLOR = '#ff7f0e';

interface EventRow {
  tSeconds: number;
  endSeconds: number;
  kind: string;
  label: string;
  color: string;
}

/**
 * Events of all variants, deduplicated by (time, kind, label) — variants share random
 * numbers, so most events coincide — and sorted by time.
 */
export function eventRows(result: RunResult): EventRow[] {
  const seen = new Map<string, EventRow>();
  for (const v of result.variants) {
    for (const e of v.events as TimelineEvent[]) {
      const key = `${e.tSeconds}\u0000${e.kind}\u0000${e.label}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        tSeconds: e.tSeconds,
        endSeconds: e.tSeconds + (e.durationSeconds ?? 0),
        kind: e.kind,
        label: e.label,
        color: KIND_COLOR[e.kind] ?? OTHER_COLOR,
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.tSeconds - b.tSeconds || a.label.localeCompare(b.label));
}

/** Layers to append to a time chart's `layer` array; empty when there are no events. */
export function eventLayers(result: RunResult): Layer[] {
  const rows = eventRows(result);
  if (rows.length === 0) return [];
  // Literal colours on fill/stroke (scale: null), not on `color`: a layer on the `color`
  // channel would join the variant legend and lend it the band's opacity.
  const literal = { field: 'color', type: 'nominal' as const, scale: null };
  const layers: Layer[] = [];
  const spans = rows.filter((r) => r.endSeconds > r.tSeconds);
  if (spans.length > 0) {
    layers.push({
      data: { values: spans },
      mark: { type: 'rect', opacity: 0.12 },
      encoding: { x: timeAxis, x2: { field: 'endSeconds' }, fill: literal },
    });
  }
  layers.push({
    data: { values: rows },
    mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1 },
    encoding: { x: timeAxis, stroke: literal },
  });
  if (rows.length <= MAX_LABELLED_EVENTS) {
    layers.push({
      data: { values: rows },
      mark: { type: 'text', angle: 270, align: 'right', baseline: 'bottom', dx: -4, dy: -3, fontSize: 10 },
      encoding: { x: timeAxis, y: { value: 0 }, text: { field: 'label' }, fill: literal },
    });
  }
  return layers;
}

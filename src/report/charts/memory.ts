/**
 * Memory per layer over time: bytes held at each bucket's end, one panel per layer
 * (their scales differ by orders of magnitude), with the layer's capacity as a dashed
 * rule so headroom — or the lack of it — is visible.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunResult } from '../../metrics/result.ts';
import { CONFIG, LINE_LEGEND, SCHEMA, WIDTH, layersWithSeries, seriesRows, timeAxis, variantColor, type ChartDef, type Layer } from './common.ts';

/** The largest capacity any variant reports for a layer (a constant series). */
function capacityOf(result: RunResult, layer: string): number | undefined {
  const values = seriesRows(result, `${layer}.capacityBytes`).map((r) => r.value);
  return values.length > 0 ? Math.max(...values) : undefined;
}

function panel(result: RunResult, layer: string) {
  const capacity = capacityOf(result, layer);
  const y = { type: 'quantitative' as const, title: `${layer} bytes`, axis: { format: '~s', tickCount: 4 } };
  const layers: Layer[] = [
    {
      data: { values: seriesRows(result, `${layer}.bytes`) },
      mark: { type: 'line', strokeWidth: 1.5, interpolate: 'step-after' },
      encoding: { x: timeAxis, y: { ...y, field: 'value' }, color: { ...variantColor(result), legend: LINE_LEGEND } },
    },
  ];
  if (capacity !== undefined) {
    layers.push(
      {
        data: { values: [{ capacity }] },
        mark: { type: 'rule', strokeDash: [6, 4], color: '#d62728' },
        encoding: { y: { ...y, field: 'capacity' } },
      },
      {
        data: { values: [{ capacity, text: 'capacity' }] },
        mark: { type: 'text', align: 'left', baseline: 'top', dy: 3, x: 4, color: '#d62728', fontSize: 10 },
        encoding: { y: { ...y, field: 'capacity' }, text: { field: 'text' } },
      },
    );
  }
  return { width: WIDTH, height: 110, layer: layers };
}

export const memory: ChartDef = {
  title: 'Memory held per layer',
  caption:
    'Look at the gap to the dashed capacity line: a line pinned to it means the layer is full and evicting; a sudden drop to zero is a restart or flush.',
  build(result) {
    const layers = layersWithSeries(result, 'bytes').filter((l) => seriesRows(result, `${l}.bytes`).length > 0);
    if (layers.length === 0) return undefined;
    const spec: TopLevelSpec = {
      $schema: SCHEMA,
      title: memory.title,
      config: CONFIG,
      vconcat: layers.map((l) => panel(result, l)),
    };
    return spec;
  },
};

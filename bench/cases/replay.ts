/**
 * Replay benchmarks (issue 4): `replay-lru` runs LRU at 77,377 objects (10% of the
 * distinct keys) over ../shared/traces/P6.csv.gz, 12.7 M requests, counting gunzip and
 * parsing; `mrc-lru` computes the whole one-pass LRU curve over the same trace.
 */
import { fileURLToPath } from 'node:url';
import { replayTrace } from '../../src/replay/replay.ts';
import { missRatioCurve } from '../../src/replay/mrc.ts';

const P6 = fileURLToPath(new URL('../../../shared/traces/P6.csv.gz', import.meta.url));

function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export const cases: Array<{ name: string; run(): Promise<Record<string, number | string>> }> = [
  {
    name: 'replay-lru',
    async run() {
      const t0 = performance.now();
      const { rows } = await replayTrace({
        trace: P6,
        policies: ['lru'],
        capacities: [{ kind: 'items', value: 77_377, label: '77377' }],
        ignoreSize: true,
      });
      const seconds = (performance.now() - t0) / 1000;
      return { case: 'replay-lru', requestsPerSec: Math.round(rows[0].requests / seconds), seconds: Number(seconds.toFixed(2)), missRatio: Number(rows[0].missRatio.toFixed(4)), peakRssMB: peakRssMB() };
    },
  },
  {
    name: 'mrc-lru',
    async run() {
      const t0 = performance.now();
      const curve = await missRatioCurve({ trace: P6 });
      const seconds = (performance.now() - t0) / 1000;
      return { case: 'mrc-lru', requestsPerSec: Math.round(curve.requests / seconds), seconds: Number(seconds.toFixed(2)), capacities: curve.objects, peakRssMB: peakRssMB() };
    },
  },
];

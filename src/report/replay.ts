/**
 * Chart files for `cachesim replay`: the miss-ratio curve (and the byte-miss-ratio
 * curve when sizes are not ignored) as .vl.json + .svg + .png, written atomically.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { stringifySpec } from './chart-files.ts';
import { missRatioCurveChart, type MissRatioPoint } from './charts/miss-ratio-curve.ts';
import { renderChart } from './render.ts';

/** Writes charts/miss-ratio-curve.* (and charts/byte-miss-ratio-curve.* with `bytes`) under outDir; returns the paths. */
export async function writeMissRatioCurve(rows: readonly MissRatioPoint[], outDir: string, opts: { bytes?: boolean } = {}): Promise<string[]> {
  const wanted: Array<[string, boolean]> = [['miss-ratio-curve', false]];
  if (opts.bytes) wanted.push(['byte-miss-ratio-curve', true]);
  const paths: string[] = [];
  for (const [name, byteMissRatio] of wanted) {
    const spec = missRatioCurveChart(rows, { byteMissRatio });
    if (!spec) continue;
    const { svg, png, warnings } = await renderChart(spec);
    if (warnings.length > 0) throw new Error(`chart ${name}: ${warnings.join('; ')}`);
    const files: Array<[string, string | Uint8Array]> = [
      [`${name}.vl.json`, `${stringifySpec(spec)}\n`],
      [`${name}.svg`, svg],
      [`${name}.png`, png],
    ];
    for (const [file, data] of files) {
      const path = join(outDir, 'charts', file);
      writeFileAtomic(path, data);
      paths.push(path);
    }
  }
  return paths;
}

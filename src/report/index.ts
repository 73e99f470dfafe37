/**
 * The report phase (DESIGN §2, phase 6): RunResult → files. Reporters know results,
 * never tiers.
 *
 * `writeReports` runs in three steps:
 *   1. resolve options: formats (default all), the baseline variant (an unknown name is
 *      an InputError naming the variants there are);
 *   2. build charts lazily, once: every chart in the table whose data exists, rendered
 *      to SVG (charts without data are skipped, not drawn empty);
 *   3. run the chosen reporters in `reportFormats` order; each file is written
 *      atomically, and a path written twice in one report (a chart spec) is written once.
 */
import { join } from 'node:path';
import type { RunResult } from '../metrics/result.ts';
import { inputError } from '../scenario/errors.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { charts as chartTable, chartNames } from './charts/index.ts';
import { renderSvg } from './render.ts';
import { reporters } from './reporters.ts';
import { reportFormats, type BuiltChart, type ReportContext, type ReportFormat, type ReportOptions } from './types.ts';

export { reportFormats, type ReportFormat, type ReportOptions, type BuiltChart } from './types.ts';
export { charts, chartNames, type ChartName } from './charts/index.ts';
export { missRatioCurveChart, MISS_RATIO_CURVE_CAPTION, type MissRatioPoint } from './charts/miss-ratio-curve.ts';
export { renderChart, renderSvg, svgToPng } from './render.ts';
export { writeMissRatioCurve } from './replay.ts';

/** Every chart with data in `result`, rendered; throws if vega reports a problem (a bug in a spec). */
export async function buildCharts(result: RunResult): Promise<BuiltChart[]> {
  const built: BuiltChart[] = [];
  for (const name of chartNames) {
    const def = chartTable[name];
    const spec = def.build(result);
    if (!spec) continue;
    const { svg, warnings } = await renderSvg(spec);
    if (warnings.length > 0) throw new Error(`chart ${name}: ${warnings.join('; ')}`);
    built.push({ name, title: def.title, caption: def.caption, spec, svg });
  }
  return built;
}

function resolveBaseline(result: RunResult, name: string | undefined) {
  if (name === undefined) return undefined;
  const found = result.summary.variants.find((v) => v.name === name);
  if (!found) {
    const names = result.summary.variants.map((v) => v.name).join(', ');
    throw inputError('', '--baseline', `no variant named "${name}"; the variants are: ${names}`);
  }
  return found;
}

/** Writes the chosen report files into outDir and returns their paths, in writing order. */
export async function writeReports(result: RunResult, outDir: string, options: ReportOptions = {}): Promise<string[]> {
  const chosen = new Set<ReportFormat>(options.formats ?? reportFormats);
  const baseline = resolveBaseline(result, options.baseline);
  let charts: Promise<BuiltChart[]> | undefined;
  const written = new Map<string, string>();
  const ctx: ReportContext = {
    result,
    outDir,
    formats: chosen,
    baseline,
    charts: () => (charts ??= buildCharts(result)),
    write(relPath, data) {
      const existing = written.get(relPath);
      if (existing) return existing;
      const path = join(outDir, relPath);
      writeFileAtomic(path, data);
      written.set(relPath, path);
      return path;
    },
  };
  const paths: string[] = [];
  for (const format of reportFormats) {
    if (chosen.has(format)) paths.push(...(await reporters[format](ctx)));
  }
  return [...new Set(paths)];
}

/** The data files a report links to, given the chosen formats (for summary.md and report.html). */
import { CSV_FILES } from './csv.ts';
import type { ReportFormat } from './types.ts';

export interface LinkedFile {
  path: string;
  what: string;
}

const DESCRIPTIONS: Record<(typeof CSV_FILES)[number], string> = {
  'timeseries.csv': 'every time series: bucket × variant × metric',
  'layers.csv': 'hits, misses, evictions and peak bytes per layer instance',
  'latency.csv': 'latency histogram per variant',
  'staleness.csv': 'staleness-age histogram per variant',
  'staleness-by-layer.csv': 'staleness-age histogram per variant and layer that served the stale read',
  'staleness-windows.csv': 'histogram of staleness-window lengths per variant',
};

export function linkedFiles(formats: ReadonlySet<ReportFormat>): LinkedFile[] {
  const files: LinkedFile[] = [];
  if (formats.has('json')) files.push({ path: 'summary.json', what: 'every summary figure (the machine-readable contract)' });
  if (formats.has('md')) files.push({ path: 'summary.md', what: 'this summary as Markdown, for review documents' });
  if (formats.has('csv')) files.push(...CSV_FILES.map((path) => ({ path, what: DESCRIPTIONS[path] })));
  return files;
}

/** Which rendering summary.md should embed: PNG pastes everywhere; SVG if that is all there is. */
export function imageExtension(formats: ReadonlySet<ReportFormat>): 'png' | 'svg' | undefined {
  if (formats.has('png')) return 'png';
  if (formats.has('svg')) return 'svg';
  return undefined;
}

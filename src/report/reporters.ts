/**
 * The reporter table: one entry per output format. Typed as `Record<ReportFormat, …>`
 * so a format without a reporter fails type-checking.
 */
import { pngReporter, svgReporter } from './chart-files.ts';
import { csvReporter } from './csv.ts';
import { htmlReporter } from './html/page.ts';
import { jsonReporter } from './json.ts';
import { markdownReporter } from './markdown.ts';
import type { Reporter, ReportFormat } from './types.ts';

export const reporters: Record<ReportFormat, Reporter> = {
  json: jsonReporter,
  csv: csvReporter,
  svg: svgReporter,
  png: pngReporter,
  md: markdownReporter,
  html: htmlReporter,
};

/**
 * Shared types of the report phase: the output formats, the reporter contract and
 * the context every reporter receives.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunResult, VariantSummary } from '../metrics/result.ts';
import type { ChartName } from './charts/index.ts';

export type ReportFormat = 'json' | 'md' | 'csv' | 'html' | 'svg' | 'png';

/** Every format, in the order reporters run; also the default of `--format`. */
export const reportFormats: readonly ReportFormat[] = ['json', 'csv', 'svg', 'png', 'md', 'html'];

export interface ReportOptions {
  formats?: readonly ReportFormat[];
  /** Name of the variant the others are compared with ("vs baseline" table). */
  baseline?: string;
}

/** A chart that has data in this run: its spec and its rendered SVG. */
export interface BuiltChart {
  name: ChartName;
  title: string;
  caption: string;
  spec: TopLevelSpec;
  svg: string;
}

export interface ReportContext {
  readonly result: RunResult;
  readonly outDir: string;
  readonly formats: ReadonlySet<ReportFormat>;
  /** The baseline variant's summary, resolved and checked by writeReports. */
  readonly baseline?: VariantSummary;
  /** Charts with data, built and rendered once per report (memoized). */
  charts(): Promise<BuiltChart[]>;
  /** Writes `relPath` under outDir atomically and returns its full path. */
  write(relPath: string, data: string | Uint8Array): string;
}

/** One output format: writes its files and returns their paths. */
export type Reporter = (ctx: ReportContext) => Promise<string[]>;

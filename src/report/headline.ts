/**
 * The headline figures of a run and the two tables built from them — one row per
 * variant, and the "vs baseline" comparison — as plain string grids, so Markdown and
 * HTML render the same numbers.
 */
import type { VariantSummary } from '../metrics/result.ts';
import { estimateOf, estimatesDiffer, isCiKey } from '../metrics/replications.ts';
import { formatChange, formatEstimate, type FigureKind } from './format.ts';

export interface Figure {
  /** Dotted path into VariantSummary, e.g. "layers.redis.hitRatio". */
  path: string;
  label: string;
  kind: FigureKind;
  /** False when the figure means nothing for this variant (shown as "—"). */
  applies?: (v: VariantSummary) => boolean;
}

export interface Table {
  header: string[];
  rows: string[][];
  /** Footnotes explaining markers used in the cells. */
  notes: string[];
}

/** Cache layers in request order; other names follow alphabetically. */
const LAYER_ORDER = ['browser', 'cdn', 'app', 'redis'];

export function cacheLayers(variants: readonly VariantSummary[]): string[] {
  const names = new Set<string>();
  for (const v of variants) {
    for (const [name, layer] of Object.entries(v.layers)) {
      if (!isCiKey(name) && name !== 'database' && typeof layer?.hitRatio === 'number') names.add(name);
    }
  }
  const known = LAYER_ORDER.filter((n) => names.has(n));
  const other = [...names].filter((n) => !LAYER_ORDER.includes(n)).sort();
  return [...known, ...other];
}

export function headlineFigures(variants: readonly VariantSummary[]): Figure[] {
  return [
    ...cacheLayers(variants).map((l): Figure => ({ path: `layers.${l}.hitRatio`, label: `${l} hit ratio`, kind: 'ratio' })),
    { path: 'layers.database.peakQps', label: 'DB peak QPS', kind: 'rate' },
    {
      path: 'stampede.dbLoadsPerExpiry.mean',
      label: 'DB loads / expiry',
      kind: 'rate',
      applies: (v) => v.stampede.expiries > 0,
    },
    { path: 'latencyMs.p99', label: 'p99 latency (ms)', kind: 'ms' },
    { path: 'staleness.staleReadRatio', label: 'stale-read ratio', kind: 'ratio' },
    { path: 'writes.lost', label: 'lost writes', kind: 'count' },
  ];
}

function cell(v: VariantSummary, f: Figure): string {
  if (f.applies && !f.applies(v)) return '—';
  const e = estimateOf(v, f.path);
  return e ? formatEstimate(e, f.kind) : '—';
}

function ciNote(variants: readonly VariantSummary[]): string {
  const reps = [...new Set(variants.map((v) => v.replications))];
  if (reps.every((r) => r <= 1)) return 'One replication per variant: no confidence intervals.';
  return `Figures are means over ${reps.join('/')} replications ± the 95% confidence half-width (Student t).`;
}

/** One row per variant, one column per headline figure. */
export function headlineTable(variants: readonly VariantSummary[]): Table {
  const figures = headlineFigures(variants);
  return {
    header: ['variant', ...figures.map((f) => f.label)],
    rows: variants.map((v) => [v.name, ...figures.map((f) => cell(v, f))]),
    notes: [ciNote(variants)],
  };
}

function changeCell(v: VariantSummary, base: VariantSummary, f: Figure): string {
  if (f.applies && (!f.applies(v) || !f.applies(base))) return '—';
  const e = estimateOf(v, f.path);
  const b = estimateOf(base, f.path);
  if (!e || !b) return '—';
  const text = formatChange(e.mean, b.mean, f.kind);
  return estimatesDiffer(e, b) === false ? `${text} ≈` : text;
}

/**
 * One row per figure: the baseline's value, then each other variant's value and its
 * change against the baseline. "≈" marks changes whose 95% intervals overlap: those
 * are not called different.
 */
export function baselineTable(variants: readonly VariantSummary[], baseline: VariantSummary): Table {
  const others = variants.filter((v) => v !== baseline);
  const figures = headlineFigures(variants);
  const withCi = variants.some((v) => v.replications > 1);
  return {
    header: ['figure', `${baseline.name} (baseline)`, ...others.flatMap((v) => [v.name, `vs ${baseline.name}`])],
    rows: figures.map((f) => [
      f.label,
      cell(baseline, f),
      ...others.flatMap((v) => [cell(v, f), changeCell(v, baseline, f)]),
    ]),
    notes: [
      'Changes are absolute (relative to the baseline in parentheses).',
      withCi
        ? '≈: the 95% confidence intervals overlap, so the variants are not called different.'
        : 'One replication per variant: differences are not tested; run with --replications to get intervals.',
    ],
  };
}

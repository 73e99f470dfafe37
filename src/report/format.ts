/**
 * Number formatting for tables (Markdown and HTML share it). Pure and locale-free, so
 * reports are byte-identical on every machine.
 */
import type { Estimate } from '../metrics/replications.ts';

/**
 * How a figure reads: ratios with 3 decimals (more for small ones, so 0.0015 does not
 * print as 0.002), counts as integers, rates and milliseconds to 3 significant digits.
 */
export type FigureKind = 'ratio' | 'count' | 'ms' | 'rate';

/** 12345678 → "12,345,678" (no Intl: its output depends on the ICU build). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = sign + groupThousands(int.replace('-', ''));
  const out = frac === undefined ? grouped : `${grouped}.${frac}`;
  return out === '-0' || /^-0\.0*$/.test(out) ? out.slice(1) : out;
}

/** Decimals that show three significant digits of `value` (none for values ≥ 100). */
function significantDecimals(value: number): number {
  const a = Math.abs(value);
  if (Number.isInteger(value) || a >= 100) return 0; // one load per expiry reads "1", not "1.00"
  return Math.min(6, 2 - Math.floor(Math.log10(a)));
}

function defaultDecimals(value: number, kind: FigureKind): number {
  if (kind === 'ratio') return Math.max(3, significantDecimals(value));
  if (kind === 'count') return Number.isInteger(value) ? 0 : 1;
  return significantDecimals(value);
}

/** "1.00" → "1", "0.0120" → "0.012": for values whose digits are not a stated resolution. */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A plain number in the figure's style. */
export function formatNumber(value: number, kind: FigureKind): string {
  if (!Number.isFinite(value)) return '—';
  return fixed(value, defaultDecimals(value, kind));
}

/**
 * `mean ± half-width`, the half-width rounded to one significant digit and the mean
 * to the same decimal place (0.9123 ± 0.0042 → "0.912 ± 0.004"): digits beyond the
 * interval's resolution are noise.
 */
export function formatEstimate(e: Estimate, kind: FigureKind): string {
  if (e.ci95 === undefined || !Number.isFinite(e.ci95)) return formatNumber(e.mean, kind);
  // Identical replications: the exact value, without padding zeros that suggest a resolution.
  if (e.ci95 === 0) return `${trimZeros(formatNumber(e.mean, kind))} ± 0`;
  const decimals = Math.max(0, -Math.floor(Math.log10(Math.abs(e.ci95))));
  return `${fixed(e.mean, decimals)} ± ${fixed(e.ci95, decimals)}`;
}

/** Absolute and relative change of `value` against `base`: "+0.012 (+1.3%)". */
export function formatChange(value: number, base: number, kind: FigureKind): string {
  const delta = value - base;
  const abs = trimZeros(formatNumber(delta, kind));
  const signedAbs = delta > 0 && !abs.startsWith('-') ? `+${abs}` : abs;
  if (base === 0) return `${signedAbs} (n/a)`;
  const rel = (delta / Math.abs(base)) * 100;
  const relText = fixed(rel, 1);
  return `${signedAbs} (${rel > 0 && relText !== '0.0' ? '+' : ''}${relText}%)`;
}

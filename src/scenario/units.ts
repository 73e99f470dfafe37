/**
 * Units as people write them in scenario files. Every parser returns a number in
 * the base unit (microseconds, bytes, per second, a plain count, a fraction) or
 * `undefined` when the text is not of that kind; the schema turns `undefined`
 * into an error message naming the expected form.
 *
 * Sizes follow the SI/IEC split: 1KB = 1000 B, 1KiB = 1024 B. Bare numbers mean
 * seconds for durations, bytes for sizes and per-second for rates.
 */

const NUMBER = String.raw`([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)`;

const DURATION_UNITS: Record<string, number> = {
  us: 1, µs: 1, μs: 1, ms: 1e3, s: 1e6, sec: 1e6, m: 60e6, min: 60e6, h: 3600e6, d: 86_400e6,
};
const SIZE_UNITS: Record<string, number> = {
  b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
};
const COUNT_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };
const RATE_PER: Record<string, number> = { s: 1, sec: 1, m: 1 / 60, min: 1 / 60, h: 1 / 3600 };

function split(text: string, unitPattern: string): [number, string] | undefined {
  const m = new RegExp(`^\\s*${NUMBER}\\s*(${unitPattern})\\s*$`).exec(text);
  if (!m) return undefined;
  return [Number(m[1]), m[2]];
}

export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v * 1e6 : undefined;
  if (typeof v !== 'string') return undefined;
  const parts = split(v, 'us|µs|μs|ms|sec|s|min|m|h|d');
  if (!parts) return undefined;
  return parts[0] * DURATION_UNITS[parts[1]];
}

export function parseSize(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const parts = split(v.toLowerCase(), 'kib|mib|gib|tib|kb|mb|gb|tb|b');
  if (!parts) return undefined;
  return Math.round(parts[0] * SIZE_UNITS[parts[1]]);
}

/** `100k`, `1.5M`, `10000`, `1e6` (rounded to a whole count). */
export function parseCount(v: unknown): number | undefined {
  const n = parseScaled(v);
  return n === undefined ? undefined : Math.round(n);
}

/** `5k/s`, `300/min`, `20/h`, `1.5/s`, `1000` (per second). */
export function parseRate(v: unknown): number | undefined {
  if (typeof v === 'number') return parseScaled(v);
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([^/]+?)\s*\/\s*(s|sec|min|m|h)\s*$/.exec(v.toLowerCase());
  const n = parseScaled(m ? m[1] : v);
  return n === undefined ? undefined : m ? n * RATE_PER[m[2]] : n;
}

function parseScaled(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const parts = split(v.toLowerCase(), 'k|m|g|');
  return parts ? parts[0] * COUNT_SUFFIX[parts[1]] : undefined;
}

/** `10%` → 0.1; a bare number in [0,1] is taken as the fraction itself. */
export function parsePercent(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v <= 1 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = new RegExp(`^\\s*${NUMBER}\\s*%\\s*$`).exec(v);
  if (!m) return undefined;
  const f = Number(m[1]) / 100;
  return f <= 1 ? f : undefined;
}

/** Formats microseconds for people: 1500 → "1.5ms". */
export function formatDuration(us: number): string {
  if (us >= 3600e6 && us % 3600e6 === 0) return `${us / 3600e6}h`;
  if (us >= 60e6 && us % 60e6 === 0) return `${us / 60e6}m`;
  if (us >= 1e6) return `${+(us / 1e6).toPrecision(6)}s`;
  if (us >= 1e3) return `${+(us / 1e3).toPrecision(6)}ms`;
  return `${+us.toPrecision(6)}us`;
}

/** Replay results as text: an aligned table for people, CSV and JSON for tools. */
import { stringify } from 'csv-stringify/sync';
import type { ReplayRow } from './replay.ts';

export const replayFormats = ['table', 'csv', 'json'] as const;
export type ReplayFormat = (typeof replayFormats)[number];

/** The contract columns of `--format json|csv` (DESIGN §7), then the extras. */
const COLUMNS = ['policy', 'capacity', 'requests', 'misses', 'missRatio', 'byteMissRatio', 'unit', 'writes', 'deletes', 'evictions', 'expirations'] as const;

function pct(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}

export function formatRows(rows: readonly ReplayRow[], format: ReplayFormat): string {
  if (format === 'json') {
    return `${JSON.stringify(rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]]))), null, 2)}\n`;
  }
  if (format === 'csv') {
    return stringify(rows.map((r) => COLUMNS.map((c) => r[c])), { header: true, columns: [...COLUMNS] });
  }
  const header = ['policy', 'capacity', 'requests', 'misses', 'miss ratio', 'byte miss ratio'];
  const body = rows.map((r) => [
    r.policy,
    r.unit === 'bytes' || r.capacityLabel.endsWith('%') ? `${r.capacityLabel} (${r.capacity} ${r.unit === 'bytes' ? 'B' : 'objects'})` : r.capacityLabel,
    String(r.requests),
    String(Math.round(r.misses)),
    pct(r.missRatio),
    pct(r.byteMissRatio),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}

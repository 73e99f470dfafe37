/** Option parsing shared by the commands that run scenarios. */
import { inputError } from '../scenario/errors.ts';
import { reportFormats, type ReportFormat } from '../report/index.ts';

export function parseFormats(value: string | undefined): ReportFormat[] {
  if (value === undefined || value === 'all') return [...reportFormats];
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list)
    if (!(reportFormats as readonly string[]).includes(f))
      throw inputError('', '--format', `expected a list of ${reportFormats.join(', ')}, got "${f}"`);
  return list as ReportFormat[];
}

export function parsePositiveInt(value: number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw inputError('', flag, `expected a whole number ≥ 1, got ${value}`);
  return value;
}

export function parseSeed(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw inputError('', '--seed', `expected a whole number ≥ 0, got ${value}`);
  return value;
}

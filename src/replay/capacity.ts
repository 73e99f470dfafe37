/**
 * Replay capacities as users write them: `1000` or `100k` (objects), `64MB` / `1GiB`
 * (bytes), `10%` (of the trace's distinct objects, or of their bytes when sizes are
 * used), `auto` (the whole LRU miss-ratio curve). A capacity in objects counts every
 * object as size 1 for eviction, whatever its size; byte miss ratios still use sizes.
 */
import { inputError } from '../scenario/errors.ts';
import { parseCount, parseSize } from '../scenario/units.ts';

export type CapacitySpec =
  | { kind: 'items'; value: number; label: string }
  | { kind: 'bytes'; value: number; label: string }
  | { kind: 'percent'; value: number; label: string }
  | { kind: 'auto'; label: string };

export function parseCapacity(text: string): CapacitySpec {
  const t = text.trim();
  if (t === 'auto') return { kind: 'auto', label: t };
  if (t.endsWith('%')) {
    const v = Number(t.slice(0, -1));
    if (!(v > 0 && v <= 100)) throw inputError('', '--capacity', `expected a percentage in (0, 100], found "${t}"`);
    return { kind: 'percent', value: v / 100, label: t };
  }
  const bytes = parseSize(t);
  if (bytes !== undefined && bytes > 0) return { kind: 'bytes', value: bytes, label: t };
  const items = parseCount(t);
  if (items !== undefined && items >= 1) return { kind: 'items', value: items, label: t };
  throw inputError('', '--capacity', `expected an object count (1000, 100k), a size (64MB, 1GiB), a percentage (10%) or auto, found "${t}"`);
}

export function parseCapacityList(list: string): CapacitySpec[] {
  const specs = list.split(',').filter((s) => s.trim() !== '').map(parseCapacity);
  if (specs.length === 0) throw inputError('', '--capacity', 'expected at least one capacity');
  if (specs.some((s) => s.kind === 'auto') && specs.length > 1) {
    throw inputError('', '--capacity', 'auto computes the whole curve; give it alone');
  }
  return specs;
}

export interface ResolvedCapacity {
  label: string;
  /** Capacity in the cache's unit. */
  value: number;
  /** 'items': every object weighs 1; 'bytes': objects weigh their size. */
  unit: 'items' | 'bytes';
}

/** Turns specs into concrete capacities, given the trace's distinct objects and bytes. */
export function resolveCapacity(
  spec: Exclude<CapacitySpec, { kind: 'auto' }>,
  useSizes: boolean,
  distinct: { objects: number; bytes: number },
): ResolvedCapacity {
  if (spec.kind === 'items') return { label: spec.label, value: spec.value, unit: 'items' };
  if (spec.kind === 'bytes') {
    if (!useSizes) throw inputError('', '--capacity', `${spec.label} is a size in bytes, but sizes are ignored (--ignore-size or a trace without sizes); give an object count or a percentage`);
    return { label: spec.label, value: spec.value, unit: 'bytes' };
  }
  const base = useSizes ? distinct.bytes : distinct.objects;
  return { label: spec.label, value: Math.max(1, Math.round(spec.value * base)), unit: useSizes ? 'bytes' : 'items' };
}

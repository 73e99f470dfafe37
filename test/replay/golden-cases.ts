/**
 * The golden cases: every policy at three capacities on each bundled trace (P3 as a
 * 500,000-request prefix, P6 only in the benchmark), as libCacheSim pins its own.
 */
import type { ReplayOptions } from '../../src/replay/replay.ts';
import type { PolicyName } from '../../src/policies/index.ts';
import { CLOUD, OLTP, P3 } from './traces.ts';

const pct = (labels: string[]) => labels.map((l) => ({ kind: 'percent' as const, value: Number(l.slice(0, -1)) / 100, label: l }));

export const GOLDEN_CASES: Array<{ name: string; options: Omit<ReplayOptions, 'policies'>; policies?: PolicyName[] }> = [
  { name: 'OLTP objects', options: { trace: OLTP, capacities: pct(['0.1%', '1%', '10%']), ignoreSize: true } },
  { name: 'P3 prefix objects', options: { trace: P3, limit: 500_000, capacities: pct(['0.1%', '1%', '10%']), ignoreSize: true } },
  { name: 'cloudPhysicsIO bytes with ops', options: { trace: CLOUD, capacities: pct(['0.1%', '1%', '10%']) } },
  { name: 'cloudPhysicsIO objects as reads', options: { trace: CLOUD, capacities: pct(['0.1%', '1%', '10%']), ignoreSize: true, ignoreOps: true } },
];

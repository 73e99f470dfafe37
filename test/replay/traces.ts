/** Paths of the bundled traces and a helper that reads a prefix's key ids. */
import { fileURLToPath } from 'node:url';
import { openTrace } from '../../src/workload/traces/index.ts';

export const TRACES = fileURLToPath(new URL('../../../shared/traces/', import.meta.url));
export const OLTP = `${TRACES}OLTP.csv.gz`;
export const P3 = `${TRACES}P3.csv.gz`;
export const CLOUD = `${TRACES}cloudPhysicsIO.csv`;

export async function keyIds(path: string, limit?: number): Promise<Int32Array> {
  const out: number[] = [];
  await openTrace(path, { limit }).read((b) => {
    for (let i = 0; i < b.length; i++) out.push(b.keys[i]);
  });
  return Int32Array.from(out);
}

/** Every file in bench/cases/ exports `cases`; adding a case is adding a file or a line. */
import { readdirSync } from 'node:fs';
import type { BenchCase } from './types.ts';

export async function loadCases(): Promise<BenchCase[]> {
  const dir = new URL('./cases/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const all: BenchCase[] = [];
  for (const f of files) {
    const mod = (await import(new URL(f, dir).href)) as { cases?: BenchCase[] };
    all.push(...(mod.cases ?? []));
  }
  return all;
}

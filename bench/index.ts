/**
 * `npm run bench [-- --json] [-- CASE…]`: throughput figures for the standard cases.
 * Each case runs in a fresh process so its peak memory is its own. With --json,
 * one JSON object per line (`{ "case": "mm1", "customersPerSec": … }`), for
 * tools that compare runs; otherwise a readable table.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCases } from './registry.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const names = (await loadCases()).map((c) => c.name).filter((n) => only.length === 0 || only.includes(n));
const runner = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const caseFile = fileURLToPath(new URL('./run-case.ts', import.meta.url));
let failed = false;
for (const name of names) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', runner, caseFile, name], { encoding: 'utf8' });
  if (r.status !== 0) {
    failed = true;
    process.stderr.write(`bench ${name} failed:\n${r.stderr}\n`);
    continue;
  }
  const line = r.stdout.trim().split('\n').pop() ?? '{}';
  if (json) process.stdout.write(`${line}\n`);
  else {
    const figures = JSON.parse(line) as Record<string, number | string>;
    const text = Object.entries(figures)
      .filter(([k]) => k !== 'case')
      .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
      .join('  ');
    process.stdout.write(`${String(figures.case).padEnd(14)} ${text}\n`);
  }
}
process.exitCode = failed ? 1 : 0;

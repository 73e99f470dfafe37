/** `cachesim replay` end to end, in process: output formats, auto curve, input errors. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayCommand, parseWarmup } from '../../src/cli/replay.ts';
import { InputError } from '../../src/scenario/errors.ts';
import { CLOUD, OLTP } from './traces.ts';

async function run(args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await yargs(args).command(replayCommand).strict().fail((msg, err) => { throw err ?? new Error(msg); }).parseAsync();
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('cachesim replay', () => {
  it('table_listsEveryPolicyTimesCapacity', async () => {
    const out = await run(['replay', '--trace', CLOUD, '--policy', 'lru,sieve', '--capacity', '100,1%', '--ignore-size']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^policy\s+capacity\s+requests\s+misses\s+miss ratio\s+byte miss ratio$/);
    expect(lines).toHaveLength(2 + 4);
  });

  it('json_rowsHaveTheContractFields', async () => {
    const rows = JSON.parse(await run(['replay', '--trace', CLOUD, '--policy', 'fifo', '--capacity', '1000', '--format', 'json']));
    expect(Object.keys(rows[0]).slice(0, 6)).toEqual(['policy', 'capacity', 'requests', 'misses', 'missRatio', 'byteMissRatio']);
    expect(rows[0]).toMatchObject({ policy: 'fifo', capacity: 1000 });
  });

  it('auto_printsTheWholeLruCurve_toAFile', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cachesim-cli-')), 'curve.csv');
    await run(['replay', '--trace', OLTP, '--capacity', 'auto', '--points', '50', '--format', 'csv', '--out', file]);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toMatch(/^lru,186880,914145,186880,/); // all objects fit: only cold misses
  });

  it('badInput_isAnInputErrorNamingTheFlag', async () => {
    await expect(run(['replay', '--trace', CLOUD, '--capacity', 'lots'])).rejects.toThrow(/--capacity: expected an object count/);
    await expect(run(['replay', '--trace', CLOUD, '--policy', 'lruu', '--capacity', '10'])).rejects.toThrow(/did you mean "lru"/);
    await expect(run(['replay', '--trace', CLOUD, '--policy', 'arc', '--capacity', 'auto'])).rejects.toThrow(InputError);
    await expect(run(['replay', '--trace', CLOUD, '--capacity', '64MB', '--ignore-size'])).rejects.toThrow(/sizes are ignored/);
    expect(() => parseWarmup('soon')).toThrow(/--warmup/);
    expect(parseWarmup('100k')).toEqual({ requests: 100_000 });
    expect(parseWarmup('60s')).toEqual({ us: 60e6 });
  });
});

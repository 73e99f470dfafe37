/**
 * writeReports end to end on the fixture: which files each format writes, that
 * summary.json is exactly RunResult.summary, that the same input writes the same
 * bytes, and that an unknown baseline is an input error.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFormats, writeReports } from '../../src/report/index.ts';
import { InputError } from '../../src/scenario/errors.ts';
import { stampedeResult } from './fixtures.ts';

const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cachesim-report-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('writeReports', () => {
  it('writeReports_allFormats_writesEveryFileOnceAndNothingElse', async () => {
    const dir = freshDir();
    const paths = await writeReports(stampedeResult(1), dir, { formats: [...reportFormats] });
    const rel = paths.map((p) => relative(dir, p));
    expect(new Set(rel).size).toBe(rel.length);
    expect(listFiles(dir)).toEqual([...rel].sort()); // no temp files left behind
    for (const f of ['summary.json', 'summary.md', 'report.html', 'timeseries.csv', 'layers.csv', 'latency.csv', 'staleness.csv']) {
      expect(rel).toContain(f);
    }
    for (const ext of ['vl.json', 'svg', 'png']) expect(rel).toContain(`charts/database-qps.${ext}`);
    expect(rel.some((p) => p.startsWith('charts/writes.'))).toBe(false); // no data → skipped
  });

  it('writeReports_defaultFormats_areAll', async () => {
    const a = freshDir();
    const b = freshDir();
    const all = await writeReports(stampedeResult(1), a, {});
    const explicit = await writeReports(stampedeResult(1), b, { formats: [...reportFormats] });
    expect(all.map((p) => relative(a, p))).toEqual(explicit.map((p) => relative(b, p)));
  });

  it('writeReports_jsonOnly_writesExactlyTheSummaryContract', async () => {
    const dir = freshDir();
    const result = stampedeResult(3);
    const paths = await writeReports(result, dir, { formats: ['json'] });
    expect(paths).toEqual([join(dir, 'summary.json')]);
    const parsed = JSON.parse(readFileSync(paths[0], 'utf8'));
    expect(parsed).toEqual(result.summary);
    const v = parsed.variants[0];
    expect(Object.keys(v).slice(0, 3)).toEqual(['name', 'params', 'replications']);
    expect(v.layers.redis.hitRatioCI95).toBeGreaterThan(0);
  });

  it('writeReports_sameInputTwice_byteIdenticalFiles', async () => {
    const a = freshDir();
    const b = freshDir();
    await writeReports(stampedeResult(3, { writeBehind: true }), a, { baseline: 'none' });
    await writeReports(stampedeResult(3, { writeBehind: true }), b, { baseline: 'none' });
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('writeReports_unknownBaseline_inputErrorNamingTheVariants', async () => {
    const dir = freshDir();
    const err = await writeReports(stampedeResult(1), dir, { baseline: 'nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(String((err as Error).message)).toMatch(/--baseline: no variant named "nope"; the variants are: none, mutex/);
    expect(listFiles(dir)).toEqual([]); // checked before anything is written
  });
});

/** Trace readers: formats, gzip, key mapping, operations, TTLs, malformed rows. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openTrace, OP_DELETE, OP_READ, OP_WRITE, type OpenTraceOptions } from '../../src/workload/traces/index.ts';
import { InputError } from '../../src/scenario/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'cachesim-traces-'));
let n = 0;
function file(text: string | Buffer, name = `t${n++}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function readAll(path: string, opts: OpenTraceOptions = {}) {
  const rows: Array<{ key: number; size: number; time: number; op: number; ttl: number }> = [];
  const reader = openTrace(path, opts);
  const summary = await reader.read((b) => {
    for (let i = 0; i < b.length; i++) rows.push({ key: b.keys[i], size: b.sizes[i], time: b.times[i], op: b.ops[i], ttl: b.ttls[i] });
  });
  return { rows, summary, fields: reader.fields };
}

describe('trace readers', () => {
  it('csv_anyColumnOrder_mapsKeysDenselyInFirstAppearanceOrder', async () => {
    const { rows, summary, fields } = await readAll(file('size,extra,key,time\n100,x,42,1.5\n200,y,7,2\n100,z,42,3\n'));
    expect(rows.map((r) => r.key)).toEqual([0, 1, 0]);
    expect(rows.map((r) => r.size)).toEqual([100, 200, 100]);
    expect(rows.map((r) => r.time)).toEqual([1.5e6, 2e6, 3e6]);
    expect(fields).toEqual({ time: true, size: true, op: false, ttl: false });
    expect(summary).toMatchObject({ requests: 3, distinctKeys: 2, distinctBytes: 300 });
  });

  it('csv_gzipIsReadTransparently_byMagicNotName', async () => {
    const text = 'key\n1\n2\n1\n';
    const plain = await readAll(file(text));
    const gz = await readAll(file(gzipSync(text), 'no-extension'));
    expect(gz.rows).toEqual(plain.rows);
    expect(gz.rows.map((r) => r.size)).toEqual([1, 1, 1]); // no size column: size 1
  });

  it('csv_stringKeys_leadingZeros_andNumbersAreDistinct', async () => {
    const { rows } = await readAll(file('key\n007\n7\nuser:7\n7\n007\n\r\n1234567890123456789\n'));
    expect(rows.map((r) => r.key)).toEqual([0, 1, 2, 1, 0, 3]);
  });

  it('csv_crlfLinesAndMissingFinalNewline', async () => {
    const { rows } = await readAll(file('key,size\r\n1,10\r\n2,20'));
    expect(rows.map((r) => [r.key, r.size])).toEqual([[0, 10], [1, 20]]);
  });

  it('csv_opsAndTtls', async () => {
    const { rows } = await readAll(file('time,key,size,op,ttl\n0,a,1,get,0\n1,a,1,SET,30\n2,a,1,delete,0\n3,b,1,add,0\n'));
    expect(rows.map((r) => r.op)).toEqual([OP_READ, OP_WRITE, OP_DELETE, OP_WRITE]);
    expect(rows[1].ttl).toBe(30e6);
  });

  it('csv_malformedRow_isAnInputErrorWithFileAndLine', async () => {
    const path = file('key,size\n1,10\n2,abc\n3,30\n');
    const err = await readAll(path).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.problems[0]).toMatchObject({ file: path, place: 'line 3' });
    expect(err.message).toMatch(/expected a size.*"abc"/);
  });

  it('csv_tooFewColumns_andUnknownOp_areErrors', async () => {
    await expect(readAll(file('key,size\n1\n'))).rejects.toThrow(/line 2: expected 2 columns, found 1/);
    await expect(readAll(file('key,op\n1,frobnicate\n'))).rejects.toThrow(/line 2: unknown operation "frobnicate"/);
    await expect(readAll(file('time,size\n1,2\n'))).rejects.toThrow(/line 1: expected a header naming a "key" column/);
  });

  it('csv_skipBadRows_countsAndReportsThem', async () => {
    const { rows, summary } = await readAll(file('key,size\n1,10\n2,-5\n3,30\n4\n'), { skipBadRows: true });
    expect(rows).toHaveLength(2);
    expect(summary.skippedRows).toBe(2);
    expect(summary.skippedExamples[0]).toMatch(/^line 3: /);
  });

  it('csv_limitReadsAPrefix', async () => {
    const { rows } = await readAll(file(`key\n${Array.from({ length: 100 }, (_, i) => i).join('\n')}\n`), { limit: 10, batchSize: 4 });
    expect(rows).toHaveLength(10);
  });

  it('batchesSplitAcrossChunkBoundaries', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `${i % 977},${i % 13}`);
    const { rows } = await readAll(file(gzipSync(`key,size\n${lines.join('\n')}\n`)), { batchSize: 1000 });
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999].size).toBe(49_999 % 13);
    expect(Math.max(...rows.map((r) => r.key))).toBe(976);
  });

  it('libcachesimCsv_columnsByNumber_withDelimiterAndHeader', async () => {
    const path = file('ts\tid\tbytes\n5\tk1\t100\n6\tk2\t200\n');
    const { rows, fields } = await readAll(path, { format: 'libcachesim-csv', params: 'time-col=1,obj-id-col=2,obj-size-col=3,has-header=true,delimiter=tab' });
    expect(rows.map((r) => [r.key, r.size, r.time])).toEqual([[0, 100, 5e6], [1, 200, 6e6]]);
    expect(fields.size).toBe(true);
    const comma = await readAll(file('9,1\n9,2\n'), { format: 'libcachesim-csv', params: 'obj-id-col=2,delimiter=,' });
    expect(comma.rows.map((r) => r.key)).toEqual([0, 1]);
    expect(() => openTrace(path, { format: 'libcachesim-csv', params: 'time-col=1' })).toThrow(/obj-id-col/);
  });

  it('twitter_sizeIsKeyPlusValue_opsAndTtl', async () => {
    const text = '0,abc,10,90,1,get,0\n1,abc,10,190,1,set,300\n2,xyz,5,5,2,delete,0\n';
    const { rows, fields } = await readAll(file(text), { format: 'twitter' });
    expect(rows.map((r) => [r.key, r.size, r.op, r.ttl])).toEqual([[0, 100, OP_READ, 0], [0, 200, OP_WRITE, 300e6], [1, 10, OP_DELETE, 0]]);
    expect(fields).toEqual({ time: true, size: true, op: true, ttl: true });
  });

  it('unknownFormat_andMissingFile_areInputErrors', async () => {
    expect(() => openTrace('x', { format: 'parquet' })).toThrow(InputError);
    await expect(openTrace(join(dir, 'nope.csv')).read(() => {})).rejects.toThrow(/trace file not found/);
  });
});

/** How trace operations, TTLs and warm-up count in replay (as docs/replay.md states). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayTrace, type ReplayOptions } from '../../src/replay/replay.ts';

const dir = mkdtempSync(join(tmpdir(), 'cachesim-ops-'));
let files = 0;
function trace(lines: string[]): string {
  const path = join(dir, `t${files++}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
async function one(path: string, extra: Partial<ReplayOptions> = {}) {
  const { rows } = await replayTrace({ trace: path, policies: ['lru'], capacities: [{ kind: 'items', value: 10, label: '10' }], ...extra });
  return rows[0];
}

describe('replay operations', () => {
  it('write_insertsWithoutCounting_readAfterWriteHits', async () => {
    const r = await one(trace(['time,key,size,op', '0,a,10,set', '1,a,10,get', '2,b,10,get', '3,b,10,get']));
    expect(r).toMatchObject({ requests: 3, misses: 1, writes: 1 });
  });

  it('delete_removes_soNextReadMisses', async () => {
    const r = await one(trace(['time,key,size,op', '0,a,10,get', '1,a,10,delete', '2,a,10,get']));
    expect(r).toMatchObject({ requests: 2, misses: 2, deletes: 1 });
  });

  it('ttl_expiresEntryExactlyAtExpiry', async () => {
    const r = await one(trace(['time,key,size,op,ttl', '0,a,1,set,10', '9,a,1,get,0', '10,a,1,get,0', '11,a,1,get,0']));
    expect(r).toMatchObject({ requests: 3, misses: 1, expirations: 1 });
  });

  it('setWithoutTtl_clearsTheExpiry', async () => {
    const r = await one(trace(['time,key,size,op,ttl', '0,a,1,set,10', '5,a,1,set,0', '50,a,1,get,0']));
    expect(r).toMatchObject({ requests: 1, misses: 0, expirations: 0 });
  });

  it('ignoreOps_treatsEveryRowAsARead', async () => {
    const r = await one(trace(['time,key,size,op', '0,a,10,set', '1,a,10,delete', '2,a,10,get']), { ignoreOps: true });
    expect(r).toMatchObject({ requests: 3, misses: 1, writes: 0 });
  });

  it('warmup_byRequestsOrSeconds_excludesTheStart', async () => {
    const lines = ['time,key', '0,a', '1,b', '2,a', '3,c', '4,b'];
    expect(await one(trace(lines), { warmup: { requests: 2 } })).toMatchObject({ requests: 3, misses: 1 });
    expect(await one(trace(lines), { warmup: { us: 3e6 } })).toMatchObject({ requests: 2, misses: 1 });
  });

  it('sizes_bytesCapacityEvictsByBytes_objectCapacityCountsObjects', async () => {
    const path = trace(['key,size', 'a,60', 'b,60', 'a,60']);
    const bytes = await one(path, { capacities: [{ kind: 'bytes', value: 100, label: '100B' }] });
    expect(bytes).toMatchObject({ requests: 3, misses: 3, unit: 'bytes' });
    const objects = await one(path, { capacities: [{ kind: 'items', value: 2, label: '2' }] });
    expect(objects).toMatchObject({ misses: 2, unit: 'items', byteMissRatio: 120 / 180 });
  });

  it('objectLargerThanCache_isNeverInserted', async () => {
    const r = await one(trace(['key,size', 'big,500', 'big,500']), { capacities: [{ kind: 'bytes', value: 100, label: '100B' }] });
    expect(r).toMatchObject({ requests: 2, misses: 2 });
  });

  it('policyNeedingTime_onTraceWithoutTime_isAnInputError', async () => {
    await expect(one(trace(['key', 'a']), { policies: ['redis-lru'] })).rejects.toThrow(/has no time column/);
  });
});

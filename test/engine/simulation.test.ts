import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.ts';
import { Resource } from '../../src/engine/resource.ts';
import { RandomStreams } from '../../src/engine/rng.ts';

describe('Simulation kernel', () => {
  it('equalTimeEvents_runInInsertionOrder', () => {
    const sim = new Simulation(2);
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) sim.schedule(i % 2 === 0 ? 5 : 3, (a) => seen.push(a), i);
    sim.run();
    const odd = Array.from({ length: 25 }, (_, k) => 2 * k + 1);
    const even = Array.from({ length: 25 }, (_, k) => 2 * k);
    expect(seen).toEqual([...odd, ...even]);
  });

  it('events_runInTimeOrder_andClockAdvances', () => {
    const sim = new Simulation(4);
    const times: number[] = [];
    const delays = [7, 1, 9, 3, 3, 0, 12, 5];
    for (const d of delays) sim.schedule(d, () => times.push(sim.now));
    sim.run();
    expect(times).toEqual([...delays].sort((a, b) => a - b));
    expect(sim.executed).toBe(delays.length);
  });

  it('runUntil_stopsBeforeLaterEvents_andLeavesClockAtUntil', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    sim.schedule(10, () => seen.push(10));
    sim.schedule(30, () => seen.push(30));
    sim.run(20);
    expect(seen).toEqual([10]);
    expect(sim.now).toBe(20);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(seen).toEqual([10, 30]);
  });

  it('sameTimeEventScheduledDuringRun_runsAfterAlreadyQueuedOnes', () => {
    const sim = new Simulation();
    const order: string[] = [];
    sim.schedule(1, () => {
      order.push('a');
      sim.schedule(0, () => order.push('c'));
    });
    sim.schedule(1, () => order.push('b'));
    sim.run();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('heap_growsPastInitialCapacity_andStaysOrdered', () => {
    const sim = new Simulation(1);
    let sum = 0;
    let last = -1;
    let ordered = true;
    for (let i = 10_000; i > 0; i--)
      sim.schedule(i, (a) => {
        if (sim.now < last) ordered = false;
        last = sim.now;
        sum += a;
      }, i);
    sim.run();
    expect(sum).toBe((10_000 * 10_001) / 2);
    expect(ordered).toBe(true);
  });
});

describe('Resource', () => {
  it('grantsUpToCapacity_thenQueuesFifo', () => {
    const pool = new Resource(2);
    const granted: number[] = [];
    for (let i = 0; i < 5; i++) pool.request((a) => granted.push(a), i);
    expect(granted).toEqual([0, 1]);
    expect(pool.waiting).toBe(3);
    pool.release();
    pool.release();
    expect(granted).toEqual([0, 1, 2, 3]);
    pool.release();
    pool.release();
    pool.release();
    expect(granted).toEqual([0, 1, 2, 3, 4]);
    expect(pool.inUse).toBe(0);
    expect(pool.load).toBe(0);
  });
});

describe('RandomStreams', () => {
  it('sameSeedAndName_giveSameNumbers_otherNamesOrSeedsDiffer', () => {
    const a = new RandomStreams(42).stream('database.service');
    const b = new RandomStreams(42).stream('database.service');
    const c = new RandomStreams(42).stream('redis.latency');
    const d = new RandomStreams(43).stream('database.service');
    const xa = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xa);
    expect(Array.from({ length: 5 }, () => d())).not.toEqual(xa);
  });

  it('drawingFromOneStream_doesNotShiftAnother', () => {
    const s1 = new RandomStreams(7).stream('keyspace.a.keys');
    const rng2 = new RandomStreams(7);
    const noisy = rng2.stream('keyspace.b.keys');
    for (let i = 0; i < 1000; i++) noisy();
    const s2 = rng2.stream('keyspace.a.keys');
    expect(Array.from({ length: 10 }, () => s2())).toEqual(Array.from({ length: 10 }, () => s1()));
  });
});

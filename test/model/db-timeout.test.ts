/** Database timeouts: a query unanswered `timeout` after it reached the database fails, whether it waited or ran long. */
import { describe, expect, it } from 'vitest';
import { summaryOf } from '../helpers/run.ts';

const db = (service: string, timeout: string, rate: string, connections = 1) => `
horizon: 200s
keyspaces:
  - { name: q, keys: 1000, rate: ${rate}, arrival: constant }
hierarchy:
  database: { connections: ${connections}, service: ${service}, timeout: ${timeout} }
`;

describe('database timeout', () => {
  it('serviceLongerThanTimeout_everyQueryFails', () => {
    const s = summaryOf(db('300ms', '250ms', '2/s', 10));
    expect(s.requests.reads).toBeGreaterThan(390);
    expect(s.requests.errors).toBe(s.requests.reads);
    expect((s.layers.database as { errors: number }).errors).toBe(s.requests.reads);
  });

  it('serviceWithinTimeout_noQueueing_nothingFails', () => {
    const s = summaryOf(db('200ms', '250ms', '2/s', 10));
    expect(s.requests.errors).toBe(0);
    expect(s.latencyMs.max).toBeCloseTo(200, 6);
  });

  it('queueWaitPastTimeout_fails_whileQueriesThatStartInTimeSucceed', () => {
    // One connection, 100 ms queries, 20 arrivals/s evenly spaced: twice the capacity. Every query
    // waits longer than the one before; those that would finish more than 250 ms after arriving fail.
    const s = summaryOf(db('100ms', '250ms', '20/s'));
    expect(s.requests.errors).toBeGreaterThan(0.4 * s.requests.reads);
    expect(s.requests.errors).toBeLessThan(s.requests.reads);
    expect(s.latencyMs.max).toBeLessThanOrEqual(250);
  });
});

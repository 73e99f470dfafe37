/**
 * Redis `allkeys-lfu` (redis/src/evict.c `LFULogIncr`, `LFUDecrAndReturn`,
 * `LFUTimeElapsed`; object.c `createObject`). Each key has an 8-bit logarithmic counter
 * (new keys start at LFU_INIT_VAL = 5) and a 16-bit last-decrement time in minutes.
 * On access the counter first decays by one per `lfu-decay-time` minutes elapsed, then
 * grows with probability 1 / ((counter − 5) · lfu-log-factor + 1). The eviction pool
 * scores a key as 255 − its decayed counter.
 * Options: `samples` (5), `logFactor` (10), `decayTime` (1 minute).
 */
import { RedisPoolPolicy } from './internal/redis-pool.ts';
import { growUint8, growInt32 } from './internal/arrays.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const LFU_INIT_VAL = 5;

export class RedisLfu extends RedisPoolPolicy implements EvictionPolicy {
  readonly name = 'redis-lfu';
  private counter: Uint8Array;
  private ldt: Int32Array;
  private readonly logFactor: number;
  private readonly decayTime: number;

  constructor(ctx: PolicyContext) {
    super(ctx);
    this.counter = new Uint8Array(ctx.maxKeys);
    this.ldt = new Int32Array(ctx.maxKeys);
    this.logFactor = Number(ctx.options?.logFactor ?? 10);
    this.decayTime = Number(ctx.options?.decayTime ?? 1);
  }

  private minutes(): number {
    return Math.floor(this.ctx.now() / 60e6) & 65535;
  }

  private elapsed(ldt: number): number {
    const now = this.minutes();
    return now >= ldt ? now - ldt : 65535 - ldt + now;
  }

  /** The counter after decay (Redis's LFUDecrAndReturn; does not store it). */
  decayed(key: number): number {
    const c = this.counter[key];
    const periods = this.decayTime > 0 ? Math.floor(this.elapsed(this.ldt[key]) / this.decayTime) : 0;
    return periods > c ? 0 : c - periods;
  }

  override insert(key: number, size: number): void {
    super.insert(key, size);
    this.counter[key] = LFU_INIT_VAL;
    this.ldt[key] = this.minutes();
  }

  touch(key: number): void {
    let c = this.decayed(key);
    if (c < 255) {
      const base = Math.max(0, c - LFU_INIT_VAL);
      if (this.ctx.random() < 1 / (base * this.logFactor + 1)) c += 1;
    }
    this.counter[key] = c;
    this.ldt[key] = this.minutes();
  }

  protected idle(key: number): number {
    return 255 - this.decayed(key);
  }

  protected override growExtra(maxKeys: number): void {
    this.counter = growUint8(this.counter, maxKeys);
    this.ldt = growInt32(this.ldt, maxKeys);
  }
}

export const redisLfu = (ctx: PolicyContext): EvictionPolicy => new RedisLfu(ctx);

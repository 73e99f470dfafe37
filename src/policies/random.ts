/**
 * RANDOM — evicts a uniformly chosen resident entry (the baseline of Belady 1966).
 * Randomness comes only from the seeded `ctx.random` stream. No parameters.
 */
import { SetPolicy } from './internal/set-policy.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

export class RandomPolicy extends SetPolicy implements EvictionPolicy {
  constructor(
    ctx: PolicyContext,
    readonly name = 'random',
  ) {
    super(ctx);
  }

  touch(_key: number): void {
    // Recency and frequency play no part.
  }

  evict(): number {
    const victim = this.keys.pick(this.ctx.random);
    this.keys.delete(victim);
    return victim;
  }
}

export const random = (ctx: PolicyContext): EvictionPolicy => new RandomPolicy(ctx);

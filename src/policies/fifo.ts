/**
 * FIFO — first in, first out (Belady, "A study of replacement algorithms for a
 * virtual-storage computer", IBM Systems Journal 1966). Evicts the oldest insertion;
 * hits change nothing. No parameters.
 */
import { ListPolicy } from './internal/list-policy.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const Q = 0;

export class Fifo extends ListPolicy implements EvictionPolicy {
  readonly name = 'fifo';

  constructor(ctx: PolicyContext) {
    super(ctx, 1, [Q]);
  }

  insert(key: number, size: number): void {
    this.lists.pushHead(Q, key, size);
  }

  touch(_key: number): void {
    // FIFO ignores hits by definition.
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }

  evict(): number {
    return this.lists.popTail(Q);
  }
}

export const fifo = (ctx: PolicyContext): EvictionPolicy => new Fifo(ctx);

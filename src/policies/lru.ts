/**
 * LRU — least recently used (the classic; e.g. Mattson et al., "Evaluation techniques
 * for storage hierarchies", IBM Systems Journal 1970). Evicts the entry whose last
 * access is oldest. No parameters.
 *
 * One index-linked list: head = most recently used, tail = the victim.
 */
import { ListPolicy } from './internal/list-policy.ts';
import type { EvictionPolicy, PolicyContext } from './types.ts';

const L = 0;

export class Lru extends ListPolicy implements EvictionPolicy {
  readonly name = 'lru';

  constructor(ctx: PolicyContext) {
    super(ctx, 1, [L]);
  }

  insert(key: number, size: number): void {
    this.lists.pushHead(L, key, size);
  }

  touch(key: number): void {
    this.lists.moveToHead(L, key);
  }

  remove(key: number): void {
    this.lists.unlink(key);
  }

  evict(): number {
    return this.lists.popTail(L);
  }
}

export const lru = (ctx: PolicyContext): EvictionPolicy => new Lru(ctx);

/**
 * Shared skeleton of the list-based policies: the index-linked lists, growth, the
 * resident count, and the end-of-run invariant over the lists that hold resident
 * entries (ghost lists are excluded: they hold keys, not data).
 */
import { KeyLists } from './lists.ts';
import { checkOccupancy, sumCounts } from './invariants.ts';
import type { PolicyContext } from '../types.ts';

export abstract class ListPolicy {
  abstract readonly name: string;
  protected readonly lists: KeyLists;

  constructor(
    protected readonly ctx: PolicyContext,
    nLists: number,
    /** Indices of the lists whose entries are resident. */
    private readonly resident: readonly number[],
  ) {
    this.lists = new KeyLists(nLists, ctx.maxKeys);
  }

  get size(): number {
    let n = 0;
    for (const l of this.resident) n += this.lists.count[l];
    return n;
  }

  /** Sum of resident sizes. */
  protected residentBytes(): number {
    let b = 0;
    for (const l of this.resident) b += this.lists.bytes[l];
    return b;
  }

  /** True when `key` is in one of the resident lists. */
  protected isResident(key: number): boolean {
    return this.resident.includes(this.lists.listOf(key));
  }

  grow(maxKeys: number): void {
    this.lists.grow(maxKeys);
    this.growExtra(maxKeys);
  }

  /** Subclasses with more per-key arrays grow them here. */
  protected growExtra(_maxKeys: number): void {}

  finished(): void {
    const tracked = { entries: this.size, bytes: this.residentBytes() };
    const recounted = sumCounts(this.resident.map((l) => this.lists.recount(l)));
    checkOccupancy(this.name, this.ctx.capacity, tracked, recounted);
  }
}

/**
 * Shared skeleton of the policies that choose victims from a random sample of the
 * resident keys (random and the Redis approximations).
 */
import { ResidentSet } from './resident-set.ts';
import { checkOccupancy } from './invariants.ts';
import type { PolicyContext } from '../types.ts';

export abstract class SetPolicy {
  abstract readonly name: string;
  protected readonly keys: ResidentSet;

  constructor(protected readonly ctx: PolicyContext) {
    this.keys = new ResidentSet(ctx.maxKeys);
  }

  get size(): number {
    return this.keys.length;
  }

  insert(key: number, size: number): void {
    this.keys.add(key, size);
  }

  remove(key: number): void {
    this.keys.delete(key);
  }

  grow(maxKeys: number): void {
    this.keys.grow(maxKeys);
    this.growExtra(maxKeys);
  }

  protected growExtra(_maxKeys: number): void {}

  finished(): void {
    const tracked = { entries: this.keys.length, bytes: this.keys.bytes };
    checkOccupancy(this.name, this.ctx.capacity, tracked, this.keys.recount());
  }
}

/**
 * Clients and regions: each request comes from one client, and each client lives in
 * one region for the whole run (so its browser cache and its CDN PoP are fixed).
 * Regions get clients in proportion to their weight; a request picks a region by
 * weight and then a client uniformly within it, so every client returns at the same
 * mean rate (total rate / clients). Draws come from the `clients` stream only.
 */
import type { Uniform } from '../engine/rng.ts';
import type { ClientsSpec } from '../scenario/normalize.ts';

export class ClientPopulation {
  readonly regions: number;
  /** First client id of each region, and one past the last. */
  readonly firstClient: Int32Array;
  private readonly cumulative: Float64Array;
  region = 0;

  constructor(
    spec: ClientsSpec,
    private readonly random: Uniform,
  ) {
    this.regions = spec.regions.length;
    const total = spec.regions.reduce((s, r) => s + r.weight, 0);
    this.cumulative = new Float64Array(this.regions);
    this.firstClient = new Int32Array(this.regions + 1);
    let acc = 0;
    for (let g = 0; g < this.regions; g++) {
      acc += spec.regions[g].weight / total;
      this.cumulative[g] = acc;
      this.firstClient[g + 1] = g === this.regions - 1 ? spec.count : Math.round(acc * spec.count);
    }
  }

  get count(): number {
    return this.firstClient[this.regions];
  }

  /** Draws the next request's client; its region is left in `region`. */
  next(): number {
    const u = this.random();
    const v = this.random();
    let g = 0;
    while (g < this.regions - 1 && u >= this.cumulative[g]) g++;
    this.region = g;
    const first = this.firstClient[g];
    const n = this.firstClient[g + 1] - first;
    return n > 0 ? first + Math.floor(v * n) : first;
  }
}

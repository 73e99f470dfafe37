/**
 * Database loads per expiry. An episode opens when the shared cache finds a key's
 * entry expired and closes when that key is filled again; every database read of
 * the key started while the episode is open counts towards it. This is the
 * quantity behind "1000 requests fire against the database" and its closed form
 * 1 + λ·d for Poisson reads at rate λ and fill latency d without protection.
 */
export class StampedeTracker {
  /** Loads of the open episode per key, or -1 when none is open. */
  private readonly open: Int32Array;
  private readonly openedAt: Float64Array;
  private n = 0;
  private sum = 0;
  private max = 0;
  /** The largest episodes (loads, time, key), kept for annotating charts. */
  readonly largest: Array<{ loads: number; at: number; key: number }> = [];
  private readonly keep = 12;
  /** Per keyspace: the first global key id, name, and episode count / sum / max. */
  private offsets: number[] = [0];
  private names: string[] = [''];
  private perN: Float64Array = new Float64Array(1);
  private perSum: Float64Array = new Float64Array(1);
  private perMax: Float64Array = new Float64Array(1);

  constructor(maxKeys: number) {
    this.open = new Int32Array(maxKeys).fill(-1);
    this.openedAt = new Float64Array(maxKeys);
  }

  /** Names the keyspaces (by their first key id, ascending) so figures can also be given per keyspace. */
  setKeyspaces(offsets: readonly number[], names: readonly string[]): void {
    this.offsets = [...offsets];
    this.names = [...names];
    this.perN = new Float64Array(names.length);
    this.perSum = new Float64Array(names.length);
    this.perMax = new Float64Array(names.length);
  }

  /** Expiries and loads per expiry of each keyspace that had an expiry. */
  byKeyspace(): Record<string, { expiries: number; mean: number; max: number }> {
    const out: Record<string, { expiries: number; mean: number; max: number }> = {};
    this.names.forEach((name, i) => {
      if (this.perN[i] > 0) out[name] = { expiries: this.perN[i], mean: this.perSum[i] / this.perN[i], max: this.perMax[i] };
    });
    return out;
  }

  expired(key: number, now: number, counted: boolean): void {
    if (this.open[key] >= 0) this.close(key);
    if (!counted) return;
    this.open[key] = 0;
    this.openedAt[key] = now;
  }

  load(key: number): void {
    if (this.open[key] >= 0) this.open[key]++;
  }

  filled(key: number): void {
    if (this.open[key] >= 0) this.close(key);
  }

  /** Closes open episodes at the end of the run. */
  finish(): void {
    for (let k = 0; k < this.open.length; k++) if (this.open[k] >= 0) this.close(k);
  }

  summary(): { expiries: number; mean: number; max: number } {
    return { expiries: this.n, mean: this.n > 0 ? this.sum / this.n : 0, max: this.max };
  }

  private close(key: number): void {
    const loads = this.open[key];
    this.open[key] = -1;
    this.n++;
    this.sum += loads;
    if (loads > this.max) this.max = loads;
    let ks = this.offsets.length - 1;
    while (ks > 0 && this.offsets[ks] > key) ks--;
    this.perN[ks]++;
    this.perSum[ks] += loads;
    if (loads > this.perMax[ks]) this.perMax[ks] = loads;
    if (loads > 1 && (this.largest.length < this.keep || loads > this.largest[this.largest.length - 1].loads)) {
      this.largest.push({ loads, at: this.openedAt[key], key });
      this.largest.sort((a, b) => b.loads - a.loads || a.at - b.at);
      if (this.largest.length > this.keep) this.largest.pop();
    }
  }
}

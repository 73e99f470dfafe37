/**
 * Every client's browser cache in one table: client c owns slots
 * [c·entries, (c+1)·entries), each holding one response (key, version, the time
 * the response was born at the origin — now minus its Age on arrival — and its
 * size). Replacement is LRU within a client. 25 bytes per slot: 100,000 clients ×
 * 16 entries ≈ 40 MB, independent of the number of requests.
 */
export class BrowserCaches {
  readonly key: Int32Array;
  readonly version: Int32Array;
  readonly bornAt: Float64Array;
  readonly size: Int32Array;
  /** Background revalidation under way for this slot. */
  readonly revalidating: Uint8Array;
  private readonly lastUse: Uint32Array;
  private tick = 0;
  bytes = 0;
  peakBytes = 0;
  evictions = 0;

  constructor(
    readonly clients: number,
    readonly entries: number,
    private readonly onBytes: (bytes: number) => void,
    private readonly onEvict: () => void = () => {},
  ) {
    const n = clients * entries;
    this.key = new Int32Array(n).fill(-1);
    this.version = new Int32Array(n);
    this.bornAt = new Float64Array(n);
    this.size = new Int32Array(n);
    this.revalidating = new Uint8Array(n);
    this.lastUse = new Uint32Array(n);
  }

  /** Slot of `key` in the client's cache, or −1. */
  find(client: number, key: number): number {
    const first = client * this.entries;
    const end = first + this.entries;
    for (let s = first; s < end; s++) if (this.key[s] === key) return s;
    return -1;
  }

  touch(slot: number): void {
    this.lastUse[slot] = ++this.tick;
  }

  /** Stores a response (replacing the client's copy of the key, or its least recently used slot). */
  store(client: number, key: number, version: number, bornAt: number, size: number): void {
    let slot = this.find(client, key);
    if (slot < 0) {
      const first = client * this.entries;
      slot = first;
      for (let s = first; s < first + this.entries; s++) {
        if (this.key[s] < 0) {
          slot = s;
          break;
        }
        if (this.lastUse[s] < this.lastUse[slot]) slot = s;
      }
      if (this.key[slot] >= 0) {
        this.evictions++;
        this.onEvict();
      }
    }
    this.bytes += size - (this.key[slot] >= 0 ? this.size[slot] : 0);
    this.key[slot] = key;
    this.version[slot] = version;
    this.bornAt[slot] = bornAt;
    this.size[slot] = size;
    this.revalidating[slot] = 0;
    this.touch(slot);
    if (this.bytes > this.peakBytes) this.peakBytes = this.bytes;
    this.onBytes(this.bytes);
  }

  /** Drops everything (all clients clear their caches). */
  clear(): void {
    this.key.fill(-1);
    this.bytes = 0;
    this.onBytes(0);
  }
}

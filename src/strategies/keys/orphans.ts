/**
 * Orphans: shared-cache entries nobody can reach any more because the key they
 * were stored under is no longer the one readers compute (cache versioning). They
 * still hold memory until their TTL; this ledger counts those bytes over time.
 * The store itself drops an orphan at once (its slot is the key's), so orphans
 * here do not compete for the store's capacity: `peakBytes` is what Redis would
 * need on top of the reachable data.
 */
import type { Handler, Simulation } from '../../engine/simulation.ts';

export class Orphans {
  bytes = 0;
  peakBytes = 0;
  count = 0;
  /** Integral of orphan bytes over time (byte·seconds). */
  byteSeconds = 0;
  private since = 0;

  constructor(private readonly sim: Simulation) {}

  /** An entry of `size` bytes became unreachable now and is kept until `expiresAt` (µs). */
  add(size: number, expiresAt: number): void {
    this.advance();
    this.count++;
    this.bytes += size;
    if (this.bytes > this.peakBytes) this.peakBytes = this.bytes;
    if (expiresAt !== Number.POSITIVE_INFINITY) this.sim.at(expiresAt, this.release, size);
  }

  private readonly release: Handler = (size) => {
    this.advance();
    this.bytes -= size;
  };

  private advance(): void {
    const now = this.sim.now;
    this.byteSeconds += (this.bytes * (now - this.since)) / 1e6;
    this.since = now;
  }

  report(): Record<string, number> {
    this.advance();
    return { orphans: this.count, orphanPeakBytes: this.peakBytes, orphanByteSeconds: this.byteSeconds };
  }
}

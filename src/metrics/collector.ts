/**
 * Phase 5, collect: streaming counters, time-bucketed series and histograms that
 * tiers and the request path update as the run goes. Memory depends on the
 * horizon (buckets), the key count and the histogram ranges, never on the number
 * of requests. Counters honour the warm-up (requests issued before it are not
 * counted); series cover the whole run so the warm-up can be seen.
 */
import { LogHistogram } from './histogram.ts';
import { layerNames, type LayerName } from './layers.ts';
import { StampedeTracker } from './stampede.ts';
import { LayerStaleness } from './staleness.ts';

const MAX_LATENCY_GROUPS = 2000;

export class LayerStats {
  hits = 0;
  misses = 0;
  evictions = 0;
  expirations = 0;
  bytes = 0;
  peakBytes = 0;
  readonly hitsSeries: Float64Array;
  readonly missesSeries: Float64Array;
  /** Bytes held at the end of each bucket (last value written in the bucket). */
  readonly bytesSeries: Float64Array;
  constructor(
    readonly name: LayerName,
    buckets: number,
    readonly capacityBytes: number,
  ) {
    this.hitsSeries = new Float64Array(buckets);
    this.missesSeries = new Float64Array(buckets);
    this.bytesSeries = new Float64Array(buckets).fill(Number.NaN);
  }
}

export class DatabaseStats {
  reads = 0;
  writes = 0;
  errors = 0;
  /** Queries that got a connection, how many of them had to wait, and the total wait. */
  started = 0;
  queued = 0;
  queueWaitUs = 0;
  concurrency = 0;
  readonly queriesSeries: Float64Array;
  readonly concurrencySeries: Float64Array;
  constructor(buckets: number) {
    this.queriesSeries = new Float64Array(buckets);
    this.concurrencySeries = new Float64Array(buckets);
  }
}

export interface CollectorOptions {
  bucketUs: number;
  horizonUs: number;
  warmupUs: number;
  maxKeys: number;
}

export class Collector {
  readonly buckets: number;
  readonly bucketUs: number;
  readonly warmupUs: number;
  readonly layers: Array<LayerStats | undefined> = new Array(layerNames.length).fill(undefined);
  readonly db: DatabaseStats;
  readonly latency = new LogHistogram();
  readonly stalenessAge = new LogHistogram();
  /** Stale reads split by the layer that served them. */
  readonly stalenessByLayer = new LayerStaleness();
  /** End-to-end latency of reads, split by the layer that served them. */
  readonly latencyByLayer: LogHistogram[] = layerNames.map(() => new LogHistogram());
  /**
   * Coarse latency histograms (6% precision) for the p99-over-time series, one per
   * group of `latencyGroup` buckets so that memory stays bounded on long horizons.
   */
  readonly latencyByGroup: LogHistogram[];
  readonly latencyGroup: number;
  readonly requestsSeries: Float64Array;
  readonly servedBy = new Float64Array(layerNames.length);
  readonly stampede: StampedeTracker;
  reads = 0;
  writes = 0;
  errors = 0;
  staleReads = 0;
  lostWrites = 0;
  maxFlushLag = 0;

  constructor(opts: CollectorOptions) {
    this.bucketUs = opts.bucketUs;
    this.warmupUs = opts.warmupUs;
    this.buckets = Math.max(1, Math.ceil(opts.horizonUs / opts.bucketUs));
    this.db = new DatabaseStats(this.buckets);
    this.requestsSeries = new Float64Array(this.buckets);
    this.latencyGroup = Math.ceil(this.buckets / MAX_LATENCY_GROUPS);
    this.latencyByGroup = Array.from({ length: Math.ceil(this.buckets / this.latencyGroup) }, () => new LogHistogram(4, 42));
    this.stampede = new StampedeTracker(opts.maxKeys);
  }

  addLayer(name: LayerName, capacityBytes: number): LayerStats {
    const stats = new LayerStats(name, this.buckets, capacityBytes);
    this.layers[layerNames.indexOf(name)] = stats;
    return stats;
  }

  bucketOf(now: number): number {
    const b = Math.floor(now / this.bucketUs);
    return b < this.buckets ? b : this.buckets - 1;
  }

  counts(issuedAt: number): boolean {
    return issuedAt >= this.warmupUs;
  }

  hit(layer: LayerStats, now: number, issuedAt: number): void {
    layer.hitsSeries[this.bucketOf(now)]++;
    if (issuedAt >= this.warmupUs) layer.hits++;
  }

  miss(layer: LayerStats, now: number, issuedAt: number): void {
    layer.missesSeries[this.bucketOf(now)]++;
    if (issuedAt >= this.warmupUs) layer.misses++;
  }

  bytes(layer: LayerStats, now: number, bytes: number): void {
    layer.bytes = bytes;
    if (bytes > layer.peakBytes) layer.peakBytes = bytes;
    layer.bytesSeries[this.bucketOf(now)] = bytes;
  }

  dbEnter(now: number): void {
    const db = this.db;
    db.queriesSeries[this.bucketOf(now)]++;
    db.concurrency++;
    const b = this.bucketOf(now);
    if (db.concurrency > db.concurrencySeries[b]) db.concurrencySeries[b] = db.concurrency;
  }

  /** A query got a connection after waiting `waitUs` for it. */
  dbQueued(waitUs: number, issuedAt: number): void {
    if (issuedAt < this.warmupUs) return;
    const db = this.db;
    db.started++;
    if (waitUs > 0) db.queued++;
    db.queueWaitUs += waitUs;
  }

  dbLeave(): void {
    this.db.concurrency--;
  }

  requestIssued(now: number): void {
    this.requestsSeries[this.bucketOf(now)]++;
  }

  /** A read or write answered to the client; `latency` in µs end to end. */
  answered(now: number, issuedAt: number, latency: number, servedBy: number, isRead: boolean): void {
    this.latencyByGroup[Math.floor(this.bucketOf(now) / this.latencyGroup)].record(latency);
    if (issuedAt < this.warmupUs) return;
    this.latency.record(latency);
    if (isRead) {
      this.reads++;
      this.servedBy[servedBy]++;
      this.latencyByLayer[servedBy].record(latency);
    } else this.writes++;
  }

  failed(issuedAt: number, isRead: boolean): void {
    if (issuedAt < this.warmupUs) return;
    this.errors++;
    if (isRead) this.reads++;
    else this.writes++;
  }

  /** `layer`: index of the layer that served it (layers.ts), or -1 when unknown. */
  staleRead(issuedAt: number, ageUs: number, layer = -1): void {
    if (issuedAt < this.warmupUs) return;
    this.staleReads++;
    this.stalenessAge.record(ageUs);
    this.stalenessByLayer.record(layer, ageUs);
  }
}

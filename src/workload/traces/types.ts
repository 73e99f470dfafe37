/**
 * What trace readers produce: requests in batches of parallel typed arrays (no object
 * per request), keys already mapped to dense integer ids in order of first appearance.
 * A batch's arrays are reused for the next batch, so a consumer must finish with one
 * before returning from the callback.
 */

export const OP_READ = 0;
export const OP_WRITE = 1;
export const OP_DELETE = 2;

/** Which request fields a format carries (Caffeine's trace "features"). */
export interface TraceFields {
  time: boolean;
  size: boolean;
  op: boolean;
  ttl: boolean;
}

export interface TraceBatch {
  length: number;
  /** Dense key ids (0, 1, 2, … in order of first appearance). */
  keys: Int32Array;
  /** Object size in bytes (1 when the trace has no sizes). */
  sizes: Float64Array;
  /** Timestamp in microseconds (0 when the trace has no time). */
  times: Float64Array;
  /** OP_READ, OP_WRITE or OP_DELETE (OP_READ when the trace has no operation). */
  ops: Uint8Array;
  /** Time to live in microseconds; 0 = none. */
  ttls: Float64Array;
  /** Index (0-based, over all rows read so far) of the batch's first request. */
  firstIndex: number;
}

export interface TraceReadOptions {
  /** Count malformed rows instead of failing on the first one. */
  skipBadRows?: boolean;
  /** Multiplier from the time column's unit to microseconds (default 1e6: seconds). */
  timeScale?: number;
  /** Stop after this many requests (a prefix of the trace). */
  limit?: number;
  /** Requests per batch (default 65,536). */
  batchSize?: number;
}

export interface TraceSummary {
  requests: number;
  distinctKeys: number;
  /** Sum over distinct keys of the size at first appearance. */
  distinctBytes: number;
  skippedRows: number;
  /** The first few skipped rows, as `line N: problem`. */
  skippedExamples: string[];
}

export interface TraceReader {
  readonly format: string;
  readonly fields: TraceFields;
  /** The fields, after reading as little as needed (a CSV's header line). */
  probe(): Promise<TraceFields>;
  /** Streams the whole trace once, calling `onBatch` synchronously for each batch. */
  read(onBatch: (batch: TraceBatch) => void): Promise<TraceSummary>;
}

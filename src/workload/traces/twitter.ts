/**
 * Twitter's production cache traces (Yang, Yue, Rashmi, "A large scale analysis of
 * hundreds of in-memory cache clusters at Twitter", OSDI 2020; github
 * twitter/cache-trace): no header, seven columns
 * `timestamp,anonymized key,key size,value size,client id,operation,TTL`.
 * Timestamps are seconds; the object size is key size + value size; operations are
 * get/gets (reads), set/add/replace/cas/append/prepend/incr/decr (writes) and delete;
 * TTL is in seconds, 0 = none.
 */
import { openTraceBytes } from './source.ts';
import { IGNORE, KEY, OP, SIZE, TIME, TTL, readDelimited } from './delimited.ts';
import { layoutOf } from './csv.ts';
import type { TraceBatch, TraceFields, TraceReader, TraceReadOptions, TraceSummary } from './types.ts';

export const twitterLayout = layoutOf([TIME, KEY, SIZE, SIZE, IGNORE, OP, TTL], 44);

export class TwitterTraceReader implements TraceReader {
  readonly format = 'twitter';
  readonly fields = twitterLayout.fields;

  constructor(
    private readonly file: string,
    private readonly options: TraceReadOptions = {},
  ) {}

  probe(): Promise<TraceFields> {
    return Promise.resolve(this.fields);
  }

  read(onBatch: (batch: TraceBatch) => void): Promise<TraceSummary> {
    return readDelimited(openTraceBytes(this.file), { ...this.options, file: this.file, headerLines: 0, layout: twitterLayout }, onBatch);
  }
}

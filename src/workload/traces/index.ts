/**
 * Trace formats by name (one file per format). `openTrace` is what replay and the
 * simulator's trace workload call.
 */
import { inputError } from '../../scenario/errors.ts';
import { CsvTraceReader } from './csv.ts';
import { LibCacheSimCsvReader } from './libcachesim-csv.ts';
import { TwitterTraceReader } from './twitter.ts';
import type { TraceReader, TraceReadOptions } from './types.ts';

export * from './types.ts';

export const traceFormats = {
  csv: 'header naming time,key,size[,op,ttl] in any order (gzip read transparently)',
  'libcachesim-csv': 'columns by number: --trace-params "time-col=1,obj-id-col=2,obj-size-col=3,has-header=true"',
  twitter: 'timestamp,key,key size,value size,client id,operation,TTL (no header)',
} as const;

export type TraceFormat = keyof typeof traceFormats;

export interface OpenTraceOptions extends TraceReadOptions {
  format?: string;
  /** libcachesim-csv column parameters. */
  params?: string;
}

export function openTrace(file: string, options: OpenTraceOptions = {}): TraceReader {
  const format = options.format ?? 'csv';
  switch (format) {
    case 'csv':
      return new CsvTraceReader(file, options);
    case 'libcachesim-csv':
      return new LibCacheSimCsvReader(file, options.params ?? '', options);
    case 'twitter':
      return new TwitterTraceReader(file, options);
    default:
      throw inputError('', '--trace-format', `unknown trace format "${format}" (expected ${Object.keys(traceFormats).join(', ')})`);
  }
}

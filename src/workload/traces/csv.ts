/**
 * Plain CSV traces: a header naming the columns, in any order, among `time`, `key`,
 * `size`, `op`, `ttl` (case-insensitive; other columns are ignored; `key` is required).
 * Time is in seconds unless the caller scales it; TTL in seconds (0 = none); `op` is
 * get/set/delete or an alias (read/write, add/replace/cas/…). The bundled traces in
 * ../shared/traces use this format, gzipped or not.
 */
import { inputError } from '../../scenario/errors.ts';
import { openTraceBytes } from './source.ts';
import { IGNORE, KEY, OP, SIZE, TIME, TTL, readDelimited } from './delimited.ts';
import type { Layout } from './delimited.ts';
import type { TraceBatch, TraceFields, TraceReader, TraceReadOptions, TraceSummary } from './types.ts';

const ROLE_OF: Record<string, number> = { key: KEY, size: SIZE, time: TIME, op: OP, ttl: TTL };

/** Builds a layout from column roles, trimming ignored trailing columns. */
export function layoutOf(roles: number[], delimiter: number): Layout {
  let n = roles.length;
  while (n > 0 && roles[n - 1] === IGNORE) n--;
  const has = (r: number): boolean => roles.includes(r);
  return {
    roles: roles.slice(0, n),
    delimiter,
    fields: { time: has(TIME), size: has(SIZE), op: has(OP), ttl: has(TTL) },
  };
}

export function layoutFromHeader(file: string, header: string): Layout {
  const names = header.split(',').map((s) => s.trim().toLowerCase());
  const roles = names.map((n) => ROLE_OF[n] ?? IGNORE);
  for (const role of [KEY, SIZE, TIME, OP, TTL]) {
    if (roles.filter((r) => r === role).length > 1) {
      throw inputError(file, 'line 1', `column "${names[roles.indexOf(role)]}" appears twice in the header`);
    }
  }
  if (!roles.includes(KEY)) {
    throw inputError(file, 'line 1', `expected a header naming a "key" column (and optionally time, size, op, ttl), found "${header}"`);
  }
  return layoutOf(roles, 44);
}

export class CsvTraceReader implements TraceReader {
  readonly format = 'csv';
  fields = { time: false, size: false, op: false, ttl: false };

  constructor(
    private readonly file: string,
    private readonly options: TraceReadOptions = {},
  ) {}

  async probe(): Promise<TraceFields> {
    let header: string | undefined;
    for await (const chunk of openTraceBytes(this.file)) {
      header = (header ?? '') + chunk.toString('utf8');
      const nl = header.indexOf('\n');
      if (nl >= 0) {
        header = header.slice(0, nl);
        break;
      }
      if (header.length > 1 << 20) break;
    }
    if (header === undefined) throw inputError(this.file, 'line 1', 'expected a header line, found an empty file');
    this.fields = layoutFromHeader(this.file, header.replace(/\r$/, '')).fields;
    return this.fields;
  }

  async read(onBatch: (batch: TraceBatch) => void): Promise<TraceSummary> {
    return readDelimited(
      openTraceBytes(this.file),
      {
        ...this.options,
        file: this.file,
        headerLines: 1,
        onHeader: (line) => {
          const layout = layoutFromHeader(this.file, line);
          this.fields = layout.fields;
          return layout;
        },
      },
      onBatch,
    );
  }
}

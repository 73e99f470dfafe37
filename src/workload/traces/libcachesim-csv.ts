/**
 * libCacheSim-style CSV (libCacheSim `traceReader/generalReader/csv.c`): columns are
 * chosen by 1-based index with the same parameter names as libCacheSim's
 * `-t "time-col=1,obj-id-col=2,obj-size-col=3,has-header=true,delimiter=,"`; also
 * `op-col`, `ttl-col`. `obj-id-col` is required; `delimiter` is one character or
 * `comma`, `tab`, `space`; `has-header` defaults to false.
 */
import { inputError } from '../../scenario/errors.ts';
import { openTraceBytes } from './source.ts';
import { IGNORE, KEY, OP, SIZE, TIME, TTL, readDelimited } from './delimited.ts';
import { layoutOf } from './csv.ts';
import type { Layout } from './delimited.ts';
import type { TraceBatch, TraceFields, TraceReader, TraceReadOptions, TraceSummary } from './types.ts';

const COLUMN_PARAMS: Record<string, number> = {
  'time-col': TIME,
  'obj-id-col': KEY,
  'obj-size-col': SIZE,
  'op-col': OP,
  'ttl-col': TTL,
};
const DELIMITERS: Record<string, string> = { comma: ',', tab: '\t', space: ' ' };

export interface LibCacheSimCsvParams {
  layout: Layout;
  hasHeader: boolean;
}

/** Parses `key=value` pairs separated by commas (a `delimiter=,` value is allowed). */
export function parseLibCacheSimParams(text: string, flag = '--trace-params'): LibCacheSimCsvParams {
  const roles: number[] = [];
  let delimiter = ',';
  let hasHeader = false;
  const pairs = text.replace(/delimiter=,/g, 'delimiter=comma').split(',').filter((s) => s.trim() !== '');
  for (const pair of pairs) {
    const [name, value = ''] = pair.split('=').map((s) => s.trim());
    if (name in COLUMN_PARAMS) {
      const col = Number(value);
      if (!Number.isInteger(col) || col < 1) throw inputError('', flag, `${name} must be a column number ≥ 1, found "${value}"`);
      roles[col - 1] = COLUMN_PARAMS[name];
    } else if (name === 'delimiter') {
      delimiter = DELIMITERS[value] ?? value;
      if (delimiter.length !== 1) throw inputError('', flag, `delimiter must be one character, comma, tab or space, found "${value}"`);
    } else if (name === 'has-header') {
      hasHeader = value === 'true' || value === '1';
    } else if (name !== 'obj-id-is-num') {
      throw inputError('', flag, `unknown parameter "${name}" (expected ${[...Object.keys(COLUMN_PARAMS), 'delimiter', 'has-header'].join(', ')})`);
    }
  }
  const filled = Array.from(roles, (r) => r ?? IGNORE);
  if (!filled.includes(KEY)) throw inputError('', flag, 'expected obj-id-col=N naming the key column');
  return { layout: layoutOf(filled, delimiter.charCodeAt(0)), hasHeader };
}

export class LibCacheSimCsvReader implements TraceReader {
  readonly format = 'libcachesim-csv';
  readonly fields;
  private readonly params: LibCacheSimCsvParams;

  constructor(
    private readonly file: string,
    paramText: string,
    private readonly options: TraceReadOptions = {},
  ) {
    this.params = parseLibCacheSimParams(paramText);
    this.fields = this.params.layout.fields;
  }

  probe(): Promise<TraceFields> {
    return Promise.resolve(this.fields);
  }

  read(onBatch: (batch: TraceBatch) => void): Promise<TraceSummary> {
    const { layout, hasHeader } = this.params;
    return readDelimited(openTraceBytes(this.file), { ...this.options, file: this.file, headerLines: hasHeader ? 1 : 0, layout }, onBatch);
  }
}

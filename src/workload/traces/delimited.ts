/**
 * The byte-level parser behind every delimited trace format: it walks the raw
 * (decompressed) bytes once, splits rows and fields without creating strings, parses
 * numbers digit by digit, maps keys to ids and fills typed-array batches. Formats
 * differ only in their `Layout`: which column plays which role.
 *
 * Quoting is not supported (trace files do not quote); a row with too few columns, an
 * empty key, a non-numeric size/time/TTL or an unknown operation is malformed: an
 * InputError naming the line, or with `skipBadRows` a counted skip.
 */
import { inputError } from '../../scenario/errors.ts';
import { KeyMap } from './key-map.ts';
import { OP_DELETE, OP_READ, OP_WRITE } from './types.ts';
import type { TraceBatch, TraceFields, TraceReadOptions, TraceSummary } from './types.ts';

export const IGNORE = 0;
export const KEY = 1;
/** Sizes: several columns with this role are added (Twitter: key size + value size). */
export const SIZE = 2;
export const TIME = 3;
export const OP = 4;
export const TTL = 5;

export interface Layout {
  /** Role of each column, by 0-based index; columns beyond it are ignored. */
  roles: number[];
  delimiter: number;
  fields: TraceFields;
}

const OPS = new Map<string, number>([
  ...['get', 'gets', 'read', 'r', 'lookup'].map((s) => [s, OP_READ] as const),
  ...['set', 'add', 'replace', 'cas', 'append', 'prepend', 'incr', 'decr', 'write', 'w', 'put', 'update'].map((s) => [s, OP_WRITE] as const),
  ...['delete', 'del', 'd', 'remove'].map((s) => [s, OP_DELETE] as const),
]);

export const knownOps = [...OPS.keys()];

/** Parses [s, e) as a decimal number; NaN if it is not one. */
function parseNumber(buf: Buffer, s: number, e: number): number {
  if (s >= e) return NaN;
  let i = s;
  let v = 0;
  for (; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  if (i === e) return v;
  const text = buf.toString('latin1', s, e).trim();
  return text.length > 0 ? Number(text) : NaN;
}

export interface ParseOptions extends TraceReadOptions {
  file: string;
  /** Lines before the data (a header); `onHeader` receives the first one. */
  headerLines: number;
  layout?: Layout;
  onHeader?: (line: string) => Layout;
}

export async function readDelimited(
  bytes: AsyncIterable<Buffer>,
  opts: ParseOptions,
  onBatch: (batch: TraceBatch) => void,
): Promise<TraceSummary> {
  const cap = opts.batchSize ?? 65536;
  const timeScale = opts.timeScale ?? 1e6;
  const batch: TraceBatch = {
    length: 0,
    keys: new Int32Array(cap),
    sizes: new Float64Array(cap),
    times: new Float64Array(cap),
    ops: new Uint8Array(cap),
    ttls: new Float64Array(cap),
    firstIndex: 0,
  };
  const keyMap = new KeyMap();
  const summary: TraceSummary = { requests: 0, distinctKeys: 0, distinctBytes: 0, skippedRows: 0, skippedExamples: [] };
  let layout = opts.layout;
  let roles = new Uint8Array(layout?.roles ?? []);
  let delim = layout?.delimiter ?? 44;
  let hasSize = layout?.fields.size ?? false;
  let headerLeft = opts.headerLines;
  let line = 0;
  let rest: Buffer | null = null;
  const limit = opts.limit ?? Infinity;
  let done = limit <= 0;

  const bad = (message: string): void => {
    if (!opts.skipBadRows) throw inputError(opts.file, `line ${line}`, message);
    summary.skippedRows += 1;
    if (summary.skippedExamples.length < 5) summary.skippedExamples.push(`line ${line}: ${message}`);
  };
  const flush = (): void => {
    if (batch.length === 0) return;
    onBatch(batch);
    summary.requests += batch.length;
    batch.firstIndex = summary.requests;
    batch.length = 0;
  };

  /** Slow path for a field that is not plain digits: decimals, signs, exponents, text. */
  const fieldValue = (buf: Buffer, role: number, col: number, fs: number, fe: number): number => {
    if (role === OP) {
      const name = buf.toString('latin1', fs, fe).trim().toLowerCase();
      const code = OPS.get(name);
      if (code === undefined) problem ||= `unknown operation "${name}" in column ${col + 1} (expected one of ${knownOps.join(', ')})`;
      return code ?? OP_READ;
    }
    if (role === KEY) {
      if (fe > fs) return keyMap.idOfString(buf.toString('utf8', fs, fe));
      problem ||= `empty key in column ${col + 1}`;
      return -1;
    }
    const v = parseNumber(buf, fs, fe);
    const what = role === SIZE ? 'a size (bytes ≥ 0)' : role === TTL ? 'a TTL (seconds ≥ 0)' : 'a number (time)';
    if (Number.isNaN(v) || (role !== TIME && v < 0)) problem ||= `expected ${what} in column ${col + 1}, found "${buf.toString('utf8', fs, fe)}"`;
    return v;
  };
  let problem = '';

  // One pass over the bytes: digits accumulate into `v` as they are read; at each
  // delimiter the field is dispatched by its column's role. Only fields that are not
  // plain digits (string keys, decimals, operations) take the slow path.
  const parseRows = (buf: Buffer, end: number): void => {
    const rolesL = roles;
    const nRoles = rolesL.length;
    const d = delim;
    let p = 0;
    while (p < end && !done) {
      line += 1;
      if (headerLeft > 0) {
        let lineEnd = buf.indexOf(10, p);
        if (lineEnd < 0 || lineEnd > end) lineEnd = end;
        headerLeft -= 1;
        if (opts.onHeader && layout === undefined) {
          const stop = lineEnd > p && buf[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
          layout = opts.onHeader(buf.toString('utf8', p, stop));
          roles = new Uint8Array(layout.roles);
          delim = layout.delimiter;
          hasSize = layout.fields.size;
          parseRows(buf.subarray(lineEnd + 1), end - lineEnd - 1);
          return;
        }
        p = lineEnd + 1;
        continue;
      }
      if (buf[p] === 10 || buf[p] === 13) {
        p += buf[p] === 13 && buf[p + 1] === 10 ? 2 : 1;
        continue; // blank line
      }
      let key = -1;
      let size = 0;
      let time = 0;
      let op = OP_READ;
      let ttl = 0;
      let col = 0;
      let fs = p;
      let v = 0;
      let plain = true;
      for (;;) {
        const c = p < end ? buf[p] : 10;
        if (c !== d && c !== 10 && c !== 13) {
          const digit = c - 48;
          if (digit >= 0 && digit <= 9) v = v * 10 + digit;
          else plain = false;
          p++;
          continue;
        }
        const role = col < nRoles ? rolesL[col] : IGNORE;
        if (role !== IGNORE) {
          const len = p - fs;
          if (plain && len > 0 && (role !== KEY || (len <= 15 && (buf[fs] !== 48 || len === 1)))) {
            if (role === KEY) key = keyMap.idOfNumber(v);
            else if (role === SIZE) size += v;
            else if (role === TIME) time = v * timeScale;
            else if (role === TTL) ttl = v * 1e6;
            else op = fieldValue(buf, role, col, fs, p);
          } else {
            const x = fieldValue(buf, role, col, fs, p);
            if (role === KEY) key = x;
            else if (role === SIZE) size += x;
            else if (role === TIME) time = x * timeScale;
            else if (role === TTL) ttl = x * 1e6;
            else op = x;
          }
        }
        col += 1;
        if (c !== d) break;
        p++;
        fs = p;
        v = 0;
        plain = true;
      }
      // p is at '\r', '\n' or the end; step past the line ending.
      if (p < end && buf[p] === 13) p++;
      p++;
      if (col < nRoles && problem === '') problem = `expected ${nRoles} columns, found ${col}`;
      if (problem !== '') {
        bad(problem);
        problem = '';
        continue;
      }
      if (key >= summary.distinctKeys) {
        summary.distinctKeys = key + 1;
        summary.distinctBytes += hasSize ? size : 1;
      }
      const n = batch.length;
      batch.keys[n] = key;
      batch.sizes[n] = hasSize ? size : 1;
      batch.times[n] = time;
      batch.ops[n] = op;
      batch.ttls[n] = ttl;
      batch.length = n + 1;
      if (summary.requests + n + 1 >= limit) done = true;
      if (n + 1 === cap) flush();
    }
  };

  for await (const chunk of bytes) {
    if (done) break;
    let buf: Buffer = chunk;
    if (rest !== null) {
      buf = Buffer.concat([rest, chunk]);
      rest = null;
    }
    const lastNl = buf.lastIndexOf(10);
    if (lastNl < 0) {
      rest = buf;
      continue;
    }
    parseRows(buf, lastNl);
    if (lastNl + 1 < buf.length) rest = buf.subarray(lastNl + 1);
  }
  if (!done && rest !== null && rest.length > 0) parseRows(rest, rest.length);
  flush();
  if (layout === undefined) throw inputError(opts.file, 'line 1', 'expected a header line, found an empty file');
  return summary;
}

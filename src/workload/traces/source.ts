/**
 * Opens a trace file as a stream of byte chunks, decompressing gzip transparently
 * (recognised by its magic bytes, not the file name). zlib inflates on libuv's thread
 * pool, so decompression overlaps with parsing on the main thread.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { inputError } from '../../scenario/errors.ts';

export function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export function openTraceBytes(path: string): AsyncIterable<Buffer> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw inputError(path, '', 'trace file not found');
  }
  if (!st.isFile()) throw inputError(path, '', 'expected a trace file, found a directory or device');
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!isGzip(path)) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

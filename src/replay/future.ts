/**
 * What offline policies need from the future: for request i, the index of the next
 * request for the same key (-1 if none). Computed backwards in one pass over the
 * trace's key ids, which is why Belady is the one case where a trace is held whole.
 */
import { growInt32 } from '../policies/internal/arrays.ts';
import type { TraceReader, TraceSummary } from '../workload/traces/index.ts';

export function nextUseIndices(keys: Int32Array, n: number, distinctKeys: number): Int32Array {
  const next = new Int32Array(n);
  const seen = new Int32Array(distinctKeys).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const k = keys[i];
    next[i] = seen[k];
    seen[k] = i;
  }
  return next;
}

/** Reads the trace once for its summary and, if asked, every request's key id. */
export async function scanTrace(reader: TraceReader, keepKeys: boolean): Promise<{ summary: TraceSummary; keys?: Int32Array }> {
  let keys: Int32Array = new Int32Array(keepKeys ? 1 << 20 : 0);
  let n = 0;
  const summary = await reader.read((b) => {
    if (!keepKeys) return;
    if (n + b.length > keys.length) keys = growInt32(keys, Math.max(2 * keys.length, n + b.length));
    keys.set(b.keys.subarray(0, b.length), n);
    n += b.length;
  });
  return keepKeys ? { summary, keys: keys.subarray(0, n) } : { summary };
}

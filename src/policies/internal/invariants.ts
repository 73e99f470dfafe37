/**
 * End-of-run invariant shared by every policy (DESIGN §4): what a policy holds never
 * exceeds the capacity it was given, and the running totals it keeps agree with a
 * fresh recount of its structures. A violation is a bug in the policy, so it throws.
 */
export function checkOccupancy(
  policy: string,
  capacity: number,
  tracked: { entries: number; bytes: number },
  recounted: { entries: number; bytes: number },
): void {
  if (tracked.entries !== recounted.entries || Math.abs(tracked.bytes - recounted.bytes) > 1e-6) {
    throw new Error(
      `${policy}: tracked ${tracked.entries} entries / ${tracked.bytes} size but recounted ` +
        `${recounted.entries} / ${recounted.bytes}`,
    );
  }
  if (recounted.bytes > capacity) {
    throw new Error(`${policy}: occupancy ${recounted.bytes} exceeds capacity ${capacity}`);
  }
}

/** Sums [entries, size] pairs from `KeyLists.recount` over the resident lists. */
export function sumCounts(parts: Array<[number, number]>): { entries: number; bytes: number } {
  let entries = 0;
  let bytes = 0;
  for (const [n, b] of parts) {
    entries += n;
    bytes += b;
  }
  return { entries, bytes };
}

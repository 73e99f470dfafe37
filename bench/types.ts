/** A benchmark case: runs once and returns its figures (`case` names it in the JSON lines). */
export interface BenchCase {
  name: string;
  run(): Promise<Record<string, number | string>>;
}

export function peakRssMB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

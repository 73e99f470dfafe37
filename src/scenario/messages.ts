/**
 * Every user-facing message about input lives here, so wording stays consistent
 * and tests can pin it.
 */
export function quote(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export const messages = {
  unknownKey: (key: string, suggestion: string | undefined) =>
    `unknown key ${quote(key)}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ''}`,
  required: (what: string) => `required: expected ${what}`,
  expectedOneOf: (options: readonly string[], got: unknown) =>
    `expected one of ${options.join(', ')}, got ${quote(got)}`,
  notReadable: (reason: string) => `cannot read the file: ${reason}`,
  yamlSyntax: (reason: string) => `not valid YAML: ${reason}`,
  jsonSyntax: (reason: string) => `not valid JSON: ${reason}`,
  notAnObject: () => 'expected a mapping of scenario settings at the top level',
  variantPath: (path: string) => `variant sets ${quote(path)}, which is not a scenario setting`,
  variantsShape: () => 'expected a list of { name, set } variants or a mapping from setting path to a list of values',
  unknownName: (kind: string, name: string, known: readonly string[], suggestion: string | undefined) =>
    `unknown ${kind} ${quote(name)}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ''}; known: ${known.join(', ')}`,
  offlinePolicy: (name: string) =>
    `policy ${quote(name)} needs to know every future request, which only a recorded trace has; use it with cachesim replay`,
  ratesMissing: () => 'each keyspace needs a rate, or a share of workload.rate',
  warmupTooLong: () => 'warmup must be shorter than horizon',
} as const;

/** Closest candidate by edit distance, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

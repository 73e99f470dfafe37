/**
 * HTTP caching rules (RFC 9111, with the RFC 5861 extensions) as pure functions of
 * a parsed Cache-Control, the kind of cache and the age of a stored response. The
 * browser and CDN tiers only ask these functions; nothing here knows about time,
 * events or stores, so the rules are tested as a table (test/tiers/http-rules.test.ts).
 *
 * Deliberate readings of the RFCs:
 *  - no heuristic freshness: a response without max-age/s-maxage is stored (if
 *    allowed) but is stale at once, so it is always revalidated (§4.2.2 makes
 *    heuristics optional; a simulator should not invent lifetimes);
 *  - `no-cache` is stored but never fresh (§5.2.2.4);
 *  - serving stale is forbidden by `must-revalidate`, and in a shared cache also by
 *    `proxy-revalidate` and `s-maxage`, which "incorporates the semantics of
 *    proxy-revalidate" (§5.2.2.10, §4.2.4) — this overrides stale-while-revalidate
 *    and stale-if-error, exactly as §4.2.4 says for any stale response;
 *  - `immutable` (RFC 8246): while fresh, never revalidated, even on a reload.
 * All durations are microseconds.
 */

export const BROWSER_CACHE = 0;
export const SHARED_CACHE = 1;
export type CacheKind = typeof BROWSER_CACHE | typeof SHARED_CACHE;

export interface CacheControl {
  readonly maxAge: number | undefined;
  readonly sMaxAge: number | undefined;
  readonly isPublic: boolean;
  readonly isPrivate: boolean;
  readonly noStore: boolean;
  readonly noCache: boolean;
  readonly immutable: boolean;
  readonly mustRevalidate: boolean;
  readonly proxyRevalidate: boolean;
  /** stale-while-revalidate window after expiry (µs, 0 = none). */
  readonly staleWhileRevalidate: number;
  /** stale-if-error window after expiry (µs, 0 = none). */
  readonly staleIfError: number;
}

/** What a cache does with a stored response of a given age. */
export const FRESH = 0;
/** Stale but within stale-while-revalidate: answer now, revalidate in the background. */
export const STALE_REVALIDATE = 1;
/** Stale: the request must go to the origin (stale-if-error may still save it). */
export const STALE_FETCH = 2;
export type Freshness = typeof FRESH | typeof STALE_REVALIDATE | typeof STALE_FETCH;

const SECOND = 1e6;

/** Parses a Cache-Control header value; unknown directives are ignored (§5.2.3). Throws on a malformed number. */
export function parseCacheControl(header: string): CacheControl {
  const seconds = new Map<string, number>();
  const flags = new Set<string>();
  for (const raw of header.split(',')) {
    const part = raw.trim().toLowerCase();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      flags.add(part);
      continue;
    }
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!/^[0-9]+$/.test(value)) throw new Error(`Cache-Control ${name}=${value}: expected whole seconds`);
    seconds.set(name, Number(value) * SECOND);
  }
  return {
    maxAge: seconds.get('max-age'),
    sMaxAge: seconds.get('s-maxage'),
    isPublic: flags.has('public'),
    isPrivate: flags.has('private'),
    noStore: flags.has('no-store'),
    noCache: flags.has('no-cache'),
    immutable: flags.has('immutable'),
    mustRevalidate: flags.has('must-revalidate'),
    proxyRevalidate: flags.has('proxy-revalidate'),
    staleWhileRevalidate: seconds.get('stale-while-revalidate') ?? 0,
    staleIfError: seconds.get('stale-if-error') ?? 0,
  };
}

/** May this cache store the response at all? (§3: no-store nowhere; private not in shared caches.) */
export function storable(cc: CacheControl, kind: CacheKind): boolean {
  if (cc.noStore) return false;
  if (kind === SHARED_CACHE && cc.isPrivate) return false;
  return true;
}

/** Freshness lifetime (§4.2.1): s-maxage first in a shared cache, then max-age; 0 when none or no-cache. */
export function freshnessLifetime(cc: CacheControl, kind: CacheKind): number {
  if (cc.noCache) return 0;
  if (kind === SHARED_CACHE && cc.sMaxAge !== undefined) return cc.sMaxAge;
  return cc.maxAge ?? 0;
}

/** May this cache serve the response once it is stale? (§4.2.4.) */
export function staleAllowed(cc: CacheControl, kind: CacheKind): boolean {
  if (cc.mustRevalidate || cc.noCache) return false;
  if (kind === SHARED_CACHE && (cc.proxyRevalidate || cc.sMaxAge !== undefined)) return false;
  return true;
}

/** How a stored response of `age` µs is to be used for a request. */
export function freshness(cc: CacheControl, kind: CacheKind, age: number): Freshness {
  const lifetime = freshnessLifetime(cc, kind);
  if (age < lifetime) return FRESH;
  if (staleAllowed(cc, kind) && age < lifetime + cc.staleWhileRevalidate) return STALE_REVALIDATE;
  return STALE_FETCH;
}

/** When the origin failed: may the stale copy of `age` be served instead of the error? (RFC 5861 §4.) */
export function staleOnError(cc: CacheControl, kind: CacheKind, age: number): boolean {
  return staleAllowed(cc, kind) && age < freshnessLifetime(cc, kind) + cc.staleIfError;
}

/** Is a fresh hit answered without contacting the origin even when the user reloads? (RFC 8246.) */
export function skipsRevalidationOnReload(cc: CacheControl, kind: CacheKind, age: number): boolean {
  return cc.immutable && freshness(cc, kind, age) === FRESH;
}

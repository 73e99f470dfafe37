/**
 * The HTTP caching rules as a table: Cache-Control × age × cache kind → stored?,
 * fresh?, stale served (while revalidating / on error)?, revalidation started?
 * Each rule of RFC 9111 / RFC 5861 / RFC 8246 the tiers rely on has a row.
 */
import { describe, expect, it } from 'vitest';
import {
  BROWSER_CACHE, SHARED_CACHE, FRESH, STALE_REVALIDATE, STALE_FETCH,
  freshness, parseCacheControl, skipsRevalidationOnReload, staleOnError, storable,
  type CacheKind,
} from '../../src/tiers/http/rules.ts';

interface Row {
  rule: string;
  cc: string;
  kind: CacheKind;
  ageS: number;
  stored: boolean;
  fresh: boolean;
  /** Served stale at once, with one background revalidation started. */
  swr: boolean;
  /** Served stale when the origin fails. */
  onError: boolean;
}

const B = BROWSER_CACHE;
const S = SHARED_CACHE;
const rows: Row[] = [
  { rule: 'max-age: fresh before', cc: 'public, max-age=60', kind: S, ageS: 59, stored: true, fresh: true, swr: false, onError: true },
  { rule: 'max-age: stale at exactly max-age', cc: 'public, max-age=60', kind: S, ageS: 60, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'max-age: browser the same', cc: 'max-age=60', kind: B, ageS: 30, stored: true, fresh: true, swr: false, onError: true },
  { rule: 's-maxage overrides max-age in a shared cache', cc: 'max-age=10, s-maxage=300', kind: S, ageS: 100, stored: true, fresh: true, swr: false, onError: false },
  { rule: 's-maxage is ignored by the browser', cc: 'max-age=10, s-maxage=300', kind: B, ageS: 100, stored: true, fresh: false, swr: false, onError: false },
  { rule: 's-maxage forbids stale in a shared cache', cc: 's-maxage=10, stale-while-revalidate=60, stale-if-error=60', kind: S, ageS: 20, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'private: browser stores', cc: 'private, max-age=60', kind: B, ageS: 1, stored: true, fresh: true, swr: false, onError: true },
  { rule: 'private: the CDN does not store', cc: 'private, max-age=60', kind: S, ageS: 1, stored: false, fresh: true, swr: false, onError: true },
  { rule: 'no-store: browser does not store', cc: 'no-store', kind: B, ageS: 0, stored: false, fresh: false, swr: false, onError: false },
  { rule: 'no-store: CDN does not store', cc: 'no-store, max-age=60', kind: S, ageS: 0, stored: false, fresh: true, swr: false, onError: true },
  { rule: 'no-cache: stored, never fresh, no stale', cc: 'no-cache, max-age=60, stale-while-revalidate=60', kind: B, ageS: 1, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'no freshness information: stale at once', cc: 'public', kind: S, ageS: 0, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'swr: inside the window serves stale and revalidates', cc: 'max-age=60, stale-while-revalidate=30', kind: S, ageS: 75, stored: true, fresh: false, swr: true, onError: false },
  { rule: 'swr: window starts at expiry', cc: 'max-age=60, stale-while-revalidate=30', kind: B, ageS: 60, stored: true, fresh: false, swr: true, onError: false },
  { rule: 'swr: past the window the client waits', cc: 'max-age=60, stale-while-revalidate=30', kind: S, ageS: 90, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'sie: inside the window an error is hidden', cc: 'max-age=60, stale-if-error=600', kind: S, ageS: 500, stored: true, fresh: false, swr: false, onError: true },
  { rule: 'sie: past the window the error shows', cc: 'max-age=60, stale-if-error=600', kind: S, ageS: 700, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'must-revalidate forbids swr and sie', cc: 'max-age=60, must-revalidate, stale-while-revalidate=30, stale-if-error=30', kind: B, ageS: 70, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'proxy-revalidate forbids stale only in shared caches (shared)', cc: 'max-age=60, proxy-revalidate, stale-while-revalidate=30', kind: S, ageS: 70, stored: true, fresh: false, swr: false, onError: false },
  { rule: 'proxy-revalidate forbids stale only in shared caches (browser)', cc: 'max-age=60, proxy-revalidate, stale-while-revalidate=30', kind: B, ageS: 70, stored: true, fresh: false, swr: true, onError: false },
  { rule: 'immutable: fresh for its max-age, then stale as usual', cc: 'public, max-age=31536000, immutable', kind: B, ageS: 86400, stored: true, fresh: true, swr: false, onError: true },
  { rule: 'directives are case-insensitive and spaced freely', cc: 'Public,MAX-AGE=60 ,  Stale-While-Revalidate="30"', kind: S, ageS: 80, stored: true, fresh: false, swr: true, onError: false },
];

describe('HTTP caching rules', () => {
  for (const row of rows) {
    it(`${row.rule}: ${row.cc} (${row.kind === B ? 'browser' : 'shared'}, age ${row.ageS}s)`, () => {
      const cc = parseCacheControl(row.cc);
      const age = row.ageS * 1e6;
      const f = freshness(cc, row.kind, age);
      expect(storable(cc, row.kind)).toBe(row.stored);
      expect(f === FRESH).toBe(row.fresh);
      expect(f === STALE_REVALIDATE).toBe(row.swr);
      if (!row.fresh && !row.swr) expect(f).toBe(STALE_FETCH);
      expect(staleOnError(cc, row.kind, age)).toBe(row.onError);
    });
  }

  it('immutable_freshHit_isNotRevalidatedOnReload_butOtherFreshHitsAre', () => {
    expect(skipsRevalidationOnReload(parseCacheControl('max-age=600, immutable'), BROWSER_CACHE, 10e6)).toBe(true);
    expect(skipsRevalidationOnReload(parseCacheControl('max-age=600'), BROWSER_CACHE, 10e6)).toBe(false);
    expect(skipsRevalidationOnReload(parseCacheControl('max-age=600, immutable'), BROWSER_CACHE, 700e6)).toBe(false);
  });

  it('parse_malformedSeconds_throws', () => {
    expect(() => parseCacheControl('max-age=ten')).toThrow(/max-age=ten/);
  });
});

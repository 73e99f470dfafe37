/**
 * Staleness windows: per key, the intervals during which some cache layer would
 * serve a superseded version — it holds an unexpired entry whose version is older
 * than the database's. A window opens when a write supersedes a cached version (or
 * a slow reader fills an old one: the read-then-set race) and closes when the last
 * such entry is deleted, overwritten, evicted or expires.
 *
 * The request path calls `check(key)` after every change to a key (fill, delete,
 * commit, eviction). Expiry is the one change that happens without an event, but
 * its time is known: an open window closes by itself at the latest expiry among
 * its stale entries unless some change intervenes, and every change runs a check.
 * So the window records that time (`closesAt`) and the next check, or the end of
 * the run, closes it there — exactly, without a timer per window (which would
 * fill the event queue with checks an hour ahead). A check loops over the stores
 * (a handful), so the cost per write or fill is constant.
 *
 * Windows still open at the horizon are closed there (right-censored); stale
 * entries without a TTL make such windows as long as the rest of the run.
 */
import type { Store } from '../tiers/store.ts';
import { LogHistogram } from './histogram.ts';

export class StalenessWindows {
  readonly lengths = new LogHistogram();
  /** Windows closed (including those censored at the horizon). */
  count = 0;
  /** Keys that had at least one window. */
  keys = 0;
  /** Fills that stored a version already superseded: the read-then-set race caught in the act. */
  staleFills = 0;
  private readonly openedAt: Float64Array;
  /** When the open window closes by expiry if nothing else happens (Infinity: entries without TTL). */
  private readonly closesAt: Float64Array;
  private readonly hadWindow: Uint8Array;

  constructor(
    private readonly stores: readonly Store[],
    private readonly dbVersion: Int32Array,
    maxKeys: number,
    /** Windows opened before this (the warm-up) are not counted. */
    private readonly warmup: number,
  ) {
    this.openedAt = new Float64Array(maxKeys).fill(-1);
    this.closesAt = new Float64Array(maxKeys);
    this.hadWindow = new Uint8Array(maxKeys);
  }

  /** Re-evaluates `key` after a change at `now`. */
  check(key: number, now: number): void {
    // A window whose stale entries all expired before this change ended at that expiry.
    if (this.openedAt[key] >= 0 && this.closesAt[key] <= now) this.close(key, this.closesAt[key]);
    const current = this.dbVersion[key];
    let latest = -1;
    for (let s = 0; s < this.stores.length; s++) {
      const st = this.stores[s];
      if (st.has(key) && st.versionOf(key) < current) {
        const e = st.expiresAtOf(key);
        if (e > now && e > latest) latest = e;
      }
    }
    if (latest < 0) {
      if (this.openedAt[key] >= 0) this.close(key, now);
      return;
    }
    if (this.openedAt[key] < 0) this.openedAt[key] = now;
    this.closesAt[key] = latest;
  }

  /**
   * A cache stored `version` of `key` now. Storing the current version cannot open a
   * window, so unless one is open already there is nothing to re-evaluate — the
   * common case, kept off the stores' per-key arrays.
   */
  filled(key: number, version: number, now: number): void {
    if (version < this.dbVersion[key]) {
      if (now >= this.warmup) this.staleFills++;
      this.check(key, now);
    } else if (this.openedAt[key] >= 0) this.check(key, now);
  }

  /** A cache dropped `key` (delete, eviction): that can only close a window, so only an open one is re-evaluated. */
  removed(key: number, now: number): void {
    if (this.openedAt[key] >= 0) this.check(key, now);
  }

  /** After a whole store was emptied (restart, flush, deploy): every open window is re-checked. */
  checkAll(now: number): void {
    for (let k = 0; k < this.openedAt.length; k++) if (this.openedAt[k] >= 0) this.check(k, now);
  }

  /** Closes the windows still open at the end of the run. */
  finish(now: number): void {
    for (let k = 0; k < this.openedAt.length; k++) if (this.openedAt[k] >= 0) this.close(k, Math.min(now, this.closesAt[k]));
  }

  private close(key: number, now: number): void {
    const from = this.openedAt[key];
    this.openedAt[key] = -1;
    // A window that closes at the instant it opened (a write and its delete at one moment) served nothing.
    if (from < this.warmup || now === from) return;
    this.count++;
    this.lengths.record(now - from);
    if (this.hadWindow[key] === 0) {
      this.hadWindow[key] = 1;
      this.keys++;
    }
  }
}

/**
 * Staleness windows: per key, the intervals during which some cache layer would
 * serve a superseded version — it holds an unexpired entry whose version is older
 * than the database's. A window opens when a write supersedes a cached version (or
 * a slow reader fills an old one: the read-then-set race) and closes when the last
 * such entry is deleted, overwritten, evicted or expires.
 *
 * The request path calls `check(key)` after every change to a key (fill, delete,
 * commit, eviction); expiry changes nothing at an event, so a check is scheduled
 * at the latest expiry among the stale entries. A check loops over the stores
 * (a handful), so the cost per write or fill is constant.
 *
 * Windows still open at the horizon are closed there (right-censored); stale
 * entries without a TTL make such windows as long as the rest of the run.
 */
import type { Handler, Simulation } from '../engine/simulation.ts';
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
  private readonly checkAt: Float64Array;
  private readonly hadWindow: Uint8Array;
  private readonly onCheck: Handler = (key) => this.check(key, this.sim.now);

  constructor(
    private readonly sim: Simulation,
    private readonly stores: readonly Store[],
    private readonly dbVersion: Int32Array,
    maxKeys: number,
    /** Windows opened before this (the warm-up) are not counted. */
    private readonly warmup: number,
  ) {
    this.openedAt = new Float64Array(maxKeys).fill(-1);
    this.checkAt = new Float64Array(maxKeys).fill(-1);
    this.hadWindow = new Uint8Array(maxKeys);
  }

  /** Re-evaluates `key` after a change at `now`. */
  check(key: number, now: number): void {
    const current = this.dbVersion[key];
    let latest = -1;
    for (let s = 0; s < this.stores.length; s++) {
      const st = this.stores[s];
      if (st.has(key) && st.version[key] < current) {
        const e = st.expiresAt[key];
        if (e > now && e > latest) latest = e;
      }
    }
    if (latest < 0) {
      if (this.openedAt[key] >= 0) this.close(key, now);
      return;
    }
    if (this.openedAt[key] < 0) this.openedAt[key] = now;
    if (latest !== Number.POSITIVE_INFINITY && latest > this.checkAt[key]) {
      this.checkAt[key] = latest;
      this.sim.at(latest, this.onCheck, key);
    }
  }

  /** A cache stored `version` of `key` now. */
  filled(key: number, version: number, now: number): void {
    if (version < this.dbVersion[key] && now >= this.warmup) this.staleFills++;
    this.check(key, now);
  }

  /** After a whole store was emptied (restart, flush, deploy): every open window is re-checked. */
  checkAll(now: number): void {
    for (let k = 0; k < this.openedAt.length; k++) if (this.openedAt[k] >= 0) this.check(k, now);
  }

  /** Closes the windows still open at the end of the run. */
  finish(now: number): void {
    for (let k = 0; k < this.openedAt.length; k++) if (this.openedAt[k] >= 0) this.close(k, now);
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

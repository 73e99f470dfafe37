/**
 * Each policy, step by step, on short sequences traced by hand from its paper's
 * algorithm (the trace of each case is in its comment). These come before any golden
 * number: a golden count is only as good as the policy these pin down.
 */
import { describe, expect, it } from 'vitest';
import { drive } from './harness.ts';
import type { Arc } from '../../src/policies/arc.ts';

describe('policies follow their papers step by step', () => {
  it('lru_evictsLeastRecentlyUsed', () => {
    // cap 3: 1 2 3 | 1 hit → [1,3,2] | 4 evicts 2 | 2 evicts 3 | 5 evicts 1 | 1 evicts 4
    const r = drive('lru', 3, [1, 2, 3, 1, 4, 2, 5, 1]);
    expect(r.pattern).toBe('MMMHMMMM');
    expect(r.resident()).toEqual([1, 2, 5]);
  });

  it('fifo_ignoresHits_evictsOldestInsertion', () => {
    // cap 3: 1 2 3 | 1 hit (no reorder) | 4 evicts 1 | 1 evicts 2 | 2 evicts 3
    const r = drive('fifo', 3, [1, 2, 3, 1, 4, 1, 2]);
    expect(r.pattern).toBe('MMMHMMM');
    expect(r.resident()).toEqual([1, 2, 4]);
  });

  it('clock_givesReferencedEntriesASecondChance', () => {
    // cap 3: 1 2 3 | 1 hit sets its bit | 4: hand at 1 (bit) clears it, evicts 2 |
    // 2 evicts 3 | 1 hit | 5: 1's bit again saves it, 4 goes
    const r = drive('clock', 3, [1, 2, 3, 1, 4, 2, 1, 5]);
    expect(r.pattern).toBe('MMMHMMHM');
    expect(r.resident()).toEqual([1, 2, 5]);
  });

  it('sieve_handSkipsVisitedAndStaysPut', () => {
    // cap 3, queue head→tail 3 2 1; 1 hit marks it | 4: hand at tail 1 (visited → clear)
    // moves to 2, evicts 2, rests on 3 | 2 evicts 3, rests on 4 | 5 evicts 4 |
    // 1 hit | 6: hand on 2 (unvisited) evicts it; 1 survives without ever moving
    const r = drive('sieve', 3, [1, 2, 3, 1, 4, 2, 5, 1, 6]);
    expect(r.pattern).toBe('MMMHMMMHM');
    expect(r.resident()).toEqual([1, 5, 6]);
  });

  it('s3fifo_promotesTwiceHitFromSmall_readmitsGhostToMain', () => {
    // cap 10 (main 9): 1..10 fill S | 1 twice (freq 2), 2 once (freq 1) |
    // 11: S tail 1 has freq > 1 → moves to M; 2 (freq 1) is evicted to the ghost |
    // 2: ghost hit → evicting S tail 3 to the ghost, 2 enters M |
    // 3: ghost hit → 4 goes, 3 enters M | 2 hits
    const seq = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 1, 2, 11, 2, 3, 2];
    const r = drive('s3fifo', 10, seq);
    expect(r.pattern).toBe('MMMMMMMMMMHHHMMMH');
    expect(r.resident()).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('arc_adaptsTargetOnGhostHits', () => {
    // cap 2, p = 0. 1 2 → T1 [2 1] | 1 hit → T2 [1] | 3: REPLACE (|T1| 1 > p 0) → 2 to B1 |
    // 2 ∈ B1: p = 1; REPLACE (|T1| 1 = p, x ∉ B2) → T2's 1 to B2; 2 → T2 |
    // 4: REPLACE → T2's 2 to B2; T1 [4 3] | 1 ∈ B2: p = 0; REPLACE (|T1| 2 > 0) → 3 to B1; 1 → T2 |
    // 3 ∈ B1: p = 1; REPLACE (|T1| 1 = p) → T2's 1 to B2; 3 → T2
    const seq = [1, 2, 1, 3, 2, 4, 1];
    const r = drive('arc', 2, seq);
    expect(r.pattern).toBe('MMHMMMM');
    expect(r.resident()).toEqual([1, 4]);
    expect((r.policy as Arc).p).toBe(0);
    const r2 = drive('arc', 2, [...seq, 3]);
    expect(r2.resident()).toEqual([3, 4]);
    expect((r2.policy as Arc).p).toBe(1);
  });

  it('twoQ_correlatedHitsStayInA1in_ghostHitsEnterAm', () => {
    // cap 4: Kin 1, Kout 2. 1..4 → A1in | 5: A1in over Kin → 1 out to A1out |
    // 1 ∈ A1out: 2 goes to A1out, 1 enters Am | 3 hit (A1in, no move) | 1 hit (Am) |
    // 6: 3 out | 7: 4 out (A1out trimmed to 4 3) | 2 no longer remembered: 5 out, 2 → A1in
    const r = drive('two-q', 4, [1, 2, 3, 4, 5, 1, 3, 1, 6, 7, 2]);
    expect(r.pattern).toBe('MMMMMMHHMMM');
    expect(r.resident()).toEqual([1, 2, 6, 7]);
  });

  it('slru_promotesOneSegmentPerHit_demotesOverflow', () => {
    // cap 8, 4 segments of 2: 1..8 in segment 0 | 1 → s1, 1 → s2, 2 → s1, 3 → s1 |
    // 4 → s1 overflows: its LRU (2) drops to s0's MRU end | 9 evicts s0's LRU 5 | 10 evicts 6
    const r = drive('slru', 8, [1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 2, 3, 4, 9, 10]);
    expect(r.pattern).toBe('MMMMMMMMHHHHHMM');
    expect(r.resident()).toEqual([1, 2, 3, 4, 7, 8, 9, 10]);
  });

  it('lfu_evictsFewestHits_tieBreaksByRecency', () => {
    // cap 3: 1 (twice), 2, 3 | 4: 2 and 3 have one access, 2 is older → 2 goes |
    // 2: 3 goes (older than 4) | 4 hit (count 2) | 5: 2 goes
    const r = drive('lfu', 3, [1, 1, 2, 3, 4, 2, 4, 5]);
    expect(r.pattern).toBe('MHMMMMHM');
    expect(r.resident()).toEqual([1, 4, 5]);
  });

  it('lirs_promotesShortReuseDistance_evictsResidentHir', () => {
    // cap 3: Lhirs 1, LIR 2. 1 2 → LIR | 3 → HIR (S 3 2 1, Q 3) | 1 hit (LIR at bottom) |
    // 4: Q's 3 leaves (non-resident in S); 4 HIR | 3 (non-resident in S) → LIR, bottom LIR 2 → HIR in Q |
    // 2 hit (HIR not in S → top of S, stays HIR) | 2 hit (HIR in S → LIR; bottom LIR 1 → Q; prune) |
    // 5: Q's 1 goes; 5 HIR | 1: 5 goes (non-resident); 1 HIR | 5 (non-resident in S) → LIR, 3 → HIR
    const seq = [1, 2, 3, 1, 4, 3, 2, 2, 5, 1, 5];
    const r = drive('lirs', 3, seq);
    expect(r.pattern).toBe('MMMHMMHHMMM');
    expect(r.resident()).toEqual([2, 3, 5]);
    expect(drive('lirs', 3, seq.slice(0, 9)).resident()).toEqual([2, 3, 5]);
  });

  it('belady_evictsFurthestNextUse', () => {
    // cap 2: 1 2 | 3: next uses 1@3, 2@4 → 2 goes | 1 hit | 2: 1 never again → 1 goes | 3 hit
    const r = drive('belady', 2, [1, 2, 3, 1, 2, 3]);
    expect(r.pattern).toBe('MMMHMH');
    expect(drive('lru', 2, [1, 2, 3, 1, 2, 3]).pattern).toBe('MMMMMM');
  });

  it('wTinyLfu_rejectsCandidateNoMoreFrequentThanVictim', () => {
    // cap 3: window 1, main 2. 1 → window; 2 pushes 1 to probation; 3 pushes 2 |
    // 4: candidate 3 (seen once) vs victim 1 (seen once): tie → the candidate goes |
    // 1 hit → protected; 2 hit → protected, overflow demotes 1 to probation |
    // 5: candidate 4 (once) vs victim 1 (three accesses) → 4 goes
    const r = drive('w-tinylfu', 3, [1, 2, 3, 4, 1, 2, 5]);
    expect(r.pattern).toBe('MMMMHHM');
    expect(r.resident()).toEqual([1, 2, 5]);
  });

  it('wTinyLfu_frequentEntriesSurviveAScan', () => {
    const hot = Array.from({ length: 40 }, (_, i) => i);
    const seq = [...hot, ...hot, ...hot, ...hot, ...Array.from({ length: 2000 }, (_, i) => 100 + i), ...hot];
    const tiny = drive('w-tinylfu', 100, seq);
    const lru = drive('lru', 100, seq);
    // Keys 0..38 reach the protected segment; key 39 was the window's entry when the scan
    // began, so it competes on probation, where halving erodes its count: it may go.
    const hits = [...tiny.pattern.slice(-40)].filter((c) => c === 'H').length;
    expect(hits).toBeGreaterThanOrEqual(39);
    expect(lru.pattern.slice(-40)).toBe('M'.repeat(40));
  });
});

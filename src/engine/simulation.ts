/**
 * The simulation kernel: a clock and a future-event list.
 *
 * Events are ordered by (time, insertion sequence), so events scheduled for the
 * same instant run in the order they were scheduled and every run is
 * deterministic without further care. Time is simulated microseconds held in a
 * double (integers stay exact up to 2^53 µs, about 285 years).
 *
 * An event is a handler plus one numeric argument. Hot paths pass pre-bound
 * handlers and an integer (a request's pool index), so scheduling allocates
 * nothing; rare events may pass a fresh closure. The heap is a binary heap of
 * slot indices over typed arrays, which keeps garbage collection out of the
 * loop even with hundreds of thousands of pending events.
 *
 * There is no cancel: a handler that may have become moot (a timeout whose
 * request already finished) checks a token it was given, which costs less than
 * removing entries from the middle of a heap.
 */
export type Handler = (arg: number) => void;

export class Simulation {
  /** Current simulated time in microseconds. */
  now = 0;
  /** Events executed so far (for throughput figures). */
  executed = 0;

  // The heap itself holds the events (time, sequence, argument, handler at the same
  // index), so a comparison reads adjacent memory instead of following a slot index.
  private time: Float64Array;
  private seq: Float64Array;
  private arg: Float64Array;
  private fn: Handler[];
  private count = 0;
  private sequence = 0;
  private stopped = false;

  constructor(initialCapacity = 1024) {
    const n = Math.max(2, initialCapacity);
    this.time = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.arg = new Float64Array(n);
    this.fn = new Array<Handler>(n).fill(idle);
  }

  /** Number of events waiting. */
  get pending(): number {
    return this.count;
  }

  /** Runs `handler(arg)` after `delay` microseconds (>= 0). */
  schedule(delay: number, handler: Handler, arg = 0): void {
    this.at(this.now + (delay > 0 ? delay : 0), handler, arg);
  }

  /** Runs `handler(arg)` at absolute time `t` (clamped to now). */
  at(t: number, handler: Handler, arg = 0): void {
    if (this.count === this.time.length) this.grow();
    const when = t > this.now ? t : this.now;
    const seq = this.sequence++;
    const time = this.time;
    const seqs = this.seq;
    let i = this.count++;
    // sift up: later sequence numbers never pass an equal time
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (time[parent] <= when) break;
      time[i] = time[parent];
      seqs[i] = seqs[parent];
      this.arg[i] = this.arg[parent];
      this.fn[i] = this.fn[parent];
      i = parent;
    }
    time[i] = when;
    seqs[i] = seq;
    this.arg[i] = arg;
    this.fn[i] = handler;
  }

  /** Stops `run` after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Executes events in order until the queue is empty, `stop()` is called, or the
   * next event lies after `until`; the clock is then left at `until` (or at the last
   * event when the queue emptied first and `until` is infinite).
   */
  run(until = Number.POSITIVE_INFINITY): void {
    this.stopped = false;
    while (this.count > 0 && !this.stopped) {
      // Not cached across iterations: a handler that schedules may grow (replace) the arrays.
      const t = this.time[0];
      if (t > until) break;
      const handler = this.fn[0];
      const a = this.arg[0];
      this.popTop();
      this.now = t;
      this.executed++;
      handler(a);
    }
    if (until !== Number.POSITIVE_INFINITY && !this.stopped && until > this.now) this.now = until;
  }

  private popTop(): void {
    const n = --this.count;
    const time = this.time;
    const seqs = this.seq;
    const args = this.arg;
    const fns = this.fn;
    const lastTime = time[n];
    const lastSeq = seqs[n];
    const lastArg = args[n];
    const lastFn = fns[n];
    fns[n] = idle; // drop the reference so a finished closure can be collected
    let i = 0;
    // sift down: order by (time, sequence)
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (time[r] < time[c] || (time[r] === time[c] && seqs[r] < seqs[c]))) c = r;
      const tc = time[c];
      if (tc > lastTime || (tc === lastTime && seqs[c] > lastSeq)) break;
      time[i] = tc;
      seqs[i] = seqs[c];
      args[i] = args[c];
      fns[i] = fns[c];
      i = c;
    }
    time[i] = lastTime;
    seqs[i] = lastSeq;
    args[i] = lastArg;
    fns[i] = lastFn;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.time = grow(this.time);
    this.seq = grow(this.seq);
    this.arg = grow(this.arg);
    const fns = new Array<Handler>(n).fill(idle);
    for (let i = 0; i < this.count; i++) fns[i] = this.fn[i];
    this.fn = fns;
  }
}

function idle(): void {}

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

  private time: Float64Array;
  private seq: Float64Array;
  private arg: Float64Array;
  private fn: (Handler | undefined)[];
  private heap: Int32Array;
  private count = 0;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private sequence = 0;
  private stopped = false;

  constructor(initialCapacity = 1024) {
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.arg = new Float64Array(initialCapacity);
    this.fn = new Array<Handler | undefined>(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
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
    const slot = this.allocSlot();
    this.time[slot] = t > this.now ? t : this.now;
    this.seq[slot] = this.sequence++;
    this.arg[slot] = arg;
    this.fn[slot] = handler;
    let i = this.count++;
    const heap = this.heap;
    // sift up
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!this.before(slot, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = slot;
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
      const slot = this.heap[0];
      // Not cached across iterations: a handler that schedules may grow (replace) the arrays.
      const t = this.time[slot];
      if (t > until) break;
      this.popTop();
      this.now = t;
      const handler = this.fn[slot] as Handler;
      const a = this.arg[slot];
      this.fn[slot] = undefined;
      this.freeSlots[this.freeCount++] = slot;
      this.executed++;
      handler(a);
    }
    if (until !== Number.POSITIVE_INFINITY && !this.stopped && until > this.now) this.now = until;
  }

  private before(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && this.seq[a] < this.seq[b]);
  }

  private popTop(): void {
    const heap = this.heap;
    const last = heap[--this.count];
    const n = this.count;
    let i = 0;
    // sift down
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.before(heap[r], heap[l])) c = r;
      if (!this.before(heap[c], last)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount];
    if (this.nextSlot === this.time.length) this.grow();
    return this.nextSlot++;
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
    const heap = new Int32Array(n);
    heap.set(this.heap);
    this.heap = heap;
    const free = new Int32Array(n);
    free.set(this.freeSlots);
    this.freeSlots = free;
    this.fn.length = n;
  }
}

/**
 * A resource with `capacity` identical units and a FIFO wait queue (SimPy's
 * `Resource`): a database connection pool, a worker pool. Requests are
 * (handler, arg) pairs; a granted handler runs synchronously at the current
 * simulated time and must eventually call `release()`. A waiter that has given
 * up is not removed from the queue: its handler is still called when its turn
 * comes and should release at once (tokens make that check cheap).
 */
import type { Handler } from './simulation.ts';

export class Resource {
  inUse = 0;
  private handlers: Handler[] = [];
  private args: number[] = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  /** Units in use plus requests waiting. */
  get load(): number {
    return this.inUse + this.waiting;
  }

  get waiting(): number {
    return this.handlers.length - this.head;
  }

  request(handler: Handler, arg: number): void {
    if (this.inUse < this.capacity) {
      this.inUse++;
      handler(arg);
    } else {
      this.handlers.push(handler);
      this.args.push(arg);
    }
  }

  release(): void {
    if (this.head < this.handlers.length) {
      const h = this.handlers[this.head];
      const a = this.args[this.head];
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.handlers.length) this.compact();
      h(a); // the unit passes straight to the next waiter
    } else {
      this.inUse--;
    }
  }

  private compact(): void {
    this.handlers = this.handlers.slice(this.head);
    this.args = this.args.slice(this.head);
    this.head = 0;
  }
}

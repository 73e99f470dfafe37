/**
 * The kernel on an M/M/1 queue (arrival rate 0.9, service rate 1, 1,000,000
 * customers): customers/s and events/s through `Simulation` + `Resource`, next to
 * a plain loop on a typed-array binary heap written for this one model, which
 * bounds what any general kernel could do here (`ratioToPlainLoop` ≤ 2 is the aim).
 */
import { Simulation } from '../../src/engine/simulation.ts';
import { Resource } from '../../src/engine/resource.ts';
import { RandomStreams } from '../../src/engine/rng.ts';
import { peakRssMB, type BenchCase } from '../types.ts';

const CUSTOMERS = 1_000_000;
const LAMBDA = 0.9;
const MU = 1;

function kernelMm1(): { seconds: number; events: number; meanResponse: number } {
  const rng = new RandomStreams(1);
  const arrivals = rng.stream('arrivals');
  const service = rng.stream('service');
  const sim = new Simulation(1024);
  const server = new Resource(1);
  const arrivedAt = new Float64Array(CUSTOMERS);
  let next = 0;
  let totalResponse = 0;
  const depart = (c: number): void => {
    totalResponse += sim.now - arrivedAt[c];
    server.release();
  };
  const serve = (c: number): void => sim.schedule(-Math.log(1 - service()) / MU, depart, c);
  const arrive = (c: number): void => {
    arrivedAt[c] = sim.now;
    server.request(serve, c);
    if (++next < CUSTOMERS) sim.schedule(-Math.log(1 - arrivals()) / LAMBDA, arrive, next);
  };
  const t0 = performance.now();
  sim.schedule(0, arrive, 0);
  sim.run();
  return { seconds: (performance.now() - t0) / 1000, events: sim.executed, meanResponse: totalResponse / CUSTOMERS };
}

/** The same model as a hand-written loop: a heap of (time, kind) on typed arrays and a FIFO counter. */
function plainMm1(): number {
  const rng = new RandomStreams(1);
  const arrivals = rng.stream('arrivals');
  const service = rng.stream('service');
  const cap = 1 << 16;
  const time = new Float64Array(cap);
  const kind = new Uint8Array(cap);
  let n = 0;
  const push = (t: number, k: number): void => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] <= t) break;
      time[i] = time[p];
      kind[i] = kind[p];
      i = p;
    }
    time[i] = t;
    kind[i] = k;
  };
  const pop = (): void => {
    const t = time[--n];
    const k = kind[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && time[c + 1] < time[c]) c++;
      if (time[c] >= t) break;
      time[i] = time[c];
      kind[i] = kind[c];
      i = c;
    }
    time[i] = t;
    kind[i] = k;
  };
  const t0 = performance.now();
  let queue = 0;
  let busy = false;
  let arrived = 1;
  push(0, 0);
  while (n > 0) {
    const now = time[0];
    const k = kind[0];
    pop();
    if (k === 0) {
      if (busy) queue++;
      else {
        busy = true;
        push(now - Math.log(1 - service()) / MU, 1);
      }
      if (arrived++ < CUSTOMERS) push(now - Math.log(1 - arrivals()) / LAMBDA, 0);
    } else if (queue > 0) {
      queue--;
      push(now - Math.log(1 - service()) / MU, 1);
    } else busy = false;
  }
  return (performance.now() - t0) / 1000;
}

export const cases: BenchCase[] = [
  {
    name: 'mm1',
    async run() {
      kernelMm1(); // warm up the JIT
      const k = kernelMm1();
      plainMm1();
      const plain = plainMm1();
      return {
        case: 'mm1',
        customersPerSec: Math.round(CUSTOMERS / k.seconds),
        eventsPerSec: Math.round(k.events / k.seconds),
        plainLoopCustomersPerSec: Math.round(CUSTOMERS / plain),
        ratioToPlainLoop: Math.round((k.seconds / plain) * 100) / 100,
        meanResponse: Math.round(k.meanResponse * 1000) / 1000,
        peakRssMB: peakRssMB(),
      };
    },
  },
];

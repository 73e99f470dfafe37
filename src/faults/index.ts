/**
 * Faults: the scenario's `faults:` list scheduled on the simulation, each at its
 * time, and the timeline annotations (kind `fault`) that mark them on the charts.
 */
import type { TimelineEvent } from '../metrics/result.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { RequestPath } from '../model/request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';
import { faultActions } from './actions.ts';
import { FaultContext } from './context.ts';
import type { FaultSpec } from './schema.ts';
import type { FaultState } from './state.ts';

export function scheduleFaults(sim: Simulation, path: RequestPath, state: FaultState, scenario: Scenario): { context: FaultContext; events: TimelineEvent[] } {
  const context = new FaultContext(sim, path, state, scenario);
  for (const f of scenario.faults) {
    const act = faultActions[f.kind] as (f: FaultSpec, ctx: FaultContext) => void;
    sim.at(f.at, () => act(f, context));
  }
  return { context, events: scenario.faults.map(faultEvent) };
}

export function faultEvent(f: FaultSpec): TimelineEvent {
  const duration = 'duration' in f && f.duration > 0 ? f.duration / 1e6 : undefined;
  const detail =
    f.kind === 'database.slowdown' ? ` ×${f.factor}` : f.kind === 'latency.spike' ? ` +${f.add / 1000}ms on ${f.link}` : f.kind === 'namespace.bump' ? ` ${f.keyspace}` : '';
  return { tSeconds: f.at / 1e6, kind: 'fault', label: `${f.kind}${detail}`, ...(duration !== undefined ? { durationSeconds: duration } : {}) };
}

/**
 * Creates the run's three strategies from the registries and installs the path
 * hooks they need: a shared-cache hit goes to the read strategy, then to the
 * stampede strategy; a fill's TTL gets the jitter (composable with any stampede
 * strategy) and then the stampede strategy's adjustment.
 */
import type { RequestPath } from '../model/request-path.ts';
import type { Scenario } from '../scenario/normalize.ts';
import { readStrategies, stampedeStrategies, writeStrategies } from './index.ts';
import { DEFAULT_JITTER, jitteredTtl } from './stampede/ttl-jitter.ts';
import type { StrategyContext, StrategyReport } from './types.ts';

export function installStrategies(path: RequestPath, scenario: Scenario, ctx: StrategyContext): () => StrategyReport {
  const s = scenario.strategy;
  path.read = readStrategies[s.read](path, scenario, ctx);
  path.stampede = stampedeStrategies[s.stampede](path, scenario, ctx);
  path.write = writeStrategies[s.write](path, scenario, ctx);

  const readHit = path.read.onSharedHit?.bind(path.read);
  const stampedeHit = path.stampede.onHit?.bind(path.stampede);
  if (readHit && stampedeHit) path.hooks.sharedHit = (i) => readHit(i) || stampedeHit(i);
  else path.hooks.sharedHit = readHit ?? stampedeHit;

  const j = s.ttlJitter > 0 ? s.ttlJitter : s.stampede === 'ttl-jitter' ? DEFAULT_JITTER : 0;
  const jitter = j > 0 ? jitteredTtl(j, ctx.rng.stream('strategy.ttl-jitter')) : undefined;
  const adjust = path.stampede.fillTtl?.bind(path.stampede);
  if (jitter && adjust) path.hooks.fillTtl = (ttl, i) => adjust(jitter(ttl), i);
  else if (jitter) path.hooks.fillTtl = jitter;
  else path.hooks.fillTtl = adjust;

  return () => {
    const out: Required<StrategyReport> = { stampede: {}, writes: {} };
    for (const st of [path.read, path.stampede, path.write]) {
      const r = st.report?.();
      Object.assign(out.stampede, r?.stampede);
      Object.assign(out.writes, r?.writes);
    }
    return out;
  };
}

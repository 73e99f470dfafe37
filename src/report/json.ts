/** summary.json: exactly `RunResult.summary` (DESIGN §7), pretty-printed, keys in the collector's order. */
import type { Reporter } from './types.ts';

export const jsonReporter: Reporter = async (ctx) => [
  ctx.write('summary.json', `${JSON.stringify(ctx.result.summary, null, 2)}\n`),
];

/** `cachesim list`: what can be named in a scenario or on the command line. */
import type { CommandModule } from 'yargs';
import { policyNames } from '../policies/index.ts';
import { readStrategyNames, stampedeNames, writeStrategyNames } from '../strategies/names.ts';
import { reportFormats } from '../report/index.ts';
import { distKinds } from '../scenario/schema.ts';
import { traceFormats } from '../workload/traces/index.ts';

export const listCommand: CommandModule<object, object> = {
  command: 'list',
  describe: 'list policies, strategies, distributions and formats',
  handler: () => {
    const traces = Object.keys(traceFormats);
    const rows: Array<[string, readonly string[]]> = [
      ['eviction policies', policyNames],
      ['read strategies', readStrategyNames],
      ['write strategies', writeStrategyNames],
      ['stampede protection', stampedeNames],
      ['distributions', distKinds],
      ['popularity', ['uniform', 'zipf', 'hotSet']],
      ['trace formats', traces],
      ['report formats', reportFormats],
    ];
    for (const [title, names] of rows) process.stdout.write(`${title}: ${names.join(', ')}\n`);
  },
};

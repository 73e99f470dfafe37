/** `cachesim validate <scenario>…`: every problem in every file, exit 0 or 2. */
import type { CommandModule } from 'yargs';
import { loadScenarioFile } from '../scenario/load.ts';
import { normalizeVariants } from '../model/run-scenario.ts';
import { InputError } from '../scenario/errors.ts';
import { loadScenarioTraces } from '../workload/trace-workload.ts';

export const validateCommand: CommandModule<object, { scenarios: string[] }> = {
  command: 'validate <scenarios..>',
  describe: 'check scenario files and print every error',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true })
      .example('$0 validate scenarios/*.yaml', 'exit 0 when all are valid, 2 otherwise'),
  handler: async (args) => {
    const problems: InputError[] = [];
    for (const file of args.scenarios) {
      try {
        const loaded = loadScenarioFile(file);
        normalizeVariants(loaded, undefined, await loadScenarioTraces(loaded));
        process.stdout.write(`${file}: ok\n`);
      } catch (e) {
        if (e instanceof InputError) problems.push(e);
        else throw e;
      }
    }
    if (problems.length > 0) throw new InputError(problems.flatMap((p) => p.problems));
  },
};

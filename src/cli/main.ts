/**
 * The command line: thin commands that parse, call and print. Exit codes:
 * 0 success, 1 simulation failure, 2 bad input or usage. Input problems are
 * printed as `file: place: message` lines without a stack trace.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../scenario/errors.ts';
import { runCommand, compareCommand } from './run.ts';
import { validateCommand } from './validate.ts';
import { schemaCommand } from './schema.ts';
import { listCommand } from './list.ts';
import { replayCommand } from './replay.ts';


class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('cachesim')
      .usage('$0 <command> [options]\n\nDeterministic discrete-event simulation of cache behaviour.')
      .command(runCommand)
      .command(compareCommand)
      .command(replayCommand)
      .command(validateCommand)
      .command(listCommand)
      .command(schemaCommand)
      .demandCommand(1, 'name a command')
      .strict()
      .recommendCommands()
      .help()
      .alias('h', 'help')
      .version(false)
      .wrap(Math.min(110, process.stdout.columns || 100))
      .fail((msg, err) => {
        // yargs reports usage problems (unknown flags, missing arguments) as a message or a YError;
        // throwing stops it from running the command's handler anyway.
        if (err && err.name !== 'YError') throw err;
        throw new UsageError(msg ?? err?.message ?? 'bad usage');
      })
      .parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\nRun with --help for usage.\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cachesim: failed: ${message}\n`);
    if (process.env.CACHESIM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(hideBin(process.argv));

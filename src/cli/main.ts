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
// replay: registered once src/cli/replay.ts lands


export async function main(argv: string[]): Promise<number> {
  let usageError: string | undefined;
  try {
    await yargs(argv)
      .scriptName('cachesim')
      .usage('$0 <command> [options]\n\nDeterministic discrete-event simulation of cache behaviour.')
      .command(runCommand)
      .command(compareCommand)
//REPLAY
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
        if (err) throw err;
        usageError = msg;
      })
      .parseAsync();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cachesim: failed: ${message}\n`);
    if (process.env.CACHESIM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
  if (usageError !== undefined) {
    process.stderr.write(`${usageError}\nRun with --help for usage.\n`);
    return 2;
  }
  return 0;
}

process.exitCode = await main(hideBin(process.argv));
